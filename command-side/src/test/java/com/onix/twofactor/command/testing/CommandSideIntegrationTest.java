package com.onix.twofactor.command.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.CommandSideApplication;
import com.onix.twofactor.support.testing.Tokens;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real command side over HTTP, on the embedded store in memory. Every subclass shares this
 * configuration, so Spring starts the service once for all of them.
 *
 * <p>With {@code ONIX_TEST_MONGO_URI} set, the service uses that MongoDB instead, in a database of
 * its own.
 */
// Metrics export on, as in production (Spring Boot's tests switch it off otherwise): the metrics
// test then shares this context instead of starting one of its own.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    classes = {CommandSideApplication.class, InMemoryStoreConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommandSideIntegrationTest {

  private static final String REAL_MONGO = System.getenv("ONIX_TEST_MONGO_URI");
  private static final String DATABASE = "onix-test-" + UUID.randomUUID();

  protected static final Tokens tokens = new Tokens(TestDataDirectory.PATH);

  @DynamicPropertySource
  static void serviceProperties(DynamicPropertyRegistry registry) {
    registry.add("onix.data-dir", TestDataDirectory.PATH::toString);
    if (REAL_MONGO != null && !REAL_MONGO.isBlank()) {
      registry.add("onix.store.mongo-uri", () -> REAL_MONGO);
      registry.add("onix.store.database", () -> DATABASE);
    }
  }

  @LocalServerPort private int port;

  @Autowired protected EventStore eventStore;

  protected Http http;

  @BeforeEach
  void connect() {
    http = new Http(port);
  }

  protected static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.org";
  }

  protected String registerOrganization() {
    Response created =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .json(Json.of("name", "Org " + UUID.randomUUID()))
            .send();
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("organizationId").asText();
  }

  protected String registerUser(String organizationId) {
    return registerUser(organizationId, uniqueEmail());
  }

  protected String registerUser(String organizationId, String email) {
    Response created = postUser(organizationId, email);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("userId").asText();
  }

  protected Response postUser(String organizationId, String email) {
    return http.post("/organizations/" + organizationId + "/users")
        .token(tokens.orgAdmin(organizationId))
        .json(Json.of("email", email, "displayName", "Test User", "signInMethod", "PASSWORD"))
        .send();
  }

  protected List<? extends DomainEventMessage<?>> storedEvents(String aggregateId) {
    return eventStore.readEvents(aggregateId).asStream().toList();
  }

  protected List<Object> storedPayloads(String aggregateId) {
    return storedEvents(aggregateId).stream().<Object>map(DomainEventMessage::getPayload).toList();
  }
}

package com.onix.twofactor.query.testing;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.QuerySideApplication;
import com.onix.twofactor.query.rebuild.ViewRebuild;
import com.onix.twofactor.support.testing.Tokens;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The running query side on the test store. Every integration test class extends this and adds no
 * configuration of its own, so all of them share one Spring context. Tests feed events through the
 * application's own {@link EventStore}, as the command side writes them, and use fresh ids so that
 * they never see each other's data. Metrics export is on (Spring Boot's tests switch it off
 * otherwise), and the rebuild is a spy that behaves as the bean does until a test says otherwise,
 * so that the probes and metrics tests need no context of their own: a second context would run a
 * second set of projections on the same store.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    classes = QuerySideApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class QuerySideIntegrationTest {

  @DynamicPropertySource
  static void testStore(DynamicPropertyRegistry registry) {
    registry.add("onix.store.mongo-uri", TestStore::uri);
    registry.add("onix.store.database", TestStore::database);
    registry.add("onix.data-dir", () -> TestStore.dataDirectory().toString());
    registry.add("onix.security.issuer", () -> Tokens.ISSUER);
    registry.add("onix.security.jwks-uri", () -> "");
    registry.add("onix.security.jwk-set-file", () -> "");
    // The command side prepares the store's layout; here, the test store has no command side.
    registry.add("onix.event-store.migrate", () -> "true");
    // Checkpoints are signed every 2 s here rather than every minute, so a test can see one.
    registry.add("onix.audit.checkpoint-interval", () -> "2s");
  }

  @LocalServerPort private int port;

  @Autowired protected EventStore eventStore;

  @MockitoSpyBean protected ViewRebuild viewRebuild;

  protected EventFeed feed;
  protected QueryClient api;
  protected final Tokens tokens = new Tokens(TestStore.dataDirectory());

  @BeforeEach
  protected void connectToTheService() {
    feed = new EventFeed(eventStore);
    api = new QueryClient(port);
  }

  /** A registered organization, its policy off. */
  protected String newOrganization() {
    String organizationId = UUID.randomUUID().toString();
    feed.organizationRegistered(organizationId, "Org " + organizationId.substring(0, 8));
    return organizationId;
  }

  protected NewUser newUser(String organizationId, SignInMethod signInMethod) {
    return newUser(organizationId, signInMethod, "user-" + UUID.randomUUID() + "@example.org");
  }

  protected NewUser newUser(String organizationId, SignInMethod signInMethod, String email) {
    String userId = UUID.randomUUID().toString();
    EventFeed.Appended registered =
        feed.userRegistered(organizationId, userId, email, "User " + email, signInMethod);
    return new NewUser(userId, email, registered);
  }

  public record NewUser(String userId, String email, EventFeed.Appended registered) {}
}

package com.onix.twofactor.command.user;

import static com.onix.twofactor.command.testing.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.organization.OrganizationPolicy;
import com.onix.twofactor.command.testing.InMemoryMongo;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.user.RegisterUser;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.time.Clock;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UserRegistration} creates {@link UserTwoFactor}s through the fixture's repository, checks
 * the organization in a real event-sourced repository of its own, and claims emails in a
 * MongoDB-protocol store: only the wiring is the fixture's.
 */
class UserRegistrationTest {

  private static final String ORG = "8d1f5a52-54a5-4bd6-9c1c-2f7b0c8e0a11";
  private static final String UNKNOWN_ORG = "5e0c1d7f-7f3a-4a38-bb8e-0c2d9a6f4e21";
  private static final String OTHER_USER = "a8c2f0d4-1b3e-4c5d-8e9f-0a1b2c3d4e5f";
  private static final String USER = "3f7e1c8a-0f64-4c57-9a0e-6d1f3b2a9c01";

  private static InMemoryMongo mongo;

  private FixtureConfiguration<UserTwoFactor> fixture;
  private EmbeddedEventStore organizationEvents;
  private EmailClaims emailClaims;
  private MongoCollection<Document> claimDocuments;

  @BeforeAll
  static void startStore() {
    mongo = new InMemoryMongo();
  }

  @AfterAll
  static void stopStore() {
    mongo.close();
  }

  @BeforeEach
  void setUp() {
    MongoDatabase database = mongo.database("user-registration-test");
    claimDocuments = database.getCollection(EmailClaims.COLLECTION);
    claimDocuments.deleteMany(new Document());
    emailClaims = new EmailClaims(database, Clock.systemUTC());

    organizationEvents =
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    organizationEvents.publish(
        new GenericDomainEventMessage<>(
            "OrganizationPolicy", ORG, 0, new OrganizationRegistered(ORG, "Acme")));

    fixture = new AggregateTestFixture<>(UserTwoFactor.class);
    fixture.registerAnnotatedCommandHandler(
        new UserRegistration(
            fixture.getRepository(),
            EventSourcingRepository.builder(OrganizationPolicy.class)
                .eventStore(organizationEvents)
                .build(),
            emailClaims,
            fixture.getEventStore()));
  }

  @AfterEach
  void tearDown() {
    organizationEvents.shutDown();
  }

  private static RegisterUser register(String organizationId, String email) {
    return new RegisterUser(USER, organizationId, email, "Ann Smith", SignInMethod.PASSWORD);
  }

  private String claimHolder(String key) {
    Document claim = claimDocuments.find(new Document("_id", key)).first();
    return claim == null ? null : claim.getString("userId");
  }

  @Test
  void registeringAUserInAnExistingOrganizationEmitsUserRegistered() {
    fixture
        .givenNoPriorActivity()
        .when(register(ORG, "ann@example.org"))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new UserRegistered(USER, ORG, "ann@example.org", "Ann Smith", SignInMethod.PASSWORD));
  }

  @Test
  void theRegisteredEmailKeepsTheCaseItWasTypedIn() {
    fixture
        .givenNoPriorActivity()
        .when(register(ORG, "Ann.Smith@Example.org"))
        .expectEvents(
            new UserRegistered(
                USER, ORG, "Ann.Smith@Example.org", "Ann Smith", SignInMethod.PASSWORD));
  }

  @Test
  void registrationAnswersVersionZero() {
    fixture
        .givenNoPriorActivity()
        .when(register(ORG, "ann@example.org"))
        .expectResultMessagePayload(0L);
  }

  @Test
  void aRegistrationClaimsTheCaseInsensitiveEmailForTheUser() {
    fixture.givenNoPriorActivity().when(register(ORG, "Ann@Example.ORG"));

    assertThat(claimHolder("ann@example.org")).isEqualTo(USER);
  }

  @Test
  void registeringInAnUnknownOrganizationIsRefusedWithoutClaimingTheEmail() {
    fixture
        .givenNoPriorActivity()
        .when(register(UNKNOWN_ORG, "ann@example.org"))
        .expectException(refusedWith("UNKNOWN_ORGANIZATION"))
        .expectNoEvents();

    assertThat(claimHolder("ann@example.org")).isNull();
  }

  @Test
  void registeringUnderTheIdOfSomethingThatIsNoOrganizationIsRefused() {
    organizationEvents.publish(
        new GenericDomainEventMessage<>(
            "UserTwoFactor",
            OTHER_USER,
            0,
            new UserRegistered(OTHER_USER, ORG, "bob@example.org", "Bob", SignInMethod.PASSWORD)));

    fixture
        .givenNoPriorActivity()
        .when(register(OTHER_USER, "ann@example.org"))
        // The dispatcher answers this as UNKNOWN_ORGANIZATION.
        .expectException(IncompatibleAggregateException.class)
        .expectNoEvents();

    assertThat(claimHolder("ann@example.org")).isNull();
  }

  @Test
  void anEmailHeldByAnotherUserInAnyCaseIsTaken() {
    emailClaims.claim("ann@example.org", OTHER_USER, id -> true);

    fixture
        .givenNoPriorActivity()
        .when(register(ORG, "ANN@example.org"))
        .expectException(refusedWith("EMAIL_TAKEN"))
        .expectNoEvents();

    assertThat(claimHolder("ann@example.org")).isEqualTo(OTHER_USER);
  }

  @Test
  void aRegistrationThatRollsBackReleasesItsClaim() {
    fixture.registerCommandHandlerInterceptor(
        (unitOfWork, chain) -> {
          chain.proceed();
          throw new IllegalStateException("fails after the handler");
        });

    fixture
        .givenNoPriorActivity()
        .when(register(ORG, "ann@example.org"))
        .expectException(IllegalStateException.class)
        .expectNoEvents();

    assertThat(claimHolder("ann@example.org")).isNull();
  }

  @Test
  void anInvalidEmailIsRefusedBeforeAnythingIsClaimed() {
    fixture
        .givenNoPriorActivity()
        .when(register(ORG, "not an email"))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();

    assertThat(claimDocuments.countDocuments()).isZero();
  }
}

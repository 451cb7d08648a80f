package com.onix.twofactor.command.user;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A claim left behind by a registration that died between claiming and storing its event is taken
 * over once it is old; a claim of a registered user never is. Checked against the real event store.
 */
class EmailClaimRecoveryHttpTest extends CommandSideIntegrationTest {

  @Autowired private MongoDatabase database;

  private MongoCollection<Document> claims;

  @BeforeEach
  void claimsCollection() {
    claims = database.getCollection("email_claims");
  }

  private void ageClaim(String email, Duration age) {
    claims.updateOne(
        new Document("_id", email.toLowerCase()),
        new Document("$set", new Document("claimedAt", Date.from(Instant.now().minus(age)))));
  }

  private void leaveClaim(String email, String userId, Duration age) {
    claims.insertOne(
        new Document("_id", email.toLowerCase())
            .append("userId", userId)
            .append("claimedAt", Date.from(Instant.now().minus(age))));
  }

  @Test
  void anOldClaimOfAUserThatWasNeverRegisteredIsTakenOver() {
    String email = uniqueEmail();
    leaveClaim(email, UUID.randomUUID().toString(), Duration.ofMinutes(5));

    Response created = postUser(registerOrganization(), email);

    assertThat(created.status()).as("%s", created).isEqualTo(201);
  }

  @Test
  void aFreshClaimOfAUserNotYetRegisteredStands() {
    String email = uniqueEmail();
    leaveClaim(email, UUID.randomUUID().toString(), Duration.ZERO);

    assertProblem(postUser(registerOrganization(), email), 409, "EMAIL_TAKEN");
  }

  @Test
  void anOldClaimOfARegisteredUserStands() {
    String email = uniqueEmail();
    registerUser(registerOrganization(), email);
    ageClaim(email, Duration.ofHours(1));

    assertProblem(postUser(registerOrganization(), email), 409, "EMAIL_TAKEN");
  }
}

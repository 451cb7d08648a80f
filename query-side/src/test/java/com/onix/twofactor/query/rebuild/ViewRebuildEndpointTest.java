package com.onix.twofactor.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.Eventually;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.view.ViewStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's rebuild: the views are dropped and replayed from the event store, and come back
 * identical, document by document. Runs near the end, since it drops every view.
 */
@Order(Integer.MAX_VALUE - 1)
class ViewRebuildEndpointTest extends QuerySideIntegrationTest {

  @Autowired private ViewStore views;
  @Autowired private MongoDatabase database;

  @Test
  void aRebuildDropsTheViewsAndReplaysThemIdentically() {
    String org = newOrganization();
    NewUser ann = newUser(org, SignInMethod.PASSWORD);
    newUser(org, SignInMethod.ENTRA_ID);
    feed.policyEnabled(org);
    var last =
        feed.signInMethodChanged(org, ann.userId(), SignInMethod.PASSWORD, SignInMethod.ENTRA_ID);
    assertThat(
            api.get(
                    "/organizations/" + org + "/audit-events?minVersion=" + last.version(),
                    tokens.auditor(org))
                .status())
        .isEqualTo(200);
    String operator = tokens.mint(List.of("PLATFORM_OPERATOR"), null);
    awaitCaughtUp(operator);
    Map<String, List<Document>> before = snapshot();

    var started =
        api.send("POST", "/admin/view-rebuilds", "Bearer " + operator, "application/json");
    assertThat(started.status()).as("%s", started).isEqualTo(202);
    awaitCaughtUp(operator);

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void onlyAPlatformOperatorMayRebuild() {
    String org = newOrganization();
    var refused =
        api.send(
            "POST", "/admin/view-rebuilds", "Bearer " + tokens.orgAdmin(org), "application/json");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(api.get("/admin/projections", tokens.auditor(org)).status()).isEqualTo(403);
    assertThat(api.send("POST", "/admin/view-rebuilds", null, "application/json").status())
        .isEqualTo(401);
  }

  private void awaitCaughtUp(String operator) {
    Eventually.await(
        "the projections have taken in every stored event",
        Duration.ofSeconds(30),
        () -> {
          JsonNode progress = api.get("/admin/projections", operator).json();
          return progress.path("caughtUp").asBoolean()
              && progress.path("eventsProjected").asLong()
                  == progress.path("eventsInStore").asLong();
        });
  }

  private Map<String, List<Document>> snapshot() {
    Map<String, List<Document>> all = new LinkedHashMap<>();
    for (String name : views.viewCollections().stream().sorted().toList()) {
      all.put(
          name,
          database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
    }
    return all;
  }
}

package com.onix.twofactor.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onix.twofactor.console.apis.AuditEvent;
import com.onix.twofactor.console.page.ViewerTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSentencesTest {

  private static final String ANN = "0b6f0a52-3f5e-4a51-9d1c-0d9a4f1f7d11";

  private final UserNames names = new UserNames(null, null);
  private final AuditSentences sentences =
      new AuditSentences(names, new ViewerTime(ZoneId.of("Europe/Berlin"), Instant.EPOCH));

  {
    names.know(ANN, "ann@acme.example");
  }

  @Test
  void anIssuedAccessCodeNamesTheAdminTheUserAndTheExpiryInTheViewersZone() {
    ObjectNode data = data().put("expiresAt", "2026-12-07T09:42:00Z");

    assertThat(sentences.line(event("AccessCodeIssued", "admin-1", "ORG_ADMIN", data)).sentence())
        .isEqualTo(
            "admin-1 issued an access code to ann@acme.example, valid until 7 Dec 2026, 10:42"
                + " Europe/Berlin");
  }

  @Test
  void aResetQuotesItsReason() {
    ObjectNode data = data().put("reason", "lost phone");

    assertThat(sentences.line(event("TwoFactorReset", "admin-1", "ORG_ADMIN", data)).sentence())
        .isEqualTo(
            "admin-1 reset two-factor authentication for ann@acme.example (reason: \u201clost"
                + " phone\u201d)");
  }

  @Test
  void theSignInPageIsNamedAsSuch() {
    ObjectNode data = data().put("method", "ACCESS_CODE");

    AuditLine line =
        sentences.line(event("SecondFactorVerified", "sign-in-page", "SIGN_IN_SERVICE", data));

    assertThat(line.who()).isEqualTo("the sign-in page (sign-in-page)");
    assertThat(line.sentence()).isEqualTo("ann@acme.example signed in with an access code");
  }

  @Test
  void aRejectionSaysWhyAndHowManyInARow() {
    ObjectNode data =
        data().put("method", "TOTP").put("reason", "REPLAYED_CODE").put("consecutiveFailures", 2);

    assertThat(
            sentences
                .line(event("SecondFactorRejected", "sign-in-page", "SIGN_IN_SERVICE", data))
                .sentence())
        .isEqualTo("A sign-in of ann@acme.example was refused: a code already used (2 in a row)");
  }

  @Test
  void aSupersededCodeSaysItWasReplaced() {
    ObjectNode data = data().put("reason", "SUPERSEDED");

    assertThat(sentences.line(event("AccessCodeRevoked", "admin-1", "ORG_ADMIN", data)).sentence())
        .isEqualTo("The access code of ann@acme.example was replaced by a new one");
  }

  private static ObjectNode data() {
    return JsonNodeFactory.instance.objectNode().put("userId", ANN);
  }

  private static AuditEvent event(String type, String actor, String role, ObjectNode data) {
    return new AuditEvent("e1", type, ANN, 3, Instant.EPOCH, actor, List.of(role), "c", data, data);
  }
}

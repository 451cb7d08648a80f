package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.AuditEvent;
import com.onix.twofactor.console.page.StatusWords;
import com.onix.twofactor.console.page.ViewerTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each kind of audit event as a sentence a person reads ("admin-1 issued an access code to …"). */
public final class AuditSentences {

  /** The event types, as the type filter offers them. */
  public static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("AccessCodeIssued", "Access code issued");
    TYPES.put("AccessCodeRevoked", "Access code revoked");
    TYPES.put("AccessCodeRedeemed", "Access code used");
    TYPES.put("TwoFactorReset", "Two-factor authentication reset");
    TYPES.put("TwoFactorSetupStarted", "Setup started");
    TYPES.put("TwoFactorSetupCompleted", "Setup completed");
    TYPES.put("SecondFactorVerified", "Sign-in verified");
    TYPES.put("SecondFactorRejected", "Sign-in code refused");
    TYPES.put("TwoFactorLocked", "Sign-in locked");
    TYPES.put("TwoFactorUnlocked", "Sign-in lock cleared");
    TYPES.put("PolicyEnabled", "Policy turned on");
    TYPES.put("PolicyDisabled", "Policy turned off");
    TYPES.put("UserRegistered", "User added");
    TYPES.put("SignInMethodChanged", "Sign-in method changed");
    TYPES.put("OrganizationRegistered", "Organization registered");
    TYPES.put("EmailCodesAllowed", "Email codes allowed");
    TYPES.put("EmailCodesDisallowed", "Email codes disallowed");
    TYPES.put("EmailCodeSent", "Email code sent");
    TYPES.put("EmailCodeUndeliverable", "Email code undeliverable");
  }

  private final UserNames users;
  private final ViewerTime time;

  public AuditSentences(UserNames users, ViewerTime time) {
    this.users = users;
    this.time = time;
  }

  public AuditLine line(AuditEvent event) {
    return new AuditLine(event, who(event), sentence(event));
  }

  /** Who acted: an admin's id, the sign-in page, or the user themself. */
  String who(AuditEvent event) {
    String actor = event.actorId();
    if (actor == null || actor.isBlank()) {
      return "Onix";
    }
    if (event.actorRoles().contains("SIGN_IN_SERVICE")) {
      return "the sign-in page (" + actor + ")";
    }
    if (event.actorRoles().contains("USER") && actor.equals(event.aggregateId())) {
      return users.of(actor);
    }
    return actor;
  }

  String sentence(AuditEvent event) {
    String actor = who(event);
    String user = users.of(event.text("userId"));
    return switch (event.type()) {
      case "OrganizationRegistered" ->
          actor + " registered the organization \u201c" + event.text("name") + "\u201d";
      case "PolicyEnabled" -> actor + " turned on Require two-factor authentication";
      case "PolicyDisabled" -> actor + " turned off Require two-factor authentication";
      case "EmailCodesAllowed" -> actor + " allowed sign-in codes by email";
      case "EmailCodesDisallowed" -> actor + " stopped sign-in codes by email";
      case "UserRegistered" ->
          actor
              + " added "
              + event.text("email")
              + ", who signs in with "
              + StatusWords.method(event.text("signInMethod"));
      case "SignInMethodChanged" ->
          actor
              + " changed the sign-in method of "
              + user
              + " from "
              + StatusWords.method(event.text("previous"))
              + " to "
              + StatusWords.method(event.text("signInMethod"));
      case "TwoFactorSetupStarted" -> user + " started setting up an authenticator app";
      case "TwoFactorSetupCompleted" -> user + " finished setting up an authenticator app";
      case "TwoFactorReset" -> {
        String reason = event.text("reason");
        yield actor
            + " reset two-factor authentication for "
            + user
            + (reason == null || reason.isBlank() ? "" : " (reason: \u201c" + reason + "\u201d)");
      }
      case "AccessCodeIssued" ->
          actor
              + " issued an access code to "
              + user
              + ", valid until "
              + at(event.text("expiresAt"));
      case "AccessCodeRevoked" ->
          switch (String.valueOf(event.text("reason"))) {
            case "SUPERSEDED" -> "The access code of " + user + " was replaced by a new one";
            case "RESET" -> "The access code of " + user + " was revoked by the reset";
            default -> actor + " revoked the access code of " + user;
          };
      case "AccessCodeRedeemed" -> "The access code of " + user + " was used up";
      case "SecondFactorVerified" -> user + " signed in with " + method(event.text("method"));
      case "SecondFactorRejected" ->
          "A sign-in of "
              + user
              + " was refused: "
              + reason(event.text("reason"))
              + " ("
              + event.text("consecutiveFailures")
              + " in a row)";
      case "TwoFactorLocked" ->
          "Sign-in of " + user + " was locked until " + at(event.text("until"));
      case "TwoFactorUnlocked" -> "The sign-in lock of " + user + " was cleared";
      case "EmailCodeSent" -> "A sign-in code was emailed to " + user;
      case "EmailCodeUndeliverable" ->
          "The sign-in code mail to " + user + " could not be delivered";
      default -> event.type() + " (" + user + ")";
    };
  }

  private String at(String instant) {
    if (instant == null) {
      return "an unknown time";
    }
    try {
      return time.dateTime(Instant.parse(instant)) + " " + time.zoneName();
    } catch (RuntimeException unreadable) {
      return instant;
    }
  }

  private static String method(String method) {
    return switch (String.valueOf(method)) {
      case "TOTP" -> "the authenticator app";
      case "ACCESS_CODE" -> "an access code";
      case "EMAIL_CODE" -> "a code by email";
      default -> String.valueOf(method);
    };
  }

  private static String reason(String reason) {
    return switch (String.valueOf(reason)) {
      case "WRONG_CODE" -> "wrong code";
      case "REPLAYED_CODE" -> "a code already used";
      case "NOT_ENROLLED" -> "no authenticator app set up";
      case "NO_ACTIVE_ACCESS_CODE" -> "no valid access code";
      case "EXPIRED_CODE" -> "the access code had expired";
      case "REVOKED_CODE" -> "the access code was revoked";
      case "USED_CODE" -> "the access code was already used";
      case "NO_ACTIVE_EMAIL_CODE" -> "no valid email code";
      case "EMAIL_UNDELIVERABLE" -> "the email code could not be delivered";
      default -> String.valueOf(reason);
    };
  }
}

package com.onix.twofactor.command.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The words of every mail: what happened, when, by whom, and what to do if it was not the user.
 * Nothing here ever holds a secret or an access code; only the sign-in code mail carries its code.
 */
final class NotificationTexts {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String NOT_YOU =
      "If this was not you or someone you asked, contact your organization's administrator at"
          + " once: someone may be trying to take over your account.";

  private NotificationTexts() {}

  static Notification emailCode(String code, Instant sentAt, Instant expiresAt) {
    return build(
        NotificationKind.EMAIL_CODE,
        "Your Onix sign-in code",
        expiresAt,
        "Someone is signing in to your Onix account and asked for a code by email at "
            + WHEN.format(sentAt)
            + ".",
        "Your sign-in code is: " + code,
        "It works once, until " + WHEN.format(expiresAt) + ". Never share it with anyone.",
        "If you are not signing in right now, do not use the code, and tell your administrator:"
            + " someone knows your password.");
  }

  static Notification accessCodeIssued(Instant at, String issuedBy, Instant expiresAt) {
    return build(
        NotificationKind.ACCESS_CODE_ISSUED,
        "A temporary access code was issued for your Onix account",
        null,
        "At "
            + WHEN.format(at)
            + ", an administrator ("
            + issuedBy
            + ") issued a temporary"
            + " access code that lets you sign in without your authenticator app.",
        "The code works until "
            + WHEN.format(expiresAt)
            + ". The administrator gives it to you"
            + " directly; it is never sent by email.",
        NOT_YOU);
  }

  static Notification twoFactorReset(Instant at, String adminId) {
    return build(
        NotificationKind.TWO_FACTOR_RESET,
        "Your two-factor authentication was reset",
        null,
        "At "
            + WHEN.format(at)
            + ", an administrator ("
            + adminId
            + ") reset two-factor"
            + " authentication on your Onix account. Your authenticator app no longer works for it.",
        "You will be asked to set up an authenticator app again at your next sign-in.",
        NOT_YOU);
  }

  static Notification authenticatorSetUp(Instant at, String actor) {
    return build(
        NotificationKind.AUTHENTICATOR_SET_UP,
        "An authenticator app was set up for your Onix account",
        null,
        "At "
            + WHEN.format(at)
            + ", an authenticator app was set up for two-factor"
            + " authentication on your Onix account (by "
            + actor
            + ").",
        "From now on, each sign-in asks for a code from that app.",
        NOT_YOU + " Ask them to reset your two-factor authentication.");
  }

  static Notification verificationLocked(Instant at, Instant until) {
    return build(
        NotificationKind.VERIFICATION_LOCKED,
        "Sign-in to your Onix account is locked for now",
        null,
        "At "
            + WHEN.format(at)
            + ", too many wrong sign-in codes were entered for your Onix"
            + " account, so verification is locked until "
            + WHEN.format(until)
            + ".",
        "Once the lock ends you can try again; an administrator can also issue you a temporary"
            + " access code.",
        "If it was not you who entered those codes, someone knows your password: change it and"
            + " tell your administrator.");
  }

  static Notification setupRequired(Instant at, String adminId) {
    return build(
        NotificationKind.SETUP_REQUIRED,
        "Your organization now requires two-factor authentication",
        null,
        "At "
            + WHEN.format(at)
            + ", an administrator ("
            + adminId
            + ") of your organization"
            + " turned on \"Require two-factor authentication\".",
        "At your next sign-in to Onix you will be asked to set up an authenticator app (such as"
            + " Google Authenticator or Microsoft Authenticator). Keep your phone at hand.",
        "If you did not expect this, ask your administrator before you set anything up.");
  }

  private static Notification build(
      NotificationKind kind, String subject, Instant deliverBefore, String... paragraphs) {
    List<String> all = List.of(paragraphs);
    String text = String.join("\n\n", all) + "\n\n-- \nOnix two-factor authentication\n";
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    for (String paragraph : all) {
      html.append("<p>").append(escape(paragraph)).append("</p>");
    }
    html.append("<p style=\"color:#666\">Onix two-factor authentication</p></body></html>");
    return new Notification(kind, subject, text, html.toString(), deliverBefore);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}

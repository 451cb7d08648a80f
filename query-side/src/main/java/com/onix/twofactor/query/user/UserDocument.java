package com.onix.twofactor.query.user;

import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.kernel.user.SignInMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** A user as the view holds them, and the sign-in requirement that follows at a given instant. */
public record UserDocument(
    String userId,
    String organizationId,
    String email,
    String displayName,
    SignInMethod signInMethod,
    Enrollment enrollment,
    Instant enrolledAt,
    Instant lastVerifiedAt,
    AccessCode accessCode,
    Instant lockedUntil) {

  static final String ENROLLMENT = "enrollment";

  /** The active temporary access code, by id and expiry only. */
  public record AccessCode(String accessCodeId, Instant expiresAt) {}

  /** What the sign-in page must ask for, and which ways are open. */
  public record Requirement(TwoFactorStatus twoFactor, List<String> methods, Instant lockedUntil) {}

  public static UserDocument from(Document document) {
    Document code = document.get("accessCode", Document.class);
    return new UserDocument(
        document.getString("_id"),
        document.getString("organizationId"),
        document.getString("email"),
        document.getString("displayName"),
        SignInMethod.valueOf(document.getString("signInMethod")),
        Enrollment.valueOf(document.getString(ENROLLMENT)),
        instant(document, "enrolledAt"),
        instant(document, "lastVerifiedAt"),
        code == null
            ? null
            : new AccessCode(code.getString("accessCodeId"), instant(code, "expiresAt")),
        instant(document, "lockedUntil"));
  }

  /** The document the users view keeps, keyed by user id. */
  public Document toDocument() {
    return new Document("_id", userId)
        .append("organizationId", organizationId)
        .append("email", email)
        .append("displayName", displayName)
        .append("signInMethod", signInMethod.name())
        .append(ENROLLMENT, enrollment.name())
        .append("enrolledAt", date(enrolledAt))
        .append("lastVerifiedAt", date(lastVerifiedAt))
        .append(
            "accessCode",
            accessCode == null
                ? null
                : new Document("accessCodeId", accessCode.accessCodeId())
                    .append("expiresAt", date(accessCode.expiresAt())))
        .append("lockedUntil", date(lockedUntil));
  }

  public String emailKey() {
    return new EmailAddress(email).uniquenessKey();
  }

  UserDocument withSignInMethod(SignInMethod method) {
    return new UserDocument(
        userId,
        organizationId,
        email,
        displayName,
        method,
        enrollment,
        enrolledAt,
        lastVerifiedAt,
        accessCode,
        lockedUntil);
  }

  UserDocument withEnrollment(Enrollment state, Instant since) {
    return new UserDocument(
        userId,
        organizationId,
        email,
        displayName,
        signInMethod,
        state,
        since,
        lastVerifiedAt,
        accessCode,
        lockedUntil);
  }

  UserDocument withLastVerifiedAt(Instant at) {
    return new UserDocument(
        userId,
        organizationId,
        email,
        displayName,
        signInMethod,
        enrollment,
        enrolledAt,
        at,
        accessCode,
        lockedUntil);
  }

  UserDocument withAccessCode(AccessCode code) {
    return new UserDocument(
        userId,
        organizationId,
        email,
        displayName,
        signInMethod,
        enrollment,
        enrolledAt,
        lastVerifiedAt,
        code,
        lockedUntil);
  }

  UserDocument withLockedUntil(Instant until) {
    return new UserDocument(
        userId,
        organizationId,
        email,
        displayName,
        signInMethod,
        enrollment,
        enrolledAt,
        lastVerifiedAt,
        accessCode,
        until);
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** The first row of docs/http-api.md's twoFactor table that matches wins. */
  public Requirement requirementAt(Instant now, boolean policyRequired) {
    return requirementAt(now, policyRequired, false);
  }

  /** With "Allow codes by email" on, an active enrollment may also use a code by email. */
  public Requirement requirementAt(Instant now, boolean policyRequired, boolean emailCodesAllowed) {
    if (signInMethod == SignInMethod.ENTRA_ID) {
      return new Requirement(TwoFactorStatus.EXEMPT, List.of(), null);
    }
    if (lockedAt(now)) {
      return new Requirement(TwoFactorStatus.LOCKED, List.of(), lockedUntil);
    }
    List<String> methods = new ArrayList<>();
    TwoFactorStatus status;
    if (enrollment == Enrollment.ACTIVE) {
      status = TwoFactorStatus.VERIFICATION_REQUIRED;
      methods.add("TOTP");
      if (emailCodesAllowed) {
        methods.add("EMAIL_CODE");
      }
    } else if (policyRequired) {
      status = TwoFactorStatus.SETUP_REQUIRED;
      methods.add("TOTP_SETUP");
    } else {
      status = TwoFactorStatus.NOT_REQUIRED;
    }
    if (activeAccessCodeAt(now) != null) {
      methods.add("ACCESS_CODE");
    }
    return new Requirement(status, List.copyOf(methods), null);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** The access code, while it is still valid: it lapses at its expiry without any event. */
  public AccessCode activeAccessCodeAt(Instant now) {
    return accessCode != null && now.isBefore(accessCode.expiresAt()) ? accessCode : null;
  }

  private static Instant instant(Document document, String field) {
    Date value = document.getDate(field);
    return value == null ? null : value.toInstant();
  }
}

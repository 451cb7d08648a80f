package com.onix.twofactor.command.refusal;

/**
 * A command the domain refuses, with nothing applied. The code is the API's stable error code; the
 * kind says how the HTTP layer answers it. Refusals that an auditor must see (wrong codes) are not
 * thrown but returned as results, so that their events are kept.
 */
public class CommandRefused extends RuntimeException {

  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    UNPROCESSABLE
  }

  private final String code;
  private final Kind kind;

  public CommandRefused(Kind kind, String code, String detail) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
  }

  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  public static CommandRefused unknownOrganization() {
    return new CommandRefused(
        Kind.NOT_FOUND, "UNKNOWN_ORGANIZATION", "No such organization exists.");
  }

  /** Also for a user of another organization: its admin must not learn that the user exists. */
  public static CommandRefused unknownUser() {
    return new CommandRefused(
        Kind.NOT_FOUND, "UNKNOWN_USER", "No such user exists in this organization.");
  }

  public static CommandRefused emailTaken() {
    return new CommandRefused(
        Kind.CONFLICT, "EMAIL_TAKEN", "A user with this email address already exists.");
  }

  public static CommandRefused twoFactorExempt() {
    return new CommandRefused(
        Kind.CONFLICT,
        "TWO_FACTOR_EXEMPT",
        "This user signs in with Microsoft Entra ID, which Onix 2FA does not apply to.");
  }

  public static CommandRefused alreadyEnrolled() {
    return new CommandRefused(
        Kind.CONFLICT,
        "ALREADY_ENROLLED",
        "This user already has an active authenticator; an admin must reset it first.");
  }

  public static CommandRefused noPendingSetup() {
    return new CommandRefused(
        Kind.CONFLICT, "NO_PENDING_SETUP", "There is no setup to confirm; start the setup first.");
  }

  public static CommandRefused invalidCode() {
    return new CommandRefused(
        Kind.UNPROCESSABLE, "INVALID_CODE", "The code is not valid. Enter the current code.");
  }

  public static CommandRefused invalidLifetime() {
    return new CommandRefused(
        Kind.INVALID,
        "INVALID_LIFETIME",
        "An access code lives at least 10 minutes and at most 30 days (43200 minutes).");
  }

  public static CommandRefused unknownAccessCode() {
    return new CommandRefused(
        Kind.NOT_FOUND, "UNKNOWN_ACCESS_CODE", "The user has no active access code with this id.");
  }
}

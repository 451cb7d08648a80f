package com.onix.twofactor.command.emailcode;

import com.onix.twofactor.command.refusal.CommandRefused;
import com.onix.twofactor.command.refusal.CommandRefused.Kind;

/** Why no code is sent by email, each answered 409 with nothing applied. */
public final class EmailCodeRefusals {

  private EmailCodeRefusals() {}

  public static CommandRefused notEnrolled() {
    return new CommandRefused(
        Kind.CONFLICT, "NOT_ENROLLED", "The user has no active authenticator app.");
  }

  public static CommandRefused notAllowed() {
    return new CommandRefused(
        Kind.CONFLICT,
        "EMAIL_CODES_NOT_ALLOWED",
        "The organization does not allow codes by email.");
  }
}

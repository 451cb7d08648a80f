package com.onix.twofactor.command.user;

public class EmailTaken extends RuntimeException {
  public EmailTaken() {
    super("email taken", null, false, false);
  }
}

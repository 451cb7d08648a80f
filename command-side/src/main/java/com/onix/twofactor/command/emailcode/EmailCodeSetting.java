package com.onix.twofactor.command.emailcode;

/** Whether an organization has "Allow codes by email" on. */
public interface EmailCodeSetting {

  boolean allowedFor(String organizationId);
}

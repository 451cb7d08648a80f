package com.onix.twofactor.query.user;

/** Where a user stands with their authenticator app. */
public enum Enrollment {
  NONE,
  PENDING,
  ACTIVE
}

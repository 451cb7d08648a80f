package com.onix.twofactor.command.notification;

/** The mails the service sends; the name shows in the delivery records and the metrics. */
enum NotificationKind {
  EMAIL_CODE,
  ACCESS_CODE_ISSUED,
  TWO_FACTOR_RESET,
  AUTHENTICATOR_SET_UP,
  VERIFICATION_LOCKED,
  SETUP_REQUIRED
}

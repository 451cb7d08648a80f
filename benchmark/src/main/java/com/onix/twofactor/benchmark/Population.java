package com.onix.twofactor.benchmark;

import java.util.List;

/** What the benchmark created through the API, and the tokens it acts with. */
record Population(
    String operatorToken,
    String signInToken,
    List<Organization> organizations,
    List<BenchUser> users) {

  /** An organization and a token of its admin, who is also its auditor. */
  record Organization(String id, String adminToken, boolean policyRequired) {}

  enum Kind {
    TOTP,
    PASSWORD,
    ENTRA_ID
  }

  /**
   * {@code secret} is an enrolled user's TOTP secret (else null), {@code enrolledStep} the step of
   * the code that confirmed it: the last step the service has accepted for them.
   */
  record BenchUser(
      String id,
      Organization organization,
      String email,
      Kind kind,
      byte[] secret,
      long enrolledStep) {}

  List<BenchUser> ofKind(Kind kind) {
    return users.stream().filter(user -> user.kind() == kind).toList();
  }

  /** Everyone an admin can issue an access code to: all but the Entra ID users. */
  List<BenchUser> accessCodeEligible() {
    return users.stream().filter(user -> user.kind() != Kind.ENTRA_ID).toList();
  }
}

package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/** A user's authenticator set up as the sign-in page does it, codes from an independent TOTP. */
final class Enrollment {

  private Enrollment() {}

  /** Starts the setup and confirms it with the app's current code; answers the secret. */
  static String enroll(ServiceProcess commands, String token, String userId) throws Exception {
    Api.Answer setup = Api.post(commands.uri("/users/" + userId + "/two-factor/setup"), token, "");
    assertThat(setup.status()).as(setup.raw().body()).isEqualTo(201);
    String secret = setup.body().get("secret").asText();
    Api.Answer confirmed =
        Api.post(
            commands.uri("/users/" + userId + "/two-factor/setup/confirm"),
            token,
            "{\"code\":\"" + IndependentTotp.codeAt(secret, Instant.now()) + "\"}");
    assertThat(confirmed.status()).as(confirmed.raw().body()).isEqualTo(200);
    return secret;
  }
}

package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.onix.twofactor.command.testing.Authenticator;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /users/{userId}/two-factor/setup and .../setup/confirm, over HTTP. */
class TwoFactorSetupHttpTest extends TwoFactorIntegrationTest {

  private static final String PNG_DATA_URI = "data:image/png;base64,";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private static String decodeQrCode(String dataUri) throws Exception {
    assertThat(dataUri).startsWith(PNG_DATA_URI);
    byte[] png = Base64.getDecoder().decode(dataUri.substring(PNG_DATA_URI.length()));
    assertThat(png).startsWith(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a readable PNG").isNotNull();
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
    LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
    // A rendered image, not a photo: zxing's finder-pattern search is for photos and misplaces
    // the grid of about 1 in 200 perfect images, so read it as the pure barcode it is.
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }

  private Response selfSetup(NewUser user) {
    Response started = startSetup(user.userId(), userToken(user.userId()));
    assertThat(started.status()).as("%s", started).isEqualTo(201);
    return started;
  }

  @Test
  void theUserThemselfStartsSetupAndGetsABase32SecretOf160Bits() {
    NewUser user = newUser();

    String secret = selfSetup(user).json().path("secret").asText();

    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(new Base32().decode(secret)).hasSize(20);
  }

  @Test
  void theOtpauthUriNamesIssuerEmailSecretAndParametersExactly() {
    NewUser user = newUser();

    JsonNode body = selfSetup(user).json();

    assertThat(body.path("otpauthUri").asText())
        .isEqualTo(
            "otpauth://totp/Onix:"
                + user.email()
                + "?secret="
                + body.path("secret").asText()
                + "&issuer=Onix&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void theQrCodeIsAPngHoldingExactlyTheOtpauthUri() throws Exception {
    NewUser user = newUser();

    JsonNode body = selfSetup(user).json();

    assertThat(decodeQrCode(body.path("qrCodePng").asText()))
        .isEqualTo(body.path("otpauthUri").asText());
  }

  @Test
  void theSetupResponseIsNotStoredByCaches() {
    NewUser user = newUser();

    assertThat(selfSetup(user).header("Cache-Control")).contains("no-store");
  }

  @Test
  void theSetupResponseCarriesTheUsersNewAggregateVersion() {
    NewUser user = newUser();

    assertThat(selfSetup(user).header("Onix-Aggregate-Version")).isEqualTo(user.userId() + ":1");
  }

  @Test
  void theSignInServiceMayStartTheSetup() {
    NewUser user = newUser();

    Response started = startSetup(user.userId(), signInService());

    assertThat(started.status()).as("%s", started).isEqualTo(201);
    assertThat(started.json().path("secret").asText()).matches("[A-Z2-7]{32}");
  }

  @Test
  void anotherUserMayNotStartTheSetupIs403() {
    NewUser user = newUser();
    NewUser other = newUser();

    Response started = startSetup(user.userId(), userToken(other.userId()));

    assertProblem(started, 403, "FORBIDDEN");
    assertThat(storedEvents(user.userId())).hasSize(1);
  }

  @Test
  void anotherUserMayNotConfirmTheSetupIs403() {
    NewUser user = newUser();
    NewUser other = newUser();
    Authenticator authenticator = new Authenticator(startedSetup(user.userId()));

    Response confirmed =
        http.post("/users/" + user.userId() + "/two-factor/setup/confirm")
            .token(userToken(other.userId()))
            .json(Json.of("code", authenticator.codeForStep(currentStep())))
            .send();

    assertProblem(confirmed, 403, "FORBIDDEN");
    assertThat(storedEvents(user.userId())).hasSize(2);
  }

  @Test
  void anEntraIdUserIs409TwoFactorExempt() {
    String organizationId = registerOrganization();
    String userId = registerEntraIdUser(organizationId);

    assertProblem(startSetup(userId, userToken(userId)), 409, "TWO_FACTOR_EXEMPT");
    assertThat(storedEvents(userId)).hasSize(1);
  }

  @Test
  void startingAgainWhilePendingIs201WithADifferentSecret() {
    NewUser user = newUser();
    String first = startedSetup(user.userId());

    Response again = startSetup(user.userId(), userToken(user.userId()));

    assertThat(again.status()).as("%s", again).isEqualTo(201);
    assertThat(again.json().path("secret").asText()).matches("[A-Z2-7]{32}").isNotEqualTo(first);
  }

  @Test
  void afterStartingAgainTheFirstSecretNoLongerConfirms() {
    NewUser user = newUser();
    String first = startedSetup(user.userId());
    String second = startedSetup(user.userId());
    long step = currentStep();

    Response withFirst = confirmSetup(user.userId(), new Authenticator(first).codeForStep(step));
    Response withSecond = confirmSetup(user.userId(), new Authenticator(second).codeForStep(step));

    assertProblem(withFirst, 422, "INVALID_CODE");
    assertThat(withSecond.status()).as("%s", withSecond).isEqualTo(200);
  }

  @Test
  void confirmingWithTheCurrentCodeIs200Active() {
    NewUser user = newUser();
    Authenticator authenticator = new Authenticator(startedSetup(user.userId()));

    Response confirmed = confirmSetup(user.userId(), authenticator.codeForStep(currentStep()));

    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
    assertThat(confirmed.json().toString()).isEqualTo("{\"status\":\"ACTIVE\"}");
    assertThat(confirmed.header("Onix-Aggregate-Version")).isEqualTo(user.userId() + ":2");
  }

  @Test
  void startingSetupAfterTheConfirmIs409AlreadyEnrolled() {
    Enrolled user = enrolledUser();

    Response again = startSetup(user.userId(), userToken(user.userId()));

    assertProblem(again, 409, "ALREADY_ENROLLED");
    assertThat(storedEvents(user.userId())).hasSize(3);
  }

  @Test
  void confirmingWithAWrongCodeIs422InvalidCodeWithoutRemainingAttempts() {
    NewUser user = newUser();
    Authenticator authenticator = new Authenticator(startedSetup(user.userId()));

    Response confirmed = confirmSetup(user.userId(), wrongCode(authenticator));

    JsonNode problem = assertProblem(confirmed, 422, "INVALID_CODE");
    assertThat(problem.has("remainingAttempts")).as("%s", confirmed).isFalse();
  }

  @Test
  void wrongConfirmsDoNotCountTowardTheLockout() {
    NewUser user = newUser();
    Authenticator authenticator = new Authenticator(startedSetup(user.userId()));
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertProblem(confirmSetup(user.userId(), wrongCode(authenticator)), 422, "INVALID_CODE");
    }
    long step = currentStep();

    Response confirmed = confirmSetup(user.userId(), authenticator.codeForStep(step));
    Response firstFailure = verifyTotp(user.userId(), wrongCode(authenticator));

    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
    JsonNode problem = assertProblem(firstFailure, 422, "INVALID_CODE");
    assertThat(problem.path("remainingAttempts").asInt(-1)).isEqualTo(4);
  }

  @Test
  void confirmingWithoutASetupIs409NoPendingSetup() {
    NewUser user = newUser();

    assertProblem(confirmSetup(user.userId(), "123456"), 409, "NO_PENDING_SETUP");
  }

  @Test
  void startingSetupForAnUnknownUserIs404UnknownUser() {
    String unknown = UUID.randomUUID().toString();

    assertProblem(startSetup(unknown, userToken(unknown)), 404, "UNKNOWN_USER");
  }

  @Test
  void confirmingForAnUnknownUserIs404UnknownUser() {
    String unknown = UUID.randomUUID().toString();

    assertProblem(confirmSetup(unknown, "123456"), 404, "UNKNOWN_USER");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-2-3-4-5", "not-a-user-id", "0f8fad5b-d9cb-469f-a165-70867728950"})
  void aNonCanonicalUserIdIs400InvalidId(String userId) {
    assertProblem(startSetup(userId, signInService()), 400, "INVALID_ID");
  }

  @Test
  void aNonCanonicalUserIdInTheConfirmIs400InvalidId() {
    Response confirmed =
        http.post("/users/1-2-3-4-5/two-factor/setup/confirm")
            .token(signInService())
            .json(Json.of("code", "123456"))
            .send();

    assertProblem(confirmed, 400, "INVALID_ID");
  }
}

package com.onix.twofactor.command.emailcode;

import com.onix.twofactor.command.web.AggregateVersionHeader;
import com.onix.twofactor.command.web.CommandDispatcher;
import com.onix.twofactor.kernel.emailcode.EmailCodeRequestOutcome;
import com.onix.twofactor.kernel.emailcode.SendEmailCode;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import com.onix.twofactor.support.web.StrictIdConversion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in page asks for a code by email. */
@RestController
@SecurityRequirement(name = "bearer")
public class EmailCodeController {

  private final CommandDispatcher dispatcher;
  private final Clock clock;

  public EmailCodeController(CommandDispatcher dispatcher, Clock clock) {
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public record EmailCodeRequest(
      @NotBlank
          @Pattern(
              regexp =
                  "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
              message = "must be a user id")
          String userId) {}

  public record EmailCodeAccepted(String emailCodeId, Instant expiresAt) {}

  @Operation(
      summary = "Mail the user a sign-in code (SIGN_IN_SERVICE)",
      description =
          "202 at once: the mail goes out from the event, whether or not the mail server is up"
              + " (retried until it accepts, not past the code's expiry). 8 digits, valid 10"
              + " minutes, single use, replacing the previous one; verify it with"
              + " POST /sign-in/verifications method EMAIL_CODE. At most 5 an hour: 429"
              + " TOO_MANY_CODES with Retry-After. 423 LOCKED; 409 TWO_FACTOR_EXEMPT,"
              + " NOT_ENROLLED, EMAIL_CODES_NOT_ALLOWED. If the mail server refuses the address"
              + " for good, the verification with that code answers 409 EMAIL_UNDELIVERABLE.")
  @AllowedRoles(OnixRole.SIGN_IN_SERVICE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping(
      path = "/sign-in/email-codes",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<EmailCodeAccepted> send(
      @Valid @RequestBody EmailCodeRequest body, Caller caller, HttpServletRequest request) {
    String userId = StrictIdConversion.parse(body.userId()).toString();
    EmailCodeRequestOutcome outcome =
        dispatcher.dispatch(new SendEmailCode(userId), caller, request, ApiProblem.unknownUser());
    if (outcome.lockedUntil() != null) {
      throw new ApiProblem(
              HttpStatus.LOCKED,
              "LOCKED",
              "Too many failed attempts: verification is locked for now; try again later.")
          .with("lockedUntil", outcome.lockedUntil().toString())
          .withHeader("Retry-After", secondsUntil(outcome.lockedUntil()));
    }
    if (outcome.nextAllowedAt() != null) {
      throw new ApiProblem(
              HttpStatus.TOO_MANY_REQUESTS,
              "TOO_MANY_CODES",
              "At most 5 codes by email an hour; wait before asking for another.")
          .withHeader("Retry-After", secondsUntil(outcome.nextAllowedAt()));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .headers(AggregateVersionHeader.of(userId, outcome.version()))
        .body(new EmailCodeAccepted(outcome.emailCodeId(), outcome.expiresAt()));
  }

  private String secondsUntil(Instant until) {
    long millis = Duration.between(clock.instant(), until).toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }
}

package com.onix.twofactor.command.twofactor;

import com.onix.twofactor.command.web.AggregateVersionHeader;
import com.onix.twofactor.command.web.CommandDispatcher;
import com.onix.twofactor.kernel.twofactor.RefusalCode;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerificationOutcome;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in page has the second factor of a sign-in checked. */
@RestController
@SecurityRequirement(name = "bearer")
public class VerificationController {

  private final CommandDispatcher dispatcher;
  private final Clock clock;

  public VerificationController(CommandDispatcher dispatcher, Clock clock) {
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public record VerificationRequest(
      @NotBlank
          @Pattern(
              regexp =
                  "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
              message = "must be a user id")
          String userId,
      @NotNull VerificationMethod method,
      @NotBlank @Size(max = 64) String code) {
    @Override
    public String toString() {
      return "VerificationRequest[userId=" + userId + ", method=" + method + ", <code>]";
    }
  }

  public record Verified(boolean verified, VerificationMethod method) {}

  @Operation(summary = "Verify a sign-in's second factor (SIGN_IN_SERVICE)")
  @AllowedRoles(OnixRole.SIGN_IN_SERVICE)
  @PostMapping(
      path = "/sign-in/verifications",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Verified> verify(
      @Valid @RequestBody VerificationRequest body, Caller caller, HttpServletRequest request) {
    String userId = StrictIdConversion.parse(body.userId()).toString();
    VerificationOutcome outcome =
        dispatcher.dispatch(
            new VerifySecondFactor(userId, body.method(), body.code()),
            caller,
            request,
            ApiProblem.unknownUser());
    if (outcome.verified()) {
      return ResponseEntity.ok()
          .headers(AggregateVersionHeader.of(userId, outcome.version()))
          .body(new Verified(true, outcome.method()));
    }
    throw refusal(outcome)
        .withHeader(AggregateVersionHeader.NAME, userId + ":" + outcome.version());
  }

  private ApiProblem refusal(VerificationOutcome outcome) {
    if (outcome.locked()) {
      return locked(outcome.lockedUntil());
    }
    RefusalCode code = outcome.refusalCode();
    ApiProblem problem =
        switch (code) {
          case NOT_ENROLLED ->
              new ApiProblem(
                  HttpStatus.CONFLICT,
                  code.name(),
                  "The user has no active authenticator app to verify with.");
          case NO_ACTIVE_ACCESS_CODE ->
              new ApiProblem(
                  HttpStatus.CONFLICT,
                  code.name(),
                  "The user has no valid temporary access code; ask an admin for a new one.");
          case NO_ACTIVE_EMAIL_CODE ->
              new ApiProblem(
                  HttpStatus.CONFLICT,
                  code.name(),
                  "The user has no valid code by email; ask for a new one.");
          case EMAIL_UNDELIVERABLE ->
              new ApiProblem(
                  HttpStatus.CONFLICT,
                  code.name(),
                  "The mail server refused the mail with the code: the user's email address"
                      + " does not accept it. Use another way to sign in.");
          case INVALID_CODE ->
              new ApiProblem(
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  code.name(),
                  "The code is not valid. Enter the current code.");
        };
    return problem.with("remainingAttempts", outcome.remainingAttempts());
  }

  private ApiProblem locked(Instant until) {
    long seconds = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
    return new ApiProblem(
            HttpStatus.LOCKED,
            "LOCKED",
            "Too many failed attempts: verification is locked for now; try again later.")
        .with("lockedUntil", until.toString())
        .withHeader("Retry-After", Long.toString(seconds));
  }
}

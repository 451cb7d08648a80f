package com.onix.twofactor.prompt.page;

import com.onix.twofactor.prompt.apis.ApiRefusal;
import com.onix.twofactor.prompt.apis.OnixApis;
import com.onix.twofactor.prompt.apis.Requirements;
import com.onix.twofactor.prompt.pushed.PendingPrompts;
import com.onix.twofactor.prompt.result.SignInResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The prompt's pages. {@code /prompt?request_uri=} opens a pushed sign-in once and moves it into
 * the session; {@code /prompt/step} shows whatever the sign-in requires now; the forms post the
 * codes. Every refusal of the APIs becomes a sentence on a page.
 */
@Controller
public class PromptPageController {

  private static final Logger log = LoggerFactory.getLogger(PromptPageController.class);
  private static final int MAX_CODE_LENGTH = 64;

  private final PendingPrompts prompts;
  private final OnixApis apis;
  private final PromptReturn back;
  private final Clock clock;

  public PromptPageController(
      PendingPrompts prompts, OnixApis apis, PromptReturn back, Clock clock) {
    this.prompts = prompts;
    this.apis = apis;
    this.back = back;
    this.clock = clock;
  }

  @GetMapping("/prompt")
  ModelAndView open(
      @RequestParam(name = "request_uri", required = false) String requestUri,
      HttpServletRequest request) {
    var prompt = prompts.open(requestUri);
    if (prompt.isEmpty()) {
      return expired();
    }
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    PromptFlow.start(request.getSession(true), prompt.get());
    // Off the one-time address at once, so a reload shows the step instead of "already used".
    return Pages.redirect("/prompt/step");
  }

  @GetMapping("/prompt/expired")
  ModelAndView expired() {
    return Pages.page("expired", HttpStatus.GONE);
  }

  @GetMapping("/prompt/step")
  ModelAndView step(HttpSession session) {
    Optional<PromptFlow> flow = PromptFlow.of(session);
    return flow.isEmpty() ? expired() : show(flow.get(), session, null);
  }

  @GetMapping("/prompt/other-way")
  ModelAndView otherWay(HttpSession session) {
    Optional<PromptFlow> flow = PromptFlow.of(session);
    return flow.isEmpty() ? expired() : anotherWayPage(flow.get(), null, HttpStatus.OK);
  }

  @PostMapping("/prompt/email-code/send")
  ModelAndView sendEmailCode(HttpSession session) {
    Optional<PromptFlow> found = PromptFlow.of(session);
    if (found.isEmpty()) {
      return expired();
    }
    PromptFlow flow = found.get();
    try {
      flow.emailCodeExpiresAt = apis.sendEmailCode(flow.userId, flow.token());
      // Post, redirect, get: a reload shows the page again instead of mailing another code.
      return Pages.redirect("/prompt/email-code");
    } catch (ApiRefusal refusal) {
      return switch (refusal.code()) {
        case "TOO_MANY_CODES" ->
            anotherWayPage(
                flow,
                "You have asked for several codes in a short time. "
                    + LockText.nextCodeAt(refusal.lockedUntil(), clock.instant()),
                HttpStatus.TOO_MANY_REQUESTS);
        case "LOCKED" -> lockedPage(refusal.lockedUntil());
        case "EMAIL_CODES_NOT_ALLOWED", "NOT_ENROLLED" -> show(flow, session, null);
        default -> problem(refusal);
      };
    }
  }

  @GetMapping("/prompt/email-code")
  ModelAndView emailCodeForm(HttpSession session) {
    Optional<PromptFlow> found = PromptFlow.of(session);
    if (found.isEmpty()) {
      return expired();
    }
    PromptFlow flow = found.get();
    return flow.emailCodeExpiresAt == null
        ? anotherWayPage(flow, null, HttpStatus.OK)
        : emailCodePage(flow, null, HttpStatus.OK);
  }

  @PostMapping("/prompt/email-code")
  ModelAndView emailCode(@RequestParam(defaultValue = "") String code, HttpSession session) {
    Optional<PromptFlow> found = PromptFlow.of(session);
    if (found.isEmpty()) {
      return expired();
    }
    PromptFlow flow = found.get();
    if (flow.emailCodeExpiresAt == null) {
      return anotherWayPage(flow, null, HttpStatus.OK);
    }
    String digits = code.replaceAll("[\\s-]", "");
    if (!digits.matches("\\d{8}")) {
      return emailCodePage(flow, "Enter the 8-digit code from the email.", HttpStatus.OK);
    }
    try {
      apis.verify(flow.userId, "EMAIL_CODE", digits, flow.token());
      return finish(flow, session, "VERIFIED", SignInResult.EMAIL_CODE);
    } catch (ApiRefusal refusal) {
      return switch (refusal.code()) {
        case "INVALID_CODE" ->
            emailCodePage(
                flow,
                "That code didn't work. Check the newest email from Onix. " + triesLeft(refusal),
                HttpStatus.UNPROCESSABLE_ENTITY);
        case "NO_ACTIVE_EMAIL_CODE" ->
            emailCodePage(
                flow,
                "That code has expired or was already used. Send a new code. " + triesLeft(refusal),
                HttpStatus.CONFLICT);
        case "EMAIL_UNDELIVERABLE" -> {
          flow.emailCodeExpiresAt = null;
          yield anotherWayPage(
              flow,
              "We couldn't deliver the email to your address. Use another way, or ask your admin"
                  + " for a temporary access code.",
              HttpStatus.CONFLICT);
        }
        case "LOCKED" -> lockedPage(refusal.lockedUntil());
        default -> problem(refusal);
      };
    }
  }

  @PostMapping("/prompt/verify")
  ModelAndView verify(@RequestParam(defaultValue = "") String code, HttpSession session) {
    Optional<PromptFlow> found = PromptFlow.of(session);
    if (found.isEmpty()) {
      return expired();
    }
    PromptFlow flow = found.get();
    String digits = code.replaceAll("\\s", "");
    if (!digits.matches("\\d{6}")) {
      return verifyPage(flow, "Enter the 6-digit code your authenticator app shows.");
    }
    try {
      apis.verify(flow.userId, "TOTP", digits, flow.token());
      return finish(flow, session, "VERIFIED", SignInResult.AUTHENTICATOR_APP);
    } catch (ApiRefusal refusal) {
      return switch (refusal.code()) {
        case "INVALID_CODE" -> verifyPage(flow, "That code didn't work. " + triesLeft(refusal));
        case "LOCKED" -> lockedPage(refusal.lockedUntil());
        case "NOT_ENROLLED" -> show(flow, session, null);
        default -> problem(refusal);
      };
    }
  }

  @PostMapping("/prompt/access-code")
  ModelAndView accessCode(@RequestParam(defaultValue = "") String code, HttpSession session) {
    Optional<PromptFlow> found = PromptFlow.of(session);
    if (found.isEmpty()) {
      return expired();
    }
    PromptFlow flow = found.get();
    String pasted = code.strip();
    if (pasted.isEmpty() || pasted.length() > MAX_CODE_LENGTH) {
      return anotherWayPage(
          flow, "Paste the access code exactly as your admin sent it.", HttpStatus.OK);
    }
    try {
      apis.verify(flow.userId, "ACCESS_CODE", pasted, flow.token());
      return finish(flow, session, "VERIFIED", SignInResult.ACCESS_CODE);
    } catch (ApiRefusal refusal) {
      return switch (refusal.code()) {
        case "INVALID_CODE" ->
            anotherWayPage(
                flow,
                "That access code didn't work. Check it and paste it again. " + triesLeft(refusal),
                HttpStatus.UNPROCESSABLE_ENTITY);
        case "NO_ACTIVE_ACCESS_CODE" ->
            anotherWayPage(
                flow,
                "That access code has expired, was withdrawn or was already used. Ask your admin"
                    + " for a new one. "
                    + triesLeft(refusal),
                HttpStatus.CONFLICT);
        case "LOCKED" -> lockedPage(refusal.lockedUntil());
        default -> problem(refusal);
      };
    }
  }

  @PostMapping("/prompt/setup")
  ModelAndView confirmSetup(@RequestParam(defaultValue = "") String code, HttpSession session) {
    Optional<PromptFlow> found = PromptFlow.of(session);
    if (found.isEmpty()) {
      return expired();
    }
    PromptFlow flow = found.get();
    String digits = code.replaceAll("\\s", "");
    if (flow.setup == null) {
      return show(flow, session, null);
    }
    if (!digits.matches("\\d{6}")) {
      return setupPage(flow, "Enter the 6-digit code your authenticator app shows.");
    }
    try {
      apis.confirmSetup(flow.userId, digits, flow.token());
      // The confirming code proves the user holds the secret: that is this sign-in's second factor.
      return finish(flow, session, "SET_UP", SignInResult.AUTHENTICATOR_APP);
    } catch (ApiRefusal refusal) {
      return switch (refusal.code()) {
        case "INVALID_CODE" ->
            setupPage(
                flow,
                "That code didn't match. Make sure you added the account shown here, then type the"
                    + " code your app shows now.");
        case "NO_PENDING_SETUP", "ALREADY_ENROLLED" -> {
          flow.setup = null;
          yield show(flow, session, null);
        }
        default -> problem(refusal);
      };
    }
  }

  /** Anything unforeseen still ends on a page a person can read, never a stack trace or JSON. */
  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception failure) {
    log.error("Unexpected failure on a prompt page: {}", failure.getClass().getName());
    return Pages.problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. Please go back to the sign-in page and try again.");
  }

  private ModelAndView show(PromptFlow flow, HttpSession session, String error) {
    Requirements requirements;
    try {
      requirements = apis.requirements(flow.email(), flow.token());
    } catch (ApiRefusal refusal) {
      return problem(refusal);
    }
    flow.userId = requirements.userId();
    flow.accessCodeOffered = requirements.offers("ACCESS_CODE");
    flow.emailCodeOffered = requirements.offers("EMAIL_CODE");
    return switch (requirements.twoFactor()) {
      case "EXEMPT", "NOT_REQUIRED" -> finish(flow, session, requirements.twoFactor(), null);
      case "LOCKED" -> lockedPage(requirements.lockedUntil());
      case "VERIFICATION_REQUIRED" -> verifyPage(flow, error);
      case "SETUP_REQUIRED" -> {
        if (flow.setup == null) {
          try {
            flow.setup = apis.startSetup(flow.userId, flow.token());
          } catch (ApiRefusal refusal) {
            yield "ALREADY_ENROLLED".equals(refusal.code())
                ? show(flow, session, error)
                : problem(refusal);
          }
        }
        yield setupPage(flow, error);
      }
      default -> problem(new ApiRefusal(500, "UNKNOWN_REQUIREMENT", null, null));
    };
  }

  private ModelAndView finish(PromptFlow flow, HttpSession session, String outcome, String method) {
    List<String> amr = method == null ? List.of() : List.of(method);
    SignInResult result = new SignInResult(flow.userId, flow.email(), outcome, amr);
    session.invalidate();
    return back.to(flow.prompt, result);
  }

  private ModelAndView verifyPage(PromptFlow flow, String error) {
    return Pages.page("verify", error == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .addObject("email", flow.email())
        .addObject("otherWay", flow.anotherWayOffered())
        .addObject("error", error);
  }

  /** "Try another way": the access code's field, and a code by email where allowed. */
  private ModelAndView anotherWayPage(PromptFlow flow, String error, HttpStatus status) {
    return Pages.page("access-code", status)
        .addObject("email", flow.email())
        .addObject("accessCodeOffered", flow.accessCodeOffered || !flow.emailCodeOffered)
        .addObject("emailCodeOffered", flow.emailCodeOffered)
        .addObject("error", error);
  }

  private ModelAndView emailCodePage(PromptFlow flow, String error, HttpStatus status) {
    return Pages.page("email-code", status)
        .addObject("email", flow.email())
        .addObject("accessCodeOffered", flow.accessCodeOffered)
        .addObject("expiresAt", flow.emailCodeExpiresAt.toString())
        .addObject("expiresText", LockText.codeWorksUntil(flow.emailCodeExpiresAt, clock.instant()))
        .addObject("error", error);
  }

  private ModelAndView setupPage(PromptFlow flow, String error) {
    return Pages.page("setup", error == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
        .addObject("email", flow.email())
        .addObject("qrCode", flow.setup.qrCodePng())
        .addObject("secretGroups", SecretText.grouped(flow.setup.secret()))
        .addObject("otherWay", flow.anotherWayOffered())
        .addObject("error", error);
  }

  private ModelAndView lockedPage(Instant until) {
    Instant lockedUntil = until == null ? clock.instant().plusSeconds(300) : until;
    return Pages.page("locked", HttpStatus.LOCKED)
        .addObject("lockedUntil", lockedUntil.toString())
        .addObject("lockedUntilText", LockText.until(lockedUntil, clock.instant()));
  }

  private static String triesLeft(ApiRefusal refusal) {
    Integer remaining = refusal.remainingAttempts();
    if (remaining == null) {
      return "";
    }
    return remaining == 1
        ? "You have 1 try left before sign-in is locked for a while."
        : "You have " + remaining + " tries left.";
  }

  private ModelAndView problem(ApiRefusal refusal) {
    log.warn("The prompt could not continue: {} {}", refusal.status(), refusal.code());
    return switch (refusal.code()) {
      case "UNAUTHENTICATED" ->
          Pages.problem(
              HttpStatus.UNAUTHORIZED,
              "This sign-in took too long. Please go back to the sign-in page and start again.");
      case "UNKNOWN_USER" ->
          Pages.problem(
              HttpStatus.NOT_FOUND,
              "We couldn't find an Onix account for this sign-in. Please go back to the sign-in"
                  + " page and check your email address.");
      case "TWO_FACTOR_EXEMPT" ->
          Pages.problem(
              HttpStatus.CONFLICT,
              "Your account signs in with Microsoft Entra ID. Please go back and use that.");
      case "UNAVAILABLE", "NOT_YET_CONSISTENT" ->
          Pages.problem(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "Sign-in is briefly unavailable. Please try again in a minute.")
              .addObject("retry", true);
      default ->
          Pages.problem(
              HttpStatus.BAD_GATEWAY,
              "Something went wrong with this sign-in. Please go back to the sign-in page and"
                  + " try again.");
    };
  }
}

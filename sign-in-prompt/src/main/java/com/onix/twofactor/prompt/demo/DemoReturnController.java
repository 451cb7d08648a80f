package com.onix.twofactor.prompt.demo;

import com.nimbusds.jwt.JWTClaimsSet;
import com.onix.twofactor.prompt.PromptSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /demo/return}: a stand-in for the sign-in page's return address, on the allow-list by
 * default. It checks the result as a sign-in page would and says who signed in, and how.
 */
@Controller
public class DemoReturnController {

  /** The sign-in page id the demo expects as {@code aud}: the {@code sub} of its token. */
  public static final String DEMO_AUDIENCE = "sign-in-page";

  private static final Logger log = LoggerFactory.getLogger(DemoReturnController.class);

  private final ResultCheck check;
  private final Map<String, Instant> usedResults = new ConcurrentHashMap<>();

  public DemoReturnController(PromptSettings settings) {
    this.check = new ResultCheck(settings.jwkSetUrl(), settings.issuer(), DEMO_AUDIENCE);
  }

  @GetMapping(PromptSettings.DEMO_RETURN_PATH)
  ModelAndView returned(
      @RequestParam(required = false) String state, @RequestParam(required = false) String result) {
    ModelAndView page = new ModelAndView("demo-return");
    if (result == null || result.isBlank()) {
      return refused(page, "No sign-in result came back with this address.");
    }
    JWTClaimsSet claims;
    try {
      claims = check.check(result);
    } catch (Exception untrusted) {
      log.info("The demo return page refused a result: {}", untrusted.getClass().getSimpleName());
      return refused(
          page, "The sign-in result could not be checked (expired, altered or not ours).");
    }
    Instant now = Instant.now();
    usedResults.values().removeIf(expiry -> expiry.isBefore(now));
    if (usedResults.putIfAbsent(claims.getJWTID(), claims.getExpirationTime().toInstant())
        != null) {
      return refused(page, "This sign-in result was already used.");
    }
    List<?> amr = (List<?>) claims.getClaim("amr");
    return page.addObject("signedIn", true)
        .addObject("email", claims.getClaim("email"))
        .addObject("userId", claims.getSubject())
        .addObject("secondFactor", describe(amr, String.valueOf(claims.getClaim("onix_2fa"))))
        .addObject("state", state)
        .addObject("nonce", claims.getClaim("nonce"))
        .addObject("claims", claims.toJSONObject());
  }

  private static ModelAndView refused(ModelAndView page, String reason) {
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page.addObject("signedIn", false).addObject("reason", reason);
  }

  private static String describe(List<?> amr, String outcome) {
    if (amr.contains("tac")) {
      return "access code";
    }
    if (amr.contains("email")) {
      return "code by email";
    }
    if (amr.contains("otp")) {
      return "SET_UP".equals(outcome) ? "authenticator app (just set up)" : "authenticator app";
    }
    return "EXEMPT".equals(outcome)
        ? "none (signs in with Microsoft Entra ID)"
        : "none (not required)";
  }
}

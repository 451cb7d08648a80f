package com.onix.twofactor.prompt.pushed;

import com.onix.twofactor.prompt.PromptSettings;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /prompt-requests}: the sign-in page pushes a sign-in, server to server. */
@RestController
public class PromptRequestController {

  private final PendingPrompts prompts;
  private final PromptSettings settings;
  private final Clock clock;

  public PromptRequestController(PendingPrompts prompts, PromptSettings settings, Clock clock) {
    this.prompts = prompts;
    this.settings = settings;
    this.clock = clock;
  }

  @AllowedRoles(OnixRole.SIGN_IN_SERVICE)
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/prompt-requests")
  ResponseEntity<PushedAnswer> push(
      Caller caller,
      @AuthenticationPrincipal Jwt token,
      @Valid @RequestBody PushedRequest request) {
    if (!settings.allowsRedirectTo(request.redirectUri())) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          "INVALID_REDIRECT_URI",
          "redirect_uri is not one of the addresses this prompt may send a browser back to.");
    }
    PendingPrompt prompt =
        new PendingPrompt(
            request.email(),
            request.redirectUri(),
            request.state(),
            request.nonce(),
            caller.subject(),
            token.getTokenValue(),
            clock.instant().plus(settings.requestLifetime()));
    String requestUri = prompts.push(prompt);
    String promptUrl =
        settings.publicUrl()
            + "/prompt?request_uri="
            + URLEncoder.encode(requestUri, StandardCharsets.UTF_8);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new PushedAnswer(requestUri, settings.requestLifetime().toSeconds(), promptUrl));
  }
}

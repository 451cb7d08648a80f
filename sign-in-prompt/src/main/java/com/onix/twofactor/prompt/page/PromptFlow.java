package com.onix.twofactor.prompt.page;

import com.onix.twofactor.prompt.apis.Setup;
import com.onix.twofactor.prompt.pushed.PendingPrompt;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;

/**
 * One sign-in's second step, kept in the prompt's session (server memory) from the moment its link
 * is opened until it ends. The setup is kept so that a reload shows the same secret.
 */
final class PromptFlow {

  private static final String ATTRIBUTE = PromptFlow.class.getName();

  final PendingPrompt prompt;
  String userId;
  Setup setup;

  /** Whether the last look at the requirements offered an access code ("Try another way"). */
  boolean accessCodeOffered;

  /** Whether the organization lets this user have a code mailed ("Try another way"). */
  boolean emailCodeOffered;

  /** Until when the code mailed during this sign-in works; null before one was sent. */
  Instant emailCodeExpiresAt;

  private PromptFlow(PendingPrompt prompt) {
    this.prompt = prompt;
  }

  static void start(HttpSession session, PendingPrompt prompt) {
    session.setAttribute(ATTRIBUTE, new PromptFlow(prompt));
  }

  static Optional<PromptFlow> of(HttpSession session) {
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((PromptFlow) session.getAttribute(ATTRIBUTE));
  }

  String token() {
    return prompt.bearerToken();
  }

  String email() {
    return prompt.email();
  }

  boolean anotherWayOffered() {
    return accessCodeOffered || emailCodeOffered;
  }
}

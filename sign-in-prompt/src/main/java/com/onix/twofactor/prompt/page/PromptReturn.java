package com.onix.twofactor.prompt.page;

import com.onix.twofactor.prompt.pushed.PendingPrompt;
import com.onix.twofactor.prompt.result.ResultSigner;
import com.onix.twofactor.prompt.result.SignInResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sends the browser back to the sign-in page: to the pushed {@code redirect_uri} (checked against
 * the allow-list when it was pushed), with its {@code state} and the signed {@code result}.
 */
@Component
public class PromptReturn {

  private final ResultSigner signer;

  public PromptReturn(ResultSigner signer) {
    this.signer = signer;
  }

  ModelAndView to(PendingPrompt prompt, SignInResult result) {
    String redirect = prompt.redirectUri();
    String url =
        redirect
            + (redirect.contains("?") ? "&" : "?")
            + "state="
            + URLEncoder.encode(prompt.state(), StandardCharsets.UTF_8)
            + "&result="
            + URLEncoder.encode(signer.sign(prompt, result), StandardCharsets.UTF_8);
    return Pages.redirectOutside(url);
  }
}

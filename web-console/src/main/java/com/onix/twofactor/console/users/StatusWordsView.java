package com.onix.twofactor.console.users;

import com.onix.twofactor.console.apis.ConsoleUser;
import com.onix.twofactor.console.page.StatusWords;
import com.onix.twofactor.console.page.ViewerTime;

/** {@link StatusWords} for the templates. */
public final class StatusWordsView {

  public String status(ConsoleUser user, ViewerTime time) {
    return StatusWords.status(user, time);
  }

  public String method(String signInMethod) {
    return StatusWords.method(signInMethod);
  }

  public String tone(ConsoleUser user) {
    return StatusWords.tone(user);
  }

  public String users(long count) {
    return StatusWords.users(count);
  }
}

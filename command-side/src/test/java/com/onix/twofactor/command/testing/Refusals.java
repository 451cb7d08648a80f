package com.onix.twofactor.command.testing;

import com.onix.twofactor.command.refusal.CommandRefused;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the domain's refusals by their stable API code. */
public final class Refusals {

  private Refusals() {}

  public static Matcher<CommandRefused> refusedWith(String code) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(CommandRefused refusal) {
        return code.equals(refusal.code());
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a command refused with code ").appendValue(code);
      }
    };
  }
}

package com.onix.twofactor.benchmark;

import java.io.PrintStream;

/** Progress lines on stderr, so stdout holds only the result table. */
final class Progress {

  private final PrintStream out;

  Progress(PrintStream out) {
    this.out = out;
  }

  void say(String format, Object... args) {
    out.println(String.format(format, args));
    out.flush();
  }
}

package com.onix.twofactor.console.users;

import java.util.LinkedHashMap;
import java.util.Map;

/** The lifetimes an admin may choose for an access code (the API allows 10 minutes to 30 days). */
public final class Lifetimes {

  public static final int DEFAULT = 60;

  /** Minutes, and how the choice reads. */
  public static final Map<Integer, String> CHOICES = new LinkedHashMap<>();

  static {
    CHOICES.put(15, "15 minutes");
    CHOICES.put(60, "1 hour");
    CHOICES.put(240, "4 hours");
    CHOICES.put(1440, "1 day");
    CHOICES.put(10080, "7 days");
    CHOICES.put(43200, "30 days");
  }

  private Lifetimes() {}

  public static boolean allowed(int minutes) {
    return CHOICES.containsKey(minutes);
  }
}

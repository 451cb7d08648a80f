package com.onix.twofactor.prompt.page;

import java.util.ArrayList;
import java.util.List;

/** A base32 secret as a person types it: groups of four characters. */
final class SecretText {

  private SecretText() {}

  static List<String> grouped(String secret) {
    List<String> groups = new ArrayList<>();
    for (int start = 0; start < secret.length(); start += 4) {
      groups.add(secret.substring(start, Math.min(secret.length(), start + 4)));
    }
    return groups;
  }
}

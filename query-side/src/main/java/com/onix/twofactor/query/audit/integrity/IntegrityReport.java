package com.onix.twofactor.query.audit.integrity;

/**
 * What a check of an organization's stored history against its audit chain found.
 *
 * @param checkedEvents the positions found to hold, from 1 on
 * @param head the newest position of the chain and its hash
 * @param firstMismatch the first position that does not hold, or null
 */
public record IntegrityReport(
    boolean verified, long checkedEvents, Head head, Mismatch firstMismatch) {

  public record Head(long position, String hash) {}

  /**
   * @param eventId the event the audit history holds at that position (the store's, where the
   *     history holds none)
   */
  public record Mismatch(long position, String eventId, String why) {}
}

package com.onix.twofactor.console.apis;

/**
 * What the query side found when it checked the stored history against its chain.
 *
 * @param mismatchPosition the first position that does not hold, or null when verified
 */
public record IntegrityCheck(
    boolean verified,
    long checkedEvents,
    long headPosition,
    Long mismatchPosition,
    String mismatchEventId,
    String why) {}

package com.onix.twofactor.console.apis;

import java.time.Instant;

/**
 * A checkpoint the query side signed: the head of the organization's audit chain at {@code time}.
 *
 * @param jws the compact JWS an auditor keeps
 */
public record SignedCheckpoint(String jws, long position, String hash, Instant time) {}

package com.onix.twofactor.console.apis;

import java.util.List;

/** A page of the audit history, oldest first, and the cursor of the next one. */
public record AuditPage(List<AuditEvent> events, String next) {}

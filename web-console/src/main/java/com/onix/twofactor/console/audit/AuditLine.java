package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.AuditEvent;

/** One audit entry as a row of the log: when, who, what happened, and the raw event. */
public record AuditLine(AuditEvent event, String who, String sentence) {}

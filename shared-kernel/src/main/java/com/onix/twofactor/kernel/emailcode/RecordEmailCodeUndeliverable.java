package com.onix.twofactor.kernel.emailcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The mailer reports that the mail server refused a code's mail for good. */
public record RecordEmailCodeUndeliverable(
    @TargetAggregateIdentifier String userId, String emailCodeId, int smtpReplyCode) {}

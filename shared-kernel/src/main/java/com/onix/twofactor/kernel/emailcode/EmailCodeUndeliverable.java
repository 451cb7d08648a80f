package com.onix.twofactor.kernel.emailcode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/**
 * The mail server refused the mail carrying the code for good ({@code smtpReplyCode}, e.g. 550); a
 * verification with it is answered {@code EMAIL_UNDELIVERABLE}.
 */
public record EmailCodeUndeliverable(
    String userId, String organizationId, String emailCodeId, int smtpReplyCode)
    implements OrganizationScoped {}

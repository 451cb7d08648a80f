package com.onix.twofactor.command.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ONIX_SMTP_*} and {@code ONIX_MAIL_FROM}. The password is never logged or shown.
 *
 * @param smtpHost empty: the embedded default, mail written as files
 */
@ConfigurationProperties("onix.mail")
record MailSettings(
    String smtpHost,
    int smtpPort,
    String smtpUsername,
    String smtpPassword,
    boolean smtpStarttls,
    String from) {

  MailSettings {
    smtpHost = smtpHost == null ? "" : smtpHost.strip();
    smtpUsername = smtpUsername == null ? "" : smtpUsername;
    smtpPassword = smtpPassword == null ? "" : smtpPassword;
  }

  boolean embedded() {
    return smtpHost.isEmpty();
  }

  @Override
  public String toString() {
    return "MailSettings[host=" + smtpHost + ", port=" + smtpPort + ", <credentials>]";
  }
}

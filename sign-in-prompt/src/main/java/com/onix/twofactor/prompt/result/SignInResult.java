package com.onix.twofactor.prompt.result;

import java.util.List;

/**
 * How a sign-in's second step ended, as the result token states it.
 *
 * @param outcome {@code VERIFIED}, {@code SET_UP}, {@code NOT_REQUIRED} or {@code EXEMPT}
 * @param amr the RFC 8176 methods used: {@code otp} (authenticator app), {@code tac} (temporary
 *     access code), {@code email} (a code by email), none when no second factor was asked for
 */
public record SignInResult(String userId, String email, String outcome, List<String> amr) {

  public static final String AUTHENTICATOR_APP = "otp";
  public static final String ACCESS_CODE = "tac";
  public static final String EMAIL_CODE = "email";
}

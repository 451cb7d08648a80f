package com.onix.twofactor.support.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents of this API: a stable {@code code} and a type derived from it. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(typeOf(code));
    problem.setTitle(titleOf(code));
    problem.setProperty("code", code);
    return problem;
  }

  public static ProblemDetail of(ApiProblem refusal) {
    ProblemDetail problem = of(refusal.status(), refusal.code(), refusal.detail());
    for (Map.Entry<String, Object> property : refusal.properties().entrySet()) {
      problem.setProperty(property.getKey(), property.getValue());
    }
    return problem;
  }

  static URI typeOf(String code) {
    return URI.create("urn:onix:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** {@code EMAIL_TAKEN} reads as "Email taken". */
  static String titleOf(String code) {
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

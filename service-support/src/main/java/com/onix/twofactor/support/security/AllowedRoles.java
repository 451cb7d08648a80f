package com.onix.twofactor.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint, checked by the security filters before Spring MVC reads a parameter or
 * the body, so that a caller without the role learns nothing about what it sent (403, not 400). An
 * endpoint without this or {@link AnyValidToken} is refused to every caller.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedRoles {

  /** The caller must hold one of these. */
  OnixRole[] value();

  /** The path variable naming the organization that the org-scoped roles must be for. */
  String organization() default "";

  /** The path variable naming a user who may also call this themself, with the USER role. */
  String orSelf() default "";
}

package com.onix.twofactor.support.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take a {@link Caller} parameter. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(Caller.class);
  }

  @Override
  public Caller resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new IllegalStateException("endpoint reached without a bearer token");
    }
    return fromToken(token.getToken());
  }

  public static Caller fromToken(Jwt jwt) {
    Set<OnixRole> roles = EnumSet.noneOf(OnixRole.class);
    Object claim = jwt.getClaims().get(TokenClaims.ROLES);
    if (claim instanceof List<?> names) {
      for (Object name : names) {
        if (name instanceof String text) {
          OnixRole.parse(text).ifPresent(roles::add);
        }
      }
    }
    Object org = jwt.getClaims().get(TokenClaims.ORGANIZATION);
    return new Caller(jwt.getSubject(), roles, org instanceof String text ? text : null);
  }
}

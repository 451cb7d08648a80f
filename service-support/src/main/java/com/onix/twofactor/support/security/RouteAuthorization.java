package com.onix.twofactor.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Checks each route's {@link AllowedRoles} in the security filter chain. Spring MVC resolves a
 * handler's arguments (path variables, query parameters, the body) before the handler runs, so a
 * check inside the handler came after a 400 for a malformed parameter: a caller without the role
 * could probe what the endpoint accepts. Here the route is matched by method and path only, from
 * the same mappings Spring MVC uses, and the path variables the rule needs are read as raw text.
 */
public class RouteAuthorization
    implements AuthorizationManager<RequestAuthorizationContext>, SmartInitializingSingleton {

  private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
  private static final AuthorizationDecision UNAUTHENTICATED = new AuthorizationDecision(false);

  private final BeanFactory beans;
  private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
  private volatile List<Route> routes = List.of();

  public RouteAuthorization(BeanFactory beans) {
    this.beans = beans;
  }

  record Route(Set<String> methods, PathPattern pattern, RouteRule rule) {}

  /** Refused by a route's rule, with the reason the 403 tells. */
  public static final class RouteDenial extends AuthorizationDecision {
    private final String detail;

    RouteDenial(String detail) {
      super(false);
      this.detail = detail;
    }

    public String detail() {
      return detail;
    }
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!beans.containsBean("requestMappingHandlerMapping")) {
      return; // no Spring MVC, no handler to guard
    }
    routes =
        routesOf(beans.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
  }

  static List<Route> routesOf(RequestMappingHandlerMapping mapping) {
    Map<String, Route> byKey = new HashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      Set<String> methods =
          info.getMethodsCondition().getMethods().stream()
              .map(RequestMethod::name)
              .collect(Collectors.toUnmodifiableSet());
      for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
        Route route = new Route(methods, pattern, RouteRule.of(entry.getValue(), pattern));
        String key = methods.stream().sorted().toList() + " " + pattern.getPatternString();
        Route before = byKey.putIfAbsent(key, route);
        if (before != null && !before.rule().equals(route.rule())) {
          // Two handlers told apart by media type share a route, so they must share its rule.
          throw new IllegalStateException("handlers of " + key + " declare different roles");
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (caller == null || trust.isAnonymous(caller) || !caller.isAuthenticated()) {
      return UNAUTHENTICATED;
    }
    if (!(caller instanceof JwtAuthenticationToken token)) {
      return new RouteDenial("Only a bearer token is accepted.");
    }
    Optional<Match> match = match(context.getRequest());
    if (match.isEmpty()) {
      return GRANTED; // no route: Spring MVC answers 404, 405 or OPTIONS, and reads nothing
    }
    Optional<String> refusal =
        match
            .get()
            .route()
            .rule()
            .refusal(CallerArgumentResolver.fromToken(token.getToken()), match.get().variables());
    return refusal.<AuthorizationDecision>map(RouteDenial::new).orElse(GRANTED);
  }

  private record Match(Route route, Map<String, String> variables) {}

  private Optional<Match> match(HttpServletRequest request) {
    PathContainer path;
    try {
      path =
          RequestPath.parse(request.getRequestURI(), request.getContextPath())
              .pathWithinApplication();
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
    Optional<Match> match = match(request.getMethod(), path);
    if (match.isEmpty() && "HEAD".equals(request.getMethod())) {
      return match("GET", path); // Spring MVC serves HEAD with the GET handler
    }
    return match;
  }

  private Optional<Match> match(String method, PathContainer path) {
    List<Route> candidates = new ArrayList<>();
    for (Route route : routes) {
      if ((route.methods().isEmpty() || route.methods().contains(method))
          && route.pattern().matches(path)) {
        candidates.add(route);
      }
    }
    return candidates.stream()
        .min(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
        .map(route -> new Match(route, route.pattern().matchAndExtract(path).getUriVariables()));
  }
}

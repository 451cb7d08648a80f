package com.onix.twofactor.console.signin;

import com.onix.twofactor.console.page.ViewerTime;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The pages that need someone signed in, and how controllers get that person. */
@Configuration(proxyBeanMethods = false)
public class ConsoleWeb implements WebMvcConfigurer {

  /** Reachable without being signed in. */
  static final String[] OPEN = {
    "/sign-in",
    "/sign-in/**",
    "/sign-out",
    "/signed-out",
    "/error",
    "/css/**",
    "/js/**",
    "/favicon.ico",
    "/oauth2/**",
    "/login/**",
    "/sign-in-links",
    "/actuator/**"
  };

  private final Clock clock;

  public ConsoleWeb(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new SignedInRequired(clock))
        .addPathPatterns("/**")
        .excludePathPatterns(OPEN);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(SignedInPerson.class)
                || parameter.getParameterType().equals(ViewerTime.class);
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer container,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            if (parameter.getParameterType().equals(ViewerTime.class)) {
              return ViewerTime.of(
                  request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class),
                  clock.instant());
            }
            Object person =
                request.getAttribute(SignedInRequired.PERSON, RequestAttributes.SCOPE_REQUEST);
            if (person == null) {
              throw new IllegalStateException("a console page was reached without sign-in");
            }
            return person;
          }
        });
  }
}

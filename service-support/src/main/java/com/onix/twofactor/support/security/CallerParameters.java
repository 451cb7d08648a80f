package com.onix.twofactor.support.security;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Controllers take the {@link Caller} the bearer token names as a parameter; the OpenAPI document
 * does not list it, since a client sends it as the token, never as a query parameter.
 */
@Configuration(proxyBeanMethods = false)
public class CallerParameters implements WebMvcConfigurer {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver());
  }
}

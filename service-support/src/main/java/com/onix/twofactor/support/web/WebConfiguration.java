package com.onix.twofactor.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** JSON strictness, request ids, the body limit and problem responses for every endpoint. */
@Configuration(proxyBeanMethods = false)
@Import({
  ProblemHandlingAdvice.class,
  ProblemErrorController.class,
  ProblemResponseWriter.class,
  ApiDocumentation.class
})
public class WebConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return json ->
        json.featuresToEnable(
                // {"name":"x","name":"y"} would otherwise mean whichever the parser kept.
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
  }

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration =
        new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      ProblemResponseWriter problems) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestBodyLimitFilter(problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EmptyActuatorErrorFilter> emptyActuatorErrorFilter(
      ProblemResponseWriter problems) {
    FilterRegistrationBean<EmptyActuatorErrorFilter> registration =
        new FilterRegistrationBean<>(new EmptyActuatorErrorFilter(problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  /** After the security filters (order -100): a caller without the role still gets 403 first. */
  @Bean
  FilterRegistrationBean<MediaRangeContentTypeFilter> mediaRangeContentTypeFilter(
      ProblemResponseWriter problems) {
    FilterRegistrationBean<MediaRangeContentTypeFilter> registration =
        new FilterRegistrationBean<>(new MediaRangeContentTypeFilter(problems));
    registration.setOrder(0);
    return registration;
  }

  /**
   * Lets an encoded slash in a path through to the application, whose firewall refuses it with a
   * problem document, instead of Tomcat answering with an HTML page of its own.
   */
  @Bean
  TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
    return connector -> connector.setEncodedSolidusHandling("passthrough");
  }

  @Bean
  TomcatProblemReports tomcatProblemReports() {
    return new TomcatProblemReports();
  }

  @Bean
  StrictIdConversion strictIdConversion() {
    return new StrictIdConversion();
  }
}

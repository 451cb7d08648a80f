package com.onix.twofactor.console;

import com.onix.twofactor.support.ServiceSupportAutoConfiguration;
import com.onix.twofactor.support.security.BearerTokenSecurity;
import com.onix.twofactor.support.security.MetricsEndpointSecurity;
import com.onix.twofactor.support.time.ClockConfiguration;
import com.onix.twofactor.support.web.ProblemResponseWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The admin console. It has no store of its own and no JSON API beside the sign-in link push: it
 * takes service support's token validation (the same the APIs apply), and renders pages.
 */
@SpringBootApplication(
    exclude = {
      ServiceSupportAutoConfiguration.class,
      MongoAutoConfiguration.class,
      OAuth2ClientAutoConfiguration.class
    })
@Import({
  BearerTokenSecurity.class,
  MetricsEndpointSecurity.class,
  ProblemResponseWriter.class,
  ClockConfiguration.class
})
@EnableConfigurationProperties(ConsoleSettings.class)
public class WebConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebConsoleApplication.class, args);
  }
}

package com.onix.twofactor.prompt;

import com.onix.twofactor.support.ServiceSupportAutoConfiguration;
import com.onix.twofactor.support.security.BearerTokenSecurity;
import com.onix.twofactor.support.time.ClockConfiguration;
import com.onix.twofactor.support.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The sign-in prompt. It has no store of its own: it takes service support's token security,
 * problem responses and clock, but not its Mongo client.
 */
@SpringBootApplication(
    exclude = {ServiceSupportAutoConfiguration.class, MongoAutoConfiguration.class})
@Import({WebConfiguration.class, BearerTokenSecurity.class, ClockConfiguration.class})
@EnableConfigurationProperties(PromptSettings.class)
public class SignInPromptApplication {

  public static void main(String[] args) {
    SpringApplication.run(SignInPromptApplication.class, args);
  }
}

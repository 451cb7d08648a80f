package com.onix.twofactor.support;

import com.onix.twofactor.support.security.BearerTokenSecurity;
import com.onix.twofactor.support.security.CallerController;
import com.onix.twofactor.support.security.MetricsEndpointSecurity;
import com.onix.twofactor.support.store.MongoConnection;
import com.onix.twofactor.support.time.ClockConfiguration;
import com.onix.twofactor.support.web.WebConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/** What every Onix service gets by having this module on its class path. */
@AutoConfiguration(
    before = {
      ErrorMvcAutoConfiguration.class,
      SecurityAutoConfiguration.class,
      OAuth2ResourceServerAutoConfiguration.class
    })
@Import({
  WebConfiguration.class,
  BearerTokenSecurity.class,
  MetricsEndpointSecurity.class,
  CallerController.class,
  MongoConnection.class,
  ClockConfiguration.class
})
public class ServiceSupportAutoConfiguration {}

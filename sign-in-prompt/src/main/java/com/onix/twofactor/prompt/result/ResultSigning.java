package com.onix.twofactor.prompt.result;

import com.onix.twofactor.prompt.PromptSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The result keys and the signer. */
@Configuration(proxyBeanMethods = false)
public class ResultSigning {

  @Bean
  ResultKeys resultKeys(PromptSettings settings, @Value("${onix.data-dir}") Path dataDirectory) {
    String file = settings.resultKeysFile();
    return file == null || file.isBlank()
        ? ResultKeys.generatedUnder(dataDirectory)
        : ResultKeys.fromFile(Path.of(file));
  }

  @Bean
  ResultSigner resultSigner(ResultKeys keys, PromptSettings settings, Clock clock) {
    return new ResultSigner(keys, settings, clock);
  }
}

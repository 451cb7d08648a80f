package com.onix.twofactor.command;

import com.onix.twofactor.command.token.TokenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;

@SpringBootApplication(exclude = MongoAutoConfiguration.class)
public class CommandSideApplication {

  public static void main(String[] args) {
    if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
      System.exit(TokenCommand.run(args, System.getenv(), System.out, System.err));
    }
    SpringApplication.run(CommandSideApplication.class, args);
  }
}

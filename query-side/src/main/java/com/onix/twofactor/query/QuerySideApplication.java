package com.onix.twofactor.query;

import com.onix.twofactor.query.audit.integrity.VerifyAuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;

@SpringBootApplication(exclude = MongoAutoConfiguration.class)
public class QuerySideApplication {

  public static void main(String[] args) {
    if (args.length > 0 && VerifyAuditCommand.NAME.equals(args[0])) {
      System.exit(VerifyAuditCommand.run(args, System.getenv(), System.out, System.err));
    }
    SpringApplication.run(QuerySideApplication.class, args);
  }
}

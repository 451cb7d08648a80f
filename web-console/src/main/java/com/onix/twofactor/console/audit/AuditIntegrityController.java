package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.apis.IntegrityCheck;
import com.onix.twofactor.console.apis.SignedCheckpoint;
import com.onix.twofactor.console.page.Pages;
import com.onix.twofactor.console.signin.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit log's integrity, for auditors: the whole stored history checked against its hash chain
 * and its newest signed checkpoint, and a checkpoint of the chain's head to keep.
 */
@Controller
public class AuditIntegrityController {

  private final ConsoleApis apis;

  public AuditIntegrityController(ConsoleApis apis) {
    this.apis = apis;
  }

  @GetMapping("/audit/integrity")
  ModelAndView check(SignedInPerson person) {
    if (!person.audits()) {
      return auditorsOnly();
    }
    IntegrityCheck check = apis.integrity(person.organizationId(), person.token());
    Optional<SignedCheckpoint> checkpoint =
        apis.latestCheckpoint(person.organizationId(), person.token());
    return Pages.page("audit-integrity", HttpStatus.OK)
        .addObject("section", "audit")
        .addObject("check", check)
        .addObject("checkpoint", checkpoint.orElse(null));
  }

  /**
   * A checkpoint of the chain's head, signed now if the newest does not cover it: the auditor keeps
   * the file, and a history changed after it no longer matches it. A get: signing the head states
   * what the history is, and changes nothing in it.
   */
  @GetMapping("/audit/checkpoint")
  void download(SignedInPerson person, HttpServletResponse response) throws IOException {
    if (!person.audits()) {
      response.sendError(HttpStatus.FORBIDDEN.value());
      return;
    }
    SignedCheckpoint checkpoint = apis.signCheckpoint(person.organizationId(), person.token());
    String file =
        "onix-audit-checkpoint-" + person.organizationId() + "-" + checkpoint.position() + ".jws";
    response.setContentType("application/jose");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    response.getOutputStream().write((checkpoint.jws() + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static ModelAndView auditorsOnly() {
    return Pages.problem(
        HttpStatus.FORBIDDEN,
        "Auditors only",
        "Checking the history's integrity and keeping its checkpoints is an auditor's task.");
  }
}

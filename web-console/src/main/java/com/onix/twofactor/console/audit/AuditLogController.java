package com.onix.twofactor.console.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.onix.twofactor.console.apis.ApiRefusal;
import com.onix.twofactor.console.apis.AuditEvent;
import com.onix.twofactor.console.apis.AuditPage;
import com.onix.twofactor.console.apis.AuditQuery;
import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.apis.SignedCheckpoint;
import com.onix.twofactor.console.page.Checked;
import com.onix.twofactor.console.page.Pages;
import com.onix.twofactor.console.page.ViewerTime;
import com.onix.twofactor.console.signin.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit log (auditors and admins): the history newest or oldest first, filtered by user, event
 * type and time window, each entry a sentence with a link to its raw event, and Export.
 */
@Controller
public class AuditLogController {

  static final int PAGE_SIZE = 50;
  static final int MAX_NEWEST_PAGE = 199;
  private static final ObjectMapper PRETTY =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // A display name's right-to-left override then reads as \u202E instead of acting.
          .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

  private final ConsoleApis apis;
  private final Clock clock;

  public AuditLogController(ConsoleApis apis, Clock clock) {
    this.apis = apis;
    this.clock = clock;
  }

  @GetMapping("/audit")
  ModelAndView log(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String order,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "0") int page,
      SignedInPerson person,
      ViewerTime time) {
    AuditFilterForm form = AuditFilterForm.of(user, type, from, to, order);
    AuditFilterForm.Resolved filter = form.resolve(apis, person, time);
    ModelAndView view =
        Pages.page("audit", HttpStatus.OK)
            .addObject("section", "audit")
            .addObject("audits", person.audits())
            .addObject("checkpoint", person.audits() ? latestCheckpoint(person) : null)
            .addObject("form", form)
            .addObject("types", AuditSentences.TYPES)
            .addObject("filterQuery", form.queryString(false))
            .addObject("orderedQuery", form.queryString(true));
    if (filter.unknownUser()) {
      return view.addObject("lines", List.of())
          .addObject("error", "No user of your organization has that email address or id.");
    }
    List<AuditEvent> events;
    String next = null;
    boolean older = false;
    // Newest first keeps the pages up to the one shown in memory: beyond that, oldest first or a
    // time window reach further back.
    int shownPage = Math.max(0, Math.min(page, MAX_NEWEST_PAGE));
    if (form.oldestFirst()) {
      AuditPage found =
          apis.audit(
              person.organizationId(),
              filter.query(),
              PAGE_SIZE,
              Checked.cursor(cursor),
              person.token());
      events = found.events();
      next = found.next();
    } else {
      NewestFirst newest = new NewestFirst(shownPage, PAGE_SIZE);
      apis.eachAuditEvent(person.organizationId(), filter.query(), null, person.token(), newest);
      events = newest.events();
      older = newest.hasOlder();
    }
    UserNames names = new UserNames(apis, person);
    AuditSentences sentences = new AuditSentences(names, time);
    return view.addObject("lines", events.stream().map(sentences::line).toList())
        .addObject("next", next)
        .addObject("page", shownPage)
        .addObject("older", older && shownPage < MAX_NEWEST_PAGE);
  }

  /** The badge's checkpoint; a page of the log still shows when it cannot be had. */
  private SignedCheckpoint latestCheckpoint(SignedInPerson person) {
    try {
      return apis.latestCheckpoint(person.organizationId(), person.token()).orElse(null);
    } catch (ApiRefusal unavailable) {
      return null;
    }
  }

  /** The raw event, as the query side recorded it (found by its type and instant). */
  @GetMapping("/audit/events/{eventId}")
  ModelAndView raw(
      @org.springframework.web.bind.annotation.PathVariable String eventId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String at,
      SignedInPerson person,
      ViewerTime time)
      throws IOException {
    Instant instant = parse(at);
    String eventType = Checked.oneOf(type, AuditSentences.TYPES.keySet());
    if (instant == null || eventType == null || !Checked.isId(eventId)) {
      return missing();
    }
    AtomicReference<AuditEvent> found = new AtomicReference<>();
    apis.eachAuditEvent(
        person.organizationId(),
        new AuditQuery(null, List.of(eventType), instant, instant.plusMillis(1)),
        null,
        person.token(),
        event -> {
          if (event.eventId().equals(eventId)) {
            found.set(event);
          }
        });
    if (found.get() == null) {
      return missing();
    }
    AuditSentences sentences = new AuditSentences(new UserNames(apis, person), time);
    return Pages.page("audit-event", HttpStatus.OK)
        .addObject("section", "audit")
        .addObject("line", sentences.line(found.get()))
        .addObject("json", PRETTY.writeValueAsString(found.get().raw()));
  }

  /** Export: the NDJSON of the current filter, as a download. */
  @GetMapping("/audit/export")
  void export(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      SignedInPerson person,
      ViewerTime time,
      HttpServletResponse response)
      throws IOException {
    AuditFilterForm form = AuditFilterForm.of(user, type, from, to, null);
    AuditFilterForm.Resolved filter = form.resolve(apis, person, time);
    String filename =
        "onix-audit-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".ndjson";
    ConsoleApis.ExportTarget download =
        () -> {
          response.setContentType("application/x-ndjson");
          response.setCharacterEncoding("UTF-8");
          response.setHeader("Cache-Control", "no-store");
          response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
          return response.getOutputStream();
        };
    if (filter.unknownUser()) {
      download.open().flush();
      return;
    }
    apis.exportAudit(person.organizationId(), filter.query(), person.token(), download);
  }

  private static Instant parse(String at) {
    try {
      return at == null ? null : Instant.parse(at);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static ModelAndView missing() {
    return Pages.problem(
        HttpStatus.NOT_FOUND, "Event not found", "We couldn't find this event in your audit log.");
  }
}

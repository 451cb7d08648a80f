package com.onix.twofactor.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Walks an organization's history in order, a chunk of positions at a time. */
@Component
public class AuditReader {

  private static final int CHUNK = 500;

  private final AuditTrail trail;

  public AuditReader(AuditTrail trail) {
    this.trail = trail;
  }

  /** A page and the position to continue after, or null when nothing further matches. */
  public record Page(List<AuditRecord> events, Long continueAfter) {}

  public Page page(String organizationId, long after, int limit, AuditFilter filter) {
    List<Document> matches = new ArrayList<>(limit + 1);
    walk(
        organizationId,
        after,
        filter,
        event -> {
          matches.add(event);
          return matches.size() <= limit;
        });
    boolean more = matches.size() > limit;
    List<AuditRecord> events = matches.stream().limit(limit).map(AuditRecord::from).toList();
    Long continueAfter =
        more ? matches.get(limit - 1).get("position", Number.class).longValue() : null;
    return new Page(events, continueAfter);
  }

  /** Every matching event after {@code after}, oldest first, read in bounded chunks. */
  public void stream(
      String organizationId, long after, AuditFilter filter, Consumer<AuditRecord> sink) {
    walk(
        organizationId,
        after,
        filter,
        event -> {
          sink.accept(AuditRecord.from(event));
          return true;
        });
  }

  interface Visitor {
    /**
     * @return whether to go on
     */
    boolean visit(Document event);
  }

  private void walk(String organizationId, long after, AuditFilter filter, Visitor visitor) {
    long last = trail.lastPosition(organizationId);
    for (long position = after; position < last; position += CHUNK) {
      for (Document event : trail.range(organizationId, position, CHUNK)) {
        if (filter.matches(event) && !visitor.visit(event)) {
          return;
        }
      }
    }
  }
}

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
        limit + 1,
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
        CHUNK,
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

  /**
   * Visits the matching events in order, reading no more of the history than the filter needs: one
   * user's events by their own sequence, a time window from its start, found by bisection.
   */
  private void walk(
      String organizationId, long after, AuditFilter filter, int wanted, Visitor visitor) {
    if (filter.userId() != null) {
      walkUser(organizationId, after, filter, visitor);
      return;
    }
    long last = trail.lastPosition(organizationId);
    long start =
        filter.from() == null ? after : Math.max(after, before(organizationId, filter, last));
    // The first read is as large as a page needs; matches further out are read a chunk at a time.
    int chunk = Math.min(CHUNK, wanted);
    for (long position = start; position < last; position += chunk, chunk = CHUNK) {
      for (Document event : trail.range(organizationId, position, chunk)) {
        if (filter.pastTheWindow(event)) {
          return;
        }
        if (filter.matches(event) && !visitor.visit(event)) {
          return;
        }
      }
    }
  }

  private void walkUser(String organizationId, long after, AuditFilter filter, Visitor visitor) {
    String prefix = organizationId + ":";
    for (long sequence = 0; ; sequence += CHUNK) {
      List<Document> chunk = trail.ofAggregate(filter.userId(), sequence, CHUNK);
      for (Document event : chunk) {
        boolean ours = event.getString("_id").startsWith(prefix); // another org's user: nothing
        long position = event.get("position", Number.class).longValue();
        if (ours && position > after && filter.matches(event) && !visitor.visit(event)) {
          return;
        }
        if (!ours || filter.pastTheWindow(event)) {
          return;
        }
      }
      if (chunk.size() < CHUNK) {
        return;
      }
    }
  }

  /**
   * The last position before the window opens, by bisection over point lookups. Positions follow
   * the order events were projected in, which can run a little behind their timestamps, hence the
   * slack.
   */
  private long before(String organizationId, AuditFilter filter, long last) {
    java.time.Instant opens = filter.from().minus(AuditFilter.ORDER_SLACK);
    long low = 0;
    long high = last;
    while (low < high) {
      long middle = (low + high + 1) >>> 1;
      Document event = trail.at(organizationId, middle);
      if (event != null && event.getDate("occurredAt").toInstant().isBefore(opens)) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}

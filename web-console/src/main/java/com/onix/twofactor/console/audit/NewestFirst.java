package com.onix.twofactor.console.audit;

import com.onix.twofactor.console.apis.AuditEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The newest events of a history read oldest first: keeps only the last ones it needs, so page
 * {@code page} (0: the newest) costs one pass over the filtered history and bounded memory.
 */
final class NewestFirst implements Consumer<AuditEvent> {

  private final int pageSize;
  private final int page;
  private final ArrayDeque<AuditEvent> last;
  private long seen;

  NewestFirst(int page, int pageSize) {
    this.page = page;
    this.pageSize = pageSize;
    this.last = new ArrayDeque<>((page + 1) * pageSize);
  }

  @Override
  public void accept(AuditEvent event) {
    seen++;
    if (last.size() == (page + 1) * pageSize) {
      last.removeFirst();
    }
    last.addLast(event);
  }

  /** The page's events, newest first. */
  List<AuditEvent> events() {
    List<AuditEvent> kept = new ArrayList<>(last);
    int onThisPage = Math.max(0, kept.size() - page * pageSize);
    List<AuditEvent> shown = new ArrayList<>(kept.subList(0, Math.min(onThisPage, pageSize)));
    Collections.reverse(shown);
    return shown;
  }

  boolean hasOlder() {
    return seen > (long) (page + 1) * pageSize;
  }

  long total() {
    return seen;
  }
}

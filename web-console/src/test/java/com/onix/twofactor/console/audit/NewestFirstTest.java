package com.onix.twofactor.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.onix.twofactor.console.apis.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NewestFirstTest {

  @Test
  void theFirstPageIsTheNewestEventsNewestFirst() {
    NewestFirst page = read(0, 3, 7);

    assertThat(sequences(page)).containsExactly(7L, 6L, 5L);
    assertThat(page.hasOlder()).isTrue();
  }

  @Test
  void aLaterPageContinuesWithOlderOnes() {
    assertThat(sequences(read(1, 3, 7))).containsExactly(4L, 3L, 2L);
  }

  @Test
  void theLastPageHoldsWhatIsLeftAndHasNothingOlder() {
    NewestFirst page = read(2, 3, 7);

    assertThat(sequences(page)).containsExactly(1L);
    assertThat(page.hasOlder()).isFalse();
  }

  @Test
  void aPagePastTheEndIsEmpty() {
    assertThat(sequences(read(5, 3, 7))).isEmpty();
  }

  private static NewestFirst read(int page, int size, long events) {
    NewestFirst newest = new NewestFirst(page, size);
    LongStream.rangeClosed(1, events).forEach(sequence -> newest.accept(event(sequence)));
    return newest;
  }

  private static List<Long> sequences(NewestFirst page) {
    return page.events().stream().map(AuditEvent::sequence).toList();
  }

  private static AuditEvent event(long sequence) {
    return new AuditEvent(
        "e" + sequence,
        "AccessCodeIssued",
        "u",
        sequence,
        Instant.EPOCH,
        "admin-1",
        List.of("ORG_ADMIN"),
        "c",
        JsonNodeFactory.instance.objectNode(),
        JsonNodeFactory.instance.objectNode());
  }
}

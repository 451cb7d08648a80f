package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadsTest {

  @Test
  void theNextCursorIsThePagesLastNextField() {
    String page = "{\"events\":[{\"data\":{\"next\":\"not this\"}}],\"next\":\"abc-123\"}";

    assertThat(Workloads.nextCursor(page)).isEqualTo("abc-123");
  }

  @Test
  void theLastPageHasNoNext() {
    assertThat(Workloads.nextCursor("{\"events\":[],\"next\":null}")).isNull();
  }
}

package com.onix.twofactor.query.consistency;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.onix.twofactor.support.web.ApiProblem;
import org.junit.jupiter.api.Test;

/** While the views are rebuilt, no query reads them: a half-built view fails open. */
class ConsistencyGateTest {

  private final ViewsCompleteness rebuild = mock(ViewsCompleteness.class);
  private final ConsistencyGate gate = new ConsistencyGate(rebuild);

  @Test
  void duringARebuildEveryQueryIsNotYetConsistent() {
    when(rebuild.viewsComplete()).thenReturn(false);
    assertThatThrownBy(() -> gate.await("org", null, id -> 0))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              org.assertj.core.api.Assertions.assertThat(problem.code())
                  .isEqualTo("NOT_YET_CONSISTENT");
              org.assertj.core.api.Assertions.assertThat(problem.status().value()).isEqualTo(503);
            });
  }

  @Test
  void withCompleteViewsAQueryWithoutMinVersionGoesThrough() {
    when(rebuild.viewsComplete()).thenReturn(true);
    assertThatCode(() -> gate.await("org", null, id -> -1)).doesNotThrowAnyException();
  }

  @Test
  void aVersionAlreadyAppliedGoesThroughAtOnce() {
    when(rebuild.viewsComplete()).thenReturn(true);
    assertThatCode(() -> gate.await("org", "3f7e1c8a-0f64-4c57-9a0e-6d1f3b2a9c01:4", id -> 4))
        .doesNotThrowAnyException();
  }
}

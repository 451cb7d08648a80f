package com.onix.twofactor.query.consistency;

/**
 * Whether the views hold the whole store. The rebuild, which replays every projection, answers it;
 * the gate only asks, so that it depends on no projection.
 */
public interface ViewsCompleteness {

  /** False from the start of a rebuild until the views have taken in the whole store again. */
  boolean viewsComplete();
}

package com.onix.twofactor.command.store;

/**
 * Makes what this process has written so far durable before a command is acknowledged. A real
 * MongoDB does that with its write concern; the embedded store needs an explicit commit.
 */
public interface StoreDurability {

  void awaitDurable();

  StoreDurability WRITE_CONCERN = () -> {};
}

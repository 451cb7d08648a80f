package com.onix.twofactor.benchmark;

/**
 * The growth to 1,000,000 events: too many for the API in a benchmark run, so they are to be
 * written straight into the event store.
 *
 * <p>TODO(event-store): not wired yet. Implement {@link #seed} with the new event store's bulk
 * loader: append, for the population's organizations (or new ones), realistic user histories
 * (UserRegistered, TwoFactorSetupStarted/Completed, SecondFactorVerified, AccessCodeIssued, ...)
 * with consecutive sequence numbers per aggregate and the audit metadata the services put on every
 * event, until the store holds {@code targetEvents}; then return. {@code context.mongoUri()} and
 * {@code context.database()} say where the store is. Until then {@code --growth-seeder bulk} (and
 * {@code auto} beyond 50,000 added events) reports the growth rows as not measured.
 */
final class BulkHistorySeeder implements HistorySeeder {

  @Override
  public String name() {
    return "bulk";
  }

  @Override
  public void seed(long targetEvents, Context context) {
    throw new UnsupportedOperationException(
        "no bulk loader for the event store yet (BulkHistorySeeder, bench/README.md)");
  }
}

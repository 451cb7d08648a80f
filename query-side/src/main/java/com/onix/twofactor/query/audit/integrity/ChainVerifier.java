package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.eventstore.StoredEventVisitor;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.audit.checkpoint.Checkpoint;
import com.onix.twofactor.query.audit.checkpoint.Checkpoints;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Checks organizations' audit chains against the event store itself: one walk of the stored log in
 * global order recomputes every chain from the stored events (one SHA-256 per event and its link)
 * and compares each link with the entry the history fixed when it projected the event.
 */
public class ChainVerifier {

  /** Told how far a check has come. */
  public interface Progress {
    void at(long done, long end);
  }

  private final CommitLogStorageEngine store;
  private final AuditTrail trail;
  private final Checkpoints checkpoints;

  /**
   * @param checkpoints where each organization's newest signed checkpoint is, and the keys that
   *     check it; null to check none
   */
  public ChainVerifier(CommitLogStorageEngine store, AuditTrail trail, Checkpoints checkpoints) {
    this.store = store;
    this.trail = trail;
    this.checkpoints = checkpoints;
  }

  public IntegrityReport verify(String organizationId) {
    return verify(organizationId, List.of());
  }

  /** Also against checkpoints the caller kept (already checked to be this organization's). */
  public IntegrityReport verify(String organizationId, List<Checkpoint> kept) {
    ExecutorService reads = reads();
    try {
      Map<String, OrganizationCheck> checks = checks(List.of(organizationId), reads);
      kept.forEach(checks.get(organizationId)::expect);
      return run(checks, reads, (done, end) -> {}).get(organizationId);
    } finally {
      reads.shutdownNow();
    }
  }

  /** Every organization that has an audit history. */
  public Map<String, IntegrityReport> verifyAll(Progress progress) {
    return verify(trail.organizations(), progress);
  }

  /** The reports, in the order the organizations were given. */
  public Map<String, IntegrityReport> verify(Collection<String> organizations, Progress progress) {
    ExecutorService reads = reads();
    try {
      return run(checks(organizations, reads), reads, progress);
    } finally {
      reads.shutdownNow();
    }
  }

  /** One thread reads the store ahead of the checks, two read the organizations' entries ahead. */
  private static ExecutorService reads() {
    return Executors.newFixedThreadPool(
        3,
        work -> {
          Thread thread = new Thread(work, "audit-integrity-read-ahead");
          thread.setDaemon(true);
          return thread;
        });
  }

  private Map<String, OrganizationCheck> checks(
      Collection<String> organizations, ExecutorService reads) {
    Map<String, OrganizationCheck> checks = new LinkedHashMap<>();
    for (String organization : organizations) {
      OrganizationCheck check = new OrganizationCheck(organization, trail, reads);
      if (checkpoints != null) {
        checkpoints
            .latestJws(organization)
            .ifPresent(
                jws ->
                    checkpoints
                        .verified(jws)
                        .filter(signed -> signed.organizationId().equals(organization))
                        .ifPresentOrElse(
                            check::expect,
                            () ->
                                check.unverifiable(
                                    "the newest stored checkpoint does not verify with the"
                                        + " published checkpoint keys")));
      }
      checks.put(organization, check);
    }
    return checks;
  }

  private Map<String, IntegrityReport> run(
      Map<String, OrganizationCheck> checks, ExecutorService reads, Progress progress) {
    List<OrganizationCheck> open = new ArrayList<>(checks.values());
    StoreReadAhead.scan(
        store,
        reads,
        new StoredEventVisitor() {
          @Override
          public void event(StoredEvent event) {
            String organization = StoredOrganization.of(event);
            OrganizationCheck check = organization == null ? null : checks.get(organization);
            if (check != null) {
              check.accept(event);
            }
          }

          @Override
          public void unreadable(long globalIndex, String why) {
            // Whatever it held is missing from the chains it belonged to, and shows there.
          }

          @Override
          public void progress(long done, long end) {
            progress.at(done, end);
            open.removeIf(check -> !check.open());
          }

          @Override
          public boolean wantsMore() {
            return !open.isEmpty();
          }
        });
    Map<String, IntegrityReport> reports = new LinkedHashMap<>();
    checks.forEach((organization, check) -> reports.put(organization, check.report()));
    return reports;
  }
}

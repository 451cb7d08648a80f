package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.eventstore.StoredEventVisitor;
import com.onix.twofactor.query.audit.AuditTrail;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  public ChainVerifier(CommitLogStorageEngine store, AuditTrail trail) {
    this.store = store;
    this.trail = trail;
  }

  public IntegrityReport verify(String organizationId) {
    return verify(List.of(organizationId), (done, end) -> {}).get(organizationId);
  }

  /** Every organization that has an audit history. */
  public Map<String, IntegrityReport> verifyAll(Progress progress) {
    return verify(trail.organizations(), progress);
  }

  /** The reports, in the order the organizations were given. */
  public Map<String, IntegrityReport> verify(Collection<String> organizations, Progress progress) {
    Map<String, OrganizationCheck> checks = new LinkedHashMap<>();
    for (String organization : organizations) {
      checks.put(organization, new OrganizationCheck(organization, trail));
    }
    List<OrganizationCheck> open = new ArrayList<>(checks.values());
    store.scanStoredEvents(
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

package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.BulkEventLoader.History;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.catalogue.AggregateType;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.twofactor.UnlockCause;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;

/**
 * Histories of new users, event for event what the command side would have stored for them: each
 * command's events are what it appends to a {@code UserTwoFactor} under the same rules (enrollment,
 * replay protection, lockout after five failures, access codes that supersede one another, reset),
 * with the audit metadata of the caller who would have sent it (the organization's admin, or the
 * sign-in page) and a correlation id of its own.
 *
 * <p>Storage: a user's whole history is one commit (up to {@link BulkEventLoader#MAX_COMMIT_EVENTS}
 * events; more would be split at a command's end), where the command side writes one per command.
 * The engine reads both alike, by key; fewer documents are what makes a million events quick to
 * write on the embedded store (see {@code User.commits()}).
 *
 * <p>Time is the wall clock: users are generated one after the other, each command at the time it
 * is generated, and the loader stores the histories in that order, so timestamps follow the store's
 * global order, as the audit history's time windows expect. So a user's history takes place within
 * a few milliseconds, and what that allows is all that happens: TOTP codes of the three steps
 * around now only (the code confirming the setup, then up to two sign-ins), locks and access codes
 * that have not run out.
 *
 * <p>Secrets: every enrollment ends with an admin's reset, which destroys the user's data key, so
 * no key is ever needed; the encrypted secret is random bytes of the right length, which is what a
 * secret whose key is gone is. Access-code hashes are random too: codes nobody knows.
 */
final class SeededHistories {

  static final String USER_TYPE = AggregateType.USER_TWO_FACTOR.storedName();

  /** Who sends a command: the metadata the command side records with its events. */
  record Actor(String id, String roles) {}

  record Organization(String id, String domain, Actor admin) {}

  /** The next batch: the users' histories and the email claims the command side would hold. */
  record Batch(List<History> histories, List<Document> emailClaims, long events, Seeded sample) {}

  /** A seeded user the command side must accept commands for afterwards. */
  record Seeded(String userId, Organization organization, String email) {}

  private static final int FAILURES_BEFORE_LOCK = 5;
  private static final Duration FIRST_LOCK = Duration.ofMinutes(5);
  private static final Duration LONGEST_LOCK = Duration.ofHours(1);
  private static final long STEP_SECONDS = 30;
  private static final int REMEMBERED_CODES = 10;
  private static final List<Duration> LIFETIMES =
      List.of(
          Duration.ofMinutes(60),
          Duration.ofMinutes(60),
          Duration.ofMinutes(60),
          Duration.ofMinutes(10),
          Duration.ofDays(1));
  private static final List<String> RESET_REASONS =
      java.util.Arrays.asList("Lost phone", "New phone", "Help desk ticket", null);

  private final List<Organization> organizations;
  private final Actor signInPage;
  private final String tag;
  private final AtomicLong numbers;
  private final SplittableRandom random;
  private long lastMillis;

  /**
   * @param tag makes this run's emails unique in the store
   * @param numbers numbers the users across generators
   */
  SeededHistories(
      List<Organization> organizations,
      Actor signInPage,
      String tag,
      AtomicLong numbers,
      SplittableRandom random) {
    this.organizations = List.copyOf(organizations);
    this.signInPage = signInPage;
    this.tag = tag;
    this.numbers = numbers;
    this.random = random;
  }

  Batch next(int userCount) {
    List<User> users = new ArrayList<>(userCount);
    List<Document> claims = new ArrayList<>(userCount);
    Date claimedAt = new Date();
    for (int i = 0; i < userCount; i++) {
      long number = numbers.incrementAndGet();
      Organization organization = organizations.get((int) (number % organizations.size()));
      User user = new User(number, organization);
      users.add(user);
      claims.add(
          new Document("_id", user.email.toLowerCase(Locale.ROOT))
              .append("userId", user.id)
              .append("claimedAt", claimedAt));
    }
    long events = 0;
    for (User user : users) {
      while (!user.done()) {
        user.next(now());
      }
      events += user.sequence;
    }
    List<History> histories = new ArrayList<>(userCount);
    Seeded sample = null;
    for (User user : users) {
      histories.add(new History(user.commits()));
      if (sample == null && user.method == SignInMethod.PASSWORD) {
        sample = new Seeded(user.id, user.organization, user.email);
      }
    }
    return new Batch(histories, claims, events, sample);
  }

  private Instant now() {
    lastMillis = Math.max(lastMillis, System.currentTimeMillis());
    return Instant.ofEpochMilli(lastMillis);
  }

  private String uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  private String randomBase64(int bytes) {
    byte[] data = new byte[bytes];
    random.nextBytes(data);
    return Base64.getEncoder().encodeToString(data);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private enum Enrollment {
    NONE,
    PENDING,
    ACTIVE
  }

  private record Code(String id, Instant expiresAt) {}

  /** One user's state, as {@code UserTwoFactor} holds it, and the commands still to send. */
  private final class User {
    final String id = uuid();
    final long number;
    final Organization organization;
    final String email;
    final List<List<DomainEventMessage<?>>> commands = new ArrayList<>();
    final boolean enrolls;
    SignInMethod method;
    int commandsLeft;
    int enrollmentsLeft;
    long sequence;
    Enrollment enrollment = Enrollment.NONE;
    String keyId;
    long lastAcceptedStep = Long.MIN_VALUE;
    int failures;
    int locks;
    Instant lockedUntil;
    Code code;
    final List<RejectionReason> spent = new ArrayList<>(); // newest first

    User(long number, Organization organization) {
      this.number = number;
      this.organization = organization;
      this.email = "seeded-" + tag + "-" + number + "@" + organization.domain();
      int kind = random.nextInt(20); // as the population: 15 enroll, 3 password only, 2 Entra ID
      this.enrolls = kind < 15;
      this.method = kind < 18 ? SignInMethod.PASSWORD : SignInMethod.ENTRA_ID;
      this.commandsLeft =
          method == SignInMethod.ENTRA_ID ? 1 + random.nextInt(3) : 8 + random.nextInt(33);
      this.enrollmentsLeft = enrolls ? 1 + (random.nextInt(4) == 0 ? 1 : 0) : 0;
    }

    boolean done() {
      return commandsLeft == 0;
    }

    /** Sends the next command: its events, if it had any. */
    List<DomainEventMessage<?>> next(Instant now) {
      Command commit = new Command(now);
      if (sequence == 0) {
        commit.by(organization.admin());
        commit.add(
            new UserRegistered(id, organization.id(), email, "Seeded user " + number, method));
      } else if (commandsLeft == 1 && enrollment != Enrollment.NONE) {
        reset(commit); // the key is never needed: see the class comment
      } else {
        choose(commit, now);
      }
      commandsLeft--;
      if (commit.events.isEmpty()) { // nothing this user could still do
        commandsLeft = 0;
        return List.of();
      }
      commands.add(commit.events);
      return commit.events;
    }

    /**
     * The history as commits of whole commands, as many as fit in one. One document per user, not
     * per command: the embedded store's unique indexes compare keys by serializing them, so each
     * document costs two index insertions of tens of serializations each, about a millisecond at
     * this size on two cores, which would make a million events take a quarter of an hour.
     */
    List<List<? extends DomainEventMessage<?>>> commits() {
      List<List<? extends DomainEventMessage<?>>> commits = new ArrayList<>();
      List<DomainEventMessage<?>> current = new ArrayList<>();
      for (List<DomainEventMessage<?>> command : commands) {
        if (current.size() + command.size() > BulkEventLoader.MAX_COMMIT_EVENTS) {
          commits.add(current);
          current = new ArrayList<>();
        }
        current.addAll(command);
      }
      commits.add(current);
      return commits;
    }

    private void choose(Command commit, Instant now) {
      boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
      boolean active = code != null && now.isBefore(code.expiresAt());
      long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
      if (method == SignInMethod.ENTRA_ID) {
        if (random.nextInt(3) == 0) {
          changeMethod(commit, SignInMethod.PASSWORD, active);
        }
        return;
      }
      if (enrollment == Enrollment.PENDING) {
        commit.by(signInPage);
        commit.add(new TwoFactorSetupCompleted(id, organization.id(), step - 1)); // earliest code
        enrollment = Enrollment.ACTIVE;
        lastAcceptedStep = Math.max(lastAcceptedStep, step - 1);
        return;
      }
      if (enrollment == Enrollment.NONE
          && enrollmentsLeft > 0
          && commandsLeft > 1 // the last command resets an enrollment
          && random.nextInt(3) > 0) {
        enrollmentsLeft--;
        commit.by(signInPage);
        keyId = uuid();
        // AES-GCM of 20 bytes: a 12-byte nonce, the ciphertext and a 16-byte tag
        commit.add(new TwoFactorSetupStarted(id, organization.id(), keyId, randomBase64(48)));
        enrollment = Enrollment.PENDING;
        return;
      }
      int roll = random.nextInt(100);
      long nextStep = Math.max(lastAcceptedStep + 1, step - 1);
      if (!locked && enrollment == Enrollment.ACTIVE && nextStep <= step + 1 && roll < 45) {
        commit.by(signInPage);
        commit.add(
            new SecondFactorVerified(id, organization.id(), VerificationMethod.TOTP, nextStep));
        lastAcceptedStep = nextStep;
        clearLockout();
      } else if (!locked && enrollment == Enrollment.ACTIVE && roll < 60) {
        reject(
            commit,
            VerificationMethod.TOTP,
            random.nextInt(4) == 0 && lastAcceptedStep >= step - 1
                ? RejectionReason.REPLAYED_CODE
                : RejectionReason.WRONG_CODE,
            now);
      } else if (!locked && active && roll < 75) {
        commit.by(signInPage);
        commit.add(new AccessCodeRedeemed(id, organization.id(), code.id()));
        commit.add(
            new SecondFactorVerified(id, organization.id(), VerificationMethod.ACCESS_CODE, -1));
        spend(RejectionReason.USED_CODE);
        clearLockout();
      } else if (!locked && roll < 82) {
        RejectionReason reason =
            !spent.isEmpty() && random.nextBoolean()
                ? spent.get(random.nextInt(spent.size())) // an old code typed again
                : active ? RejectionReason.WRONG_CODE : RejectionReason.NO_ACTIVE_ACCESS_CODE;
        reject(commit, VerificationMethod.ACCESS_CODE, reason, now);
      } else if (active && roll < 86) {
        commit.by(organization.admin());
        commit.add(new AccessCodeRevoked(id, organization.id(), code.id(), RevocationReason.ADMIN));
        spend(RejectionReason.REVOKED_CODE);
      } else if (roll < 88 && enrollment == Enrollment.NONE && code == null) {
        changeMethod(commit, SignInMethod.ENTRA_ID, false);
      } else if (roll < 91 && (enrollment != Enrollment.NONE || locked)) {
        reset(commit);
      } else {
        issue(commit, now, active);
      }
    }

    private void issue(Command commit, Instant now, boolean active) {
      commit.by(organization.admin());
      if (failures > 0 || locks > 0) {
        commit.add(new TwoFactorUnlocked(id, organization.id(), UnlockCause.ACCESS_CODE_ISSUED));
        clearLockout();
      }
      if (active) {
        commit.add(
            new AccessCodeRevoked(id, organization.id(), code.id(), RevocationReason.SUPERSEDED));
        spend(RejectionReason.REVOKED_CODE);
      } else if (code != null) {
        spend(RejectionReason.EXPIRED_CODE);
      }
      code = new Code(uuid(), now.plus(pick(LIFETIMES)));
      commit.add(
          new AccessCodeIssued(
              id,
              organization.id(),
              code.id(),
              randomBase64(32), // the HMAC-SHA256 of a code nobody knows
              code.expiresAt(),
              organization.admin().id()));
    }

    private void reject(
        Command commit, VerificationMethod verification, RejectionReason reason, Instant now) {
      commit.by(signInPage);
      int failed = failures + 1;
      commit.add(new SecondFactorRejected(id, organization.id(), verification, reason, failed));
      failures = failed;
      if (failed >= FAILURES_BEFORE_LOCK) {
        locks++;
        lockedUntil = now.plus(lockDuration(locks));
        commit.add(new TwoFactorLocked(id, organization.id(), lockedUntil, locks));
        failures = 0;
      }
    }

    private void reset(Command commit) {
      commit.by(organization.admin());
      Instant now = commit.at;
      if (code != null && now.isBefore(code.expiresAt())) {
        commit.add(new AccessCodeRevoked(id, organization.id(), code.id(), RevocationReason.RESET));
        spend(RejectionReason.REVOKED_CODE);
      }
      commit.add(
          new TwoFactorReset(
              id, organization.id(), organization.admin().id(), pick(RESET_REASONS), keyId));
      enrollment = Enrollment.NONE;
      keyId = null;
      lastAcceptedStep = Long.MIN_VALUE;
      clearLockout();
    }

    private void changeMethod(Command commit, SignInMethod to, boolean active) {
      commit.by(organization.admin());
      commit.add(new SignInMethodChanged(id, organization.id(), method, to));
      method = to;
      if (to == SignInMethod.ENTRA_ID && active) {
        commit.add(new AccessCodeRevoked(id, organization.id(), code.id(), RevocationReason.ADMIN));
        spend(RejectionReason.REVOKED_CODE);
      }
    }

    private void spend(RejectionReason reasonIfTyped) {
      if (code == null) {
        return;
      }
      spent.add(0, reasonIfTyped);
      if (spent.size() > REMEMBERED_CODES) {
        spent.remove(spent.size() - 1);
      }
      code = null;
    }

    private void clearLockout() {
      failures = 0;
      locks = 0;
      lockedUntil = null;
    }

    /** The events of one command: one caller, one request, one time. */
    private final class Command {
      final Instant at;
      final List<DomainEventMessage<?>> events = new ArrayList<>(3);
      MetaData metaData;

      Command(Instant at) {
        this.at = at;
      }

      void by(Actor actor) {
        metaData =
            MetaData.from(
                Map.of(
                    AuditMetadata.ACTOR_ID, actor.id(),
                    AuditMetadata.ACTOR_ROLES, actor.roles(),
                    AuditMetadata.CORRELATION_ID, uuid(),
                    AuditMetadata.REQUEST_TIME, at.toString()));
      }

      void add(Object payload) {
        events.add(
            new GenericDomainEventMessage<>(
                USER_TYPE, id, sequence++, payload, metaData, uuid(), at));
      }
    }
  }

  /** How long the {@code lockNumber}-th lock lasts: as the command side's {@code Lockout}. */
  static Duration lockDuration(int lockNumber) {
    Duration lock = FIRST_LOCK;
    for (int n = 1; n < lockNumber && lock.compareTo(LONGEST_LOCK) < 0; n++) {
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
  }
}

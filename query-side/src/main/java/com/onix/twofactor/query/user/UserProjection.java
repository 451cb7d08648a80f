package com.onix.twofactor.query.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewStore;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per user with the state the admin pages and the sign-in page read, plus the
 * email-to-user lookup the sign-in page starts from.
 */
@Component
@ProcessingGroup("projections")
public class UserProjection {

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> emails;

  public UserProjection(ViewStore views) {
    this.users = views.collection(ViewStore.USERS);
    this.emails = views.collection(ViewStore.USER_EMAILS);
  }

  @EventHandler
  void on(UserRegistered event, @SequenceNumber long sequence) {
    String emailKey = new EmailAddress(event.email()).uniquenessKey();
    emails.replaceOne(
        new Document("_id", emailKey),
        new Document("_id", emailKey).append("userId", event.userId()),
        new ReplaceOptions().upsert(true));
    Versioned.create(
        users,
        event.userId(),
        sequence,
        new Document("organizationId", event.organizationId())
            .append("email", event.email())
            .append("emailKey", emailKey)
            .append("displayName", event.displayName())
            .append("signInMethod", event.signInMethod().name())
            .append(UserDocument.ENROLLMENT, Enrollment.NONE.name())
            .append("enrolledAt", null)
            .append("lastVerifiedAt", null)
            .append("accessCode", null)
            .append("lockedUntil", null));
  }

  @EventHandler
  void on(SignInMethodChanged event, @SequenceNumber long sequence) {
    Versioned.update(
        users, event.userId(), sequence, new Document("signInMethod", event.signInMethod().name()));
  }

  @EventHandler
  void on(TwoFactorSetupStarted event, @SequenceNumber long sequence) {
    Versioned.update(
        users,
        event.userId(),
        sequence,
        new Document(UserDocument.ENROLLMENT, Enrollment.PENDING.name()));
  }

  @EventHandler
  void on(TwoFactorSetupCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
    Versioned.update(
        users,
        event.userId(),
        sequence,
        new Document(UserDocument.ENROLLMENT, Enrollment.ACTIVE.name())
            .append("enrolledAt", Date.from(at)));
  }

  @EventHandler
  void on(SecondFactorVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
    Versioned.update(
        users,
        event.userId(),
        sequence,
        new Document("lastVerifiedAt", Date.from(at)).append("lockedUntil", null));
  }

  /** Changes nothing shown, but read-your-writes needs the view to reach its version. */
  @EventHandler
  void on(SecondFactorRejected event, @SequenceNumber long sequence) {
    Versioned.update(users, event.userId(), sequence, new Document());
  }

  @EventHandler
  void on(TwoFactorLocked event, @SequenceNumber long sequence) {
    Versioned.update(
        users, event.userId(), sequence, new Document("lockedUntil", Date.from(event.until())));
  }

  @EventHandler
  void on(TwoFactorUnlocked event, @SequenceNumber long sequence) {
    Versioned.update(users, event.userId(), sequence, new Document("lockedUntil", null));
  }

  @EventHandler
  void on(TwoFactorReset event, @SequenceNumber long sequence) {
    Versioned.update(
        users,
        event.userId(),
        sequence,
        new Document(UserDocument.ENROLLMENT, Enrollment.NONE.name())
            .append("enrolledAt", null)
            .append("accessCode", null)
            .append("lockedUntil", null));
  }

  /** By id and expiry only: the code and its hash never reach a view. */
  @EventHandler
  void on(AccessCodeIssued event, @SequenceNumber long sequence) {
    Versioned.update(
        users,
        event.userId(),
        sequence,
        new Document(
            "accessCode",
            new Document("accessCodeId", event.accessCodeId())
                .append("expiresAt", Date.from(event.expiresAt()))));
  }

  @EventHandler
  void on(AccessCodeRevoked event, @SequenceNumber long sequence) {
    Versioned.update(users, event.userId(), sequence, new Document("accessCode", null));
  }

  @EventHandler
  void on(AccessCodeRedeemed event, @SequenceNumber long sequence) {
    Versioned.update(users, event.userId(), sequence, new Document("accessCode", null));
  }
}

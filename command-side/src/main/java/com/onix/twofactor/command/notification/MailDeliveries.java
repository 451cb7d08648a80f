package com.onix.twofactor.command.notification;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code mail_deliveries} collection: one document per mail, keyed by its delivery id (the
 * event's id, plus the user's id for mail that one event sends to many). Status and retry state
 * only, never the address, the subject or the body.
 */
class MailDeliveries {

  static final String COLLECTION = "mail_deliveries";

  private final MongoCollection<Document> deliveries;

  MailDeliveries(MongoDatabase database) {
    this.deliveries = database.getCollection(COLLECTION);
  }

  record Delivery(
      String deliveryId,
      NotificationKind kind,
      String userId,
      String organizationId,
      DeliveryStatus status,
      int attempts,
      Instant lastAttemptAt,
      Instant nextAttemptAt,
      String lastError,
      Integer lastSmtpReply,
      String messageId) {}

  Optional<Delivery> find(String deliveryId) {
    return Optional.ofNullable(deliveries.find(new Document("_id", deliveryId)).first())
        .map(MailDeliveries::from);
  }

  void record(Delivery delivery) {
    Document document =
        new Document("_id", delivery.deliveryId())
            .append("kind", delivery.kind().name())
            .append("userId", delivery.userId())
            .append("organizationId", delivery.organizationId())
            .append("status", delivery.status().name())
            .append("attempts", delivery.attempts())
            .append("lastAttemptAt", date(delivery.lastAttemptAt()))
            .append("nextAttemptAt", date(delivery.nextAttemptAt()))
            .append("lastError", delivery.lastError())
            .append("lastSmtpReply", delivery.lastSmtpReply())
            .append("messageId", delivery.messageId());
    deliveries.replaceOne(
        new Document("_id", delivery.deliveryId()), document, new ReplaceOptions().upsert(true));
  }

  /** The latest attempts first; on the embedded store this reads the whole collection. */
  List<Delivery> latest(int limit, DeliveryStatus status) {
    Document filter = status == null ? new Document() : new Document("status", status.name());
    List<Delivery> found = new ArrayList<>();
    deliveries
        .find(filter)
        .sort(Sorts.descending("lastAttemptAt"))
        .limit(limit)
        .forEach(document -> found.add(from(document)));
    return found;
  }

  private static Delivery from(Document document) {
    return new Delivery(
        document.getString("_id"),
        NotificationKind.valueOf(document.getString("kind")),
        document.getString("userId"),
        document.getString("organizationId"),
        DeliveryStatus.valueOf(document.getString("status")),
        document.getInteger("attempts", 0),
        instant(document.getDate("lastAttemptAt")),
        instant(document.getDate("nextAttemptAt")),
        document.getString("lastError"),
        document.getInteger("lastSmtpReply"),
        document.getString("messageId"));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}

package com.onix.twofactor.query.audit.chain;

import com.onix.twofactor.eventstore.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one link of an organization's audit chain hashes: the event as the store holds it (its
 * payload by the SHA-256 of its stored text, so the encrypted secret is covered and destroying its
 * key changes nothing; its metadata text verbatim), where it sits (its position in the
 * organization's history and in the store's global order) and the hash of the link before it.
 *
 * <p>{@code hash = lower-case hex SHA-256 of the UTF-8 of the RFC 8785 canonical JSON of this
 * record's members}; docs/audit-chain.md specifies it for anyone who recomputes it.
 */
public record ChainRecord(
    String organizationId,
    long position,
    String previousHash,
    String eventId,
    String aggregateId,
    long sequence,
    long globalIndex,
    String aggregateType,
    String timestamp,
    String payloadType,
    String payloadRevision,
    String payloadSha256,
    String metaData) {

  /** The previous hash of an organization's first entry. */
  public static final String GENESIS = "0".repeat(64);

  public static ChainRecord of(
      String organizationId, long position, String previousHash, StoredEvent event) {
    return new ChainRecord(
        organizationId,
        position,
        previousHash,
        event.eventId(),
        event.aggregateId(),
        event.sequence(),
        event.globalIndex(),
        event.aggregateType(),
        event.timestamp(),
        event.payloadType(),
        event.payloadRevision(),
        Sha256.hex(event.payload() == null ? new byte[0] : utf8(event.payload())),
        event.metaData());
  }

  /** The members the entry shows under {@code stored}: all but those it shows at its top level. */
  public Map<String, Object> storedMembers() {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("organizationId", organizationId);
    stored.put("globalIndex", globalIndex);
    stored.put("aggregateType", aggregateType);
    stored.put("timestamp", timestamp);
    stored.put("payloadType", payloadType);
    stored.put("payloadRevision", payloadRevision);
    stored.put("payloadSha256", payloadSha256);
    stored.put("metaData", metaData);
    return stored;
  }

  /** Every hashed member, as a map (what the canonical form writes). */
  Map<String, Object> members() {
    Map<String, Object> members = new LinkedHashMap<>(storedMembers());
    members.put("position", position);
    members.put("previousHash", previousHash);
    members.put("eventId", eventId);
    members.put("aggregateId", aggregateId);
    members.put("sequence", sequence);
    return members;
  }

  public String canonicalJson() {
    return CanonicalJson.of(this);
  }

  public String hash() {
    return Sha256.hex(utf8(canonicalJson()));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

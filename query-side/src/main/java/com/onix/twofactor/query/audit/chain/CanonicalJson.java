package com.onix.twofactor.query.audit.chain;

/**
 * The RFC 8785 (JCS) form of a chain record, written directly: its members are fixed, so their
 * sorted order is too, and its values are only strings, integers below 2^53 and null, for which JCS
 * is plain JSON with no whitespace and minimal string escaping. {@code CanonicalJsonTest} checks it
 * against the RFC authors' canonicalizer. Written by hand for speed: the projection and every
 * verification pass run it once per event.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static String of(ChainRecord r) {
    StringBuilder json = new StringBuilder(640);
    json.append('{');
    string(json, "aggregateId", r.aggregateId()).append(',');
    string(json, "aggregateType", r.aggregateType()).append(',');
    string(json, "eventId", r.eventId()).append(',');
    number(json, "globalIndex", r.globalIndex()).append(',');
    string(json, "metaData", r.metaData()).append(',');
    string(json, "organizationId", r.organizationId()).append(',');
    string(json, "payloadRevision", r.payloadRevision()).append(',');
    string(json, "payloadSha256", r.payloadSha256()).append(',');
    string(json, "payloadType", r.payloadType()).append(',');
    number(json, "position", r.position()).append(',');
    string(json, "previousHash", r.previousHash()).append(',');
    number(json, "sequence", r.sequence()).append(',');
    string(json, "timestamp", r.timestamp());
    return json.append('}').toString();
  }

  private static StringBuilder number(StringBuilder json, String name, long value) {
    return json.append('"').append(name).append("\":").append(value);
  }

  private static StringBuilder string(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":");
    if (value == null) {
      return json.append("null");
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}

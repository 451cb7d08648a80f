package com.onix.twofactor.query.audit.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A signed statement of an organization's chain head: at {@code time}, position {@code position} of
 * its history had hash {@code hash}. Written as a compact JWS (RS256, {@code typ} {@value #TYPE})
 * whose payload is the JSON {@code {"organizationId","position","hash","time"}}.
 */
public record Checkpoint(
    String organizationId, long position, String hash, Instant time, String jws) {

  public static final String TYPE = "onix-audit-checkpoint";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Checkpoint sign(
      String organizationId, long position, String hash, Instant time, RSAKey key) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("organizationId", organizationId);
    claims.put("position", position);
    claims.put("hash", hash);
    claims.put("time", time.toString());
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(new JOSEObjectType(TYPE))
                  .build(),
              new Payload(JSON.writeValueAsString(claims)));
      jws.sign(new RSASSASigner(key));
      return new Checkpoint(organizationId, position, hash, time, jws.serialize());
    } catch (JOSEException | IOException e) {
      throw new IllegalStateException("cannot sign an audit checkpoint", e);
    }
  }

  /**
   * The checkpoint a compact JWS states, if its signature verifies with one of {@code keys} (by its
   * {@code kid}) and it is of this type; empty otherwise.
   */
  public static Optional<Checkpoint> verified(String compact, CheckpointKeys keys) {
    try {
      JWSObject jws = JWSObject.parse(compact);
      JWSHeader header = jws.getHeader();
      if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())
          || header.getType() == null
          || !TYPE.equals(header.getType().getType())) {
        return Optional.empty();
      }
      Optional<RSAKey> key = keys.find(header.getKeyID());
      if (key.isEmpty() || !jws.verify(new RSASSAVerifier(key.get()))) {
        return Optional.empty();
      }
      JsonNode claims = JSON.readTree(jws.getPayload().toString());
      if (!claims.path("organizationId").isTextual()
          || !claims.path("position").canConvertToLong()
          || !claims.path("hash").isTextual()
          || !claims.path("time").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(
          new Checkpoint(
              claims.path("organizationId").asText(),
              claims.path("position").asLong(),
              claims.path("hash").asText(),
              Instant.parse(claims.path("time").asText()),
              compact));
    } catch (ParseException | JOSEException | IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}

package com.onix.twofactor.command.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The Java serialization of an index key, as {@link ObjectDataType#serialize} makes it, without an
 * {@code ObjectOutputStream} for the keys the services look up most: one string or one long. Such a
 * key's serialization is the same bytes around its value each time, so they are taken once from a
 * real serialization and the value is written between them as the stream would write it. Everything
 * else is serialized by H2. Lookups serialize the key they look for, so this is on every request
 * the store serves.
 */
final class IndexKeyBytes {

  private static final byte TC_STRING = 0x74;
  private static final int MAX_SHORT_UTF = 0xFFFF;
  private static final String STRING_PROBE = "\u0001";
  private static final long LONG_PROBE = 0x0102030405060708L;

  private static final Template STRING = Template.around(new KeyValue(STRING_PROBE), stringBytes());
  private static final Template LONG =
      Template.around(new KeyValue(LONG_PROBE), longBytes(LONG_PROBE));

  private IndexKeyBytes() {}

  static byte[] of(KeyValue key) {
    if (key.size() == 1) {
      Object value = key.get(0);
      if (value instanceof String text) {
        int length = modifiedUtf8Length(text);
        if (length <= MAX_SHORT_UTF) {
          return STRING.with(stringElement(text, length));
        }
      } else if (value instanceof Long number) {
        return LONG.with(longBytes(number));
      }
    }
    return ObjectDataType.serialize(key);
  }

  /** How DataOutputStream.writeUTF encodes the probe: a tag, a length, the bytes. */
  private static byte[] stringBytes() {
    return stringElement(STRING_PROBE, modifiedUtf8Length(STRING_PROBE));
  }

  private static byte[] stringElement(String text, int length) {
    byte[] element = new byte[3 + length];
    element[0] = TC_STRING;
    element[1] = (byte) (length >>> 8);
    element[2] = (byte) length;
    int at = 3;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        element[at++] = (byte) c;
      } else if (c > 0x07FF) {
        element[at++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
        element[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        element[at++] = (byte) (0x80 | (c & 0x3F));
      } else {
        element[at++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
        element[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return element;
  }

  private static int modifiedUtf8Length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      length += c >= 0x0001 && c <= 0x007F ? 1 : c > 0x07FF ? 3 : 2;
    }
    return length;
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  /** A probe key's serialization cut around its value's bytes. */
  private record Template(byte[] before, byte[] after) {

    static Template around(KeyValue probe, byte[] value) {
      byte[] whole = ObjectDataType.serialize(probe);
      int at = lastIndexOf(whole, value);
      if (at < 0) {
        throw new IllegalStateException("cannot find the probe value in its serialization");
      }
      return new Template(
          Arrays.copyOfRange(whole, 0, at),
          Arrays.copyOfRange(whole, at + value.length, whole.length));
    }

    byte[] with(byte[] value) {
      byte[] bytes = new byte[before.length + value.length + after.length];
      System.arraycopy(before, 0, bytes, 0, before.length);
      System.arraycopy(value, 0, bytes, before.length, value.length);
      System.arraycopy(after, 0, bytes, before.length + value.length, after.length);
      return bytes;
    }

    private static int lastIndexOf(byte[] whole, byte[] part) {
      for (int at = whole.length - part.length; at >= 0; at--) {
        if (Arrays.equals(whole, at, at + part.length, part, 0, part.length)) {
          return at;
        }
      }
      return -1;
    }
  }
}

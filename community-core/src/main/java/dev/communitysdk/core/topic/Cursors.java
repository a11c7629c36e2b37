package dev.communitysdk.core.topic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.PostId;

/**
 * Opaque page cursors: the store's keyset position, encoded so that hosts pass it back unchanged. A cursor names the
 * listing it belongs to, so that one listing's cursor cannot be replayed against another.
 */
final class Cursors {
  private static final String VERSION = "c1";

  private Cursors() {}

  static String encode(ListingOrder order, ListingCursor cursor) {
    return encode(VERSION + ":" + order.name() + ":" + Double.toString(cursor.rank()) + ":" + cursor.id());
  }

  static ListingCursor decodeListing(ListingOrder order, String token) {
    String[] parts = decode(token).split(":", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(order.name())) {
      throw invalid(token);
    }
    try {
      return new ListingCursor(Double.parseDouble(parts[2]), Long.parseLong(parts[3]));
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  static String encode(PostId after) {
    return encode(VERSION + ":POSTS:" + after.value());
  }

  static PostId decodePost(String token) {
    String[] parts = decode(token).split(":", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals("POSTS")) {
      throw invalid(token);
    }
    try {
      return new PostId(Long.parseLong(parts[2]));
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  private static String encode(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  private static ValidationException invalid(String token) {
    return new ValidationException("cursor", "must be a cursor returned by the previous page of the same listing",
        token);
  }
}

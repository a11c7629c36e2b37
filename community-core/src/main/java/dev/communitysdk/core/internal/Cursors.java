package dev.communitysdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.PostId;

/**
 * Opaque page cursors: the store's keyset position, encoded so that hosts pass it back unchanged. A cursor names the
 * listing it belongs to, so that one listing's cursor cannot be replayed against another. Not API.
 */
public final class Cursors {
  private static final String VERSION = "c1";

  private Cursors() {}

  /**
   * @param listing the name of a listing, such as {@code "ANSWERS"}
   * @param cursor where the page ended
   * @return the opaque token
   */
  public static String encode(String listing, ListingCursor cursor) {
    return encode(VERSION + ":" + listing + ":" + Double.toString(cursor.rank()) + ":" + cursor.id());
  }

  /**
   * The cursor of the page after a keyset page that was fetched one row long: there is a next page exactly when the
   * extra row came back, and it starts after the page's last row.
   *
   * @param listing the name of the listing
   * @param rows the rows fetched, at most {@code limit + 1}
   * @param limit the page size
   * @param rank a row's sort key in the listing's order
   * @param id a row's id, which breaks ties
   * @param <T> the row type
   * @return the next page's token, or empty on the last page
   */
  public static <T> Optional<String> next(String listing, List<T> rows, int limit, ToDoubleFunction<T> rank,
      ToLongFunction<T> id) {
    if (rows.size() <= limit) {
      return Optional.empty();
    }
    T last = rows.get(limit - 1);
    return Optional.of(encode(listing, new ListingCursor(rank.applyAsDouble(last), id.applyAsLong(last))));
  }

  /**
   * @param order the topic listing's order
   * @param token a token {@link #next} or {@link #encode(String, ListingCursor)} made for the order's name
   * @return the cursor
   * @throws ValidationException naming the field {@code cursor} if the token is not one of this listing's
   */
  public static ListingCursor decodeListing(ListingOrder order, String token) {
    return decodeListing(order.name(), token);
  }

  /**
   * @param listing the name of the listing
   * @param token a token {@link #encode(String, ListingCursor)} made for it
   * @return the cursor
   * @throws ValidationException naming the field {@code cursor} if the token is not one of this listing's
   */
  public static ListingCursor decodeListing(String listing, String token) {
    String[] parts = decode(token).split(":", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[1].equals(listing)) {
      throw invalid(token);
    }
    try {
      return new ListingCursor(Double.parseDouble(parts[2]), Long.parseLong(parts[3]));
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  /**
   * @param after the last post of a thread page
   * @return the opaque token
   */
  public static String encode(PostId after) {
    return encode(VERSION + ":POSTS:" + after.value());
  }

  /**
   * @param token a token {@link #encode(PostId)} made
   * @return the post the page ended at
   * @throws ValidationException naming the field {@code cursor} otherwise
   */
  public static PostId decodePost(String token) {
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

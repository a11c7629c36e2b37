package dev.communitysdk.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paged listing.
 *
 * @param items the page's items, in listing order
 * @param next the opaque cursor of the next page, absent on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> next) {
  /** Checks the fields. */
  public Page {
    items = List.copyOf(requireNonNull(items, "items"));
    requireNonNull(next, "next");
  }
}

package dev.communitysdk.core.member;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.storage.MemberStore;

/**
 * Derives a member's handle from their display name: accents dropped, lower case, every run of other characters one
 * {@code _}, at most {@link #BASE_MAX} characters, {@code member} when nothing is left; then the first of
 * {@code base}, {@code base2}, {@code base3}, … that no member holds. Two members taking the same handle at once
 * collide on the store's unique key, and the losing command runs again and takes the next one.
 */
final class Handles {
  /** Leaves room for a numeric suffix within {@link Member#HANDLE_MAX}. */
  static final int BASE_MAX = 30;
  private static final String FALLBACK = "member";
  private static final int BATCH = 20;

  private Handles() {}

  static String base(String displayName) {
    String plain = Normalizer.normalize(displayName, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String handle = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (handle.length() > BASE_MAX) {
      handle = handle.substring(0, BASE_MAX).replaceAll("_+$", "");
    }
    return handle.isEmpty() ? FALLBACK : handle;
  }

  static String unique(MemberStore members, String displayName) {
    String base = base(displayName);
    for (int first = 1; ; first += BATCH) {
      List<String> candidates = IntStream.range(first, first + BATCH)
          .mapToObj(n -> n == 1 ? base : base + n)
          .toList();
      Set<String> taken = members.findByHandles(candidates).stream().map(Member::handle)
          .collect(Collectors.toCollection(HashSet::new));
      for (String candidate : candidates) {
        if (!taken.contains(candidate)) {
          return candidate;
        }
      }
    }
  }
}

package dev.communitysdk.core.sentiment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Derives inflected and affixed forms from the lexicon's words once, at load time, so that "disappointingly",
 * "unfunny", "charmless" and "flaws" are known without any string work while scoring.
 *
 * <p>Only regular English affixes whose effect on valence is predictable are used: inflections and "-ly"/"-ness" keep
 * the root's valence; "un-" before a positive root negates it; "-less" flips the root ("flawless", "charmless"). A
 * derived form never replaces a word the lexicon rates itself.
 */
final class Morphology {
  /** Forms whose affix is not the productive one, or that mean something else than their root. */
  private static final Set<String> FALSE_FRIENDS = Set.of(
      "likely", "unlikely", "kinds", "regardless", "needless", "nevertheless", "doubtless", "countless", "priceless",
      "timeless", "unless", "spotless", "matchless", "unlike", "unlikes", "units", "united",
      "uniform", "universal", "university", "fines", "fined", "finest", "lies", "lied", "lying", "prettying",
      "ends", "goods", "savings", "feelings", "wells", "ratings", "interests", "interested", "interestingly",
      "blessing", "darling", "stunned", "shits", "surely", "merely", "barely", "badass");

  private Morphology() {}

  /**
   * @param roots the lexicon, word to valence
   * @return forms derived from single-word roots of at least four letters, with their valence; none of them a root
   */
  static Map<String, Float> derive(Map<String, Float> roots) {
    Map<String, Float> derived = new HashMap<>();
    for (Map.Entry<String, Float> e : roots.entrySet()) {
      String w = e.getKey();
      float v = e.getValue();
      if (w.length() < 4 || !isPlainWord(w)) {
        continue;
      }
      // Inflections and adverbs keep the valence of their root.
      add(derived, plural(w), v);
      add(derived, w + "ly", v);
      add(derived, w + "ness", v);
      if (w.endsWith("e")) {
        add(derived, w + "st", v); // superlatives: "subtlest"
        add(derived, w + "d", v);
        add(derived, w.substring(0, w.length() - 1) + "ing", v);
      } else {
        add(derived, w + "est", v);
        add(derived, w + "ed", v);
        add(derived, w + "ing", v);
      }
      if (w.endsWith("y") && w.length() > 4) {
        String stem = w.substring(0, w.length() - 1);
        add(derived, stem + "ily", v);
        add(derived, stem + "iness", v);
        add(derived, stem + "ier", v);
        add(derived, stem + "iest", v);
      }
      if (w.endsWith("le")) {
        add(derived, w.substring(0, w.length() - 1) + "y", v); // terrible -> terribly
      }
      if (w.endsWith("ic")) {
        add(derived, w + "ally", v);
      }
      if (v > 0) {
        add(derived, "un" + w, v * (float) WordLists.NEGATION);
      }
      // "-less" names the absence of the root: the absence of a flaw is good, of charm bad.
      add(derived, w + "less", -v * 0.8f);
    }
    for (String word : FALSE_FRIENDS) {
      derived.remove(word);
    }
    derived.keySet().removeAll(roots.keySet());
    return derived;
  }

  private static String plural(String w) {
    if (w.endsWith("s") || w.endsWith("x") || w.endsWith("ch") || w.endsWith("sh")) {
      return w + "es";
    }
    if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
      return w.substring(0, w.length() - 1) + "ies";
    }
    return w + "s";
  }

  private static void add(Map<String, Float> derived, String form, float valence) {
    // Two roots can yield one form ("bore" and "bored" both give "boredly"): keep the stronger reading.
    derived.merge(form, valence, (a, b) -> Math.abs(a) >= Math.abs(b) ? a : b);
  }

  private static boolean isPlainWord(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}

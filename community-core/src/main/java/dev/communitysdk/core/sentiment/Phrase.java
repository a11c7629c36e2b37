package dev.communitysdk.core.sentiment;

/**
 * A multi-word expression whose valence is not the sum of its words: "waste of time", "falls flat", "to die for".
 *
 * @param words the lower-cased words, at least two
 * @param valence on the lexicon's scale, -4 to 4
 */
record Phrase(String[] words, float valence) {
  /** Whether the tokens from {@code start} spell this phrase within one sentence. */
  boolean matches(Tokens tokens, int start) {
    if (start + words.length > tokens.size) {
      return false;
    }
    int sentence = tokens.sentence[start];
    for (int k = 0; k < words.length; k++) {
      if (tokens.symbol[start + k] || tokens.sentence[start + k] != sentence
          || !words[k].equals(tokens.words[start + k])) {
        return false;
      }
    }
    return true;
  }
}

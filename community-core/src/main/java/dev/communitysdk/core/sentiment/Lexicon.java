package dev.communitysdk.core.sentiment;

import java.util.Map;
import java.util.Set;

/**
 * Word, emoticon, emoji and phrase valences on VADER's -4..4 scale, with derived forms already folded in. Immutable
 * after construction, so one instance serves all threads.
 */
final class Lexicon {
  private static final Phrase[] NO_PHRASES = new Phrase[0];

  private final Map<String, Float> valences;
  private final Map<String, Phrase[]> phrasesByFirstWord;
  private final Set<String> emoticons;

  Lexicon(Map<String, Float> valences, Map<String, Phrase[]> phrasesByFirstWord, Set<String> emoticons) {
    this.valences = Map.copyOf(valences);
    this.phrasesByFirstWord = Map.copyOf(phrasesByFirstWord);
    this.emoticons = Set.copyOf(emoticons);
  }

  /** The valence of a lower-cased token, 0 when unknown. */
  double valence(String token) {
    Float v = valences.get(token);
    return v == null ? 0 : v;
  }

  boolean contains(String token) {
    return valences.containsKey(token);
  }

  /** Phrases that begin with the word, longest first, so the first match is the one to take. */
  Phrase[] phrasesStartingWith(String word) {
    Phrase[] phrases = phrasesByFirstWord.get(word);
    return phrases == null ? NO_PHRASES : phrases;
  }

  /** Lexicon entries made of symbols, such as {@code :-)}: the tokenizer keeps these whole. */
  Set<String> emoticons() {
    return emoticons;
  }
}

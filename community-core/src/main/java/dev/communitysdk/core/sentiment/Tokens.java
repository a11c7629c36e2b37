package dev.communitysdk.core.sentiment;

import java.util.Arrays;

/**
 * The tokens of one text, in parallel arrays so that scoring walks them without per-token objects.
 *
 * <p>Words are stored lower-cased; {@link #caps} remembers which were written in capitals. Each token knows its clause
 * and sentence, because negation stops at a clause boundary and "but" weighs only its own sentence. Not thread-safe:
 * one instance per call.
 */
final class Tokens {
  String[] words;
  /** True for emoticons and emoji: they are never negators, boosters or capitals. */
  boolean[] symbol;
  boolean[] caps;
  int[] clause;
  int[] sentence;
  int size;

  int exclamations;
  int questions;
  /** Whether some words are in capitals and some are not: only then do capitals mark emphasis (as in VADER). */
  boolean anyCaps;
  boolean anyLower;

  private int clauseId;
  private int sentenceId;
  /** Clause and sentence ids are only advanced once a token has been placed in the current one. */
  private boolean clauseHasTokens;
  private boolean sentenceHasTokens;

  Tokens(int expected) {
    int capacity = Math.max(8, expected);
    words = new String[capacity];
    symbol = new boolean[capacity];
    caps = new boolean[capacity];
    clause = new int[capacity];
    sentence = new int[capacity];
  }

  void addWord(String word, boolean allCaps, boolean hasLower) {
    add(word, false, allCaps);
    anyCaps |= allCaps;
    anyLower |= hasLower;
  }

  void addSymbol(String token) {
    add(token, true, false);
  }

  private void add(String token, boolean isSymbol, boolean allCaps) {
    if (size == words.length) {
      int capacity = size * 2;
      words = Arrays.copyOf(words, capacity);
      symbol = Arrays.copyOf(symbol, capacity);
      caps = Arrays.copyOf(caps, capacity);
      clause = Arrays.copyOf(clause, capacity);
      sentence = Arrays.copyOf(sentence, capacity);
    }
    words[size] = token;
    symbol[size] = isSymbol;
    caps[size] = allCaps;
    clause[size] = clauseId;
    sentence[size] = sentenceId;
    size++;
    clauseHasTokens = true;
    sentenceHasTokens = true;
  }

  void endClause() {
    if (clauseHasTokens) {
      clauseId++;
      clauseHasTokens = false;
    }
  }

  void endSentence() {
    endClause();
    if (sentenceHasTokens) {
      sentenceId++;
      sentenceHasTokens = false;
    }
  }

  boolean capsDiffer() {
    return anyCaps && anyLower;
  }

  /** The word at {@code i}, or the empty string outside the text: saves bounds checks in the look-arounds. */
  String word(int i) {
    return i >= 0 && i < size ? words[i] : "";
  }

  boolean sameClause(int i, int j) {
    return i >= 0 && j >= 0 && i < size && j < size && clause[i] == clause[j];
  }
}

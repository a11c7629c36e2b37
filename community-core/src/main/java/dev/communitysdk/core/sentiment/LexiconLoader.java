package dev.communitysdk.core.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the shipped lexicons from the class path: VADER's (MIT, see {@code LICENSE-VADER.txt}) and this project's own
 * supplement of review, support and editorial vocabulary, phrases and emoji. Supplement entries win over VADER's.
 */
final class LexiconLoader {
  static final String VADER = "vader_lexicon.txt";
  static final String SUPPLEMENT = "supplement_lexicon.txt";

  private LexiconLoader() {}

  static Lexicon load() {
    Map<String, Float> words = new HashMap<>();
    Map<String, Float> phrases = new HashMap<>();
    read(VADER, words, phrases);
    Map<String, Float> supplement = new HashMap<>();
    read(SUPPLEMENT, supplement, phrases);
    // Derive forms from both, then let the rated words win over derived ones and the supplement over VADER.
    Map<String, Float> all = new HashMap<>(words);
    all.putAll(supplement);
    Map<String, Float> valences = new HashMap<>(Morphology.derive(all));
    valences.putAll(all);

    Set<String> emoticons = new HashSet<>();
    for (String token : valences.keySet()) {
      if (!isWord(token) && token.codePointCount(0, token.length()) > 1) {
        emoticons.add(token);
      }
    }
    return new Lexicon(valences, index(phrases), emoticons);
  }

  private static void read(String resource, Map<String, Float> words, Map<String, Float> phrases) {
    try (InputStream in = LexiconLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The sentiment lexicon " + resource + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length < 2) {
          throw new IllegalStateException(resource + " line " + number + " has no tab-separated valence: " + line);
        }
        String token = fields[0].strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        float valence = Float.parseFloat(fields[1].strip());
        // A spaced entry is a phrase unless it is an emoticon drawn with spaces, such as "( '}{' )".
        boolean phrase = token.indexOf(' ') > 0 && isWord(token.replace(" ", ""));
        // Duplicates keep the last value, as the reference implementation does.
        (phrase ? phrases : words).put(token, valence);
        if (!phrase && token.indexOf('-') > 0 && isWord(token)) {
          // "well-made" is also written "well made"; both spellings mean the same.
          phrases.putIfAbsent(token.replace('-', ' '), valence);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the sentiment lexicon " + resource, e);
    }
  }

  private static Map<String, Phrase[]> index(Map<String, Float> phrases) {
    Map<String, List<Phrase>> byFirst = new HashMap<>();
    for (Map.Entry<String, Float> e : phrases.entrySet()) {
      String[] parts = e.getKey().split(" +");
      byFirst.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Phrase(parts, e.getValue()));
    }
    Map<String, Phrase[]> index = new HashMap<>();
    byFirst.forEach((first, list) -> {
      list.sort(Comparator.comparingInt((Phrase p) -> p.words().length).reversed());
      index.put(first, list.toArray(Phrase[]::new));
    });
    return index;
  }

  /** Letters, digits and the inner apostrophes and hyphens the tokenizer keeps in words. */
  private static boolean isWord(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '\'' && c != '-') {
        return false;
      }
    }
    return !token.isEmpty();
  }
}

package dev.communitysdk.core.sentiment;

import static dev.communitysdk.core.sentiment.WordLists.BOOSTERS;
import static dev.communitysdk.core.sentiment.WordLists.CAPS_BOOST;
import static dev.communitysdk.core.sentiment.WordLists.NEGATION;

/**
 * Gives each token its valence in context: the lexicon value, then the VADER rules that look back up to three words
 * (intensifiers, negation, "least"), capitals, phrases, and the rules added for product and review language
 * (negated function verbs, "too" as excess, "like" as a preposition).
 *
 * <p>Look-backs stop at a clause boundary: in "not bad, good" the "not" has no business with "good".
 */
final class ValenceRules {
  private static final int WINDOW = 3;

  private final Lexicon lexicon;

  ValenceRules(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The valence of every token; 0 for tokens that carry none or that belong to a phrase scored at its first word. */
  double[] valences(Tokens t) {
    double[] valences = new double[t.size];
    boolean capsDiffer = t.capsDiffer();
    int i = 0;
    while (i < t.size) {
      String word = t.words[i];
      int span = 1;
      double v;
      Phrase phrase = t.symbol[i] ? null : phraseAt(t, i);
      if (phrase != null) {
        v = phrase.valence();
        span = phrase.words().length;
      } else if (t.symbol[i]) {
        valences[i] = lexicon.valence(word);
        i++;
        continue;
      } else if (isModifier(t, i)) {
        i++;
        continue;
      } else {
        v = wordValence(t, i);
      }
      boolean negated = false;
      if (v == 0) {
        // Most tokens land here, so the context rules look at neighbours only when the word itself qualifies.
        v = contextValence(t, i, valences);
        if (v == 0) {
          i += span;
          continue;
        }
      } else {
        negated = negated(t, i, valences) || (v > 0 && privative(t, i));
      }
      if (capsDiffer && t.caps[i]) {
        v += Math.signum(v) * CAPS_BOOST;
      }
      v += boost(t, i, v, capsDiffer);
      if (negated) {
        v = negate(t, i, v);
      }
      if (t.word(i - 1).equals("least") && !t.word(i - 2).equals("at") && !t.word(i - 2).equals("very")) {
        v *= NEGATION; // "the least interesting" is not interesting
      }
      valences[i] = v;
      i += span;
    }
    return valences;
  }

  private Phrase phraseAt(Tokens t, int i) {
    for (Phrase p : lexicon.phrasesStartingWith(t.words[i])) {
      if (p.matches(t, i)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Intensifiers modify the next sentiment word and carry no valence of their own; but a word like "incredible" that
   * is both an intensifier and a rated word keeps its rating when nothing rated follows it.
   */
  private boolean isModifier(Tokens t, int i) {
    String word = t.words[i];
    if ((word.equals("kind") || word.equals("sort")) && t.word(i + 1).equals("of")) {
      return true;
    }
    if (isAdverbIntensifier(t, i)) {
      return true;
    }
    if (!BOOSTERS.containsKey(word)) {
      return false;
    }
    if (!lexicon.contains(word)) {
      return true;
    }
    for (int k = i + 1; k <= i + 2 && t.sameClause(i, k); k++) {
      if (!t.symbol[k] && lexicon.valence(t.words[k]) != 0) {
        return true;
      }
    }
    return false;
  }

  private double wordValence(Tokens t, int i) {
    String word = t.words[i];
    double v = lexicon.valence(word);
    if (v == 0) {
      return 0;
    }
    if (word.equals("like") && !WordLists.LIKE_VERB_BEFORE.contains(t.word(i - 1))) {
      return 0; // "looks like", "like a": comparison, not liking
    }
    if (word.equals("no") && t.sameClause(i, i + 1) && lexicon.valence(t.word(i + 1)) != 0) {
      return 0; // "no" in "no good" negates the next word instead of counting itself
    }
    return v;
  }

  /** Rules that give a word without a rating of its own a valence from its neighbours. */
  private double contextValence(Tokens t, int i, double[] valences) {
    String word = t.words[i];
    if (WordLists.FUNCTION_VERBS.contains(word)) {
      return negated(t, i, valences) || privative(t, i) ? WordLists.NEGATED_FUNCTION : 0;
    }
    if (t.word(i - 1).equals("too") && t.sameClause(i - 1, i) && !WordLists.TOO_NOT_EXCESS.contains(word)
        && !WordLists.isNegator(word) && !BOOSTERS.containsKey(word)) {
      return negated(t, i, valences) ? WordLists.EXCESS * NEGATION : WordLists.EXCESS;
    }
    return 0;
  }

  /**
   * A rated "-ly" adverb right before a rated word intensifies it whatever its own polarity: "achingly beautiful",
   * "painfully slow", "ridiculously good". Attitude adverbs ("sadly", "luckily") keep their own valence.
   */
  private boolean isAdverbIntensifier(Tokens t, int k) {
    String word = t.words[k];
    return word.length() > 4 && word.endsWith("ly") && !t.symbol[k] && !WordLists.ATTITUDE_ADVERBS.contains(word)
        && lexicon.contains(word) && t.sameClause(k, k + 1) && !t.symbol[k + 1]
        && lexicon.valence(t.words[k + 1]) != 0;
  }

  /** Intensifiers and dampeners up to three words back, fading with distance as in VADER. */
  private double boost(Tokens t, int i, double v, boolean capsDiffer) {
    double total = 0;
    for (int d = 1; d <= WINDOW && t.sameClause(i - d, i); d++) {
      int k = i - d;
      if (t.symbol[k]) {
        continue;
      }
      String word = t.words[k];
      Double scalar = BOOSTERS.get(word);
      if (scalar == null && d == 1 && isAdverbIntensifier(t, k)) {
        scalar = WordLists.BOOST;
      }
      if (scalar == null && word.equals("too") && v < 0) {
        scalar = WordLists.BOOST; // "too" before a fault makes it worse: "too tepid"
      }
      if (scalar == null && (word.equals("kind") || word.equals("sort")) && t.word(k + 1).equals("of")) {
        scalar = -WordLists.BOOST;
      }
      if (scalar == null) {
        continue;
      }
      double s = v < 0 ? -scalar : scalar;
      if (capsDiffer && t.caps[k]) {
        s += Math.signum(s) * CAPS_BOOST;
      }
      total += d == 1 ? s : d == 2 ? s * 0.95 : s * 0.9;
    }
    return total;
  }

  /**
   * Whether a negator stands up to three words back in the same clause and still means "not". Intensifiers, "or" and
   * verbs of opinion do not count towards the three ("not very funny or particularly clever", "I don't think it is
   * good"), and a negation is used up by the first
   * rated word after it unless "or" joins them: in "isn't good at dirty talk" only "good" is negated.
   */
  private static boolean negated(Tokens t, int i, double[] valences) {
    int counted = 0;
    boolean coordinated = false;
    for (int k = i - 1; counted < WINDOW && i - k <= WINDOW + 3 && t.sameClause(k, i); k--) {
      if (t.symbol[k]) {
        continue;
      }
      String word = t.words[k];
      if (WordLists.CONTRASTS.contains(word)) {
        return false; // "not great but good": the negation stays on its side of the "but"
      }
      if (valences[k] != 0 && !coordinated) {
        return false;
      }
      coordinated |= word.equals("or") || word.equals("nor");
      if (WordLists.isNegator(word)) {
        return !WordLists.NEGATION_CANCELLERS.contains(t.word(k + 1)) || k + 1 == i;
      }
      if (word.equals("have") && WordLists.COUNTERFACTUAL_MODALS.contains(t.word(k - 1))) {
        return true; // "could have been great" says it was not
      }
      if (!BOOSTERS.containsKey(word) && !word.equals("or") && !word.equals("nor")
          && !WordLists.NEGATION_RAISERS.contains(word)) {
        counted++;
      }
    }
    return false;
  }

  /** Whether a verb of absence ("lacks", "fails to", "stopped") governs the word. */
  private static boolean privative(Tokens t, int i) {
    for (int d = 1; d <= WINDOW && t.sameClause(i - d, i); d++) {
      if (!t.symbol[i - d] && WordLists.PRIVATIVES.contains(t.words[i - d])) {
        return true;
      }
    }
    return false;
  }

  private static double negate(Tokens t, int i, double v) {
    for (int d = 1; d <= WINDOW && t.sameClause(i - d, i); d++) {
      String word = t.word(i - d);
      if (word.equals("never") && d > 1 && (t.word(i - d + 1).equals("so") || t.word(i - d + 1).equals("this"))) {
        return v * 1.25; // "never so good": emphasis, not negation
      }
    }
    return v * NEGATION;
  }
}

package dev.communitysdk.core.sentiment;

/**
 * Combines token valences into one score in [-1, 1]: contrast and irrealis weighting, length damping, punctuation
 * emphasis, then VADER's normalization {@code x / sqrt(x² + α)}, with fallbacks so real but weak evidence is not read
 * as neutral.
 */
final class Compound {
  /** VADER's normalization constant. */
  static final double ALPHA = 15;
  /** Weights of a contrast: the clause before "but" counts half, the one after half as much again (VADER). */
  static final double BEFORE_CONTRAST = 0.5;
  static final double AFTER_CONTRAST = 1.5;
  /** A conceded clause ("although it is long") counts half. */
  static final double CONCEDED = 0.5;
  /**
   * Words after a modal or "if" in the same clause describe what is not the case ("it would be funny if", "should
   * be gripping"), so they count half: the "irrealis blocking" of Taboada et al.'s SO-CAL (2011), softened.
   */
  static final double IRREALIS = 0.5;
  /**
   * The sum is divided by the square root of the number of rated tokens, so that a long text with many mild words
   * does not saturate like a short emphatic one: how strongly a text leans grows with evidence, but less than
   * linearly.
   */
  static final double LENGTH_DAMPING_EXPONENT = 0.5;
  /** The smallest score that still carries a label: real but weak evidence should not read as neutral. */
  static final double WEAKEST = 0.05;

  private Compound() {}

  static double score(Tokens t, double[] valences) {
    weighContrasts(t, valences);
    weighIrrealis(t, valences);
    double sum = 0;
    int rated = 0;
    for (int i = 0; i < t.size; i++) {
      sum += valences[i];
      if (valences[i] != 0) {
        rated++;
      }
    }
    if (rated == 0) {
      // Nothing rated, but a negation: negated statements lean negative (Potts 2011, "On the negativity of negation").
      return hasNegator(t) ? -WEAKEST : 0;
    }
    if (sum == 0) {
      return 0;
    }
    sum /= Math.sqrt(rated);
    sum += Math.signum(sum) * punctuation(t);
    double score = sum / Math.sqrt(sum * sum + ALPHA);
    if (Math.abs(score) < WEAKEST) {
      score = Math.copySign(WEAKEST, score);
    }
    return Math.max(-1, Math.min(1, score));
  }

  private static boolean hasNegator(Tokens t) {
    for (int i = 0; i < t.size; i++) {
      if (!t.symbol[i] && WordLists.isNegator(t.words[i])) {
        return true;
      }
    }
    return false;
  }

  /** "!" (up to four) and repeated "?" amplify whatever the words say, as in VADER. */
  static double punctuation(Tokens t) {
    double emphasis = Math.min(t.exclamations, 4) * 0.292;
    if (t.questions > 1) {
      emphasis += t.questions <= 3 ? t.questions * 0.18 : 0.96;
    }
    return emphasis;
  }

  private static void weighIrrealis(Tokens t, double[] valences) {
    boolean irrealis = false;
    int clause = -1;
    for (int i = 0; i < t.size; i++) {
      if (t.clause[i] != clause) {
        irrealis = false;
        clause = t.clause[i];
      }
      if (irrealis) {
        valences[i] *= IRREALIS;
      } else if (!t.symbol[i] && WordLists.IRREALIS_MARKERS.contains(t.words[i])) {
        irrealis = true;
      }
    }
  }

  private static void weighContrasts(Tokens t, double[] valences) {
    int start = 0;
    while (start < t.size) {
      int end = start;
      while (end < t.size && t.sentence[end] == t.sentence[start]) {
        end++;
      }
      weighSentence(t, valences, start, end);
      start = end;
    }
  }

  private static void weighSentence(Tokens t, double[] valences, int start, int end) {
    for (int i = start; i < end; i++) {
      if (t.symbol[i]) {
        continue;
      }
      String word = t.words[i];
      if (WordLists.CONTRASTS.contains(word) && i > start
          && !WordLists.NOT_CONTRAST_BEFORE_BUT.contains(t.word(i - 1))) {
        for (int k = start; k < end; k++) {
          valences[k] *= k < i ? BEFORE_CONTRAST : AFTER_CONTRAST;
        }
        return; // one contrast per sentence, as VADER weighs the first "but"
      }
      // "While" opening a sentence concedes too ("While it has its moments, it drags"); elsewhere it is temporal.
      if ((WordLists.CONCESSIONS.contains(word) || (i == start && word.equals("while"))) && i + 1 < end) {
        // "Although it is long, it is gripping": the conceded clause is the one "although" opens.
        int k = i;
        while (k < end && t.clause[k] == t.clause[i]) {
          valences[k++] *= CONCEDED;
        }
        i = k - 1; // one concession per clause, which also keeps "though though though..." linear
      }
    }
  }
}

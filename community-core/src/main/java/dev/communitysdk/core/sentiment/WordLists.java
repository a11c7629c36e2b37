package dev.communitysdk.core.sentiment;

import java.util.Map;
import java.util.Set;

/**
 * The closed word classes the rules need: negators, intensity modifiers, contrast markers. The numbers are VADER's
 * empirically derived constants (Hutto &amp; Gilbert 2014), kept so the rules mean what the lexicon's ratings assume.
 */
final class WordLists {
  /** How much an intensifier adds to (or a dampener takes from) the magnitude of the word it modifies. */
  static final double BOOST = 0.293;
  /** What a word in capitals adds to its magnitude when the rest of the text is not in capitals. */
  static final double CAPS_BOOST = 0.733;
  /** Negation flips the sign and weakens: "not good" is less negative than "bad" is. */
  static final double NEGATION = -0.74;

  static final Set<String> NEGATORS = Set.of(
      "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
      "isnt", "mightnt", "mustnt", "neither", "neednt", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
      "no", "oughtnt", "shant", "shouldnt", "uhuh", "uh-uh", "wasnt", "werent", "without", "wont", "wouldnt",
      "rarely", "seldom", "despite", "hardly", "barely", "scarcely", "nobody");

  /**
   * Verbs of absence that negate a good thing but do not turn a bad one good: "lacks charm" is negative, "fails to
   * impress" is negative, but "failed miserably" is not praise.
   */
  static final Set<String> PRIVATIVES = Set.of(
      "lack", "lacks", "lacked", "lacking", "fail", "fails", "failed", "failing", "missing", "devoid", "absent",
      "stopped", "ceased", "refuses", "refused");

  /** Words after a negator that turn it into something else: "not only", "not just", "no doubt", "never mind". */
  static final Set<String> NEGATION_CANCELLERS = Set.of(
      "only", "just", "merely", "simply", "doubt", "question", "wonder", "mind", "less", "matter");

  static final Map<String, Double> BOOSTERS = Map.ofEntries(
      Map.entry("absolutely", BOOST), Map.entry("amazingly", BOOST), Map.entry("awfully", BOOST),
      Map.entry("completely", BOOST), Map.entry("considerable", BOOST), Map.entry("considerably", BOOST),
      Map.entry("decidedly", BOOST), Map.entry("deeply", BOOST), Map.entry("effing", BOOST),
      Map.entry("enormous", BOOST), Map.entry("enormously", BOOST), Map.entry("entirely", BOOST),
      Map.entry("especially", BOOST), Map.entry("exceptional", BOOST), Map.entry("exceptionally", BOOST),
      Map.entry("extreme", BOOST), Map.entry("extremely", BOOST), Map.entry("fabulously", BOOST),
      Map.entry("flipping", BOOST), Map.entry("flippin", BOOST), Map.entry("frackin", BOOST),
      Map.entry("fracking", BOOST), Map.entry("fricking", BOOST), Map.entry("frickin", BOOST),
      Map.entry("frigging", BOOST), Map.entry("friggin", BOOST), Map.entry("fully", BOOST),
      Map.entry("fuckin", BOOST), Map.entry("fucking", BOOST), Map.entry("fuggin", BOOST), Map.entry("fugging", BOOST),
      Map.entry("greatly", BOOST), Map.entry("hella", BOOST), Map.entry("highly", BOOST), Map.entry("hugely", BOOST),
      Map.entry("incredible", BOOST), Map.entry("incredibly", BOOST), Map.entry("intensely", BOOST),
      Map.entry("major", BOOST), Map.entry("majorly", BOOST), Map.entry("more", BOOST), Map.entry("most", BOOST),
      Map.entry("particularly", BOOST), Map.entry("purely", BOOST), Map.entry("quite", BOOST),
      Map.entry("really", BOOST), Map.entry("remarkably", BOOST), Map.entry("so", BOOST),
      Map.entry("substantially", BOOST), Map.entry("thoroughly", BOOST), Map.entry("total", BOOST),
      Map.entry("totally", BOOST), Map.entry("tremendous", BOOST), Map.entry("tremendously", BOOST),
      Map.entry("uber", BOOST), Map.entry("unbelievably", BOOST), Map.entry("unusually", BOOST),
      Map.entry("utter", BOOST), Map.entry("utterly", BOOST), Map.entry("very", BOOST),
      Map.entry("truly", BOOST), Map.entry("super", BOOST), Map.entry("insanely", BOOST),
      Map.entry("seriously", BOOST), Map.entry("such", BOOST), Map.entry("pretty", BOOST * 0.5),
      Map.entry("almost", -BOOST),
      Map.entry("kinda", -BOOST), Map.entry("kindof", -BOOST), Map.entry("kind-of", -BOOST),
      Map.entry("less", -BOOST), Map.entry("little", -BOOST), Map.entry("marginal", -BOOST),
      Map.entry("marginally", -BOOST), Map.entry("occasional", -BOOST), Map.entry("occasionally", -BOOST),
      Map.entry("partly", -BOOST), Map.entry("scarce", -BOOST),
      Map.entry("slight", -BOOST), Map.entry("slightly", -BOOST), Map.entry("somewhat", -BOOST),
      Map.entry("sorta", -BOOST), Map.entry("sortof", -BOOST), Map.entry("sort-of", -BOOST),
      Map.entry("fairly", -BOOST), Map.entry("mildly", -BOOST), Map.entry("moderately", -BOOST),
      Map.entry("rather", -BOOST * 0.5), Map.entry("reasonably", -BOOST));

  /** Modals that, with "have", describe what did not happen: "should have been funny". */
  static final Set<String> COUNTERFACTUAL_MODALS = Set.of("could", "should", "would", "might", "coulda", "shoulda");

  /** Adverbs that state the writer's attitude, not a degree: they keep their own valence before a rated word. */
  static final Set<String> ATTITUDE_ADVERBS = Set.of(
      "unfortunately", "sadly", "fortunately", "luckily", "unluckily", "hopefully", "thankfully", "regrettably",
      "happily", "mercifully", "disappointingly", "annoyingly", "frustratingly", "oddly", "strangely", "ironically",
      "surprisingly", "predictably", "naturally", "honestly");

  /** Verbs that pass a negation on to their clause: "I don't think it is good" means "it is not good". */
  static final Set<String> NEGATION_RAISERS = Set.of("think", "believe", "feel", "expect", "suppose", "guess", "seem",
      "seems", "find");

  /** Modals and "if": what follows them in the clause is hypothetical. */
  static final Set<String> IRREALIS_MARKERS = Set.of("would", "could", "should", "might", "if", "wish");

  /** "but" and its kin: the clause after them carries the writer's conclusion. */
  static final Set<String> CONTRASTS = Set.of("but", "however", "nevertheless", "nonetheless");

  /** "although", "though": the clause they open is conceded, not concluded. */
  static final Set<String> CONCESSIONS = Set.of("although", "though", "whilst", "albeit");

  /** Before "but", these make it mean "only" or "almost", not a contrast: "nothing but praise", "all but gone". */
  static final Set<String> NOT_CONTRAST_BEFORE_BUT = Set.of("nothing", "all", "anything", "everything", "none");

  /**
   * Verbs of functioning that are neutral when affirmed but clearly negative when negated: "it works" is plain, "it
   * doesn't work" is a complaint. Support and review language is full of them.
   */
  static final Set<String> FUNCTION_VERBS = Set.of(
      "work", "works", "worked", "working", "help", "helps", "helped", "helping", "load", "loads", "loaded", "loading",
      "start", "starts", "started", "starting", "open", "opens", "opened", "connect", "connects", "connected",
      "connecting", "sync", "syncs", "synced", "syncing", "install", "installs", "installed", "respond", "responds",
      "responded", "responding", "boot", "boots", "charge", "charges", "charging", "print", "prints", "fit", "fits",
      "deliver", "delivers", "delivered", "click", "clicks", "gel", "gels", "land", "lands", "register", "registers",
      "engage", "engages", "function", "functions", "functioning", "run", "runs", "last", "lasts", "lasted",
      "add", "adds", "stick", "sticks", "satisfy", "satisfies", "succeed", "succeeds", "measure", "live", "hold",
      "holds", "recommend", "answer", "answered", "reply", "replied", "arrive", "arrived", "update", "save", "saves",
      "care", "bother", "buy", "worth", "move", "moves", "impress", "impresses", "sense");

  /** Value of a negated function verb: about "not good" (1.9 x -0.74). */
  static final double NEGATED_FUNCTION = -1.4;

  /** Words after "too" that do not make it mean excess: "too" as "also", or a quantity that follows its own rules. */
  static final Set<String> TOO_NOT_EXCESS = Set.of(
      "i", "me", "we", "you", "he", "she", "it", "they", "a", "an", "the", "and", "but", "or", "is", "was", "are",
      "am", "be", "have", "has", "had", "can", "will", "would", "do", "did", "does", "so", "this", "that", "as",
      "at", "in", "on", "to", "for", "of", "with", "good", "cool", "cute", "funny", "sweet", "kind", "nice");

  /** Magnitude given to "too &lt;neutral word&gt;": excess is a fault ("too long", "too slow", "too expensive"). */
  static final double EXCESS = -1.1;

  /**
   * Words before "like" that make it the verb of liking rather than the preposition of comparison: "I like it" vs
   * "looks like a sequel".
   */
  static final Set<String> LIKE_VERB_BEFORE = Set.of(
      "i", "we", "you", "they", "i'd", "we'd", "you'd", "they'd", "would", "really", "do", "don't", "dont", "didn't",
      "didnt", "did", "does", "doesn't", "doesnt", "to", "still", "also", "always", "actually", "definitely", "genuinely",
      "not", "me", "will", "won't", "wont", "might", "may", "could", "should", "must", "kids", "people", "fans", "who");

  private WordLists() {}

  static boolean isNegator(String word) {
    return NEGATORS.contains(word) || word.endsWith("n't");
  }
}

package dev.communitysdk.core.sentiment;

import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.sentiment.SentimentAnalyzer;
import dev.communitysdk.spi.sentiment.SentimentScore;

/**
 * The default English {@link SentimentAnalyzer}: a lexicon-and-rules analyzer in the tradition of VADER (Hutto &amp;
 * Gilbert, ICWSM 2014), extended for the language of product reviews, support threads and editorials.
 *
 * <p>It reads VADER's lexicon and a supplementary lexicon shipped with this library, then applies rules for negation,
 * intensifiers and dampeners, "but" and "although", capitals, "!" and "?", emoticons and emoji, idioms and phrases,
 * negated function verbs ("doesn't work"), "too" as excess, and inflected or affixed forms of rated words. The score is
 * VADER's normalized compound in [-1, 1], labelled with {@link SentimentScore#of(double)}.
 *
 * <p>Guarantees: no I/O or network after {@link #create()}; thread-safe (immutable); deterministic; linear in the
 * length of the text; never throws for any string. Text with no known sentiment, including empty text, code, URLs and
 * text in other languages, scores {@link SentimentScore#NEUTRAL}. Fenced and inline Markdown code is ignored.
 */
public final class EnglishSentimentAnalyzer implements SentimentAnalyzer {
  private final Tokenizer tokenizer;
  private final ValenceRules rules;

  private EnglishSentimentAnalyzer(Lexicon lexicon) {
    this.tokenizer = new Tokenizer(lexicon.emoticons());
    this.rules = new ValenceRules(lexicon);
  }

  /**
   * Returns the analyzer. The lexicons are read from the class path the first time this is called; every call returns
   * the same immutable instance, so it is cheap to call and to share between threads.
   *
   * @return the shared analyzer
   * @throws IllegalStateException if the lexicon resources are missing from the class path
   */
  public static EnglishSentimentAnalyzer create() {
    return Holder.INSTANCE;
  }

  /**
   * Scores the text.
   *
   * @param text plain text or Markdown source, of any length; may be empty
   * @return a score in [-1, 1] with its label; {@link SentimentScore#NEUTRAL} when the text holds no known sentiment
   */
  @Override
  public SentimentScore analyze(String text) {
    requireNonNull(text, "text");
    if (text.isEmpty()) {
      return SentimentScore.NEUTRAL;
    }
    Tokens tokens = tokenizer.tokenize(text);
    double score = Compound.score(tokens, rules.valences(tokens));
    return score == 0 ? SentimentScore.NEUTRAL : SentimentScore.of(score);
  }

  /** Loads the lexicons lazily and once, with the class initialization lock making publication safe. */
  private static final class Holder {
    static final EnglishSentimentAnalyzer INSTANCE = new EnglishSentimentAnalyzer(LexiconLoader.load());
  }
}

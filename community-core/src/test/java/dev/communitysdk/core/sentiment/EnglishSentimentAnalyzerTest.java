package dev.communitysdk.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.sentiment.SentimentScore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishSentimentAnalyzerTest {
  private final EnglishSentimentAnalyzer analyzer = EnglishSentimentAnalyzer.create();

  private double score(String text) {
    return analyzer.analyze(text).score();
  }

  private SentimentLabel label(String text) {
    return analyzer.analyze(text).label();
  }

  @Test
  void create_calledTwice_returnsTheSameSharedInstance() {
    assertThat(EnglishSentimentAnalyzer.create()).isSameAs(analyzer);
  }

  @Test
  void analyze_null_isRejectedWithTheParameterName() {
    assertThatNullPointerException().isThrownBy(() -> analyzer.analyze(null)).withMessage("text");
  }

  @Nested
  @DisplayName("The lexicon is read as VADER rates it")
  class Lexicon {
    @Test
    void analyze_positiveWord_isPositive() {
      assertThat(label("The new release is great")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void analyze_negativeWord_isNegative() {
      assertThat(label("The new release is terrible")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void analyze_labelAgreesWithScore() {
      SentimentScore s = analyzer.analyze("I love this community");
      assertThat(s.label()).isEqualTo(SentimentLabel.of(s.score()));
    }

    @Test
    void analyze_supplementaryReviewVocabulary_isKnown() {
      assertThat(label("A tepid, overlong sequel")).isEqualTo(SentimentLabel.NEGATIVE);
      assertThat(label("A mesmerizing performance")).isEqualTo(SentimentLabel.POSITIVE);
      assertThat(label("The ending felt hollow")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void analyze_derivedForms_inheritTheRootsValence() {
      assertThat(label("It was disappointingly thin")).isEqualTo(SentimentLabel.NEGATIVE);
      assertThat(label("An unfunny comedy")).isEqualTo(SentimentLabel.NEGATIVE);
      assertThat(label("The install was painless")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void analyze_hyphenatedEntry_matchesSpacedSpelling() {
      assertThat(score("a self-indulgent film")).isEqualTo(score("a self indulgent film"));
    }

    @Test
    void analyze_likeAsPreposition_carriesNoSentiment() {
      assertThat(analyzer.analyze("It looks like a sequel")).isEqualTo(SentimentScore.NEUTRAL);
      assertThat(label("I like it")).isEqualTo(SentimentLabel.POSITIVE);
    }
  }

  @Nested
  @DisplayName("Negation flips and weakens")
  class Negation {
    @Test
    void analyze_negatedPositive_isNegative() {
      assertThat(score("This is good")).isPositive();
      assertThat(score("This is not good")).isNegative();
    }

    @Test
    void analyze_negatedNegative_isPositiveButWeakerThanThePositive() {
      assertThat(score("not bad")).isPositive().isLessThan(score("good"));
    }

    @Test
    void analyze_negationWithinThreeWords_flips() {
      assertThat(score("I don't think it is good")).isNegative();
    }

    @Test
    void analyze_negationDoesNotCrossAClauseBoundary() {
      assertThat(score("Not perfect, but good")).isPositive();
      assertThat(score("No complaints. Great")).isPositive();
    }

    @Test
    void analyze_negationIsUsedUpByTheFirstRatedWord() {
      assertThat(score("You aren't good at dirty talk")).isLessThan(score("You aren't good at talk"));
    }

    @Test
    void analyze_notOnly_doesNotNegate() {
      assertThat(score("It is not only fast but also beautiful")).isPositive();
    }

    @Test
    void analyze_counterfactual_negates() {
      assertThat(score("It could have been great")).isNegative();
    }

    @Test
    void analyze_privativeVerb_negatesAGoodThingOnly() {
      assertThat(score("The film lacks charm")).isNegative();
      assertThat(score("The plan failed miserably")).isNegative();
    }

    @Test
    void analyze_negationWithoutRatedWords_leansWeaklyNegative() {
      assertThat(score("I did not see that coming")).isEqualTo(-0.05);
    }
  }

  @Nested
  @DisplayName("Intensifiers, capitals and punctuation change the magnitude, not the sign")
  class Emphasis {
    @Test
    void analyze_booster_raisesMagnitude() {
      assertThat(score("The support was very helpful")).isGreaterThan(score("The support was helpful"));
      assertThat(score("The update is extremely slow")).isLessThan(score("The update is slow"));
    }

    @Test
    void analyze_dampener_lowersMagnitude() {
      assertThat(score("It is somewhat good")).isPositive().isLessThan(score("It is good"));
    }

    @Test
    void analyze_lyAdverbBeforeARatedWord_intensifiesIt() {
      assertThat(score("achingly beautiful")).isGreaterThan(score("beautiful"));
    }

    @Test
    void analyze_wordInCapitals_amongLowerCase_isEmphasized() {
      assertThat(score("This is GREAT news")).isGreaterThan(score("This is great news"));
    }

    @Test
    void analyze_allCapitals_isNotEmphasis() {
      assertThat(score("THIS IS GREAT NEWS")).isEqualTo(score("this is great news"));
    }

    @Test
    void analyze_exclamationMarks_amplify() {
      assertThat(score("Great!!!")).isGreaterThan(score("Great"));
      assertThat(score("Awful!!!")).isLessThan(score("Awful"));
    }

    @Test
    void analyze_exclamationMarksBeyondFour_addNothing() {
      assertThat(score("Great!!!!!!!!")).isEqualTo(score("Great!!!!"));
    }

    @Test
    void analyze_repeatedQuestionMarks_amplify() {
      assertThat(score("Is this broken??")).isLessThan(score("Is this broken"));
    }

    @Test
    void analyze_tooBeforeANeutralWord_readsAsExcess() {
      assertThat(score("The movie is too long")).isNegative();
      assertThat(score("The checkout is too expensive")).isNegative();
    }
  }

  @Nested
  @DisplayName("Contrast: the clause after \"but\" weighs more")
  class Contrast {
    @Test
    void analyze_but_weightsTheSecondClause() {
      assertThat(score("The app is great but it crashes constantly")).isNegative();
      assertThat(score("The app crashes sometimes but it is great")).isPositive();
    }

    @Test
    void analyze_although_concedesItsClause() {
      assertThat(score("Although it is slow to start, it is gripping")).isPositive();
    }

    @Test
    void analyze_nothingBut_isNotAContrast() {
      assertThat(score("Nothing but praise for the team")).isPositive();
    }

    @Test
    void analyze_butInAnotherSentence_doesNotReweigh() {
      assertThat(score("Great product. But shipping was late.")).isGreaterThan(score("Great product but shipping was late."));
    }
  }

  @Nested
  @DisplayName("Emoticons and emoji")
  class Symbols {
    @Test
    void analyze_emoticons_areScored() {
      assertThat(label("see you tomorrow :)")).isEqualTo(SentimentLabel.POSITIVE);
      assertThat(label("see you tomorrow :(")).isEqualTo(SentimentLabel.NEGATIVE);
      assertThat(label("love you <3")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void analyze_emoticonFollowedByPunctuation_isStillRecognized() {
      assertThat(label("see you tomorrow :(.")).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void analyze_emoji_areScored() {
      assertThat(label("new release \uD83D\uDE0D")).isEqualTo(SentimentLabel.POSITIVE);
      assertThat(label("new release \uD83D\uDE21")).isEqualTo(SentimentLabel.NEGATIVE);
      assertThat(label("\uD83D\uDC4D")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void analyze_emojiWithSkinToneOrVariationSelector_scoresAsTheBaseEmoji() {
      assertThat(score("\uD83D\uDC4D\uD83C\uDFFD")).isEqualTo(score("\uD83D\uDC4D"));
      assertThat(score("\u2764\uFE0F")).isEqualTo(score("\u2764"));
    }
  }

  @Nested
  @DisplayName("Support and product language")
  class Support {
    @ParameterizedTest
    @ValueSource(strings = {
        "It doesn't work", "The app keeps crashing", "Still broken after the update", "I want a refund",
        "It no longer works", "It stopped working yesterday", "The sync doesn't work anymore", "Still waiting",
        "Waste of money", "The page won't load", "Nobody answered my ticket, no response for a week",
        "The new version is buggy and laggy", "Did not help at all"})
    void analyze_complaint_isNegative(String text) {
      assertThat(label(text)).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Works great", "That fixed it, thanks", "The issue is resolved", "Works perfectly now",
        "Highly recommend it", "Setup was seamless and intuitive", "No problems at all", "Worth every penny"})
    void analyze_praise_isPositive(String text) {
      assertThat(label(text)).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void analyze_affirmedFunctionVerb_isNeutral() {
      assertThat(analyzer.analyze("I work at the front desk")).isEqualTo(SentimentScore.NEUTRAL);
    }
  }
}

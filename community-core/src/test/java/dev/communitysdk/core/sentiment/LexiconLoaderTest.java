package dev.communitysdk.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LexiconLoaderTest {
  private final Lexicon lexicon = LexiconLoader.load();

  @Test
  void load_readsVadersRatings() {
    assertThat(lexicon.valence("good")).isEqualTo(1.9, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(lexicon.valence("horrible")).isNegative();
  }

  @Test
  void load_duplicateEntries_keepTheLastValue() {
    // "ok" is rated 1.6 and then 1.2 in vader_lexicon.txt; the reference implementation keeps the last.
    assertThat(lexicon.valence("ok")).isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void load_supplementOverridesVader() {
    assertThat(lexicon.valence("support")).isLessThan(1.0);
  }

  @Test
  void load_derivesFormsButNotFalseFriends() {
    assertThat(lexicon.valence("unfunny")).isNegative();
    assertThat(lexicon.valence("flawless")).isPositive();
    assertThat(lexicon.contains("likely")).isFalse();
    assertThat(lexicon.contains("kinds")).isFalse();
  }

  @Test
  void load_indexesPhrasesLongestFirst() {
    Phrase[] phrases = lexicon.phrasesStartingWith("as");
    assertThat(phrases).isNotEmpty();
    for (int i = 1; i < phrases.length; i++) {
      assertThat(phrases[i].words().length).isLessThanOrEqualTo(phrases[i - 1].words().length);
    }
  }

  @Test
  void load_keepsSymbolEntriesAsEmoticons() {
    assertThat(lexicon.emoticons()).contains(":)", ":-(", "</3").doesNotContain("good");
  }

  @Test
  void vaderLexicon_shipsWithItsLicence() throws IOException {
    try (InputStream in = LexiconLoader.class.getResourceAsStream("LICENSE-VADER.txt")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("MIT", "C.J. Hutto");
    }
  }
}

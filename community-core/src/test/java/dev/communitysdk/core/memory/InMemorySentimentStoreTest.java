package dev.communitysdk.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.SentimentBucket;
import dev.communitysdk.spi.model.SentimentSample;
import dev.communitysdk.spi.model.SentimentScope;
import dev.communitysdk.spi.model.SentimentScopeKind;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.sentiment.SentimentLabel;
import dev.communitysdk.spi.storage.SentimentStore;

/** What the reference store decides where the storage contract leaves room; the contract kit covers the rest. */
class InMemorySentimentStoreTest {
  private static final Instant AT = Instant.parse("2024-03-01T10:15:30Z");
  private static final LocalDate DAY = LocalDate.parse("2024-03-01");

  private final SentimentStore store = InMemoryCommunityStore.create().sentiment();

  @Test
  void record_takingOutWhatWasNeverAdded_isRefusedAndChangesNothing() {
    store.record(sample(1, List.of("wifi"), 0.5, SentimentLabel.POSITIVE, 1));

    // The community bucket could go down by one; the router tag's cannot, so neither moves.
    assertThatThrownBy(() -> store.record(sample(2, List.of("router"), 0.5, SentimentLabel.POSITIVE, -1)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("post 2");
    // Same day and scope, but taken out with another label than it was added with.
    assertThatThrownBy(() -> store.record(sample(1, List.of("wifi"), -0.5, SentimentLabel.NEGATIVE, -1)))
        .isInstanceOf(StorageException.class);

    SentimentBucket unchanged = new SentimentBucket(DAY, 1, 0, 0, 1, 0.5);
    assertThat(store.daily(SentimentScope.community(), DAY, DAY)).containsExactly(unchanged);
    assertThat(store.daily(SentimentScope.tag("wifi"), DAY, DAY)).containsExactly(unchanged);
    assertThat(store.daily(SentimentScope.tag("router"), DAY, DAY)).isEmpty();
  }

  @Test
  void limits_outsideTheirRange_areRefused() {
    assertThatThrownBy(() -> store.mostNegativeOpenTopics(new SpaceId(1), 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 200, was 0");
    assertThatThrownBy(() -> store.mostNegativeOpenTopics(new SpaceId(1), 1, 201))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 200, was 201");
    assertThatThrownBy(() -> store.activeScopes(SentimentScopeKind.TAG, DAY, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 10000, was 0");
    assertThatThrownBy(() -> store.activeScopes(SentimentScopeKind.TAG, DAY, 10_001))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be 1 to 10000, was 10001");
    assertThat(store.activeScopes(SentimentScopeKind.TAG, DAY, 10_000)).isEmpty();
  }

  @Test
  void record_accountKeyTooLong_isRefusedBeforeAnyWrite() {
    SentimentSample sample = new SentimentSample(new PostId(1), new TopicId(1), new SpaceId(1),
        Optional.of(new MemberId(1)), Optional.of("a".repeat(SentimentScope.MAX_KEY + 1)), Optional.empty(),
        List.of("wifi"), AT, 0.5, SentimentLabel.POSITIVE, 1);

    assertThatThrownBy(() -> store.record(sample)).isInstanceOf(IllegalArgumentException.class);

    assertThat(store.daily(SentimentScope.community(), DAY, DAY)).isEmpty();
  }

  private static SentimentSample sample(long post, List<String> tags, double score, SentimentLabel label, int weight) {
    return new SentimentSample(new PostId(post), new TopicId(1), new SpaceId(1), Optional.empty(), Optional.empty(),
        Optional.empty(), tags, AT, score, label, weight);
  }
}

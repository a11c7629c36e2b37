package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.communitysdk.spi.model.ListingOrder;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicQuery;
import dev.communitysdk.spi.model.TopicStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conversions behind keyset cursors must be exact. */
final class TimesTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01T10:15:30.123456789Z", "1969-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z"})
  void fromEpochMicros_ofRankOf_givesTheStoredInstant(String text) {
    Instant stored = Times.truncate(Instant.parse(text));
    Topic topic = new Topic(new TopicId(1), new SpaceId(1), SpaceKind.DISCUSSION, "A title for tests", List.of(),
        new MemberId(1), false, TopicStatus.OPEN, 0, 0, 0, stored, stored, 1);

    double rank = TopicQuery.rankOf(ListingOrder.LATEST, topic);

    assertThat(Times.fromEpochMicros(rank)).isEqualTo(stored);
  }
}

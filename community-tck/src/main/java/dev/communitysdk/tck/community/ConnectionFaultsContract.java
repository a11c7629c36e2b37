package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.ratelimit.RateLimits;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.tck.fixtures.ConnectionFault;
import dev.communitysdk.tck.fixtures.ConnectionFault.Point;

/**
 * A database connection killed in the middle of a command's transaction: neither the change nor its event is
 * committed, counters stay as they were, and the command succeeds when run again, with exactly one event. The
 * community runs the command again by itself, up to {@code maxTransientAttempts} times, because the store reports the
 * broken connection as a {@link TransientStorageException}; with a single attempt the caller sees that exception and
 * retries.
 *
 * <p>The command under test is a reply: it inserts a post, bumps the topic's counters and writes a
 * {@code post.created} event. A runner supplies the store and a {@link ConnectionFault} wired into it.
 */
public abstract class ConnectionFaultsContract extends CommunityFixture {
  private static final String BODY = "Restart the router, then update its firmware.";

  private Community singleAttempt;

  /** For adapters' tests. */
  protected ConnectionFaultsContract() {}

  /**
   * @return the fault wired into the store the last {@link #newStore()} returned
   */
  protected abstract ConnectionFault fault();

  @AfterEach
  void closeSingleAttempt() {
    if (singleAttempt != null) {
      singleAttempt.close();
    }
  }

  /** The same store and identities, but a command is tried once only. */
  private Community singleAttempt() {
    if (singleAttempt == null) {
      singleAttempt = Community.builder().store(store).identity(identities).clock(clock)
          .rateLimits(RateLimits.unlimited()).privileges(privileges()).maxTransientAttempts(1).build();
    }
    return singleAttempt;
  }

  @ParameterizedTest(name = "killed {0}")
  @EnumSource(Point.class)
  void aKilledConnectionFailsTheCommandCommitsNothingAndTheRetrySucceeds(Point point) {
    Community once = singleAttempt();
    Actor replier = once.actor("bob");
    TopicId topic = startTopic(alice, "Router drops Wi-Fi every hour").topic().id();
    Snapshot before = snapshot(topic);
    clock.advance(Duration.ofMinutes(5));

    fault().arm(point);
    assertThatThrownBy(() -> once.posts().reply(replier, topic, BODY)).isInstanceOf(TransientStorageException.class);

    assertThat(fault().fired()).as("connections killed").isEqualTo(1);
    assertThat(snapshot(topic)).as("after the killed transaction").isEqualTo(before);

    PostView reply = once.posts().reply(replier, topic, BODY);

    assertOneReplyCommitted(topic, before, reply);
  }

  @ParameterizedTest(name = "killed {0}")
  @EnumSource(Point.class)
  void aKilledConnectionIsRetriedByTheCommunityAndCommitsOnce(Point point) {
    TopicId topic = startTopic(alice, "Router drops Wi-Fi every hour").topic().id();
    Snapshot before = snapshot(topic);
    clock.advance(Duration.ofMinutes(5));

    fault().arm(point);
    PostView reply = community.posts().reply(bob, topic, BODY);

    assertThat(fault().fired()).as("connections killed").isEqualTo(1);
    assertOneReplyCommitted(topic, before, reply);
  }

  private void assertOneReplyCommitted(TopicId topic, Snapshot before, PostView reply) {
    Snapshot after = snapshot(topic);
    assertThat(after.replyCount()).isEqualTo(before.replyCount() + 1);
    assertThat(after.replies()).containsExactly(BODY);
    List<CommunityEvent> created = after.newEvents(before).stream()
        .filter(event -> event.type().equals("post.created")).toList();
    assertThat(created).as("post.created events").singleElement()
        .satisfies(event -> assertThat(event.payload()).contains("\"postId\":" + reply.id().value() + ","));
  }

  private Snapshot snapshot(TopicId topic) {
    ThreadView thread = community.topics().thread(alice, topic, Optional.empty(), 100);
    List<String> replies = thread.posts().stream().filter(post -> !post.opening()).map(PostView::source).toList();
    return new Snapshot(thread.topic().replyCount(), thread.topic().lastActivityAt().toString(), replies, events());
  }

  /** What the fault may not change: the topic's counters, its replies, and the outbox. */
  private record Snapshot(long replyCount, String lastActivity, List<String> replies, List<CommunityEvent> events) {
    List<CommunityEvent> newEvents(Snapshot earlier) {
      return events.subList(earlier.events.size(), events.size());
    }
  }
}

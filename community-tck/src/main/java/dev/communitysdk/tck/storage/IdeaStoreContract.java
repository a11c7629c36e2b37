package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.ideaVote;
import static dev.communitysdk.tck.storage.Samples.statusChange;
import static dev.communitysdk.tck.storage.Samples.withoutSentiment;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.AccountVotes;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaOrder;
import dev.communitysdk.spi.model.IdeaQuery;
import dev.communitysdk.spi.model.IdeaStatus;
import dev.communitysdk.spi.model.IdeaStatusChange;
import dev.communitysdk.spi.model.IdeaTrend;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.model.VoteTally;
import dev.communitysdk.spi.storage.IdeaStore;

/**
 * The idea storage contract: what every {@link IdeaStore} must do, as JUnit 5 tests grouped by capability. An
 * adapter's test extends this class and makes a fresh store, exactly as for {@link CommunityStoreContract}:
 *
 * <pre>{@code
 * class JooqH2IdeaStoreContractTest extends IdeaStoreContract {
 *   @Override
 *   protected CommunityStore newStore() {
 *     return JooqCommunityStore.create(TestDatabase.h2().dataSource()); // plus migrations
 *   }
 * }
 * }</pre>
 *
 * <p>A vote is active while it counts for its idea. Merging a duplicate deactivates its votes, which then stay out of
 * every read but still hold the (idea, voter) key; the tests reach inactive votes only through
 * {@link IdeaStore#mergeVotes}, as core does.
 */
public abstract class IdeaStoreContract extends StoreContract {
  private static final TopicId MISSING = new TopicId(987_654_321L);
  private static final Set<IdeaStatus> OPEN =
      EnumSet.of(IdeaStatus.NEW, IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS);
  private static final Optional<String> NO_ACCOUNT = Optional.empty();

  /** For subclasses. */
  protected IdeaStoreContract() {}

  @Nested
  @DisplayName("ideas")
  class Ideas {
    @Test
    @DisplayName("insert stores a NEW idea without votes, changed at creation, and find and lock return it")
    void insert_newIdea_startsNewWithoutVotes() {
      Space space = newIdeasSpace();
      Topic topic = newTopic(space, newMember(), at(5), 0);

      Idea stored = ideas().insert(topic.id(), space.id(), at(5));

      assertThat(stored).isEqualTo(
          new Idea(topic.id(), space.id(), IdeaStatus.NEW, 0, 0, Optional.empty(), at(5), at(5)));
      assertThat(ideas().find(topic.id())).contains(stored);
      assertThat(tx().inTransaction(() -> ideas().lock(topic.id()))).contains(stored);
    }

    @Test
    @DisplayName("lookups of a missing idea are empty, and a topic that holds no idea is no idea")
    void lookups_missingIdea_areEmpty() {
      Topic plain = newTopic(newIdeasSpace(), newMember(), at(0), 0);

      assertThat(ideas().find(MISSING)).isEmpty();
      assertThat(ideas().find(plain.id())).isEmpty();
      assertThat(tx().inTransaction(() -> ideas().lock(MISSING))).isEmpty();
      assertThat(ideas().findAll(List.of(MISSING, plain.id()))).isEmpty();
    }

    @Test
    @DisplayName("findAll returns the ideas that exist, each once")
    void findAll_duplicatesAndMissingIds_returnsExistingOnce() {
      Space space = newIdeasSpace();
      Idea a = newIdea(space, at(1));
      Idea b = newIdea(space, at(2));
      newIdea(space, at(3));

      assertThat(ideas().findAll(List.of(b.topicId(), a.topicId(), b.topicId(), MISSING)))
          .containsExactlyInAnyOrder(a, b);
      assertThat(ideas().findAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a second idea on one topic is a duplicate key, and an idea of a missing topic is refused")
    void insert_sameTopicTwice_isDuplicate() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));

      assertThatThrownBy(() -> ideas().insert(idea.topicId(), space.id(), at(1)))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> ideas().insert(MISSING, space.id(), at(1))).isInstanceOf(StorageException.class);

      assertThat(ideas().find(idea.topicId())).contains(idea);
      assertThat(ideas().find(MISSING)).isEmpty();
    }

    @Test
    @DisplayName("updateStatus sets the status, the merge target and the change time, and leaves votes and creation")
    void updateStatus_setsStatusTargetAndTime() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea target = newIdea(space, at(1));
      ideas().addVotes(idea.topicId(), 3, 1);

      assertThat(ideas().updateStatus(idea.topicId(), IdeaStatus.DUPLICATE, Optional.of(target.topicId()), at(60)))
          .isTrue();
      assertThat(ideas().find(idea.topicId())).contains(new Idea(idea.topicId(), space.id(), IdeaStatus.DUPLICATE,
          3, 1, Optional.of(target.topicId()), at(60), at(0)));

      assertThat(ideas().updateStatus(idea.topicId(), IdeaStatus.UNDER_REVIEW, Optional.empty(), at(90))).isTrue();
      assertThat(ideas().find(idea.topicId())).contains(new Idea(idea.topicId(), space.id(),
          IdeaStatus.UNDER_REVIEW, 3, 1, Optional.empty(), at(90), at(0)));
      assertThat(ideas().find(target.topicId())).contains(target);
      assertThat(ideas().updateStatus(MISSING, IdeaStatus.PLANNED, Optional.empty(), at(99))).isFalse();
    }

    @Test
    @DisplayName("addVotes moves both counters by their deltas, setVotes replaces them, and a missing idea says so")
    void addVotesAndSetVotes_moveCounters() {
      Idea idea = newIdea(newIdeasSpace(), at(0));

      assertThat(ideas().addVotes(idea.topicId(), 3, 1)).isTrue();
      assertThat(ideas().addVotes(idea.topicId(), -1, 2)).isTrue();
      Idea moved = ideas().find(idea.topicId()).orElseThrow();
      assertThat(moved.upVotes()).isEqualTo(2);
      assertThat(moved.downVotes()).isEqualTo(3);
      assertThat(moved.score()).isEqualTo(-1);
      assertThat(moved.statusChangedAt()).isEqualTo(at(0));

      assertThat(ideas().setVotes(idea.topicId(), new VoteTally(7, 2))).isTrue();
      assertThat(ideas().addVotes(idea.topicId(), 1, 0)).isTrue();
      Idea replaced = ideas().find(idea.topicId()).orElseThrow();
      assertThat(replaced).isEqualTo(new Idea(idea.topicId(), idea.spaceId(), IdeaStatus.NEW, 8, 2, Optional.empty(),
          at(0), at(0)));

      assertThat(ideas().addVotes(MISSING, 1, 0)).isFalse();
      assertThat(ideas().setVotes(MISSING, new VoteTally(1, 0))).isFalse();
      assertThat(ideas().find(MISSING)).isEmpty();
    }
  }

  @Nested
  @DisplayName("idea votes")
  class Votes {
    @Test
    @DisplayName("an inserted vote is found with every field, and one without an account comes back without")
    void insertVote_findVote_keepsEveryField() {
      Idea idea = newIdea(newIdeasSpace(), at(0));
      Member a = newMember();
      Member b = newMember();
      IdeaVote withAccount = ideaVote(idea, a.id(), VoteDirection.DOWN, Optional.of("acct-7"), at(3));
      IdeaVote withoutAccount = ideaVote(idea, b.id(), VoteDirection.UP, NO_ACCOUNT, at(4));

      ideas().insertVote(withAccount);
      ideas().insertVote(withoutAccount);

      assertThat(ideas().findVote(idea.topicId(), a.id())).contains(withAccount);
      assertThat(ideas().findVote(idea.topicId(), b.id())).contains(withoutAccount);
      assertThat(ideas().findVote(idea.topicId(), newMember().id())).isEmpty();
      assertThat(ideas().findVote(MISSING, a.id())).isEmpty();
    }

    @Test
    @DisplayName("a second vote by the same voter on the same idea is a duplicate key and changes nothing")
    void insertVote_twice_isDuplicate() {
      Idea idea = newIdea(newIdeasSpace(), at(0));
      Member voter = newMember();
      IdeaVote first = ideaVote(idea, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(1));
      ideas().insertVote(first);

      assertThatThrownBy(() -> ideas().insertVote(ideaVote(idea, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(2))))
          .isInstanceOf(DuplicateKeyException.class);

      assertThat(ideas().findVote(idea.topicId(), voter.id())).contains(first);
      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(1, 0));
    }

    @Test
    @DisplayName("a vote where the voter has an inactive one is a duplicate key too, and the inactive one stays unseen")
    void insertVote_overInactiveVote_isDuplicate() {
      Space space = newIdeasSpace();
      Idea duplicate = newIdea(space, at(0));
      Idea target = newIdea(space, at(1));
      Member voter = newMember();
      ideas().insertVote(ideaVote(duplicate, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(2)));
      ideas().mergeVotes(duplicate.topicId(), target.topicId());

      assertThatThrownBy(() -> ideas().insertVote(ideaVote(duplicate, voter.id(), VoteDirection.UP, NO_ACCOUNT,
          at(3)))).isInstanceOf(DuplicateKeyException.class);

      assertThat(ideas().findVote(duplicate.topicId(), voter.id())).isEmpty();
      assertThat(ideas().tally(duplicate.topicId())).isEqualTo(new VoteTally(0, 0));
    }

    @Test
    @DisplayName("a vote on a missing idea or by a missing member is refused")
    void insertVote_missingIdeaOrMember_isRefused() {
      Idea idea = newIdea(newIdeasSpace(), at(0));
      Member voter = newMember();

      assertThatThrownBy(() -> ideas().insertVote(new IdeaVote(MISSING, voter.id(), VoteDirection.UP, NO_ACCOUNT,
          at(1), Optional.empty()))).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> ideas().insertVote(ideaVote(idea, new MemberId(987_654_321L), VoteDirection.UP,
          NO_ACCOUNT, at(1)))).isInstanceOf(StorageException.class);

      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(0, 0));
      assertThat(ideas().findVote(MISSING, voter.id())).isEmpty();
    }

    @Test
    @DisplayName("listVoters pages through the members whose vote on the idea is active, by member id")
    void listVoters_activeVotersByMemberId() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea mergedAway = newIdea(space, at(1));
      Member up = newMember();
      Member down = newMember();
      Member moved = newMember();
      Member elsewhere = newMember();
      ideas().insertVote(ideaVote(idea, up.id(), VoteDirection.UP, NO_ACCOUNT, at(2)));
      ideas().insertVote(ideaVote(idea, down.id(), VoteDirection.DOWN, NO_ACCOUNT, at(3)));
      ideas().insertVote(ideaVote(mergedAway, moved.id(), VoteDirection.UP, NO_ACCOUNT, at(4)));
      ideas().insertVote(ideaVote(newIdea(space, at(5)), elsewhere.id(), VoteDirection.UP, NO_ACCOUNT, at(6)));
      ideas().mergeVotes(mergedAway.topicId(), idea.topicId());

      List<MemberId> first = ideas().listVoters(idea.topicId(), Optional.empty(), 2);
      assertThat(first).containsExactly(up.id(), down.id());
      assertThat(ideas().listVoters(idea.topicId(), Optional.of(first.get(1)), 2)).containsExactly(moved.id());
      assertThat(ideas().listVoters(mergedAway.topicId(), Optional.empty(), 10)).as("merged away").isEmpty();
    }

    @Test
    @DisplayName("findVotesByVoter returns the voter's active votes on the listed ideas, each once, and no one else's")
    void findVotesByVoter_activeVotesOnListedIdeas() {
      Space space = newIdeasSpace();
      Idea a = newIdea(space, at(0));
      Idea b = newIdea(space, at(1));
      Idea unlisted = newIdea(space, at(2));
      Idea mergedAway = newIdea(space, at(3));
      Idea target = newIdea(space, at(4));
      Member voter = newMember();
      Member neighbour = newMember();
      IdeaVote onA = ideaVote(a, voter.id(), VoteDirection.UP, Optional.of("acct-1"), at(10));
      IdeaVote onB = ideaVote(b, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(11));
      IdeaVote onMergedAway = ideaVote(mergedAway, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(12));
      ideas().insertVote(onA);
      ideas().insertVote(onB);
      ideas().insertVote(ideaVote(unlisted, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(13)));
      ideas().insertVote(onMergedAway);
      ideas().insertVote(ideaVote(a, neighbour.id(), VoteDirection.UP, NO_ACCOUNT, at(14)));
      ideas().mergeVotes(mergedAway.topicId(), target.topicId());

      assertThat(ideas().findVotesByVoter(voter.id(),
          List.of(a.topicId(), b.topicId(), a.topicId(), mergedAway.topicId(), MISSING)))
          .containsExactlyInAnyOrder(onA, onB);
      assertThat(ideas().findVotesByVoter(voter.id(), List.of(target.topicId())))
          .containsExactly(copied(onMergedAway, target));
      assertThat(ideas().findVotesByVoter(voter.id(), List.of())).isEmpty();
      assertThat(ideas().findVotesByVoter(newMember().id(), List.of(a.topicId(), b.topicId()))).isEmpty();
    }

    @Test
    @DisplayName("updateVote replaces direction, account and time of an active vote and keeps where it was merged from")
    void updateVote_activeVote_replacesItKeepingMergedFrom() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea duplicate = newIdea(space, at(1));
      Member voter = newMember();
      Member mover = newMember();
      ideas().insertVote(ideaVote(idea, voter.id(), VoteDirection.UP, Optional.of("acct-1"), at(2)));
      IdeaVote moved = ideaVote(duplicate, mover.id(), VoteDirection.UP, NO_ACCOUNT, at(3));
      ideas().insertVote(moved);
      ideas().mergeVotes(duplicate.topicId(), idea.topicId());
      IdeaVote changed = ideaVote(idea, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(50));

      assertThat(ideas().updateVote(changed)).isTrue();
      assertThat(ideas().updateVote(ideaVote(idea, mover.id(), VoteDirection.DOWN, Optional.of("acct-2"), at(60))))
          .isTrue();

      assertThat(ideas().findVote(idea.topicId(), voter.id())).contains(changed);
      assertThat(ideas().findVote(idea.topicId(), mover.id())).contains(new IdeaVote(idea.topicId(), mover.id(),
          VoteDirection.DOWN, Optional.of("acct-2"), at(60), Optional.of(duplicate.topicId())));
      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(0, 2));
    }

    @Test
    @DisplayName("updateVote of an inactive or missing vote changes nothing and says so")
    void updateVote_inactiveOrMissing_returnsFalse() {
      Space space = newIdeasSpace();
      Idea duplicate = newIdea(space, at(0));
      Idea target = newIdea(space, at(1));
      Member voter = newMember();
      IdeaVote original = ideaVote(duplicate, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(2));
      ideas().insertVote(original);
      ideas().mergeVotes(duplicate.topicId(), target.topicId());

      assertThat(ideas().updateVote(ideaVote(duplicate, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(70))))
          .isFalse();
      assertThat(ideas().updateVote(ideaVote(target, newMember().id(), VoteDirection.UP, NO_ACCOUNT, at(70))))
          .isFalse();

      assertThat(ideas().tally(target.topicId())).isEqualTo(new VoteTally(1, 0));
      ideas().unmergeVotes(duplicate.topicId(), target.topicId());
      assertThat(ideas().findVote(duplicate.topicId(), voter.id())).contains(original);
    }

    @Test
    @DisplayName("deleteVote removes an active or an inactive vote once, and the voter may vote afresh")
    void deleteVote_activeOrInactive_removesOnce() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea duplicate = newIdea(space, at(1));
      Member voter = newMember();
      Member mover = newMember();
      ideas().insertVote(ideaVote(idea, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(2)));
      ideas().insertVote(ideaVote(duplicate, mover.id(), VoteDirection.UP, NO_ACCOUNT, at(3)));
      ideas().mergeVotes(duplicate.topicId(), idea.topicId());

      assertThat(ideas().deleteVote(idea.topicId(), voter.id())).isTrue();
      assertThat(ideas().deleteVote(idea.topicId(), voter.id())).isFalse();
      assertThat(ideas().deleteVote(duplicate.topicId(), mover.id())).isTrue();
      assertThat(ideas().deleteVote(duplicate.topicId(), mover.id())).isFalse();
      assertThat(ideas().deleteVote(MISSING, voter.id())).isFalse();

      assertThat(ideas().findVote(idea.topicId(), voter.id())).isEmpty();
      // The deleted inactive vote is gone for good: undoing the merge cannot bring it back.
      ideas().unmergeVotes(duplicate.topicId(), idea.topicId());
      assertThat(ideas().findVote(duplicate.topicId(), mover.id())).isEmpty();
      assertThat(ideas().tally(duplicate.topicId())).isEqualTo(new VoteTally(0, 0));
      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(0, 0));
      IdeaVote again = ideaVote(duplicate, mover.id(), VoteDirection.DOWN, NO_ACCOUNT, at(9));
      ideas().insertVote(again);
      assertThat(ideas().findVote(duplicate.topicId(), mover.id())).contains(again);
    }

    @Test
    @DisplayName("tally counts one idea's active up and down votes from the vote rows, not from the counters")
    void tally_countsActiveVoteRows() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea other = newIdea(space, at(1));
      for (VoteDirection direction : List.of(VoteDirection.UP, VoteDirection.UP, VoteDirection.DOWN,
          VoteDirection.UP, VoteDirection.DOWN)) {
        ideas().insertVote(ideaVote(idea, newMember().id(), direction, NO_ACCOUNT, at(2)));
      }
      ideas().insertVote(ideaVote(other, newMember().id(), VoteDirection.UP, NO_ACCOUNT, at(3)));
      ideas().addVotes(idea.topicId(), 40, 40);

      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(3, 2));
      assertThat(ideas().tally(other.topicId())).isEqualTo(new VoteTally(1, 0));
      assertThat(ideas().tally(MISSING)).isEqualTo(new VoteTally(0, 0));

      ideas().mergeVotes(idea.topicId(), other.topicId());

      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(0, 0));
      assertThat(ideas().tally(other.topicId())).isEqualTo(new VoteTally(4, 2));
    }
  }

  @Nested
  @DisplayName("idea merges")
  class Merges {
    @Test
    @DisplayName("mergeVotes copies each source voter's vote to the target once, with direction, account and cast "
        + "time, deactivates the source, and leaves every counter alone")
    void mergeVotes_copiesOnceAndDeactivatesSource() {
      MergeSides sides = mergeSides();

      ideas().mergeVotes(sides.source.topicId(), sides.target.topicId());

      assertThat(votesOn(sides.target, sides.voters())).containsExactly(
          copied(sides.upOnSource, sides.target), copied(sides.downOnSource, sides.target), sides.bothOnTarget,
          sides.targetOnly);
      assertThat(ideas().tally(sides.target.topicId())).isEqualTo(new VoteTally(2, 2));
      assertThat(votesOn(sides.source, sides.voters())).isEmpty();
      assertThat(ideas().tally(sides.source.topicId())).isEqualTo(new VoteTally(0, 0));
      assertThat(ideas().find(sides.source.topicId())).contains(sides.sourceIdea);
      assertThat(ideas().find(sides.target.topicId())).contains(sides.targetIdea);
    }

    @Test
    @DisplayName("unmergeVotes restores both sides exactly, the target's own votes included, counters untouched")
    void unmergeVotes_restoresBothSides() {
      MergeSides sides = mergeSides();
      List<IdeaVote> sourceBefore = votesOn(sides.source, sides.voters());
      List<IdeaVote> targetBefore = votesOn(sides.target, sides.voters());
      ideas().mergeVotes(sides.source.topicId(), sides.target.topicId());

      ideas().unmergeVotes(sides.source.topicId(), sides.target.topicId());

      assertThat(votesOn(sides.source, sides.voters())).isEqualTo(sourceBefore).containsExactly(sides.upOnSource,
          sides.downOnSource, sides.bothOnSource);
      assertThat(votesOn(sides.target, sides.voters())).isEqualTo(targetBefore).containsExactly(sides.bothOnTarget,
          sides.targetOnly);
      assertThat(ideas().tally(sides.source.topicId())).isEqualTo(new VoteTally(2, 1));
      assertThat(ideas().tally(sides.target.topicId())).isEqualTo(new VoteTally(1, 1));
      assertThat(ideas().find(sides.source.topicId())).contains(sides.sourceIdea);
      assertThat(ideas().find(sides.target.topicId())).contains(sides.targetIdea);
    }

    @Test
    @DisplayName("unmergeVotes takes back only the copies merged from that source: another duplicate's stay")
    void unmergeVotes_twoSources_takesBackOnlyOne() {
      Space space = newIdeasSpace();
      Idea first = newIdea(space, at(0));
      Idea second = newIdea(space, at(1));
      Idea target = newIdea(space, at(2));
      Member firstVoter = newMember();
      Member secondVoter = newMember();
      IdeaVote onFirst = ideaVote(first, firstVoter.id(), VoteDirection.UP, NO_ACCOUNT, at(10));
      IdeaVote onSecond = ideaVote(second, secondVoter.id(), VoteDirection.DOWN, Optional.of("acct-2"), at(11));
      ideas().insertVote(onFirst);
      ideas().insertVote(onSecond);
      ideas().mergeVotes(first.topicId(), target.topicId());
      ideas().mergeVotes(second.topicId(), target.topicId());

      ideas().unmergeVotes(first.topicId(), target.topicId());

      assertThat(votesOn(target, firstVoter, secondVoter)).containsExactly(copied(onSecond, target));
      assertThat(votesOn(first, firstVoter, secondVoter)).containsExactly(onFirst);
      assertThat(votesOn(second, firstVoter, secondVoter)).isEmpty();
      assertThat(ideas().tally(target.topicId())).isEqualTo(new VoteTally(0, 1));
    }

    @Test
    @DisplayName("a source whose votes a merge already deactivated has nothing left to copy")
    void mergeVotes_inactiveSourceVotes_areNotCopied() {
      Space space = newIdeasSpace();
      Idea source = newIdea(space, at(0));
      Idea first = newIdea(space, at(1));
      Idea second = newIdea(space, at(2));
      Member voter = newMember();
      ideas().insertVote(ideaVote(source, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(10)));
      ideas().mergeVotes(source.topicId(), first.topicId());

      ideas().mergeVotes(source.topicId(), second.topicId());

      assertThat(ideas().findVote(second.topicId(), voter.id())).isEmpty();
      assertThat(ideas().tally(second.topicId())).isEqualTo(new VoteTally(0, 0));
      assertThat(ideas().tally(first.topicId())).isEqualTo(new VoteTally(1, 0));
    }

    @Test
    @DisplayName("a source voter with an inactive vote on the target gets no copy, and the merge does not fail")
    void mergeVotes_voterInactiveOnTarget_getsNoCopy() {
      Space space = newIdeasSpace();
      Idea a = newIdea(space, at(0));
      Idea b = newIdea(space, at(1));
      Idea c = newIdea(space, at(2));
      Member voter = newMember();
      IdeaVote onA = ideaVote(a, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(10));
      IdeaVote onB = ideaVote(b, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(11));
      ideas().insertVote(onA);
      ideas().insertVote(onB);
      ideas().mergeVotes(b.topicId(), c.topicId());

      ideas().mergeVotes(a.topicId(), b.topicId());

      assertThat(ideas().findVote(a.topicId(), voter.id())).isEmpty();
      assertThat(ideas().findVote(b.topicId(), voter.id())).isEmpty();
      assertThat(ideas().findVote(c.topicId(), voter.id())).contains(copied(onB, c));
      ideas().unmergeVotes(a.topicId(), b.topicId());
      assertThat(ideas().findVote(a.topicId(), voter.id())).contains(onA);
      assertThat(ideas().findVote(b.topicId(), voter.id())).isEmpty();
      ideas().unmergeVotes(b.topicId(), c.topicId());
      assertThat(ideas().findVote(b.topicId(), voter.id())).contains(onB);
      assertThat(ideas().findVote(c.topicId(), voter.id())).isEmpty();
    }

    @Test
    @DisplayName("a chain unwinds: after A into B and B into C, unmerging B from C restores B with A's copies, and "
        + "unmerging A from B then restores A")
    void chainOfMerges_unwinds() {
      Space space = newIdeasSpace();
      Idea a = newIdea(space, at(0));
      Idea b = newIdea(space, at(1));
      Idea c = newIdea(space, at(2));
      Member onlyA = newMember();
      Member onlyB = newMember();
      Member onAAndC = newMember();
      Member onlyC = newMember();
      Member[] voters = {onlyA, onlyB, onAAndC, onlyC};
      IdeaVote onlyAVote = ideaVote(a, onlyA.id(), VoteDirection.UP, Optional.of("acct-1"), at(10));
      IdeaVote onlyBVote = ideaVote(b, onlyB.id(), VoteDirection.UP, NO_ACCOUNT, at(11));
      IdeaVote onAAndCVoteOnA = ideaVote(a, onAAndC.id(), VoteDirection.UP, NO_ACCOUNT, at(12));
      IdeaVote onAAndCVoteOnC = ideaVote(c, onAAndC.id(), VoteDirection.DOWN, NO_ACCOUNT, at(13));
      IdeaVote onlyCVote = ideaVote(c, onlyC.id(), VoteDirection.UP, NO_ACCOUNT, at(14));
      for (IdeaVote vote : List.of(onlyAVote, onlyBVote, onAAndCVoteOnA, onAAndCVoteOnC, onlyCVote)) {
        ideas().insertVote(vote);
      }

      ideas().mergeVotes(a.topicId(), b.topicId());
      ideas().mergeVotes(b.topicId(), c.topicId());

      assertThat(votesOn(a, voters)).isEmpty();
      assertThat(votesOn(b, voters)).isEmpty();
      // A's vote reached C through B: merged from B, cast when it was cast on A.
      assertThat(votesOn(c, voters)).containsExactly(copied(onlyAVote, c, b), copied(onlyBVote, c), onAAndCVoteOnC,
          onlyCVote);
      assertThat(ideas().tally(c.topicId())).isEqualTo(new VoteTally(3, 1));

      ideas().unmergeVotes(b.topicId(), c.topicId());

      assertThat(votesOn(c, voters)).containsExactly(onAAndCVoteOnC, onlyCVote);
      assertThat(votesOn(b, voters)).containsExactly(copied(onlyAVote, b), onlyBVote, copied(onAAndCVoteOnA, b));
      assertThat(votesOn(a, voters)).isEmpty();

      ideas().unmergeVotes(a.topicId(), b.topicId());

      assertThat(votesOn(a, voters)).containsExactly(onlyAVote, onAAndCVoteOnA);
      assertThat(votesOn(b, voters)).containsExactly(onlyBVote);
      assertThat(votesOn(c, voters)).containsExactly(onAAndCVoteOnC, onlyCVote);
    }

    /**
     * A source with an up voter, a down voter and a voter who voted on both sides; a target with that voter's vote and
     * one of its own; counters set apart from the rows, so that a merge touching them shows.
     */
    private MergeSides mergeSides() {
      Space space = newIdeasSpace();
      Idea source = newIdea(space, at(0));
      Idea target = newIdea(space, at(1));
      Member up = newMember();
      Member down = newMember();
      Member both = newMember();
      Member targetOnly = newMember();
      IdeaVote upOnSource = ideaVote(source, up.id(), VoteDirection.UP, Optional.of("acct-1"), at(10));
      IdeaVote downOnSource = ideaVote(source, down.id(), VoteDirection.DOWN, NO_ACCOUNT, at(11));
      IdeaVote bothOnSource = ideaVote(source, both.id(), VoteDirection.UP, Optional.of("acct-2"), at(12));
      IdeaVote bothOnTarget = ideaVote(target, both.id(), VoteDirection.DOWN, NO_ACCOUNT, at(13));
      IdeaVote targetOnlyVote = ideaVote(target, targetOnly.id(), VoteDirection.UP, Optional.of("acct-3"), at(14));
      for (IdeaVote vote : List.of(upOnSource, downOnSource, bothOnSource, bothOnTarget, targetOnlyVote)) {
        ideas().insertVote(vote);
      }
      ideas().addVotes(source.topicId(), 20, 10);
      ideas().addVotes(target.topicId(), 30, 5);
      return new MergeSides(source, target, up, down, both, targetOnly, upOnSource, downOnSource, bothOnSource,
          bothOnTarget, targetOnlyVote, ideas().find(source.topicId()).orElseThrow(),
          ideas().find(target.topicId()).orElseThrow());
    }
  }

  private record MergeSides(
      Idea source, Idea target, Member up, Member down, Member both, Member targetOnlyVoter, IdeaVote upOnSource,
      IdeaVote downOnSource, IdeaVote bothOnSource, IdeaVote bothOnTarget, IdeaVote targetOnly, Idea sourceIdea,
      Idea targetIdea) {
    Member[] voters() {
      return new Member[] {up, down, both, targetOnlyVoter};
    }
  }

  @Nested
  @DisplayName("idea vote counts")
  class VoteCounts {
    @Test
    @DisplayName("countVotes counts a member's active votes, up or down, on the ideas of one space in the statuses")
    void countVotes_bySpaceAndStatuses() {
      Space space = newIdeasSpace();
      Space other = newIdeasSpace();
      Idea fresh = newIdea(space, at(0));
      Idea planned = newIdea(space, at(1), IdeaStatus.PLANNED);
      Idea shipped = newIdea(space, at(2), IdeaStatus.SHIPPED);
      Idea mergedAway = newIdea(space, at(3));
      Idea elsewhere = newIdea(other, at(4));
      Member voter = newMember();
      Member neighbour = newMember();
      ideas().insertVote(ideaVote(fresh, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(10)));
      ideas().insertVote(ideaVote(planned, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(11)));
      ideas().insertVote(ideaVote(shipped, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(12)));
      ideas().insertVote(ideaVote(mergedAway, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(13)));
      ideas().insertVote(ideaVote(elsewhere, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(14)));
      ideas().insertVote(ideaVote(fresh, neighbour.id(), VoteDirection.UP, NO_ACCOUNT, at(15)));
      // The voter already voted on the target: the merge only deactivates the vote, still in a NEW idea.
      ideas().mergeVotes(mergedAway.topicId(), planned.topicId());

      assertThat(ideas().countVotes(voter.id(), space.id(), OPEN)).isEqualTo(2);
      assertThat(ideas().countVotes(voter.id(), space.id(), Set.of(IdeaStatus.SHIPPED))).isEqualTo(1);
      assertThat(ideas().countVotes(voter.id(), space.id(), EnumSet.allOf(IdeaStatus.class))).isEqualTo(3);
      assertThat(ideas().countVotes(voter.id(), space.id(), Set.of(IdeaStatus.DECLINED))).isZero();
      assertThat(ideas().countVotes(voter.id(), other.id(), OPEN)).isEqualTo(1);
      assertThat(ideas().countVotes(neighbour.id(), space.id(), OPEN)).isEqualTo(1);
      assertThat(ideas().countVotes(newMember().id(), space.id(), OPEN)).isZero();
    }

    @Test
    @DisplayName("trending counts active up votes cast since the window start, most first, ties by the higher id")
    void trending_countsRecentActiveUpVotes() {
      Space space = newIdeasSpace();
      Space other = newIdeasSpace();
      Instant since = at(100);
      Idea a = newIdea(space, at(0));
      Idea b = newIdea(space, at(1), IdeaStatus.PLANNED);
      Idea c = newIdea(space, at(2));
      Idea shipped = newIdea(space, at(3), IdeaStatus.SHIPPED);
      Idea old = newIdea(space, at(4));
      Idea mergedAway = newIdea(space, at(5));
      Idea shippedTarget = newIdea(space, at(6), IdeaStatus.SHIPPED);
      Idea elsewhere = newIdea(other, at(7));
      // Cast exactly at the window start, inside it, before it, and a down vote inside it.
      castAll(a, VoteDirection.UP, at(100), at(150), at(200), at(99));
      castAll(a, VoteDirection.DOWN, at(150));
      castAll(b, VoteDirection.UP, at(120));
      castAll(c, VoteDirection.UP, at(101), at(102), at(103));
      castAll(shipped, VoteDirection.UP, at(110), at(111), at(112), at(113), at(114));
      castAll(old, VoteDirection.UP, at(50), at(60));
      castAll(mergedAway, VoteDirection.UP, at(130), at(131), at(132), at(133));
      castAll(elsewhere, VoteDirection.UP, at(140), at(141), at(142), at(143), at(144), at(145));
      ideas().mergeVotes(mergedAway.topicId(), shippedTarget.topicId());
      Set<IdeaStatus> newOrPlanned = Set.of(IdeaStatus.NEW, IdeaStatus.PLANNED);

      assertThat(ideas().trending(space.id(), newOrPlanned, since, 10)).containsExactly(
          new IdeaTrend(c.topicId(), 3), new IdeaTrend(a.topicId(), 3), new IdeaTrend(b.topicId(), 1));
      assertThat(ideas().trending(space.id(), newOrPlanned, since, 2)).containsExactly(
          new IdeaTrend(c.topicId(), 3), new IdeaTrend(a.topicId(), 3));
      assertThat(ideas().trending(space.id(), Set.of(IdeaStatus.PLANNED), since, 10)).containsExactly(
          new IdeaTrend(b.topicId(), 1));
      // Merged copies count on their target, as of the time they were first cast.
      assertThat(ideas().trending(space.id(), Set.of(IdeaStatus.SHIPPED), since, 10)).containsExactly(
          new IdeaTrend(shipped.topicId(), 5), new IdeaTrend(shippedTarget.topicId(), 4));
      assertThat(ideas().trending(space.id(), newOrPlanned, at(1000), 10)).isEmpty();
      assertThat(ideas().trending(newIdeasSpace().id(), newOrPlanned, since, 10)).isEmpty();
    }

    @Test
    @DisplayName("accountVotes counts each account's active up votes on the listed ideas, by idea id, then account")
    void accountVotes_byIdeaThenAccount() {
      Space space = newIdeasSpace();
      Idea a = newIdea(space, at(0));
      Idea b = newIdea(space, at(1));
      Idea unlisted = newIdea(space, at(2));
      Idea mergedAway = newIdea(space, at(3));
      castFor(a, VoteDirection.UP, "acct-b");
      castFor(a, VoteDirection.UP, "acct-a");
      castFor(a, VoteDirection.UP, "acct-b");
      castFor(a, VoteDirection.DOWN, "acct-a");
      ideas().insertVote(ideaVote(a, newMember().id(), VoteDirection.UP, NO_ACCOUNT, at(10)));
      castFor(b, VoteDirection.UP, "acct-a");
      castFor(unlisted, VoteDirection.UP, "acct-a");
      castFor(mergedAway, VoteDirection.UP, "acct-c");
      ideas().mergeVotes(mergedAway.topicId(), b.topicId());

      assertThat(ideas().accountVotes(List.of(b.topicId(), a.topicId(), b.topicId(), mergedAway.topicId(), MISSING)))
          .containsExactly(new AccountVotes(a.topicId(), "acct-a", 1), new AccountVotes(a.topicId(), "acct-b", 2),
              new AccountVotes(b.topicId(), "acct-a", 1), new AccountVotes(b.topicId(), "acct-c", 1));
      assertThat(ideas().accountVotes(List.of(mergedAway.topicId()))).isEmpty();
      assertThat(ideas().accountVotes(List.of())).isEmpty();
    }

    @Test
    @DisplayName("accountVotes of a space counts every idea of the space in the given statuses")
    void accountVotes_bySpaceAndStatuses() {
      Space space = newIdeasSpace();
      Idea fresh = newIdea(space, at(0));
      Idea planned = newIdea(space, at(1), IdeaStatus.PLANNED);
      Idea shipped = newIdea(space, at(2), IdeaStatus.SHIPPED);
      Idea elsewhere = newIdea(newIdeasSpace(), at(3));
      castFor(planned, VoteDirection.UP, "acct-a");
      castFor(fresh, VoteDirection.UP, "acct-a");
      castFor(planned, VoteDirection.UP, "acct-a");
      castFor(planned, VoteDirection.UP, "acct-0");
      castFor(shipped, VoteDirection.UP, "acct-a");
      castFor(elsewhere, VoteDirection.UP, "acct-a");

      assertThat(ideas().accountVotes(space.id(), OPEN)).containsExactly(
          new AccountVotes(fresh.topicId(), "acct-a", 1), new AccountVotes(planned.topicId(), "acct-0", 1),
          new AccountVotes(planned.topicId(), "acct-a", 2));
      assertThat(ideas().accountVotes(space.id(), Set.of(IdeaStatus.SHIPPED))).containsExactly(
          new AccountVotes(shipped.topicId(), "acct-a", 1));
      assertThat(ideas().accountVotes(newIdeasSpace().id(), EnumSet.allOf(IdeaStatus.class))).isEmpty();
    }

    private void castAll(Idea idea, VoteDirection direction, Instant... castAt) {
      for (Instant at : castAt) {
        ideas().insertVote(ideaVote(idea, newMember().id(), direction, NO_ACCOUNT, at));
      }
    }

    private void castFor(Idea idea, VoteDirection direction, String accountId) {
      ideas().insertVote(ideaVote(idea, newMember().id(), direction, Optional.of(accountId), at(10)));
    }
  }

  /**
   * Six listed ideas whose ranks tie in both orders, so that pages of two cut through ties, plus two that must never
   * show: one shipped, one in another space. The expected orders are written out by hand from this table:
   *
   * <pre>
   * idea  status        status changed  up  down  score
   * I1    NEW           0 (created)     5   0     5
   * I2    UNDER_REVIEW  30              2   0     2
   * I3    PLANNED       30              5   0     5
   * I4    NEW           10 (created)    0   1     -1
   * I5    PLANNED       20              3   1     2
   * I6    NEW           30 (created)    0   0     0
   * I7    SHIPPED       40              9   0     9
   * </pre>
   */
  @Nested
  @DisplayName("idea listings")
  class IdeaListings {
    private static final Set<IdeaStatus> LISTED =
        Set.of(IdeaStatus.NEW, IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED);

    private final Map<TopicId, String> names = new HashMap<>();
    private @Nullable Space space;

    @BeforeEach
    void sevenIdeasWithTies() {
      Space listed = newIdeasSpace();
      space = listed;
      insert(listed, "I1", 0, null, 0, 5, 0);
      insert(listed, "I2", 1, IdeaStatus.UNDER_REVIEW, 30, 2, 0);
      insert(listed, "I3", 2, IdeaStatus.PLANNED, 30, 5, 0);
      insert(listed, "I4", 10, null, 0, 0, 1);
      insert(listed, "I5", 3, IdeaStatus.PLANNED, 20, 3, 1);
      insert(listed, "I6", 30, null, 0, 0, 0);
      insert(listed, "I7", 4, IdeaStatus.SHIPPED, 40, 9, 0);
      insert(newIdeasSpace(), "elsewhere", 50, IdeaStatus.PLANNED, 99, 50, 0);
    }

    @Test
    @DisplayName("TOP pages by vote count, negative counts last, ties broken by the higher id")
    void top_pagesThroughTies() {
      assertThat(pageThrough(IdeaOrder.TOP, LISTED, 2)).containsExactly("I3", "I1", "I5", "I2", "I6", "I4");
    }

    @Test
    @DisplayName("RECENTLY_CHANGED pages by the last status change, ties broken by the higher id")
    void recentlyChanged_pagesThroughTies() {
      assertThat(pageThrough(IdeaOrder.RECENTLY_CHANGED, LISTED, 2))
          .containsExactly("I6", "I3", "I2", "I5", "I4", "I1");
    }

    @Test
    @DisplayName("pages of four cut the same orders at other places")
    void pagesOfFour_sameOrders() {
      assertThat(pageThrough(IdeaOrder.TOP, LISTED, 4)).containsExactly("I3", "I1", "I5", "I2", "I6", "I4");
      assertThat(pageThrough(IdeaOrder.RECENTLY_CHANGED, LISTED, 4))
          .containsExactly("I6", "I3", "I2", "I5", "I4", "I1");
    }

    @Test
    @DisplayName("only ideas in the query's statuses are listed")
    void statuses_filterTheListing() {
      assertThat(pageThrough(IdeaOrder.TOP, Set.of(IdeaStatus.PLANNED), 1)).containsExactly("I3", "I5");
      assertThat(pageThrough(IdeaOrder.TOP, Set.of(IdeaStatus.SHIPPED), 10)).containsExactly("I7");
      assertThat(pageThrough(IdeaOrder.TOP, Set.of(IdeaStatus.DECLINED), 10)).isEmpty();
    }

    @Test
    @DisplayName("a page holds at most the limit, and listed ideas equal what find returns")
    void list_limit_returnsFullIdeas() {
      List<Idea> page = ideas().list(query(IdeaOrder.TOP, LISTED, Optional.empty(), 3));

      assertThat(page).hasSize(3);
      assertThat(page).containsExactly(page.stream().map(i -> ideas().find(i.topicId()).orElseThrow())
          .toArray(Idea[]::new));
    }

    private List<String> pageThrough(IdeaOrder order, Set<IdeaStatus> statuses, int limit) {
      return StoreContract.pageThrough(limit, after -> ideas().list(query(order, statuses, after, limit)),
          last -> new ListingCursor(order.rankOf(last), last.topicId().value())).stream()
          .map(idea -> names.get(idea.topicId()))
          .toList();
    }

    private IdeaQuery query(IdeaOrder order, Set<IdeaStatus> statuses, Optional<ListingCursor> after, int limit) {
      return new IdeaQuery(requireNonNull(space).id(), order, statuses, after, limit);
    }

    /** Inserts an idea created at the second; a null status leaves it NEW, changed at creation. */
    private void insert(
        Space in, String name, long created, @Nullable IdeaStatus status, long changed, long up, long down) {
      Idea idea = newIdea(in, at(created));
      if (status != null) {
        ideas().updateStatus(idea.topicId(), status, Optional.empty(), at(changed));
      }
      ideas().addVotes(idea.topicId(), up, down);
      names.put(idea.topicId(), name);
    }
  }

  @Nested
  @DisplayName("idea status history")
  class History {
    @Test
    @DisplayName("history lists an idea's changes oldest first, in insertion order when times tie, no other idea's")
    void history_oldestFirst_tiesInInsertionOrder() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea other = newIdea(space, at(1));
      Member employee = newMember();
      IdeaStatusChange reviewed = statusChange(idea, IdeaStatus.NEW, IdeaStatus.UNDER_REVIEW, employee.id(), at(30),
          Optional.empty());
      IdeaStatusChange otherChange = statusChange(other, IdeaStatus.NEW, IdeaStatus.DECLINED, employee.id(), at(20),
          Optional.empty());
      IdeaStatusChange older = statusChange(idea, IdeaStatus.UNDER_REVIEW, IdeaStatus.PLANNED, employee.id(), at(10),
          Optional.empty());
      IdeaStatusChange merged = statusChange(idea, IdeaStatus.PLANNED, IdeaStatus.DUPLICATE, employee.id(), at(30),
          Optional.of(other.topicId()));

      for (IdeaStatusChange change : List.of(reviewed, otherChange, older, merged)) {
        ideas().insertStatusChange(change);
      }

      assertThat(ideas().history(idea.topicId())).containsExactly(withoutSentiment(older),
          withoutSentiment(reviewed), withoutSentiment(merged));
      assertThat(ideas().history(other.topicId())).containsExactly(withoutSentiment(otherChange));
      assertThat(ideas().history(newIdea(space, at(2)).topicId())).isEmpty();
      assertThat(ideas().history(MISSING)).isEmpty();
    }

    @Test
    @DisplayName("a change keeps the response's source, HTML and render version, but not its sentiment")
    void insertStatusChange_keepsResponseWithoutSentiment() {
      Idea idea = newIdea(newIdeasSpace(), at(0));
      IdeaStatusChange change = statusChange(idea, IdeaStatus.NEW, IdeaStatus.PLANNED, newMember().id(), at(5),
          Optional.empty());
      assertThat(change.response().sentiment()).isPresent();

      ideas().insertStatusChange(change);

      IdeaStatusChange stored = ideas().history(idea.topicId()).get(0);
      assertThat(stored.response().source()).isEqualTo(change.response().source());
      assertThat(stored.response().html()).isEqualTo(change.response().html());
      assertThat(stored.response().renderVersion()).isEqualTo(3);
      assertThat(stored.response().sentiment()).isEmpty();
      assertThat(stored).isEqualTo(withoutSentiment(change));
    }

    @Test
    @DisplayName("a change of a missing idea or by a missing member is refused")
    void insertStatusChange_missingIdeaOrMember_isRefused() {
      Idea idea = newIdea(newIdeasSpace(), at(0));
      Member employee = newMember();
      IdeaStatusChange valid =
          statusChange(idea, IdeaStatus.NEW, IdeaStatus.PLANNED, employee.id(), at(5), Optional.empty());

      assertThatThrownBy(() -> ideas().insertStatusChange(new IdeaStatusChange(MISSING, valid.from(), valid.to(),
          valid.response(), employee.id(), valid.changedAt(), Optional.empty()))).isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> ideas().insertStatusChange(new IdeaStatusChange(idea.topicId(), valid.from(),
          valid.to(), valid.response(), new MemberId(987_654_321L), valid.changedAt(), Optional.empty())))
          .isInstanceOf(StorageException.class);

      assertThat(ideas().history(idea.topicId())).isEmpty();
    }
  }

  @Nested
  @DisplayName("idea transactions")
  class Transactions {
    @Test
    @DisplayName("a transaction that throws leaves no idea, vote, counter, merge or status change behind")
    void failedTransaction_leavesNothing() {
      Space space = newIdeasSpace();
      Idea idea = newIdea(space, at(0));
      Idea target = newIdea(space, at(1));
      Member voter = newMember();
      Member neighbour = newMember();
      Member employee = newMember();
      IdeaVote kept = ideaVote(idea, voter.id(), VoteDirection.UP, Optional.of("acct-1"), at(2));
      IdeaVote onTarget = ideaVote(target, neighbour.id(), VoteDirection.UP, NO_ACCOUNT, at(3));
      ideas().insertVote(kept);
      ideas().addVotes(idea.topicId(), 1, 0);
      ideas().insertVote(onTarget);
      ideas().addVotes(target.topicId(), 1, 0);
      Idea ideaBefore = ideas().find(idea.topicId()).orElseThrow();
      Idea targetBefore = ideas().find(target.topicId()).orElseThrow();
      Topic fresh = newTopic(space, employee, at(4), 0);
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        ideas().insert(fresh.id(), space.id(), at(4));
        ideas().lock(idea.topicId());
        ideas().updateVote(ideaVote(idea, voter.id(), VoteDirection.DOWN, NO_ACCOUNT, at(5)));
        ideas().insertVote(ideaVote(idea, neighbour.id(), VoteDirection.UP, NO_ACCOUNT, at(5)));
        ideas().insertVote(ideaVote(target, employee.id(), VoteDirection.UP, NO_ACCOUNT, at(5)));
        ideas().deleteVote(target.topicId(), neighbour.id());
        ideas().mergeVotes(idea.topicId(), target.topicId());
        ideas().setVotes(target.topicId(), ideas().tally(target.topicId()));
        ideas().updateStatus(idea.topicId(), IdeaStatus.DUPLICATE, Optional.of(target.topicId()), at(5));
        ideas().addVotes(idea.topicId(), 5, 5);
        ideas().insertStatusChange(statusChange(idea, IdeaStatus.NEW, IdeaStatus.DUPLICATE, employee.id(), at(5),
            Optional.of(target.topicId())));
        throw boom;
      })).isSameAs(boom);

      assertThat(ideas().find(fresh.id())).isEmpty();
      assertThat(ideas().find(idea.topicId())).contains(ideaBefore);
      assertThat(ideas().find(target.topicId())).contains(targetBefore);
      assertThat(votesOn(idea, voter, neighbour, employee)).containsExactly(kept);
      assertThat(votesOn(target, voter, neighbour, employee)).containsExactly(onTarget);
      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(1, 0));
      assertThat(ideas().tally(target.topicId())).isEqualTo(new VoteTally(1, 0));
      assertThat(ideas().history(idea.topicId())).isEmpty();
    }

    @Test
    @DisplayName("a transaction that throws after undoing a merge leaves the merge in place")
    void failedUnmerge_leavesMerge() {
      Space space = newIdeasSpace();
      Idea source = newIdea(space, at(0));
      Idea target = newIdea(space, at(1));
      Member voter = newMember();
      IdeaVote original = ideaVote(source, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(2));
      ideas().insertVote(original);
      ideas().mergeVotes(source.topicId(), target.topicId());
      IllegalStateException boom = new IllegalStateException("boom");

      assertThatThrownBy(() -> tx().run(() -> {
        ideas().unmergeVotes(source.topicId(), target.topicId());
        assertThat(ideas().findVote(source.topicId(), voter.id())).contains(original);
        throw boom;
      })).isSameAs(boom);

      assertThat(ideas().findVote(source.topicId(), voter.id())).isEmpty();
      assertThat(ideas().findVote(target.topicId(), voter.id())).contains(copied(original, target));
      ideas().unmergeVotes(source.topicId(), target.topicId());
      assertThat(ideas().findVote(source.topicId(), voter.id())).contains(original);
    }
  }

  @Nested
  @DisplayName("idea concurrency")
  class Concurrency {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @DisplayName("16 threads each locking one idea to cast 10 votes lose none: counters and tally count every voter")
    void concurrentVotes_loseNothing() throws Exception {
      int votesPerThread = 10;
      Idea idea = newIdea(newIdeasSpace(), at(0));
      List<List<Member>> voters = membersPerThread(votesPerThread);

      Queue<Throwable> failures = runConcurrently(thread -> {
        for (Member voter : voters.get(thread)) {
          withTransientRetry(() -> tx().inTransaction(() -> {
            ideas().lock(idea.topicId()).orElseThrow();
            ideas().insertVote(ideaVote(idea, voter.id(), VoteDirection.UP, NO_ACCOUNT, at(thread)));
            ideas().addVotes(idea.topicId(), 1, 0);
            return null;
          }));
        }
      });

      assertThat(failures).isEmpty();
      long expected = (long) THREADS * votesPerThread;
      Idea stored = ideas().find(idea.topicId()).orElseThrow();
      assertThat(stored.upVotes()).isEqualTo(expected);
      assertThat(stored.downVotes()).isZero();
      assertThat(ideas().tally(idea.topicId())).isEqualTo(new VoteTally(expected, 0));
    }
  }

  private IdeaStore ideas() {
    return store().ideas();
  }

  private Space newIdeasSpace() {
    return newSpace(SpaceKind.IDEAS);
  }

  /** @return a NEW idea on a new topic of the space, created at the instant */
  private Idea newIdea(Space space, Instant createdAt) {
    Topic topic = newTopic(space, newMember(), createdAt, 0);
    return ideas().insert(topic.id(), space.id(), createdAt);
  }

  /** @return an idea moved to the status a second after its creation */
  private Idea newIdea(Space space, Instant createdAt, IdeaStatus status) {
    Idea idea = newIdea(space, createdAt);
    ideas().updateStatus(idea.topicId(), status, Optional.empty(), createdAt.plusSeconds(1));
    return ideas().find(idea.topicId()).orElseThrow();
  }

  /** @return the active votes the members have on the idea, in the members' order */
  private List<IdeaVote> votesOn(Idea idea, Member... voters) {
    return Arrays.stream(voters)
        .flatMap(voter -> ideas().findVote(idea.topicId(), voter.id()).stream())
        .toList();
  }

  /** @return the copy that merging the vote's idea into the target makes of the vote */
  private static IdeaVote copied(IdeaVote vote, Idea target) {
    return new IdeaVote(target.topicId(), vote.voterId(), vote.direction(), vote.accountId(), vote.castAt(),
        Optional.of(vote.topicId()));
  }

  /** @return the copy that merging {@code via} into the target makes of a vote that reached {@code via} by a merge */
  private static IdeaVote copied(IdeaVote vote, Idea target, Idea via) {
    return new IdeaVote(target.topicId(), vote.voterId(), vote.direction(), vote.accountId(), vote.castAt(),
        Optional.of(via.topicId()));
  }
}

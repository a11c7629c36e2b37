package dev.communitysdk.tck.storage;

import static dev.communitysdk.tck.storage.Samples.at;
import static dev.communitysdk.tck.storage.Samples.content;
import static dev.communitysdk.tck.storage.Samples.ideaVote;
import static dev.communitysdk.tck.storage.Samples.member;
import static dev.communitysdk.tck.storage.Samples.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.AuditEntry;
import dev.communitysdk.spi.model.Idea;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewAuditEntry;
import dev.communitysdk.spi.model.NewPost;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.storage.AuditLog;

/**
 * The privacy storage contract: the {@link AuditLog}, and what exporting and erasing a member need from the other
 * stores (a member's posts, votes and idea votes page by page; blanking revisions; the outbox's undelivered events of
 * a member; rebinding a member's external id). An adapter's test extends this class and makes a fresh store, exactly
 * as for {@link CommunityStoreContract}.
 */
public abstract class PrivacyStoreContract extends StoreContract {
  /** For subclasses. */
  protected PrivacyStoreContract() {}

  private AuditLog audit() {
    return store().audit();
  }

  private AuditEntry append(Member actor, String action, Optional<Member> subject, String detail, long seconds) {
    return audit().append(new NewAuditEntry(actor.id(), action, subject.map(Member::id), Optional.of("post"),
        Optional.of(seconds), detail, at(seconds)));
  }

  @Nested
  @DisplayName("audit log")
  class Audit {
    @Test
    @DisplayName("append keeps every field and ids increase in append order")
    void append_keepsEveryField() {
      tx().inTransaction(() -> {
        Member moderator = newMember();
        Member author = newMember();
        AuditEntry first = append(moderator, "author.reveal", Optional.of(author), "spam wave", 1);
        AuditEntry second = audit().append(new NewAuditEntry(moderator.id(), "member.note", Optional.empty(),
            Optional.empty(), Optional.empty(), "", at(2)));

        assertThat(first.id()).isPositive();
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(first).isEqualTo(new AuditEntry(first.id(), moderator.id(), "author.reveal",
            Optional.of(author.id()), Optional.of("post"), Optional.of(1L), "spam wave", at(1)));
        assertThat(audit().listByActor(moderator.id(), Optional.empty(), 10)).containsExactly(second, first);
        return null;
      });
    }

    @Test
    @DisplayName("listings by subject and by actor hold only their member's entries, newest first, page by page")
    void listings_areKeysetPagedNewestFirst() {
      tx().inTransaction(() -> {
        Member moderator = newMember();
        Member other = newMember();
        Member subject = newMember();
        List<AuditEntry> aboutSubject = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          aboutSubject.add(0, append(i % 2 == 0 ? moderator : other, "author.reveal", Optional.of(subject),
              "reason " + i, i));
          append(moderator, "author.reveal", Optional.of(other), "elsewhere " + i, 100 + i);
        }

        List<AuditEntry> paged = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
          List<AuditEntry> page = audit().listBySubject(subject.id(), before, 3);
          assertThat(page).hasSizeLessThanOrEqualTo(3);
          if (page.isEmpty()) {
            break;
          }
          paged.addAll(page);
          before = Optional.of(page.get(page.size() - 1).id());
        }
        assertThat(paged).containsExactlyElementsOf(aboutSubject);
        assertThat(audit().listByActor(other.id(), Optional.empty(), 500))
            .extracting(AuditEntry::detail).containsExactly("reason 5", "reason 3", "reason 1");
        assertThat(audit().listByActor(subject.id(), Optional.empty(), 500)).isEmpty();
        return null;
      });
    }

    @Test
    @DisplayName("an entry naming a member that does not exist is refused")
    void append_missingMember_isRefused() {
      Member moderator = tx().inTransaction(PrivacyStoreContract.this::newMember);
      assertThatThrownBy(() -> tx().inTransaction(() -> audit().append(new NewAuditEntry(moderator.id(),
          "author.reveal", Optional.of(new MemberId(987_654_321L)), Optional.empty(), Optional.empty(), "", at(1)))))
          .isInstanceOf(StorageException.class);
      assertThat(tx().inTransaction(() -> audit().listByActor(moderator.id(), Optional.empty(), 10))).isEmpty();
    }

    @Test
    @DisplayName("redact replaces only the detail, and says whether the entry exists")
    void redact_replacesDetail() {
      tx().inTransaction(() -> {
        Member moderator = newMember();
        Member subject = newMember();
        AuditEntry entry = append(moderator, "author.reveal", Optional.of(subject), "Jane Doe spammed", 1);

        assertThat(audit().redact(entry.id(), "[erased] spammed")).isTrue();
        assertThat(audit().redact(entry.id() + 1000, "x")).isFalse();
        assertThat(audit().listBySubject(subject.id(), Optional.empty(), 10)).containsExactly(new AuditEntry(
            entry.id(), entry.actorId(), entry.action(), entry.subjectId(), entry.targetType(), entry.targetId(),
            "[erased] spammed", entry.at()));
        return null;
      });
    }

    @Test
    @DisplayName("an entry appended in a transaction that rolls back is gone")
    void append_rolledBack_isGone() {
      Member moderator = tx().inTransaction(PrivacyStoreContract.this::newMember);
      assertThatThrownBy(() -> tx().inTransaction(() -> {
        append(moderator, "author.reveal", Optional.empty(), "", 1);
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(tx().inTransaction(() -> audit().listByActor(moderator.id(), Optional.empty(), 10))).isEmpty();
    }
  }

  @Nested
  @DisplayName("a member's rows, page by page")
  class ByMember {
    @Test
    @DisplayName("posts by author come in id order in every status, anonymous ones included, and no one else's")
    void postsByAuthor_everyStatus() {
      tx().inTransaction(() -> {
        Member author = newMember();
        Member other = newMember();
        Space space = newSpace();
        Topic topic = newTopic(space, other, at(0), 0);
        List<PostId> mine = new ArrayList<>();
        for (PostStatus status : PostStatus.values()) {
          mine.add(newPost(topic, author, status).id());
          newPost(topic, other, status);
        }
        mine.add(store().posts().insert(new NewPost(topic.id(), space.id(), author.id(), true, false,
            content("anonymous"), PostStatus.PUBLISHED, at(3))).id());

        List<PostId> paged = new ArrayList<>();
        Optional<PostId> after = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
          List<Post> page =
              store().posts().listByStatus(EnumSet.allOf(PostStatus.class), Optional.of(author.id()), after, 2);
          if (page.isEmpty()) {
            break;
          }
          page.forEach(post -> assertThat(post.authorId()).isEqualTo(author.id()));
          page.forEach(post -> paged.add(post.id()));
          after = Optional.of(page.get(page.size() - 1).id());
        }
        assertThat(paged).containsExactlyElementsOf(mine);
        return null;
      });
    }

    @Test
    @DisplayName("votes by voter come in post id order, page by page, and no one else's")
    void votesByVoter_inPostOrder() {
      tx().inTransaction(() -> {
        Member voter = newMember();
        Member other = newMember();
        Topic topic = newTopic(newSpace(), other, at(0), 0);
        List<Vote> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          Post post = newPost(topic, other, PostStatus.PUBLISHED);
          Vote vote = new Vote(voter.id(), post.id(), i % 2 == 0 ? VoteDirection.UP : VoteDirection.DOWN, at(i));
          store().votes().insert(vote);
          store().votes().insert(new Vote(other.id(), post.id(), VoteDirection.UP, at(i)));
          mine.add(vote);
        }

        List<Vote> first = store().votes().listByVoter(voter.id(), Optional.empty(), 3);
        List<Vote> rest = store().votes().listByVoter(voter.id(), Optional.of(first.get(2).postId()), 3);
        assertThat(first).containsExactlyElementsOf(mine.subList(0, 3));
        assertThat(rest).containsExactlyElementsOf(mine.subList(3, 5));
        return null;
      });
    }

    @Test
    @DisplayName("idea votes by voter come in idea id order, active or not, and no one else's")
    void ideaVotesByVoter_inIdeaOrder() {
      tx().inTransaction(() -> {
        Member voter = newMember();
        Member other = newMember();
        Space space = newSpace(SpaceKind.IDEAS);
        List<IdeaVote> mine = new ArrayList<>();
        Idea duplicate = null;
        Idea target = null;
        for (int i = 0; i < 3; i++) {
          Topic topic = newTopic(space, other, at(i), 0);
          Idea idea = store().ideas().insert(topic.id(), space.id(), at(i));
          IdeaVote vote = ideaVote(idea, voter.id(), VoteDirection.UP, Optional.empty(), at(i));
          store().ideas().insertVote(vote);
          store().ideas().insertVote(ideaVote(idea, other.id(), VoteDirection.UP, Optional.empty(), at(i)));
          mine.add(vote);
          if (i == 0) {
            duplicate = idea;
          } else if (i == 1) {
            target = idea;
          }
        }
        // Merging deactivates the voter's vote on the duplicate; the voter already voted on the target.
        store().ideas().mergeVotes(duplicate.topicId(), target.topicId());

        List<IdeaVote> first = store().ideas().listVotesByVoter(voter.id(), Optional.empty(), 2);
        List<IdeaVote> rest = store().ideas().listVotesByVoter(voter.id(), Optional.of(first.get(1).topicId()), 2);
        assertThat(first).containsExactlyElementsOf(mine.subList(0, 2));
        assertThat(rest).containsExactlyElementsOf(mine.subList(2, 3));
        assertThat(store().ideas().listVotesByVoter(voter.id(), Optional.of(new TopicId(Long.MAX_VALUE - 1)), 2))
            .isEmpty();
        return null;
      });
    }
  }

  @Nested
  @DisplayName("erasure writes")
  class Erasure {
    @Test
    @DisplayName("blank empties the source and title of every revision of the post, and of no other post")
    void blank_emptiesOnePostsRevisions() {
      tx().inTransaction(() -> {
        Member author = newMember();
        Topic topic = newTopic(newSpace(), author, at(0), 0);
        Post post = newPost(topic, author, PostStatus.PUBLISHED);
        Post other = newPost(topic, author, PostStatus.PUBLISHED);
        store().revisions().insert(new Revision(post.id(), 1, author.id(), Optional.of("Old title here"), "v1",
            at(1)));
        store().revisions().insert(new Revision(post.id(), 2, author.id(), Optional.empty(), "v2", at(2),
            Optional.of(4)));
        Revision kept = new Revision(other.id(), 1, author.id(), Optional.empty(), "keep me", at(3));
        store().revisions().insert(kept);

        assertThat(store().revisions().blank(post.id())).isEqualTo(2);
        assertThat(store().revisions().list(post.id())).containsExactly(
            new Revision(post.id(), 1, author.id(), Optional.empty(), "", at(1)),
            new Revision(post.id(), 2, author.id(), Optional.empty(), "", at(2), Optional.of(4)));
        assertThat(store().revisions().list(other.id())).containsExactly(kept);
        return null;
      });
    }

    @Test
    @DisplayName("the outbox lists a member's undelivered events in id order and replaces their payloads")
    void outbox_undeliveredByMember() {
      tx().inTransaction(() -> {
        Member member = newMember();
        Member other = newMember();
        CommunityEvent first = store().outbox().append(new NewEvent("member.joined", 1, "member",
            member.id().value(), "{\"userId\":\"jane\"}", at(1), Optional.of(member.id())));
        store().outbox().append(new NewEvent("member.joined", 1, "member", other.id().value(), "{}", at(2),
            Optional.of(other.id())));
        store().outbox().append(Samples.event("topic.edited", 7, at(3)));
        CommunityEvent second = store().outbox().append(new NewEvent("vote.cast", 1, "topic", 7,
            "{\"voterId\":" + member.id().value() + "}", at(4), Optional.of(member.id())));

        assertThat(store().outbox().listUndeliveredByMember(member.id(), Optional.empty(), 10))
            .containsExactly(first, second);
        assertThat(store().outbox().listUndeliveredByMember(member.id(), Optional.of(first.id()), 10))
            .containsExactly(second);

        assertThat(store().outbox().replaceUndeliveredPayload(first.id(), "{\"userId\":null}")).isTrue();
        assertThat(store().outbox().listAfter(Optional.empty(), 10).get(0).payload()).isEqualTo("{\"userId\":null}");
        return null;
      });
    }

    @Test
    @DisplayName("a member's external id and handle can be rebound, freeing the old ones; another member's are refused")
    void rebind_replacesExternalIdAndHandle() {
      String original = unique("user");
      Member member = tx().inTransaction(() -> store().members().insert(member(original)));
      Member other = tx().inTransaction(PrivacyStoreContract.this::newMember);

      assertThat(tx().inTransaction(() -> store().members().rebind(member.id(), "erased:abc", "erased_abc"))).isTrue();
      assertThat(tx().inTransaction(() -> store().members().findByExternalId("erased:abc")))
          .map(Member::handle).contains("erased_abc");
      assertThat(tx().inTransaction(() -> store().members().findByExternalId(original))).isEmpty();
      assertThat(tx().inTransaction(() -> store().members().findByHandles(List.of(member.handle())))).isEmpty();
      assertThat(tx().inTransaction(() -> store().members().insert(member(original))).externalId())
          .as("the old external id and handle are free again")
          .isEqualTo(original);
      assertThatThrownBy(() -> tx().inTransaction(
          () -> store().members().rebind(other.id(), "erased:abc", other.handle())))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> tx().inTransaction(
          () -> store().members().rebind(other.id(), other.externalId(), "erased_abc")))
          .isInstanceOf(DuplicateKeyException.class);
      assertThat(tx().inTransaction(() -> store().members().rebind(new MemberId(987_654_321L), "x", "x")))
          .isFalse();
    }
  }
}

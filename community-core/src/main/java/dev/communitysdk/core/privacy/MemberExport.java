package dev.communitysdk.core.privacy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.privacy.ExportDocument.FlagData;
import dev.communitysdk.core.privacy.ExportDocument.IdeaVoteData;
import dev.communitysdk.core.privacy.ExportDocument.PostData;
import dev.communitysdk.core.privacy.ExportDocument.Profile;
import dev.communitysdk.core.privacy.ExportDocument.ReputationData;
import dev.communitysdk.core.privacy.ExportDocument.ReviewData;
import dev.communitysdk.core.privacy.ExportDocument.RevisionData;
import dev.communitysdk.core.privacy.ExportDocument.SubscriptionData;
import dev.communitysdk.core.privacy.ExportDocument.VoteData;
import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.IdeaVote;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.ReputationEntry;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Subscription;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.Vote;

/**
 * A member's data as JSON: their profile, every post they wrote (anonymous ones included: they are the member's own)
 * with its revisions, their reviews, their votes on posts and ideas, their reputation history, the flags they
 * raised, what they follow and how they get notifications. Only what the member wrote or did appears; other members' content, even in threads they took part in, never
 * does. Read in pages, in one transaction. Created by {@link dev.communitysdk.core.member.Members}; not for direct use.
 * Thread-safe.
 */
public final class MemberExport {
  /** The value of the export's {@code format} field. */
  public static final String FORMAT = "community-member-export";
  /** The export's shape version. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final int POST_PAGE = 200;
  private static final Set<PostStatus> ALL_STATUSES = EnumSet.allOf(PostStatus.class);
  private static final int ROW_PAGE = 1000;

  private final CommunityContext context;

  /** @param context the community's wiring */
  public MemberExport(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * @param actor the member themself, or an admin
   * @param memberId the member whose data to export
   * @return the export as a JSON object
   * @throws PermissionDeniedException if the actor is someone else and not an admin
   * @throws NotFoundException if the member does not exist
   */
  public String export(Actor actor, MemberId memberId) {
    requireNonNull(memberId, "memberId");
    ExportDocument document = context.commands().run("member.export", () -> {
      Member reader = context.reader(actor);
      if (!reader.id().equals(memberId) && !reader.has(Role.ADMIN)) {
        throw new PermissionDeniedException("member.export", "only the member themself and admins may export it");
      }
      Member member = context.store().members().find(memberId)
          .orElseThrow(() -> new NotFoundException("member", memberId));
      List<ReviewData> reviews = new ArrayList<>();
      List<PostData> posts = posts(member, reviews);
      return new ExportDocument(FORMAT, VERSION, context.commands().now().toString(), profile(member), posts,
          reviews, votes(memberId), ideaVotes(memberId), reputation(memberId), flagsRaisedBy(memberId),
          subscriptions(memberId),
          context.store().subscriptions().findDelivery(memberId).map(Enum::name).orElse(null));
    });
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      // The document is records of strings, numbers and lists; failing here is a programming error.
      throw new CommunityException("cannot serialize the export of member " + memberId, e);
    }
  }

  private static Profile profile(Member member) {
    return new Profile(member.id().value(), member.externalId(), member.displayName(),
        member.profile().email().orElse(null),
        member.profile().roles().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
        member.profile().customerAccountId().orElse(null), member.profile().locale().orElse(null),
        member.status().name(), member.reputation(), member.createdAt().toString());
  }

  /** Every post of the member, page by page; a review's stars go to {@code reviews} as its opening post passes. */
  private List<PostData> posts(Member member, List<ReviewData> reviews) {
    List<Post> written = Pages.all(POST_PAGE,
        after -> context.store().posts().listByStatus(ALL_STATUSES, Optional.of(member.id()), after, POST_PAGE),
        Post::id);
    Map<TopicId, Topic> opened = context.store().topics()
        .findAll(written.stream().filter(Post::opening).map(Post::topicId).distinct().toList()).stream()
        .collect(Collectors.toMap(Topic::id, Function.identity()));
    List<PostData> posts = new ArrayList<>();
    for (Post post : written) {
      Topic topic = post.opening() ? opened.get(post.topicId()) : null;
      posts.add(new PostData(post.id().value(), post.topicId().value(), post.spaceId().value(), post.opening(),
          topic == null ? null : topic.title(), post.anonymous(), post.status().name(), post.content().source(),
          post.score(), post.createdAt().toString(), post.updatedAt().toString(), revisions(member, post)));
      if (topic != null) {
        context.store().reviews().find(topic.id()).ifPresent(review -> reviews.add(new ReviewData(
            review.topicId().value(), review.productId(), review.stars(), review.verifiedOwner(),
            review.createdAt().toString())));
      }
    }
    return posts;
  }

  private List<RevisionData> revisions(Member member, Post post) {
    return context.store().revisions().list(post.id()).stream()
        .map(revision -> new RevisionData(revision.version(), revision.title().orElse(null), revision.source(),
            revision.editedAt().toString(), revision.editorId().equals(member.id())))
        .toList();
  }

  private List<VoteData> votes(MemberId memberId) {
    return Pages.all(ROW_PAGE, after -> context.store().votes().listByVoter(memberId, after, ROW_PAGE), Vote::postId)
        .stream()
        .map(vote -> new VoteData(vote.postId().value(), vote.direction().name(), vote.castAt().toString()))
        .toList();
  }

  private List<IdeaVoteData> ideaVotes(MemberId memberId) {
    return Pages.all(ROW_PAGE, after -> context.store().ideas().listVotesByVoter(memberId, after, ROW_PAGE),
            IdeaVote::topicId).stream()
        .map(vote -> new IdeaVoteData(vote.topicId().value(), vote.direction().name(), vote.castAt().toString()))
        .toList();
  }

  private List<ReputationData> reputation(MemberId memberId) {
    return Pages.all(ROW_PAGE, after -> context.store().reputation().list(memberId, after, ROW_PAGE),
            ReputationEntry::id).stream()
        .map(entry -> new ReputationData(entry.delta(), entry.reason().name(), entry.reversal(),
            entry.topicId().map(TopicId::value).orElse(null), entry.postId().map(PostId::value).orElse(null),
            entry.at().toString()))
        .toList();
  }

  private List<FlagData> flagsRaisedBy(MemberId memberId) {
    return Pages.all(ROW_PAGE, after -> context.store().flags().listByFlagger(memberId, after, ROW_PAGE), Flag::id)
        .stream()
        .map(flag -> new FlagData(flag.postId().value(), flag.reason().name(), flag.note().orElse(null),
            flag.outcome().name(), flag.createdAt().toString()))
        .toList();
  }

  private List<SubscriptionData> subscriptions(MemberId memberId) {
    return Pages.all(ROW_PAGE, after -> context.store().subscriptions().listByMember(memberId, after, ROW_PAGE),
        Subscription::id)
        .stream()
        .map(s -> new SubscriptionData(s.target().kind().name(), s.target().key(), s.level().name(),
            s.updatedAt().toString()))
        .toList();
  }
}

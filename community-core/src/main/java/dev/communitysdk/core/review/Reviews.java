package dev.communitysdk.core.review;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.event.ReviewEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.internal.ContentComposer;
import dev.communitysdk.core.internal.Cursors;
import dev.communitysdk.core.internal.CustomerProfiles;
import dev.communitysdk.core.internal.ThreadStarter;
import dev.communitysdk.core.internal.TopicKinds;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.post.Posts;
import dev.communitysdk.core.topic.TopicSummary;
import dev.communitysdk.core.vote.VoteResult;
import dev.communitysdk.core.vote.Votes;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.ListingCursor;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.NewReview;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Review;
import dev.communitysdk.spi.model.ReviewQuery;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceId;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.model.Vote;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * Product reviews in {@code REVIEWS} spaces: one per member and product, 1 to 5 stars, a title and a body; editable
 * by the reviewer (each edit keeps a revision with the stars it replaced); deletable by the reviewer. A review is
 * marked as by a verified owner when the CRM says the reviewer's customer account owns the product, and a space can
 * take reviews from verified owners only. Members vote reviews helpful or not (the opening post's votes); an employee
 * or admin may post one official reply per review. The product's rating counters move in the same transaction as the
 * review, once it is published. Thread-safe.
 */
public final class Reviews {
  private final CommunityContext context;
  private final Posts posts;
  private final Votes votes;
  private final CustomerProfiles profiles;
  private final ThreadStarter starter;
  private final TopicKinds kinds;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   * @param posts the posts service, which writes official replies
   * @param votes the votes service, which keeps helpfulness votes
   * @param profiles the CRM's customer profiles, for verified owners
   */
  public Reviews(CommunityContext context, Posts posts, Votes votes, CustomerProfiles profiles) {
    this.context = requireNonNull(context, "context");
    this.posts = requireNonNull(posts, "posts");
    this.votes = requireNonNull(votes, "votes");
    this.profiles = requireNonNull(profiles, "profiles");
    this.starter = new ThreadStarter(context);
    this.kinds = new TopicKinds(context.store());
  }

  /**
   * Writes a review. The CRM is asked, outside the transaction, whether the reviewer's account owns the product.
   *
   * @param actor the reviewer
   * @param spaceId a reviews space
   * @param draft product, stars, title and body
   * @return the review
   * @throws dev.communitysdk.spi.error.ValidationException if a field breaks its rule (fields {@code productId},
   *     {@code stars}, {@code title}, {@code body})
   * @throws ConflictException if the member already reviewed the product (rule {@code review.once}) or the space does
   *     not hold reviews (rule {@code space.kind})
   * @throws PermissionDeniedException if the space takes verified owners only and the CRM does not confirm ownership
   */
  public ReviewView write(Actor actor, SpaceId spaceId, ReviewDraft draft) {
    requireNonNull(spaceId, "spaceId");
    requireNonNull(draft, "draft");
    String productId = InputRules.productId(draft.productId());
    int stars = InputRules.stars(draft.stars());
    String title = InputRules.title(draft.title());
    ContentComposer.Composed composed = context.composer().compose(draft.body());
    Member reviewer = context.commands().run("review.reviewer", () -> context.reader(actor));
    boolean verified = profiles.owns(reviewer, productId);
    return context.commands().run("review.write", () -> {
      Member author = context.acting(actor, "review.write");
      Space space = context.space(author, spaceId, SpaceKind.REVIEWS);
      if (space.rules().verifiedReviewsOnly() && !verified) {
        throw new PermissionDeniedException("review.write", "space " + space.slug() + " takes reviews from verified "
            + "owners only, and the CRM does not list product " + productId + " for the member's account");
      }
      if (context.store().reviews().findByAuthor(author.id(), productId).isPresent()) {
        throw new ConflictException("review.once", "member " + author.id() + " already reviewed product "
            + productId + "; edit that review instead");
      }
      composed.allowedFor(author, context.privileges(), "review.write");
      ThreadStarter.Started started =
          starter.start(author, space, title, List.of(), Optional.of(productId), composed, false);
      Topic topic = started.topic();
      Instant now = context.commands().now();
      context.store().reviews().insert(new NewReview(topic.id(), spaceId, productId, author.id(),
          started.opening().id(), stars, verified, now));
      if (started.published()) {
        kinds.published(topic);
      }
      context.events().append(new ReviewEvent.Posted(topic.id().value(), spaceId.value(), productId,
          author.id().value(), stars, verified, started.opening().status().name()), now);
      return view(author, topic);
    });
  }

  /**
   * Replaces a review's stars, title and body if the review is still at the version the reviewer saw. The replaced
   * title, body and stars are kept as a revision of the review's opening post.
   *
   * @param actor the reviewer
   * @param topicId the review
   * @param expectedVersion the version the reviewer saw ({@link TopicSummary#version()})
   * @param stars 1 to 5
   * @param title the new title
   * @param body the new body in Markdown
   * @return the edited review
   * @throws PermissionDeniedException if the actor did not write the review
   * @throws ConflictException if the review changed since (rule {@code topic.version}) or is locked
   */
  public ReviewView edit(Actor actor, TopicId topicId, long expectedVersion, int stars, String title, String body) {
    requireNonNull(topicId, "topicId");
    int checkedStars = InputRules.stars(stars);
    String checkedTitle = InputRules.title(title);
    ContentComposer.Composed composed = context.composer().compose(body);
    return context.commands().run("review.edit", () -> {
      Member editor = context.acting(actor, "review.edit");
      Topic topic = readable(editor, topicId);
      Review review = review(topicId);
      if (!review.authorId().equals(editor.id())) {
        throw new PermissionDeniedException("review.edit", "only the reviewer edits a review");
      }
      if (topic.status() == TopicStatus.LOCKED) {
        throw new ConflictException("topic.locked", "review " + topicId + " is locked; cannot edit it");
      }
      composed.allowedFor(editor, context.privileges(), "review.edit");
      Instant now = context.commands().now();
      if (!context.store().topics().updateTitleAndTags(topicId, expectedVersion, checkedTitle, topic.tags(), now)) {
        throw new ConflictException("topic.version", "review " + topicId + " is at version " + topic.version()
            + ", not " + expectedVersion + "; reload it and edit again");
      }
      Post opening = context.post(review.openingPostId());
      context.replaceContent(topic, opening, opening.version(), composed, editor.id(), Optional.of(review.stars()), now)
          .orElseThrow(() -> new ConflictException("post.version", "review " + topicId
              + " changed while it was being edited; reload it and edit again"));
      if (checkedStars != review.stars()) {
        context.store().reviews().updateStars(topicId, checkedStars);
        if (opening.status() == PostStatus.PUBLISHED) {
          context.store().reviews().addRating(review.spaceId(), review.productId(), review.stars(), -1);
          context.store().reviews().addRating(review.spaceId(), review.productId(), checkedStars, 1);
        }
      }
      Topic edited = context.topic(topicId);
      context.events().append(new ReviewEvent.Edited(topicId.value(), review.productId(), checkedStars,
          review.stars(), edited.version()), now);
      return view(editor, edited);
    });
  }

  /**
   * Deletes a review: it leaves listings and the product's rating, and the reviewer may review the product again.
   *
   * @param actor the reviewer, or a moderator
   * @param topicId the review
   * @throws PermissionDeniedException if the actor is neither the reviewer nor a moderator
   */
  public void delete(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    context.commands().run("review.delete", () -> {
      Member member = context.acting(actor, "review.delete");
      Topic topic = readable(member, topicId);
      Review review = review(topicId);
      context.policy().requireAuthorOrModerator(member, review.authorId(), "review.delete");
      Instant now = context.commands().now();
      context.removeReview(topic, review, now);
      context.events().append(new ReviewEvent.Deleted(topicId.value(), review.productId(), review.stars()), now);
      return null;
    });
  }

  /**
   * Posts the company's official reply to a review: a reply shown apart from the others. One per review.
   *
   * @param actor an employee or admin
   * @param topicId the review
   * @param body the reply in Markdown
   * @return the review with its official reply
   * @throws PermissionDeniedException if the actor is neither employee nor admin
   * @throws ConflictException if the review already has an official reply (rule {@code review.official-reply})
   */
  public ReviewView reply(Actor actor, TopicId topicId, String body) {
    requireNonNull(topicId, "topicId");
    InputRules.body(body);
    return context.commands().run("review.reply", () -> {
      Member staff = context.acting(actor, "review.reply");
      context.policy().requireEmployee(staff, "review.reply");
      readable(staff, topicId);
      Review review = review(topicId);
      if (review.officialReplyId().isPresent()) {
        throw new ConflictException("review.official-reply", "review " + topicId + " already has its official reply");
      }
      PostView reply = posts.reply(actor, topicId, body);
      if (!context.store().reviews().setOfficialReply(topicId, reply.id())) {
        throw new ConflictException("review.official-reply", "review " + topicId + " already has its official reply");
      }
      context.events().append(new ReviewEvent.OfficialReply(topicId.value(), reply.id().value(),
          staff.id().value()), context.commands().now());
      return view(staff, context.topic(topicId));
    });
  }

  /**
   * Votes a review helpful: an up vote on its body, earning the reviewer {@code REVIEW_HELPFUL} reputation.
   *
   * @return the body's new score and the member's vote
   */
  public VoteResult helpful(Actor actor, TopicId topicId) {
    return voteOnBody(actor, topicId, "review.helpful", votes::up);
  }

  /**
   * Votes a review not helpful: a down vote on its body, which ranks it lower and costs the reviewer nothing.
   *
   * @return the body's new score and the member's vote
   */
  public VoteResult notHelpful(Actor actor, TopicId topicId) {
    return voteOnBody(actor, topicId, "review.not-helpful", votes::down);
  }

  /** @return the body's new score, with the member's helpfulness vote taken back */
  public VoteResult retractHelpfulness(Actor actor, TopicId topicId) {
    return voteOnBody(actor, topicId, "review.retract-helpfulness", votes::retract);
  }

  /**
   * @param actor the reader
   * @param topicId a review
   * @return the review
   * @throws NotFoundException if it does not exist, is deleted, or the reader may not read its space
   */
  public ReviewView find(Actor actor, TopicId topicId) {
    requireNonNull(topicId, "topicId");
    return context.commands().run("review.find", () -> {
      Member reader = context.reader(actor);
      return view(reader, readable(reader, topicId));
    });
  }

  /**
   * One page of a product's published reviews.
   *
   * @param actor the reader
   * @param listing space, product, order, cursor, page size
   * @return the page and the cursor of the next one
   */
  public Page<ReviewView> list(Actor actor, ReviewListing listing) {
    requireNonNull(listing, "listing");
    String productId = InputRules.productId(listing.productId());
    int limit = InputRules.pageSize("limit", listing.limit(), ReviewListing.MAX_LIMIT);
    String cursorName = "REVIEWS_" + listing.order().name();
    Optional<ListingCursor> after = listing.cursor().map(token -> Cursors.decodeListing(cursorName, token));
    return context.commands().run("review.list", () -> {
      Member reader = context.reader(actor);
      context.space(reader, listing.spaceId(), SpaceKind.REVIEWS);
      List<Review> rows = context.store().reviews()
          .list(new ReviewQuery(listing.spaceId(), productId, listing.order(), after, limit + 1));
      List<Review> page = rows.subList(0, Math.min(limit, rows.size()));
      Optional<String> next = Cursors.next(cursorName, rows, limit, listing.order()::rankOf,
          review -> review.topicId().value());
      return new Page<>(views(reader, page), next);
    });
  }

  /**
   * @param actor the reader
   * @param spaceId a reviews space
   * @param productId a product
   * @return the product's rating from its published reviews
   */
  public ProductRating rating(Actor actor, SpaceId spaceId, String productId) {
    requireNonNull(spaceId, "spaceId");
    String checked = InputRules.productId(productId);
    return context.commands().run("review.rating", () -> {
      Member reader = context.reader(actor);
      context.space(reader, spaceId, SpaceKind.REVIEWS);
      return ProductRating.of(checked, context.store().reviews().rating(spaceId, checked),
          context.store().reviews().spaceRating(spaceId));
    });
  }

  /** Finds the review's body and votes on it in one transaction: the vote command joins this one. */
  private VoteResult voteOnBody(Actor actor, TopicId topicId, String action,
      BiFunction<Actor, PostId, VoteResult> vote) {
    requireNonNull(topicId, "topicId");
    return context.commands().run(action, () -> {
      readable(context.reader(actor), topicId);
      return vote.apply(actor, review(topicId).openingPostId());
    });
  }

  private Topic readable(Member member, TopicId topicId) {
    Topic topic = context.readableTopic(member, topicId);
    boolean hidden = topic.status() == TopicStatus.DELETED || (topic.status() == TopicStatus.PENDING
        && !topic.authorId().equals(member.id()) && !context.policy().isModerator(member));
    if (topic.kind() != SpaceKind.REVIEWS || hidden) {
      throw new NotFoundException("review", topicId);
    }
    return topic;
  }

  private Review review(TopicId topicId) {
    return context.store().reviews().find(topicId).orElseThrow(() -> new NotFoundException("review", topicId));
  }

  private ReviewView view(Member reader, Topic topic) {
    return views(reader, List.of(review(topic.id()))).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("review", topic.id()));
  }

  /** Loads a page of reviews with their topics, bodies, official replies, authors and the reader's votes. */
  private List<ReviewView> views(Member reader, List<Review> reviews) {
    List<Topic> topics = context.store().topics().findAll(reviews.stream().map(Review::topicId).toList()).stream()
        .filter(topic -> topic.status() != TopicStatus.DELETED)
        .filter(topic -> topic.status() != TopicStatus.PENDING || topic.authorId().equals(reader.id())
            || context.policy().isModerator(reader))
        .toList();
    Map<TopicId, Topic> topicsById = topics.stream().collect(Collectors.toMap(Topic::id, Function.identity()));
    List<PostId> postIds = new ArrayList<>();
    reviews.forEach(review -> {
      postIds.add(review.openingPostId());
      review.officialReplyId().ifPresent(postIds::add);
    });
    Map<PostId, Post> postsById = context.store().posts().findAll(postIds).stream()
        .collect(Collectors.toMap(Post::id, Function.identity()));
    List<MemberId> authorIds = new ArrayList<>(postsById.values().stream().map(Post::authorId).toList());
    Map<MemberId, Member> authors = context.members(authorIds);
    Map<PostId, VoteDirection> myVotes = context.store().votes().findByVoter(reader.id(), postIds).stream()
        .collect(Collectors.toMap(Vote::postId, Vote::direction));
    return reviews.stream()
        .filter(review -> topicsById.containsKey(review.topicId()))
        .map(review -> {
          Topic topic = topicsById.get(review.topicId());
          Post body = postsById.get(review.openingPostId());
          Optional<PostView> reply = review.officialReplyId().map(postsById::get)
              .filter(post -> post.status() == PostStatus.PUBLISHED)
              .map(post -> postView(post, authors, myVotes));
          return new ReviewView(TopicSummary.of(topic, CommunityContext.author(authors, topic.authorId(), false)),
              review.productId(), review.stars(), review.verifiedOwner(), postView(body, authors, myVotes),
              review.wilson(), reply);
        })
        .toList();
  }

  private PostView postView(Post post, Map<MemberId, Member> authors, Map<PostId, VoteDirection> myVotes) {
    return PostView.of(context.mentions().current(post),
        CommunityContext.author(authors, post.authorId(), post.anonymous()),
        Optional.ofNullable(myVotes.get(post.id())));
  }
}

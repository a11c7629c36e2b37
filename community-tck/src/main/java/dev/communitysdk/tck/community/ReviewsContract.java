package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.Page;
import dev.communitysdk.core.review.ProductRating;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewListing;
import dev.communitysdk.core.review.ReviewView;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.VoteDirection;

/**
 * Product reviews through the public API, on the storage adapter a subclass provides: one review per member and
 * product, stars and their validation, verified owners from the CRM, the Bayesian product rating kept in the review's
 * transaction, edits with revisions, deletion, helpfulness votes ranked by Wilson lower bound, official replies,
 * pre-moderation, and concurrent reviewers. Extend it like {@link CommunityContract}.
 */
public abstract class ReviewsContract extends CommunityFixture {
  private static final String ROUTER = "router-x1";
  private static final String MODEM = "modem-m2";

  /** A REVIEWS space anyone may review in. */
  protected Space reviews;
  /** An employee, who posts official replies. */
  protected Actor employee;
  /** A member of customer account "acme", which owns the router. */
  protected Actor owner;

  @BeforeEach
  void createReviewsSpace() {
    identities.register("emp", "Emma Employee", Role.EMPLOYEE);
    identities.register("owner", "Olivia Owner", Optional.empty(), Optional.of("acme"));
    employee = community.actor("emp");
    owner = community.actor("owner");
    crm.account("acme", "gold", 10.0, ROUTER);
    reviews = community.spaces().create(admin, SpaceDraft.of("reviews", "Product reviews", SpaceKind.REVIEWS));
  }

  /** Writes a review of the product in the reviews space. */
  protected ReviewView review(Actor author, String productId, int stars) {
    return review(author, reviews, productId, stars);
  }

  /** Writes a review of the product in a space. */
  protected ReviewView review(Actor author, Space space, String productId, int stars) {
    return community.reviews().write(author, space.id(),
        ReviewDraft.of(productId, stars, stars + " stars from " + author.userId(), "My experience: " + stars));
  }

  /** The product's rating in the reviews space, as a member reads it. */
  protected ProductRating rating(String productId) {
    return community.reviews().rating(carol, reviews.id(), productId);
  }

  /** The member's reputation total. */
  protected long reputation(Actor actor) {
    return community.reputation().standing(admin, actor.memberId()).reputation();
  }

  /** Asserts that the action fails with the exception type, and that it wrote nothing. */
  protected void assertRefused(Class<? extends RuntimeException> type, Runnable action) {
    int before = eventCount();
    assertThatThrownBy(action::run).isInstanceOf(type);
    assertThat(eventCount()).as("events after a refused command").isEqualTo(before);
  }

  @Nested
  @DisplayName("Writing")
  class Writing {
    @Test
    @DisplayName("a review keeps its stars, title and body, and counts in its product's rating at once")
    void write_countsInRating() {
      ReviewView review = review(alice, ROUTER, 4);

      assertThat(review.stars()).isEqualTo(4);
      assertThat(review.productId()).isEqualTo(ROUTER);
      assertThat(review.verifiedOwner()).isFalse();
      assertThat(review.topic().title()).isEqualTo("4 stars from alice");
      assertThat(review.body().source()).isEqualTo("My experience: 4");
      assertThat(review.topic().productId()).contains(ROUTER);
      assertThat(community.reviews().find(bob, review.topic().id())).isEqualTo(review);
      ProductRating rating = rating(ROUTER);
      assertThat(rating.count()).isEqualTo(1);
      assertThat(rating.distribution()).containsExactly(0L, 0L, 0L, 1L, 0L);
      assertThat(events()).extracting(CommunityEvent::type).contains("review.posted", "topic.started");
    }

    @Test
    @DisplayName("a member whose account owns the product, as the CRM says, writes a verified review")
    void ownerFromCrm_isVerified() {
      assertThat(review(owner, ROUTER, 5).verifiedOwner()).isTrue();
      assertThat(review(owner, MODEM, 3).verifiedOwner()).isFalse();
    }

    @Test
    @DisplayName("the CRM is asked once per account while its cached profile is fresh, by the community's clock")
    void crmProfiles_areCached() {
      identities.register("colleague", "Colin Colleague", Optional.empty(), Optional.of("acme"));
      Community cached = Community.builder().store(store).identity(identities).clock(clock).crm(crm)
          .crmProfileTtl(Duration.ofMinutes(5)).build();
      long before = crm.profileCalls();

      cached.reviews().write(cached.actor("owner"), reviews.id(),
          ReviewDraft.of(ROUTER, 5, "Great router, really", "!"));
      ReviewView second = cached.reviews().write(cached.actor("colleague"), reviews.id(),
          ReviewDraft.of(ROUTER, 4, "Good router, I agree", "!"));

      assertThat(second.verifiedOwner()).isTrue();
      assertThat(crm.profileCalls() - before).isEqualTo(1);
      clock.advance(Duration.ofMinutes(5));
      cached.reviews().write(cached.actor("colleague"), reviews.id(),
          ReviewDraft.of(MODEM, 3, "Modem works as it says", "!"));
      assertThat(crm.profileCalls() - before).as("asked again once the profile expired").isEqualTo(2);
    }

    @Test
    @DisplayName("a space for verified owners refuses others, and writes nothing for them")
    void verifiedOnlySpace_refusesOthers() {
      Space verified = community.spaces().create(admin,
          SpaceDraft.of("verified", "Verified reviews", SpaceKind.REVIEWS).withVerifiedReviewsOnly());

      assertRefused(PermissionDeniedException.class, () -> review(alice, verified, ROUTER, 5));
      assertThat(review(owner, verified, ROUTER, 5).verifiedOwner()).isTrue();
      assertThat(community.reviews().rating(carol, verified.id(), ROUTER).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("when the CRM is down a review is written unverified, and a verified-only space refuses it")
    void crmDown_unverified() {
      Space verified = community.spaces().create(admin,
          SpaceDraft.of("verified", "Verified reviews", SpaceKind.REVIEWS).withVerifiedReviewsOnly());
      crm.down(true);

      assertThat(review(owner, ROUTER, 5).verifiedOwner()).isFalse();
      assertRefused(PermissionDeniedException.class, () -> review(owner, verified, ROUTER, 5));
    }

    @Test
    @DisplayName("a second review of the same product is a conflict; another product is fine")
    void secondReview_conflicts() {
      review(alice, ROUTER, 4);

      int before = eventCount();
      assertThatThrownBy(() -> review(alice, ROUTER, 2))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.rule()).isEqualTo("review.once"));
      assertThat(eventCount()).isEqualTo(before);
      assertThat(rating(ROUTER).count()).isEqualTo(1);
      assertThat(review(alice, MODEM, 2).stars()).isEqualTo(2);
    }

    @Test
    @DisplayName("stars outside 1 to 5, a short title, a bad product id and an empty body are rejected by field")
    void badInput_rejectedByField() {
      assertRejected("stars", () -> community.reviews().write(alice, reviews.id(),
          ReviewDraft.of(ROUTER, 0, "Not even one star", "Bad")));
      assertRejected("stars", () -> community.reviews().write(alice, reviews.id(),
          ReviewDraft.of(ROUTER, 6, "Six stars is too many", "Great")));
      assertRejected("title", () -> community.reviews().write(alice, reviews.id(),
          ReviewDraft.of(ROUTER, 3, "Short", "Fine")));
      assertRejected("productId", () -> community.reviews().write(alice, reviews.id(),
          ReviewDraft.of("no spaces allowed", 3, "A product with spaces", "Fine")));
      assertRejected("body", () -> community.reviews().write(alice, reviews.id(),
          ReviewDraft.of(ROUTER, 3, "An empty review body", " ")));
      assertThat(rating(ROUTER).count()).isZero();
    }

    @Test
    @DisplayName("reviews are written in reviews spaces only, and only with reviews()")
    void wrongPlaces_conflict() {
      assertRefused(ConflictException.class, () -> review(alice, discussion, ROUTER, 3));
      assertRefused(ConflictException.class, () -> community.topics().start(alice, reviews.id(),
          TopicDraft.of("A review without stars", "Hmm").aboutProduct(ROUTER)));
    }
  }

  @Nested
  @DisplayName("Rating")
  class Rating {
    @Test
    @DisplayName("the Bayesian average pulls a product towards the space mean with m = 5")
    void bayesian_usesSpaceMean() {
      review(alice, ROUTER, 5);
      review(bob, ROUTER, 5);
      review(alice, MODEM, 1);
      review(bob, MODEM, 2);
      review(carol, MODEM, 3);

      ProductRating router = rating(ROUTER);
      ProductRating modem = rating(MODEM);
      ProductRating none = rating("switch-s3");

      double spaceMean = 16.0 / 5;
      assertThat(router.spaceMean()).isCloseTo(spaceMean, within(1e-9));
      assertThat(router.mean()).isCloseTo(5.0, within(1e-9));
      assertThat(router.bayesianAverage()).isCloseTo((spaceMean * 5 + 10) / 7, within(1e-9));
      assertThat(modem.distribution()).containsExactly(1L, 1L, 1L, 0L, 0L);
      assertThat(modem.bayesianAverage()).isCloseTo((spaceMean * 5 + 6) / 8, within(1e-9));
      assertThat(none.count()).isZero();
      assertThat(none.bayesianAverage()).isCloseTo(spaceMean, within(1e-9));
    }

    @Test
    @DisplayName("under pre-moderation a review counts once a moderator approves it")
    void moderated_countsOnApproval() {
      Space moderated = community.spaces().create(admin,
          SpaceDraft.of("moderated", "Moderated reviews", SpaceKind.REVIEWS).withModeration(ModerationMode.ALL));
      ReviewView pending = review(alice, moderated, ROUTER, 2);

      assertThat(community.reviews().rating(carol, moderated.id(), ROUTER).count()).isZero();
      assertThatThrownBy(() -> community.reviews().find(bob, pending.topic().id()))
          .isInstanceOf(NotFoundException.class);

      community.moderation().approve(moderator, pending.body().id());

      assertThat(community.reviews().rating(carol, moderated.id(), ROUTER).distribution())
          .containsExactly(0L, 1L, 0L, 0L, 0L);
    }

    @Test
    @DisplayName("sixteen members reviewing one product at once all count, exactly")
    void concurrentReviewers_countExactly() throws InterruptedException {
      List<Actor> reviewers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        identities.register("reviewer-" + i, "Reviewer " + i);
        reviewers.add(community.actor("reviewer-" + i));
      }
      AtomicInteger doubles = new AtomicInteger();

      runConcurrently(8, IntStream.range(0, 32).boxed().toList(), i -> {
        try {
          review(reviewers.get(i % 16), ROUTER, i % 16 % 5 + 1);
        } catch (ConflictException sameMemberTwice) {
          doubles.incrementAndGet();
        }
      });

      ProductRating rating = rating(ROUTER);
      assertThat(doubles.get()).isEqualTo(16);
      assertThat(rating.count()).isEqualTo(16);
      long sum = IntStream.range(0, 16).map(i -> i % 5 + 1).sum();
      assertThat(rating.mean()).isCloseTo(sum / 16.0, within(1e-9));
      assertThat(rating.distribution()).containsExactly(4L, 3L, 3L, 3L, 3L);
    }
  }

  @Nested
  @DisplayName("Editing and deleting")
  class Editing {
    @Test
    @DisplayName("an edit moves the rating and keeps the old stars, title and body as a revision")
    void edit_keepsRevision() {
      ReviewView first = review(alice, ROUTER, 2);

      ReviewView edited = community.reviews().edit(alice, first.topic().id(), first.topic().version(), 5,
          "Better after the firmware update", "Now it works **great**.");

      assertThat(edited.stars()).isEqualTo(5);
      assertThat(edited.topic().title()).isEqualTo("Better after the firmware update");
      assertThat(edited.body().html()).contains("<strong>great</strong>");
      assertThat(rating(ROUTER).distribution()).containsExactly(0L, 0L, 0L, 0L, 1L);
      List<Revision> revisions = community.posts().revisions(alice, first.body().id());
      assertThat(revisions).singleElement().satisfies(revision -> {
        assertThat(revision.stars()).contains(2);
        assertThat(revision.title()).contains("2 stars from alice");
        assertThat(revision.source()).isEqualTo("My experience: 2");
      });
      assertThat(events()).extracting(CommunityEvent::type).contains("review.edited");
    }

    @Test
    @DisplayName("an edit from a stale version, by another member, or with bad stars changes nothing")
    void badEdits_changeNothing() {
      ReviewView first = review(alice, ROUTER, 2);
      TopicId id = first.topic().id();
      long version = first.topic().version();
      community.reviews().edit(alice, id, version, 3, "Third star after all", "Hmm.");

      assertRefused(ConflictException.class,
          () -> community.reviews().edit(alice, id, version, 4, "Fourth star from stale", "Stale"));
      assertRefused(PermissionDeniedException.class,
          () -> community.reviews().edit(bob, id, version + 1, 1, "Not my review at all", "Mine?"));
      assertRejected("stars", () -> community.reviews().edit(alice, id, version + 1, 9, "Nine stars, why not", "X"));
      assertThat(rating(ROUTER).distribution()).containsExactly(0L, 0L, 1L, 0L, 0L);
    }

    @Test
    @DisplayName("deleting takes the review out of listings and the rating; the author may review the product again")
    void delete_thenReviewAgain() {
      ReviewView first = review(alice, ROUTER, 1);
      review(bob, ROUTER, 5);

      assertRefused(PermissionDeniedException.class, () -> community.reviews().delete(bob, first.topic().id()));
      community.reviews().delete(alice, first.topic().id());

      assertThat(rating(ROUTER).count()).isEqualTo(1);
      assertThatThrownBy(() -> community.reviews().find(bob, first.topic().id()))
          .isInstanceOf(NotFoundException.class);
      assertThat(community.reviews().list(bob, ReviewListing.newest(reviews.id(), ROUTER)).items()).hasSize(1);
      assertThat(review(alice, ROUTER, 4).stars()).isEqualTo(4);
      assertThat(rating(ROUTER).count()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("Helpfulness and replies")
  class Helpfulness {
    @Test
    @DisplayName("a helpful vote earns the reviewer review reputation; an unhelpful one costs nothing")
    void helpfulVotes_moveReputation() {
      ReviewView review = review(alice, ROUTER, 4);

      community.reviews().helpful(bob, review.topic().id());
      community.reviews().notHelpful(carol, review.topic().id());

      assertThat(reputation(alice)).isEqualTo(1 + 2);
      ReviewView read = community.reviews().find(bob, review.topic().id());
      assertThat(read.body().upVotes()).isEqualTo(1);
      assertThat(read.body().downVotes()).isEqualTo(1);
      assertThat(read.body().myVote()).contains(VoteDirection.UP);
      community.reviews().retractHelpfulness(bob, review.topic().id());
      assertThat(reputation(alice)).isEqualTo(1);
      assertRefused(PermissionDeniedException.class, () -> community.reviews().helpful(alice, review.topic().id()));
    }

    @Test
    @DisplayName("helpfulness votes need no reputation privilege")
    void helpfulVotes_needNoPrivilege() {
      Community strict = Community.builder().store(store).identity(identities).clock(clock).build();
      ReviewView review = review(alice, ROUTER, 4);

      assertThat(strict.reviews().helpful(strict.actor("carol"), review.topic().id()).score()).isEqualTo(1);
    }

    @Test
    @DisplayName("most helpful ranks by Wilson lower bound, not by raw score, and pages through every review once")
    void mostHelpful_byWilson() {
      List<Actor> voters = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        identities.register("voter-" + i, "Voter " + i);
        voters.add(community.actor("voter-" + i));
      }
      TopicId mixed = review(alice, ROUTER, 3).topic().id();
      TopicId loved = review(bob, ROUTER, 5).topic().id();
      TopicId single = review(carol, ROUTER, 4).topic().id();
      for (int i = 0; i < 12; i++) {
        if (i < 8) {
          community.reviews().helpful(voters.get(i), mixed);
        } else {
          community.reviews().notHelpful(voters.get(i), mixed);
        }
      }
      for (int i = 0; i < 5; i++) {
        community.reviews().helpful(voters.get(i), loved);
      }
      community.reviews().helpful(voters.get(0), single);

      Page<ReviewView> first = community.reviews().list(bob, ReviewListing.mostHelpful(reviews.id(), ROUTER).limit(2));
      Page<ReviewView> second = community.reviews().list(bob,
          ReviewListing.mostHelpful(reviews.id(), ROUTER).limit(2).after(first.next().orElseThrow()));

      assertThat(first.items()).extracting(view -> view.topic().id()).containsExactly(loved, mixed);
      assertThat(second.items()).extracting(view -> view.topic().id()).containsExactly(single);
      assertThat(second.next()).isEmpty();
      assertThat(first.items().get(0).helpfulness()).isGreaterThan(first.items().get(1).helpfulness());
    }

    @Test
    @DisplayName("an employee posts one official reply per review, shown apart; members cannot")
    void officialReply_oncePerReview() {
      ReviewView review = review(alice, ROUTER, 2);

      assertRefused(PermissionDeniedException.class,
          () -> community.reviews().reply(bob, review.topic().id(), "I am not the company"));
      ReviewView answered = community.reviews().reply(employee, review.topic().id(), "Sorry! A fix ships **Monday**.");

      assertThat(answered.officialReply()).get().satisfies(reply -> {
        assertThat(reply.html()).contains("<strong>Monday</strong>");
        assertThat(reply.author().displayName()).isEqualTo("Emma Employee");
      });
      int before = eventCount();
      assertThatThrownBy(() -> community.reviews().reply(employee, review.topic().id(), "And another thing"))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.rule()).isEqualTo("review.official-reply"));
      assertThat(eventCount()).isEqualTo(before);
      assertThat(events()).extracting(CommunityEvent::type).contains("review.official-reply");
    }
  }
}

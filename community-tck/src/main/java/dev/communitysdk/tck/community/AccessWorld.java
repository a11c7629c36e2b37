package dev.communitysdk.tck.community;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.core.idea.IdeaView;
import dev.communitysdk.core.post.PostView;
import dev.communitysdk.core.review.ReviewDraft;
import dev.communitysdk.core.review.ReviewView;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.core.topic.TopicDraft;
import dev.communitysdk.spi.model.ModerationMode;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceKind;
import dev.communitysdk.tck.fixtures.FakeIdentityProvider;
import dev.communitysdk.tck.fixtures.InMemoryCrm;
import dev.communitysdk.tck.fixtures.MutableClock;

/**
 * The world of the access matrix, built once per matrix run: a space of every kind in every group (public, restricted
 * to roles, restricted to an account and a tier, private), content seeded in each by an author, and one viewer per
 * role and case. Spaces pre-moderate new members, so that a new member's reply waits for the moderation cells, and
 * allow anonymous posts (for reveals too) and idea down votes, so that those commands are refused only by access. The
 * new member reads every space and flags for the cells that dismiss flags; an offender who never acts is there to be
 * sanctioned. The clock moves only when a cell asks for an instant of its own ({@link #tick}).
 */
final class AccessWorld {
  /** The tag every seeded question carries. */
  static final String TAG = "matrix";

  /**
   * What the author seeded in one space; only the parts of the space's kind are there.
   *
   * @param topic a discussion topic
   * @param replies three replies in it
   * @param question a question and its answer
   * @param ideas three ideas
   * @param reviews three reviews, each of its own product
   */
  record Seeded(Optional<ThreadView> topic, List<PostView> replies, Optional<AccessScene.Answered> question,
      List<IdeaView> ideas, List<ReviewView> reviews) {}

  private final Community community;
  private final MutableClock clock;
  private final Actor admin;
  private final Actor author;
  private final Actor helper;
  private final Actor newbie;
  private final Actor newcomer;
  private final Actor offender;
  private final Map<AccessCase.Group, Map<SpaceKind, Space>> spaces = new EnumMap<>(AccessCase.Group.class);
  private final Map<Space, Seeded> seeded = new HashMap<>();
  private final Map<String, Actor> viewers = new HashMap<>();
  private final AtomicInteger products = new AtomicInteger();

  private AccessWorld(Community community, MutableClock clock, Actor admin, Actor author, Actor helper, Actor newbie,
      Actor newcomer, Actor offender) {
    this.community = community;
    this.clock = clock;
    this.admin = admin;
    this.author = author;
    this.helper = helper;
    this.newbie = newbie;
    this.newcomer = newcomer;
    this.offender = offender;
  }

  /**
   * @param community the community, with an admin registered as {@code admin}
   * @param identities its identity provider
   * @param crm its CRM
   * @param clock its clock
   * @return the world, built
   */
  static AccessWorld build(Community community, FakeIdentityProvider identities, InMemoryCrm crm, MutableClock clock) {
    crm.account("acme", "bronze", 1.0);
    crm.account("globex", "gold", 1.0);
    crm.account("initech", "silver", 1.0);
    identities.register("matrix-author", "Ann Author", Role.MODERATOR);
    identities.register("matrix-helper", "Hal Helper", Role.MODERATOR);
    identities.register("matrix-newbie", "Ned Newbie", Optional.empty(), Optional.of("acme"), Role.PARTNER);
    identities.register("matrix-newcomer", "Nia Newcomer");
    identities.register("matrix-offender", "Otto Offender");
    AccessWorld world = new AccessWorld(community, clock, community.actor("admin"), community.actor("matrix-author"),
        community.actor("matrix-helper"), community.actor("matrix-newbie"), community.actor("matrix-newcomer"),
        community.actor("matrix-offender"));
    world.createSpaces();
    world.createViewers(identities);
    world.seed();
    return world;
  }

  Actor admin() {
    return admin;
  }

  Actor author() {
    return author;
  }

  Actor helper() {
    return helper;
  }

  Actor newbie() {
    return newbie;
  }

  /** @return a member in no private space, for admins to add and remove */
  Actor newcomer() {
    return newcomer;
  }

  /** @return a member who never acts, for moderators to sanction */
  Actor offender() {
    return offender;
  }

  /** @return a new instant, a second after anything written so far, that only what is written next shares */
  Instant tick() {
    return clock.advance(Duration.ofSeconds(1));
  }

  /** @return a product id no review used yet */
  String uniqueProduct() {
    return "fresh-" + products.incrementAndGet();
  }

  /**
   * @param kind the operation's kind
   * @param role the viewer's role
   * @param accessCase the case
   * @param reaches whether the command is expected to go through
   * @return the cell's scene
   */
  AccessScene scene(SpaceKind kind, Role role, AccessCase accessCase, boolean reaches) {
    Space space = spaces.get(accessCase.group).get(kind);
    return new AccessScene(community, viewer(role, accessCase), space, seeded.get(space), reaches, this);
  }

  /** @return every space of the case's group, for messages that must not name them */
  List<Space> spacesOf(AccessCase accessCase) {
    return List.copyOf(spaces.get(accessCase.group).values());
  }

  private Actor viewer(Role role, AccessCase accessCase) {
    return viewers.get(role + "/" + accessCase);
  }

  private void createSpaces() {
    for (AccessCase.Group group : AccessCase.Group.values()) {
      Map<SpaceKind, Space> byKind = new EnumMap<>(SpaceKind.class);
      for (SpaceKind kind : SpaceKind.values()) {
        String slug = group.name().toLowerCase(Locale.ROOT) + "-" + kind.name().toLowerCase(Locale.ROOT);
        SpaceDraft draft = visibility(group, SpaceDraft.of(slug, "Space " + slug, kind)
            .withModeration(ModerationMode.NEW_MEMBERS).withAnonymousPosting(true));
        byKind.put(kind, community.spaces().create(admin, kind == SpaceKind.IDEAS ? draft.withIdeaDownVotes() : draft));
      }
      spaces.put(group, byKind);
    }
  }

  private static SpaceDraft visibility(AccessCase.Group group, SpaceDraft draft) {
    return switch (group) {
      case PUBLIC -> draft;
      case ROLES -> draft.restrictedTo(Set.of(Role.EXPERT, Role.EMPLOYEE, Role.PARTNER));
      case GRANTS -> draft.restrictedTo(new SpaceAccess(Set.of(), Set.of("acme"),
          Set.of("gold")));
      case PRIVATE -> draft.privateToMembers();
    };
  }

  private void createViewers(FakeIdentityProvider identities) {
    for (Space space : spaces.get(AccessCase.Group.PRIVATE).values()) {
      community.spaces().addMember(admin, space.id(), newbie.memberId());
    }
    for (Role role : Role.values()) {
      for (AccessCase accessCase : AccessCase.values()) {
        String userId =
            "viewer-" + role.name().toLowerCase(Locale.ROOT) + "-" + accessCase.name().toLowerCase(Locale.ROOT);
        Role[] roles = role == Role.MEMBER ? new Role[0] : new Role[] {role};
        identities.register(userId, role + " viewer, " + accessCase.label, Optional.empty(), accessCase.account, roles);
        Actor viewer = community.actor(userId);
        viewers.put(role + "/" + accessCase, viewer);
        if (accessCase.addedToSpace) {
          for (Space space : spaces.get(accessCase.group).values()) {
            community.spaces().addMember(admin, space.id(), viewer.memberId());
          }
        }
      }
    }
  }

  private void seed() {
    for (Map<SpaceKind, Space> byKind : spaces.values()) {
      for (Space space : byKind.values()) {
        seeded.put(space, seed(space));
      }
    }
  }

  private Seeded seed(Space space) {
    return switch (space.kind()) {
      case DISCUSSION -> {
        ThreadView topic = community.topics().start(author, space.id(),
            TopicDraft.of("The seeded discussion topic", "What do you think?", TAG));
        List<PostView> replies = List.of(
            community.posts().reply(author, topic.topic().id(), "First seeded reply"),
            community.posts().reply(author, topic.topic().id(), "Second seeded reply"),
            community.posts().reply(author, topic.topic().id(), "Third seeded reply"));
        yield new Seeded(Optional.of(topic), replies, Optional.empty(), List.of(), List.of());
      }
      case QUESTIONS -> {
        ThreadView question = community.questions().ask(author, space.id(),
            TopicDraft.of("The seeded question here", "How do I do this?", TAG));
        PostView answer = community.posts().reply(helper, question.topic().id(), "Like so");
        yield new Seeded(Optional.empty(), List.of(),
            Optional.of(new AccessScene.Answered(question.topic().id(), answer.id())), List.of(), List.of());
      }
      case IDEAS -> new Seeded(Optional.empty(), List.of(), Optional.empty(), List.of(
          community.ideas().propose(author, space.id(), TopicDraft.of("The first seeded idea", "Please")),
          community.ideas().propose(author, space.id(), TopicDraft.of("The second seeded idea", "Please")),
          community.ideas().propose(author, space.id(), TopicDraft.of("The third seeded idea", "Please"))),
          List.of());
      case REVIEWS -> new Seeded(Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(
          review(space, "seeded-a"), review(space, "seeded-b"), review(space, "seeded-c")));
    };
  }

  private ReviewView review(Space space, String product) {
    return community.reviews().write(author, space.id(),
        ReviewDraft.of(space.slug() + "-" + product, 5, "A seeded review here", "Very good"));
  }
}

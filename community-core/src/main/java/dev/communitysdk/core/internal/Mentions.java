package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.communitysdk.core.access.AccessPolicy;
import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostContent;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.storage.CommunityStore;

/**
 * Resolves a body's {@code @handle}s inside the writing command: a handle becomes a mention only when an active member
 * holds it and may read the post's space, so that the HTML reveals nothing about other handles. Records each post's
 * mentions for notifications, and renders stored posts again from their source, with the mentions recorded for them,
 * when an older renderer produced their HTML. Not API.
 */
public final class Mentions {
  private final CommunityStore store;
  private final AccessPolicy policy;
  private final ContentComposer composer;
  private final EventLog events;

  /**
   * @param store the storage port
   * @param policy the access policy
   * @param composer the content composer
   * @param events the event log
   */
  public Mentions(CommunityStore store, AccessPolicy policy, ContentComposer composer, EventLog events) {
    this.store = requireNonNull(store, "store");
    this.policy = requireNonNull(policy, "policy");
    this.composer = requireNonNull(composer, "composer");
    this.events = requireNonNull(events, "events");
  }

  /**
   * A body with its mentions resolved.
   *
   * @param content what the post stores, resolved mentions marked up
   * @param members the mentioned members, by id ascending
   */
  public record Mentioned(PostContent content, List<MemberId> members) {
    /** Copies the members. */
    public Mentioned {
      requireNonNull(content, "content");
      members = List.copyOf(members);
    }
  }

  /**
   * @param space the space the post is written in
   * @param composed the composed body
   * @return the body with the mentions of active members who may read the space marked up
   */
  public Mentioned resolve(Space space, ContentComposer.Composed composed) {
    if (composed.mentions().isEmpty()) {
      return new Mentioned(composed.content(), List.of());
    }
    List<Member> mentioned = store.members().findByHandles(composed.mentions()).stream()
        .filter(member -> member.status() == MemberStatus.ACTIVE && policy.canRead(member, space))
        .sorted(Comparator.comparingLong(member -> member.id().value()))
        .toList();
    Set<String> handles = mentioned.stream().map(Member::handle).collect(Collectors.toSet());
    return new Mentioned(composer.mentioning(composed, handles), mentioned.stream().map(Member::id).toList());
  }

  /**
   * Stores the post's mentions in place of those it had, and tells notifiers about the newly mentioned members.
   *
   * @param post the written or edited post
   * @param mentioned its resolved body
   * @param at when
   */
  public void record(Post post, Mentioned mentioned, Instant at) {
    Set<MemberId> before = new HashSet<>(store.mentions().list(post.id()));
    if (before.isEmpty() && mentioned.members().isEmpty()) {
      return;
    }
    store.mentions().replace(post.id(), mentioned.members());
    List<Long> added = mentioned.members().stream().filter(id -> !before.contains(id)).map(MemberId::value).toList();
    if (!added.isEmpty()) {
      events.append(new PostEvent.Mentioned(post.id().value(), post.topicId().value(), added), at);
    }
  }

  /**
   * @param post a stored post
   * @return the post, its HTML rendered again from its source if an older renderer produced it
   */
  public Post current(Post post) {
    if (post.content().renderVersion() >= composer.renderVersion()) {
      return post;
    }
    return withContent(post, rerendered(post));
  }

  /**
   * @param post a stored post whose HTML an older renderer produced
   * @return its content rendered by the current renderer, with the mentions recorded for it
   */
  public PostContent rerendered(Post post) {
    List<MemberId> ids = store.mentions().list(post.id());
    Set<String> handles = ids.isEmpty() ? Set.of()
        : store.members().findAll(ids).stream().map(Member::handle).collect(Collectors.toSet());
    return composer.rerendered(post.content(), handles).orElse(post.content());
  }

  private static Post withContent(Post post, PostContent content) {
    return new Post(post.id(), post.topicId(), post.spaceId(), post.authorId(), post.anonymous(), post.opening(),
        content, post.status(), post.score(), post.upVotes(), post.downVotes(), post.createdAt(), post.updatedAt(),
        post.version(), post.wilson());
  }
}

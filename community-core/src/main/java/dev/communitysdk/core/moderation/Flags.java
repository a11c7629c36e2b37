package dev.communitysdk.core.moderation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.event.PostEvent;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.core.reputation.Level;
import dev.communitysdk.core.reputation.Privilege;
import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Flag;
import dev.communitysdk.spi.model.FlagReason;
import dev.communitysdk.spi.model.FlaggerRecord;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.NewFlag;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;

/**
 * Members' flags of published posts. Each flag weighs what {@link FlagRules} says; when the open flags of a post reach
 * {@link FlagRules#hideWeight()}, the post is hidden in the flag's own transaction and waits in the
 * {@link ModerationQueue} for a moderator's decision. Thread-safe.
 */
public final class Flags {
  private final CommunityContext context;
  private final FlagRules rules;
  private final PostTransitions transitions;

  Flags(CommunityContext context, FlagRules rules, PostTransitions transitions) {
    this.context = context;
    this.rules = rules;
    this.transitions = transitions;
  }

  /** @return the rules flags are weighed by */
  public FlagRules rules() {
    return rules;
  }

  /**
   * Flags a published post for the moderators.
   *
   * @param actor a member holding {@link Privilege#FLAG} (staff hold it whatever their reputation)
   * @param postId a published post of someone else's that the actor can read
   * @param reason why
   * @param note the flagger's words, 1 to 500 characters, if any
   * @return the flag, the post's open weight and whether the post is now hidden
   * @throws dev.communitysdk.spi.error.ValidationException if the note breaks its rule (field {@code note})
   * @throws PermissionDeniedException without the privilege, or for one's own post
   * @throws NotFoundException if the post does not exist or the actor cannot see it
   * @throws ConflictException if the actor flagged the post before (rule {@code flag.duplicate}), or a moderator
   *     flags a post that is not published (rule {@code post.status})
   */
  public FlagResult flag(Actor actor, PostId postId, FlagReason reason, Optional<String> note) {
    requireNonNull(postId, "postId");
    requireNonNull(reason, "reason");
    requireNonNull(note, "note");
    note.ifPresent(text -> InputRules.reason("note", text));
    return context.commands().run("post.flag", () -> {
      Member flagger = context.acting(actor, "post.flag");
      context.privileges().require(flagger, Privilege.FLAG, "post.flag");
      Post post = context.visiblePost(flagger, postId);
      if (post.authorId().equals(flagger.id())) {
        throw new PermissionDeniedException("post.flag", "members cannot flag their own posts");
      }
      if (post.status() != PostStatus.PUBLISHED) {
        throw new ConflictException("post.status", "post " + postId + " is " + post.status() + "; only published"
            + " posts are flagged");
      }
      if (context.store().flags().find(postId, flagger.id()).isPresent()) {
        throw new ConflictException("flag.duplicate", "member " + flagger.id() + " already flagged post " + postId);
      }
      boolean moderator = context.policy().isModerator(flagger);
      FlaggerRecord record = moderator ? FlaggerRecord.NONE : context.store().flags().record(flagger.id());
      int weight = rules.weight(moderator, Level.of(flagger.reputation()), record);
      Instant now = context.commands().now();
      Flag flag = context.store().flags().insert(new NewFlag(postId, flagger.id(), reason, note, weight, now));
      // The insert holds the post's flag counter until commit: the weight and status read now are exact.
      long openWeight = context.store().flags().openWeight(postId);
      Post current = context.post(postId);
      context.events().append(new PostEvent.Flagged(postId.value(), post.topicId().value(), flagger.id().value(),
          reason.name(), weight, openWeight), now);
      if (openWeight >= rules.hideWeight() && current.status() == PostStatus.PUBLISHED) {
        transitions.move(current, PostStatus.HIDDEN, now);
        context.events().append(new PostEvent.Hidden(postId.value(), post.topicId().value(), openWeight), now);
        return new FlagResult(flag, openWeight, true);
      }
      return new FlagResult(flag, openWeight, current.status() == PostStatus.HIDDEN);
    });
  }

  /**
   * Every flag of a post, open and decided, for moderators deciding on it.
   *
   * @param actor a moderator
   * @param postId a post
   * @return the flags, oldest first
   * @throws PermissionDeniedException if the actor does not moderate
   */
  public List<Flag> list(Actor actor, PostId postId) {
    requireNonNull(postId, "postId");
    return context.commands().run("post.flags", () -> {
      Member reader = context.reader(actor);
      context.policy().requireModerator(reader, "post.flags");
      context.post(postId);
      return context.store().flags().listByPost(postId);
    });
  }
}

package dev.communitysdk.core.content;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.input.InputRules;
import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;

/**
 * Upkeep of stored content. Reads already show every post as the current renderer renders it (a post stored by an
 * older renderer is rendered again from its Markdown source when read); {@link #rerenderStale} makes that permanent,
 * so that reads stop paying for it. Thread-safe.
 */
public final class ContentMaintenance {
  /** The largest batch. */
  public static final int MAX_BATCH = 200;

  private final CommunityContext context;

  /**
   * Created by {@link dev.communitysdk.core.Community}; not for direct use.
   *
   * @param context the community's wiring
   */
  public ContentMaintenance(CommunityContext context) {
    this.context = requireNonNull(context, "context");
  }

  /**
   * Renders every post whose stored HTML an older renderer produced again from its Markdown source, with the mentions
   * recorded for it, and stores the new HTML and render version. Not an edit: no revision, no new version, no event.
   * Walks the posts in id order, one transaction per batch, so it may run while the community is in use; a post
   * edited meanwhile is skipped, since its edit stored a current rendering.
   *
   * @param actor an admin
   * @param batchSize posts per transaction, 1 to {@link #MAX_BATCH}
   * @return how many posts were rendered again
   * @throws dev.communitysdk.spi.error.PermissionDeniedException if the actor is not an admin
   */
  public RerenderReport rerenderStale(Actor actor, int batchSize) {
    requireNonNull(actor, "actor");
    int limit = InputRules.pageSize("batchSize", batchSize, MAX_BATCH);
    context.commands().run("content.rerender", () -> {
      Member admin = context.acting(actor, "content.rerender");
      context.policy().requireAdmin(admin, "content.rerender");
      return null;
    });
    long rerendered = 0;
    long skipped = 0;
    long batches = 0;
    Optional<PostId> after = Optional.empty();
    while (true) {
      Optional<PostId> from = after;
      List<Post> batch = context.commands().run("content.rerender",
          () -> context.store().posts().listStale(context.composer().renderVersion(), from, limit));
      if (batch.isEmpty()) {
        return new RerenderReport(rerendered, skipped, batches);
      }
      long written = context.commands().run("content.rerender", () -> batch.stream()
          .filter(post -> {
            var content = context.mentions().rerendered(post);
            return context.store().posts().updateRendering(post.id(), post.version(), content.html(),
                content.renderVersion());
          })
          .count());
      rerendered += written;
      skipped += batch.size() - written;
      batches++;
      after = Optional.of(batch.get(batch.size() - 1).id());
    }
  }
}

package dev.communitysdk.core.memory;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.storage.MentionStore;

/** The members each post mentions, by post, ids ascending. */
final class InMemoryMentionStore implements MentionStore {
  private final InMemoryTransactor transactor;
  private final InMemoryPostStore posts;
  private final InMemoryMemberStore members;
  private final Table<Long, List<MemberId>> mentions;

  InMemoryMentionStore(InMemoryTransactor transactor, InMemoryPostStore posts, InMemoryMemberStore members) {
    this.transactor = transactor;
    this.posts = posts;
    this.members = members;
    this.mentions = new Table<>(transactor);
  }

  @Override
  public void replace(PostId postId, Collection<MemberId> memberIds) {
    requireNonNull(postId, "postId");
    requireNonNull(memberIds, "memberIds");
    transactor.inTransaction(() -> {
      References.require(posts.exists(postId), "mention", "post", postId);
      for (MemberId memberId : memberIds) {
        References.require(members.exists(memberId), "mention", "member", memberId);
      }
      List<MemberId> sorted = memberIds.stream().distinct()
          .sorted((a, b) -> Long.compare(a.value(), b.value())).toList();
      if (sorted.isEmpty()) {
        mentions.remove(postId.value());
      } else {
        mentions.put(postId.value(), sorted);
      }
      return null;
    });
  }

  @Override
  public List<MemberId> list(PostId postId) {
    requireNonNull(postId, "postId");
    return transactor.inTransaction(() -> mentions.get(postId.value()).orElse(List.of()));
  }
}

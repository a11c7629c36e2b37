package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_MENTION;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.storage.MentionStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Mentions in {@code cm_mention}: replacing a post's mentions deletes its rows and inserts the new set. */
final class JooqMentionStore implements MentionStore {
  private final JooqTransactor tx;

  JooqMentionStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void replace(PostId postId, Collection<MemberId> memberIds) {
    requireNonNull(postId, "postId");
    requireNonNull(memberIds, "memberIds");
    Set<Long> members = new TreeSet<>();
    memberIds.forEach(id -> members.add(id.value()));
    tx.call("replace mentions cm_mention(post_id, member_id)", dsl -> {
      dsl.deleteFrom(CM_MENTION).where(CM_MENTION.POST_ID.eq(postId.value())).execute();
      if (!members.isEmpty()) {
        var insert = dsl.insertInto(CM_MENTION, CM_MENTION.POST_ID, CM_MENTION.MEMBER_ID);
        for (long member : members) {
          insert = insert.values(postId.value(), member);
        }
        insert.execute();
      }
      return null;
    });
  }

  @Override
  public List<MemberId> list(PostId postId) {
    requireNonNull(postId, "postId");
    return tx.call("list mentions", dsl -> dsl.select(CM_MENTION.MEMBER_ID).from(CM_MENTION)
        .where(CM_MENTION.POST_ID.eq(postId.value()))
        .orderBy(CM_MENTION.MEMBER_ID)
        .fetch(r -> new MemberId(r.value1())));
  }
}

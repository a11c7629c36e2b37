package dev.communitysdk.core.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.communitysdk.core.internal.CommunityContext;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.Topic;
import dev.communitysdk.spi.model.TopicStatus;
import dev.communitysdk.spi.storage.SpaceStore;

/**
 * Who may be told about a topic or a post now, when the notification is delivered rather than when its cause
 * happened: active members who may read the topic's space, about a topic that is not deleted and, for a post, a post
 * that is published. Access may have changed since the cause (a member removed from a private space, a post hidden),
 * so every delivery asks again.
 */
final class Readers {
  private final CommunityContext context;

  Readers(CommunityContext context) {
    this.context = context;
  }

  /**
   * @param candidates the members to tell
   * @param topic the topic it is about
   * @param post the post it is about, if any
   * @return the candidates who may read it now, in the order given; none when the topic or post is no longer there
   */
  List<Member> among(Collection<MemberId> candidates, Topic topic, Optional<Post> post) {
    boolean gone = topic.status() == TopicStatus.DELETED
        || post.filter(p -> p.status() != PostStatus.PUBLISHED).isPresent();
    if (gone || candidates.isEmpty()) {
      return List.of();
    }
    List<MemberId> ids = candidates.stream().distinct().toList();
    List<Member> readers = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += SpaceStore.MAX_PAGE) {
      List<Member> active = context.store().members()
          .findAll(ids.subList(from, Math.min(ids.size(), from + SpaceStore.MAX_PAGE))).stream()
          .filter(member -> member.status() == MemberStatus.ACTIVE)
          .toList();
      readers.addAll(context.policy().readersAmong(context.space(topic.spaceId()), active));
    }
    return readers;
  }
}

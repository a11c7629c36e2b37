package dev.communitysdk.core.post;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import dev.communitysdk.core.member.AuthorRef;
import dev.communitysdk.spi.model.Post;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.PostStatus;
import dev.communitysdk.spi.model.TopicId;
import dev.communitysdk.spi.model.VoteDirection;
import dev.communitysdk.spi.sentiment.SentimentScore;

/**
 * A post as its reader sees it. {@link #html()} is sanitized and safe to embed as is; {@link #source()} is the
 * author's Markdown, for editing. Anonymous posts name no author.
 *
 * @param id the post
 * @param topicId its topic
 * @param author its author as the reader may see them
 * @param opening whether it opens the topic
 * @param source the Markdown source
 * @param html the sanitized HTML
 * @param status published, pending, hidden or deleted
 * @param score up votes minus down votes
 * @param upVotes the number of up votes
 * @param downVotes the number of down votes
 * @param sentiment the post's sentiment, when scored
 * @param createdAt when it was posted
 * @param updatedAt when it last changed
 * @param version the version to pass to {@link Posts#edit}
 * @param myVote the reader's own vote on it, if any
 */
public record PostView(
    PostId id, TopicId topicId, AuthorRef author, boolean opening, String source, String html, PostStatus status,
    long score, long upVotes, long downVotes, Optional<SentimentScore> sentiment, Instant createdAt,
    Instant updatedAt, long version, Optional<VoteDirection> myVote) {
  /** Checks the fields. */
  public PostView {
    requireNonNull(id, "id");
    requireNonNull(topicId, "topicId");
    requireNonNull(author, "author");
    requireNonNull(source, "source");
    requireNonNull(html, "html");
    requireNonNull(status, "status");
    requireNonNull(sentiment, "sentiment");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(myVote, "myVote");
  }

  /**
   * @param post the stored post
   * @param author its author as the reader may see them
   * @param myVote the reader's vote on it, if any
   * @return the reader's view of the post
   */
  public static PostView of(Post post, AuthorRef author, Optional<VoteDirection> myVote) {
    return new PostView(post.id(), post.topicId(), author, post.opening(), post.content().source(),
        post.content().html(), post.status(), post.score(), post.upVotes(), post.downVotes(),
        post.content().sentiment(), post.createdAt(), post.updatedAt(), post.version(), myVote);
  }
}

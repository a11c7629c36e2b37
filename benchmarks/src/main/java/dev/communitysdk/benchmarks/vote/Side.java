package dev.communitysdk.benchmarks.vote;

import dev.communitysdk.core.Actor;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.tck.db.TestDatabase;

/** Who casts the vote: the SDK's public API, or the same statements by hand. */
enum Side {
  /** {@code community.votes().up(voter, answer)}. */
  SDK {
    @Override
    Voter voter(VoteScene scene, TestDatabase db, Engine engine) {
      return (voter, post) -> scene.community().votes().up(voter, post).score();
    }
  },
  /** {@link RawVote}, on the same pool. */
  JDBC {
    @Override
    Voter voter(VoteScene scene, TestDatabase db, Engine engine) {
      RawVote raw = new RawVote(db.dataSource(), engine, VoteScene.RULES.postUpvoted());
      return (voter, post) -> raw.up(voter.memberId().value(), post.value());
    }
  };

  /** One up vote by a member who has not voted on the post yet. */
  @FunctionalInterface
  interface Voter {
    /** @return the post's new score */
    long up(Actor voter, PostId post);
  }

  /** @return this side's way to vote in the scene's database */
  abstract Voter voter(VoteScene scene, TestDatabase db, Engine engine);
}

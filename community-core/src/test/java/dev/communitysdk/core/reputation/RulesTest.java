package dev.communitysdk.core.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Member;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.MemberStatus;
import dev.communitysdk.spi.model.ReputationReason;
import dev.communitysdk.spi.model.Role;

class RulesTest {
  @Test
  void stackExchange_hasTheDocumentedAmounts() {
    ReputationRules rules = ReputationRules.stackExchange();
    assertThat(rules.amount(ReputationReason.POST_UPVOTED)).isEqualTo(10);
    assertThat(rules.amount(ReputationReason.POST_DOWNVOTED)).isEqualTo(-2);
    assertThat(rules.amount(ReputationReason.DOWNVOTE_CAST)).isEqualTo(-1);
    assertThat(rules.amount(ReputationReason.ANSWER_ACCEPTED)).isEqualTo(15);
    assertThat(rules.amount(ReputationReason.ACCEPTED_AN_ANSWER)).isEqualTo(2);
    assertThat(rules.amount(ReputationReason.IDEA_UPVOTED)).isEqualTo(5);
    assertThat(rules.amount(ReputationReason.REVIEW_HELPFUL)).isEqualTo(2);
    assertThat(rules.amount(ReputationReason.SPAM_REMOVED)).isEqualTo(-100);
    assertThat(rules.dailyVoteCap()).isEqualTo(200);
    assertThat(rules.floor()).isEqualTo(1);
    assertThat(ReputationRules.capped(ReputationReason.POST_UPVOTED)).isTrue();
    assertThat(ReputationRules.capped(ReputationReason.ANSWER_ACCEPTED)).isFalse();
  }

  @Test
  void rules_withTheWrongSign_areRejected() {
    assertThatThrownBy(() -> ReputationRules.stackExchange().withPostVotes(-10, -2, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postUpvoted");
    assertThatThrownBy(() -> ReputationRules.stackExchange().withPostVotes(10, 2, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postDownvoted");
  }

  @Test
  void privileges_denialNamesTheThreshold() {
    PrivilegeRules rules = PrivilegeRules.stackExchange();
    Member newcomer = member(1);
    assertThatThrownBy(() -> rules.require(newcomer, Privilege.DOWNVOTE, "vote.down"))
        .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
          assertThat(e.action()).isEqualTo("vote.down");
          assertThat(e.reason()).contains("125").contains("has 1");
        });
    assertThat(rules.holds(member(15), Privilege.UPVOTE)).isTrue();
    assertThat(rules.holds(member(14), Privilege.UPVOTE)).isFalse();
  }

  @Test
  void privileges_staffBypassThresholds() {
    PrivilegeRules rules = PrivilegeRules.stackExchange();
    for (Role role : new Role[] {Role.EMPLOYEE, Role.MODERATOR, Role.ADMIN}) {
      assertThat(rules.holds(member(1, role), Privilege.CLOSE_OTHERS)).as(role.name()).isTrue();
    }
    assertThat(rules.holds(member(1, Role.EXPERT), Privilege.CLOSE_OTHERS)).isFalse();
    assertThat(PrivilegeRules.open().holds(member(1), Privilege.CLOSE_OTHERS)).isTrue();
  }

  @Test
  void levels_followTheThresholds() {
    assertThat(Level.of(1)).isEqualTo(Level.NEWCOMER);
    assertThat(Level.of(50)).isEqualTo(Level.CONTRIBUTOR);
    assertThat(Level.of(4_999)).isEqualTo(Level.TRUSTED);
    assertThat(Level.of(1_000_000)).isEqualTo(Level.LEADER);
  }

  private static Member member(long reputation, Role... roles) {
    return new Member(new MemberId(1), "u1", new MemberProfile("U", Optional.empty(), Set.of(roles),
        Optional.empty(), Optional.empty()), MemberStatus.ACTIVE, reputation, Instant.EPOCH,
        "u1");
  }
}

package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.space.SpaceDraft;
import dev.communitysdk.core.topic.ThreadView;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.spi.model.SpaceAccess;
import dev.communitysdk.spi.model.SpaceKind;

/**
 * Identity and SSO, through {@code Community.actor} and {@code Community.members()}: the host's profile changes (name,
 * roles, customer account) reach the community on the first look-up after the identity cache's TTL, measured on the
 * community's clock, or at once through {@code refresh(userId)}; a user the host removed is deactivated, and the same
 * member is active again when the host knows the user again. The fixture keeps the builder's default TTL.
 */
public abstract class IdentityContract extends CommunityFixture {
  /** The builder's default identity cache TTL, which {@link CommunityFixture} keeps. */
  private static final Duration TTL = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** For adapters' tests. */
  protected IdentityContract() {}

  /** The member's profile as the community mirrors it, from an admin's export. */
  private JsonNode mirrored(Actor member) {
    try {
      return JSON.readTree(community.members().export(admin, member.memberId())).get("profile");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> roles(JsonNode profile) {
    List<String> roles = new ArrayList<>();
    profile.get("roles").forEach(role -> roles.add(role.asText()));
    return roles;
  }

  /** The events of one type about one member, oldest first. */
  private List<CommunityEvent> memberEvents(String type, Actor member) {
    return events().stream()
        .filter(event -> event.type().equals(type) && event.aggregateType().equals("member")
            && event.aggregateId() == member.memberId().value())
        .toList();
  }

  private Space expertsSpace() {
    return community.spaces().create(admin,
        SpaceDraft.of("experts", "Experts lounge", SpaceKind.DISCUSSION).restrictedTo(Set.of(Role.EXPERT)));
  }

  @Nested
  @DisplayName("Profile changes in the host")
  class ProfileChanges {
    @Test
    @DisplayName("reach the community on the first look-up after the TTL: name, roles, e-mail and account")
    void actor_afterTtl_mirrorsTheChangedProfile() {
      Space experts = expertsSpace();
      identities.register("alice", "Alice Liddell", Optional.of("alice@example.com"), Optional.of("acme"),
          Role.EXPERT);

      clock.advance(TTL.minusSeconds(1));
      Actor stale = community.actor("alice");
      assertThat(mirrored(stale).get("displayName").asText()).as("cached until the TTL").isEqualTo("Alice");
      assertThat(roles(mirrored(stale))).containsExactly("MEMBER");
      assertThat(community.spaces().list(stale)).extracting(Space::id).doesNotContain(experts.id());

      clock.advance(Duration.ofSeconds(1));
      Actor fresh = community.actor("alice");
      assertThat(fresh.memberId()).as("the same member").isEqualTo(alice.memberId());
      JsonNode profile = mirrored(fresh);
      assertThat(profile.get("displayName").asText()).isEqualTo("Alice Liddell");
      assertThat(profile.get("email").asText()).isEqualTo("alice@example.com");
      assertThat(profile.get("customerAccountId").asText()).isEqualTo("acme");
      assertThat(roles(profile)).containsExactlyInAnyOrder("MEMBER", "EXPERT");
      assertThat(community.spaces().list(fresh)).extracting(Space::id).contains(experts.id());
      assertThat(startTopic(fresh, "Written under the new name").topic().author().displayName())
          .isEqualTo("Alice Liddell");
      assertThat(community.members().profile(alice.memberId()))
          .hasValueSatisfying(author -> assertThat(author.displayName()).isEqualTo("Alice Liddell"));
    }

    @Test
    @DisplayName("reach the community at once through refresh(userId), which asks the host for that user only")
    void refresh_withinTtl_mirrorsTheChangedProfileAtOnce() {
      identities.register("alice", "Alice Liddell", Optional.empty(), Optional.of("acme"), Role.EXPERT);
      identities.register("bob", "Robert", Role.EXPERT);
      identities.resetCounts();

      Actor refreshed = community.members().refresh("alice");

      assertThat(refreshed.memberId()).isEqualTo(alice.memberId());
      assertThat(mirrored(alice).get("displayName").asText()).isEqualTo("Alice Liddell");
      assertThat(mirrored(alice).get("customerAccountId").asText()).isEqualTo("acme");
      assertThat(roles(mirrored(alice))).containsExactlyInAnyOrder("MEMBER", "EXPERT");
      assertThat(identities.lookupsOf("alice")).isEqualTo(1);
      community.actor("bob");
      assertThat(identities.lookupsOf("bob")).as("bob's identity stays cached").isZero();
      assertThat(mirrored(bob).get("displayName").asText()).isEqualTo("Bob");
    }

    @Test
    @DisplayName("within the TTL the host is asked once, and an unchanged profile writes nothing")
    void actor_withinTtl_asksTheHostOnceAndWritesNothing() {
      identities.resetCounts();
      int events = eventCount();

      community.actor("alice");
      community.actor("alice");
      clock.advance(TTL.minusSeconds(1));
      community.actor("alice");
      assertThat(identities.lookupsOf("alice")).as("cached since set-up").isZero();

      clock.advance(Duration.ofSeconds(1));
      community.actor("alice");
      community.actor("alice");
      assertThat(identities.lookupsOf("alice")).as("asked again once the TTL passed").isEqualTo(1);
      assertThat(eventCount()).as("events after look-ups of an unchanged profile").isEqualTo(events);
    }

    @Test
    @DisplayName("a change emits one member.profile-changed event, however often the member is looked up")
    void refresh_changedProfile_emitsOneEvent() {
      identities.register("alice", "Alice Liddell");

      community.members().refresh("alice");
      community.members().refresh("alice");
      clock.advance(TTL);
      community.actor("alice");

      assertThat(memberEvents("member.profile-changed", alice)).hasSize(1);
    }

    @Test
    @DisplayName("a role or account the host takes away takes its access away too")
    void refresh_lostRoleAndAccount_loseTheirAccess() {
      Space experts = expertsSpace();
      Space acme = community.spaces().create(admin, SpaceDraft.of("acme", "Acme customers", SpaceKind.QUESTIONS)
          .restrictedTo(new SpaceAccess(Set.of(), Set.of("acme"), Set.of())));
      identities.register("alice", "Alice", Optional.empty(), Optional.of("acme"), Role.EXPERT);
      assertThat(community.spaces().list(community.members().refresh("alice"))).extracting(Space::id)
          .contains(experts.id(), acme.id());

      identities.register("alice", "Alice", Optional.empty(), Optional.of("globex"));
      Actor demoted = community.members().refresh("alice");

      assertThat(community.spaces().list(demoted)).extracting(Space::id).doesNotContain(experts.id(), acme.id());
      assertThat(mirrored(demoted).get("customerAccountId").asText()).isEqualTo("globex");
      assertThat(roles(mirrored(demoted))).containsExactly("MEMBER");
    }
  }

  @Nested
  @DisplayName("Users the host removes")
  class RemovedUsers {
    @Test
    @DisplayName("are deactivated on the first look-up after the TTL, once, and can no longer act")
    void actor_afterTtl_deactivatesARemovedUser() {
      identities.remove("bob");
      assertThat(community.actor("bob").memberId()).as("cached until the TTL").isEqualTo(bob.memberId());

      clock.advance(TTL);
      assertThatThrownBy(() -> community.actor("bob")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.actor("bob")).isInstanceOf(NotFoundException.class);

      assertThat(mirrored(bob).get("status").asText()).isEqualTo("DEACTIVATED");
      assertThat(memberEvents("member.deactivated", bob)).hasSize(1);
      assertThatThrownBy(() -> startTopic(bob, "A topic from a removed user"))
          .isInstanceOf(PermissionDeniedException.class);
      assertThat(mirrored(alice).get("status").asText()).as("other members").isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("are deactivated at once through refresh(userId)")
    void refresh_removedUser_isDeactivatedAtOnce() {
      identities.remove("carol");

      assertThatThrownBy(() -> community.members().refresh("carol")).isInstanceOf(NotFoundException.class);

      assertThat(mirrored(carol).get("status").asText()).isEqualTo("DEACTIVATED");
      assertThatThrownBy(() -> startTopic(carol, "A topic from a removed user"))
          .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    @DisplayName("come back as the same member, with their content and reputation, when the host knows them again")
    void refresh_returningUser_isTheSameMemberActiveAgain() {
      ThreadView before = startTopic(bob, "Written before leaving");
      community.votes().up(alice, opening(before).id());
      long reputation = mirrored(bob).get("reputation").asLong();
      identities.remove("bob");
      assertThatThrownBy(() -> community.members().refresh("bob")).isInstanceOf(NotFoundException.class);

      identities.register("bob", "Bob Returns");
      Actor back = community.members().refresh("bob");

      assertThat(back.memberId()).isEqualTo(bob.memberId());
      JsonNode profile = mirrored(back);
      assertThat(profile.get("status").asText()).isEqualTo("ACTIVE");
      assertThat(profile.get("displayName").asText()).isEqualTo("Bob Returns");
      assertThat(profile.get("reputation").asLong()).isEqualTo(reputation).isGreaterThan(1);
      assertThat(memberEvents("member.reactivated", bob)).hasSize(1);
      assertThat(community.members().profile(back.memberId()))
          .hasValueSatisfying(author -> assertThat(author.displayName()).isEqualTo("Bob Returns"));
      assertThat(startTopic(back, "Written after coming back").topic().author().displayName())
          .isEqualTo("Bob Returns");
    }

    @Test
    @DisplayName("that come back are seen after the TTL, as any other change")
    void actor_returningUserAfterTtl_isActiveAgain() {
      identities.remove("bob");
      assertThatThrownBy(() -> community.members().refresh("bob")).isInstanceOf(NotFoundException.class);
      identities.register("bob", "Bob");

      assertThatThrownBy(() -> community.actor("bob")).as("the host's answer is cached until the TTL")
          .isInstanceOf(NotFoundException.class);
      clock.advance(TTL);

      assertThat(community.actor("bob").memberId()).isEqualTo(bob.memberId());
      assertThat(mirrored(bob).get("status").asText()).isEqualTo("ACTIVE");
      assertThat(startTopic(bob, "Back after the cache expired").topic().author().displayName()).isEqualTo("Bob");
    }

    @Test
    @DisplayName("never become members when the host never knew them, and nothing is written")
    void actor_unknownUser_writesNothing() {
      int events = eventCount();

      assertThatThrownBy(() -> community.actor("stranger")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> community.members().refresh("stranger")).isInstanceOf(NotFoundException.class);

      assertThat(eventCount()).isEqualTo(events);
    }
  }
}

package dev.communitysdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.communitysdk.core.Actor;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.tck.TestCommunity;
import jakarta.servlet.http.HttpServletRequest;

final class ServletActorsTest {
  private static final String ATTRIBUTE = "sso.userId";

  private final TestCommunity test = TestCommunity.inMemory();
  private final Actor alice = test.member("alice", "Alice");

  @AfterEach
  void close() {
    test.close();
  }

  /** A request that answers only getUserPrincipal and getAttribute; any other call fails the test. */
  private static HttpServletRequest request(@Nullable Principal principal, Map<String, Object> attributes) {
    return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getUserPrincipal" -> principal;
          case "getAttribute" -> attributes.get((String) args[0]);
          case "toString" -> "test request";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static Principal principal(String name) {
    return () -> name;
  }

  @Test
  void fromPrincipal_signedInUser_isTheirMember() {
    Actor actor = ServletActors.fromPrincipal(test.community()).actor(request(principal("alice"), Map.of()));

    assertThat(actor.memberId()).isEqualTo(alice.memberId());
  }

  @Test
  void fromPrincipal_noPrincipal_isDeniedWithAReason() {
    ServletActors actors = ServletActors.fromPrincipal(test.community());

    assertThatThrownBy(() -> actors.actor(request(null, Map.of(ATTRIBUTE, "alice"))))
        .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
          assertThat(e.action()).isEqualTo(ServletActors.ACTION);
          assertThat(e.reason()).contains("not authenticated", "no user principal");
        });
  }

  @Test
  void fromAttribute_userIdOrPrincipal_isTheirMember() {
    ServletActors actors = ServletActors.fromAttribute(test.community(), ATTRIBUTE);

    assertThat(actors.actor(request(null, Map.of(ATTRIBUTE, " alice "))).memberId()).isEqualTo(alice.memberId());
    assertThat(actors.actor(request(principal("bob-ignored"), Map.of(ATTRIBUTE, principal("alice")))).memberId())
        .isEqualTo(alice.memberId());
  }

  @Test
  void fromAttribute_missingOrBlank_isDeniedNamingTheAttribute() {
    ServletActors actors = ServletActors.fromAttribute(test.community(), ATTRIBUTE);

    for (HttpServletRequest request : new HttpServletRequest[] {
        request(principal("alice"), Map.of()), request(null, Map.of(ATTRIBUTE, "  "))}) {
      assertThatThrownBy(() -> actors.actor(request)).isInstanceOf(PermissionDeniedException.class)
          .hasMessageContaining("'" + ATTRIBUTE + "'");
    }
  }

  @Test
  void fromAttribute_wrongType_isAWiringError() {
    ServletActors actors = ServletActors.fromAttribute(test.community(), ATTRIBUTE);

    assertThatThrownBy(() -> actors.actor(request(null, Map.of(ATTRIBUTE, 42L))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(ATTRIBUTE).hasMessageContaining("Long");
  }

  @Test
  void actor_userTheHostRemoved_isNotFound() {
    test.identities().remove("alice");
    test.clock().advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> ServletActors.fromPrincipal(test.community()).actor(request(principal("alice"), Map.of())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void fromAttribute_blankName_isRejected() {
    assertThatThrownBy(() -> ServletActors.fromAttribute(test.community(), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attributeName");
  }
}

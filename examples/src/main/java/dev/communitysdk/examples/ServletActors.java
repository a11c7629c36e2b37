package dev.communitysdk.examples;

import static java.util.Objects.requireNonNull;

import java.security.Principal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.core.Actor;
import dev.communitysdk.core.Community;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the community {@link Actor} of a Jakarta Servlet request, from the user the host's login already
 * authenticated: either the container's {@link HttpServletRequest#getUserPrincipal()} (container-managed security,
 * Spring Security, Keycloak's adapters) or a request attribute that the host's SSO filter sets to the user id (a
 * {@link String}) or to a {@link Principal}. The SDK trusts that id; the host's identity provider then maps it to the
 * member's profile and roles.
 *
 * <pre>{@code
 * ServletActors actors = ServletActors.fromPrincipal(community);          // or fromAttribute(community, "sso.userId")
 * Actor alice = actors.actor(request);                                    // in a servlet or controller
 * community.questions().ask(alice, ...);
 * }</pre>
 *
 * Thread-safe; holds no request state.
 */
public final class ServletActors {
  /** The action named by the exception for a request that is not authenticated. */
  public static final String ACTION = "community.actor";

  private final Community community;
  private final @Nullable String attribute;

  private ServletActors(Community community, @Nullable String attribute) {
    this.community = requireNonNull(community, "community");
    this.attribute = attribute;
  }

  /**
   * @param community the community whose members act
   * @return a resolver that reads the user id from {@link HttpServletRequest#getUserPrincipal()}
   */
  public static ServletActors fromPrincipal(Community community) {
    return new ServletActors(community, null);
  }

  /**
   * @param community the community whose members act
   * @param attributeName the request attribute the host's SSO filter sets to the user id or a {@link Principal}
   * @return a resolver that reads the user id from that attribute
   */
  public static ServletActors fromAttribute(Community community, String attributeName) {
    requireNonNull(attributeName, "attributeName");
    if (attributeName.isBlank()) {
      throw new IllegalArgumentException("attributeName must not be blank");
    }
    return new ServletActors(community, attributeName);
  }

  /**
   * @param request the current request
   * @return the id of the user the host authenticated, if any; blank ids count as none
   * @throws IllegalStateException if the attribute holds something other than a {@link String} or a {@link Principal}
   *     (a wiring mistake in the host)
   */
  public Optional<String> userId(HttpServletRequest request) {
    requireNonNull(request, "request");
    Object source = attribute == null ? request.getUserPrincipal() : request.getAttribute(attribute);
    String userId;
    if (source == null) {
      userId = null;
    } else if (source instanceof Principal principal) {
      userId = principal.getName();
    } else if (source instanceof String id) {
      userId = id;
    } else {
      throw new IllegalStateException("request attribute '" + attribute + "' holds a " + source.getClass().getName()
          + "; the SSO filter must set it to the user id (a String) or a java.security.Principal");
    }
    return Optional.ofNullable(userId).map(String::strip).filter(id -> !id.isEmpty());
  }

  /**
   * @param request the current request
   * @return the actor of the user the host authenticated
   * @throws PermissionDeniedException if the request is not authenticated (action {@value #ACTION}); a host maps it
   *     to 401
   * @throws NotFoundException if the host's identity provider does not know the user (the member is then deactivated)
   */
  public Actor actor(HttpServletRequest request) {
    String userId = userId(request).orElseThrow(() -> new PermissionDeniedException(ACTION,
        "the request is not authenticated: " + (attribute == null
            ? "it has no user principal"
            : "its attribute '" + attribute + "' holds no user id") + "; sign the user in first"));
    return community.actor(userId);
  }
}

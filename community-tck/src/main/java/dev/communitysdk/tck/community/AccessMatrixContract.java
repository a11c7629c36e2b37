package dev.communitysdk.tck.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import dev.communitysdk.spi.error.ConflictException;
import dev.communitysdk.spi.error.NotFoundException;
import dev.communitysdk.spi.error.PermissionDeniedException;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.Space;
import dev.communitysdk.tck.community.AccessOperation.Outcome;

/**
 * The no-leak matrix, through the public API on the storage adapter a subclass provides: every operation of
 * {@link AccessOperations} × every role × every visibility case of {@link AccessCase}. One rule decides each cell
 * ({@link AccessOperation#expected}): where the viewer cannot read the space, a command or read is not found, writes
 * nothing and names nothing of the space, and a listing leaves the content out; where the viewer reads, the
 * operation's own role rule applies. The world is built once for the whole matrix, so the matrix stays fast on every
 * database. Extend it like {@link CommunityContract}.
 */
public abstract class AccessMatrixContract extends CommunityFixture {
  /**
   * @return one container per operation, one test per role and case, named by the outcome it expects
   */
  @TestFactory
  @DisplayName("every operation, for every role and visibility case, is allowed, denied, not found or hidden as the"
      + " table says")
  Stream<DynamicNode> matrix() {
    AccessWorld world = AccessWorld.build(community, identities, crm);
    return AccessOperations.ALL.stream().map(operation -> dynamicContainer(
        operation.name() + " in a " + operation.kind().name().toLowerCase() + " space",
        Arrays.stream(Role.values()).flatMap(role -> operation.cases().stream().sorted().map(accessCase -> {
          Outcome expected = operation.expected(role, accessCase);
          return dynamicTest(role + ", " + accessCase.label + ": " + expected,
              () -> check(world, operation, role, accessCase, expected));
        }))));
  }

  private <T> void check(AccessWorld world, AccessOperation<T> operation, Role role, AccessCase accessCase,
      Outcome expected) {
    boolean reaches = expected == Outcome.ALLOWED || expected == Outcome.SHOWN;
    AccessScene scene = world.scene(operation.kind(), role, accessCase, reaches);
    T target = operation.prepare().apply(scene);
    int eventsBefore = eventCount();
    crm.down(accessCase.crmDown);
    try {
      switch (expected) {
        case ALLOWED -> assertThat(operation.run().apply(scene, target)).isNotNull();
        case SHOWN -> assertThat(items(operation.run().apply(scene, target))).contains(target);
        case HIDDEN -> assertThat(items(operation.run().apply(scene, target))).doesNotContain(target);
        case NOT_FOUND -> assertThatThrownBy(() -> operation.run().apply(scene, target))
            .isInstanceOf(NotFoundException.class)
            .satisfies(e -> assertNamesNothingOf(world.spacesOf(accessCase), e.getMessage()));
        case DENIED -> assertThatThrownBy(() -> operation.run().apply(scene, target))
            .isInstanceOf(PermissionDeniedException.class);
        case CONFLICT -> assertThatThrownBy(() -> operation.run().apply(scene, target))
            .isInstanceOf(ConflictException.class);
      }
    } finally {
      crm.down(false);
    }
    if (!reaches) {
      assertThat(eventCount()).as("events after a refused or read-only call").isEqualTo(eventsBefore);
    }
  }

  private static Collection<Object> items(Object listing) {
    return List.copyOf((Collection<?>) listing);
  }

  private static void assertNamesNothingOf(Collection<Space> spaces, String message) {
    for (Space space : spaces) {
      assertThat(message).doesNotContain(space.slug()).doesNotContain(space.name());
    }
  }
}

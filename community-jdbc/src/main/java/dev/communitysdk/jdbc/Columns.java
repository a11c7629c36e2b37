package dev.communitysdk.jdbc;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.model.Role;
import dev.communitysdk.spi.model.VoteDirection;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Column encodings shared by the stores: enums as their names, role sets as comma-separated names, vote directions as
 * their weights.
 */
final class Columns {
  private Columns() {}

  /**
   * @return the enum constant a column holds
   * @throws StorageException if the column holds a name the enum does not know, say after a downgrade
   */
  static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable String name, String column) {
    if (name == null) {
      throw new StorageException(column + " is null, expected a " + type.getSimpleName(), null);
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new StorageException(column + " holds '" + name + "', which is not a " + type.getSimpleName(), e);
    }
  }

  /** @return the roles as a column value: names in declaration order, comma-separated */
  static String roles(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
  }

  /** @return the roles a column value holds */
  static Set<Role> roles(@Nullable String value, String column) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    if (value != null && !value.isEmpty()) {
      Arrays.stream(value.split(",")).forEach(name -> roles.add(enumValue(Role.class, name, column)));
    }
    return roles;
  }

  /** @return the direction as a column value: its weight, +1 or -1 */
  static short direction(VoteDirection direction) {
    return (short) direction.weight();
  }

  /**
   * @return the direction a column value holds
   * @throws StorageException if the column holds neither +1 nor -1
   */
  static VoteDirection direction(short weight, String column) {
    return switch (weight) {
      case 1 -> VoteDirection.UP;
      case -1 -> VoteDirection.DOWN;
      default -> throw new StorageException(column + " holds " + weight + ", expected 1 or -1", null);
    };
  }
}

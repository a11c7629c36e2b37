package dev.communitysdk.examples;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.identity.Identity;
import dev.communitysdk.spi.identity.IdentityProvider;
import dev.communitysdk.spi.model.MemberProfile;
import dev.communitysdk.spi.model.Role;

/**
 * An {@link IdentityProvider} over a host's existing user table, with plain JDBC: each look-up is one
 * {@code SELECT … WHERE id IN (…)} query for the whole batch (split every {@value #MAX_BATCH} ids). A user that is not
 * in the table is absent from the answer, so the community deactivates the member.
 *
 * <p>The default table shape, each name configurable through the {@link Builder}:
 *
 * <pre>{@code
 * CREATE TABLE app_user (
 *   id                  VARCHAR(64) PRIMARY KEY,  -- the user id the host passes to community.actor(...)
 *   display_name        VARCHAR(200),             -- blank or NULL: the user id is shown
 *   email               VARCHAR(200),             -- optional column
 *   customer_account_id VARCHAR(64),              -- optional column: the customer (company) the user belongs to
 *   locale              VARCHAR(20),              -- optional column: a BCP 47 tag
 *   role_names          VARCHAR(200)              -- roles as a comma-separated list, such as 'expert,employee'
 * );
 * }</pre>
 *
 * Roles come either from that column or from a join table ({@link Builder#rolesFromTable}), which the same query
 * reads through a {@code LEFT JOIN}. A host role name maps to the {@link Role} of the same name (case-insensitive)
 * unless {@link Builder#mapRole} says otherwise; host roles that mean nothing to the community are ignored.
 *
 * <pre>{@code
 * IdentityProvider users = JdbcUserDirectory.builder(hostDataSource)
 *     .table("portal_users").idColumn("login").displayNameColumn("full_name")
 *     .rolesFromTable("portal_user_roles", "login", "role")
 *     .mapRole("support_agent", Role.EMPLOYEE)
 *     .build();
 * }</pre>
 *
 * <p>Table and column names are checked to be plain SQL identifiers (optionally schema-qualified), because they are
 * written into the query; ids are always bound as parameters. Thread-safe; borrows a connection per look-up and
 * never closes the data source.
 */
public final class JdbcUserDirectory implements IdentityProvider {
  /** The most ids one query binds; larger batches take several queries. */
  public static final int MAX_BATCH = 500;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final DataSource dataSource;
  private final String selectPrefix;
  private final boolean numericIds;
  private final boolean rolesJoined;
  private final Map<String, Role> roleNames;
  private final boolean hasEmail;
  private final boolean hasAccount;
  private final boolean hasLocale;
  private final boolean hasRoles;

  private JdbcUserDirectory(Builder builder) {
    this.dataSource = builder.dataSource;
    this.numericIds = builder.numericIds;
    this.rolesJoined = builder.roleTable != null;
    this.roleNames = Map.copyOf(builder.roleNames);
    this.hasEmail = builder.emailColumn != null;
    this.hasAccount = builder.accountColumn != null;
    this.hasLocale = builder.localeColumn != null;
    this.hasRoles = rolesJoined || builder.rolesColumn != null;
    List<String> columns = new ArrayList<>(List.of("u." + builder.idColumn, "u." + builder.displayNameColumn));
    optionalColumn(columns, builder.emailColumn);
    optionalColumn(columns, builder.accountColumn);
    optionalColumn(columns, builder.localeColumn);
    StringBuilder sql = new StringBuilder("SELECT ");
    if (rolesJoined) {
      columns.add("r." + builder.roleNameColumn);
      sql.append(String.join(", ", columns)).append(" FROM ").append(builder.table).append(" u LEFT JOIN ")
          .append(builder.roleTable).append(" r ON r.").append(builder.roleUserColumn).append(" = u.")
          .append(builder.idColumn);
    } else {
      optionalColumn(columns, builder.rolesColumn);
      sql.append(String.join(", ", columns)).append(" FROM ").append(builder.table).append(" u");
    }
    this.selectPrefix = sql.append(" WHERE u.").append(builder.idColumn).append(" IN (").toString();
  }

  /**
   * @param dataSource the host's data source, whose connections see the user table
   * @return a builder with the default table shape
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Reads the users among {@code userIds}, in as few queries as {@value #MAX_BATCH} ids per query allow.
   *
   * @param userIds host user ids
   * @return the users found, keyed by user id; ids not in the table (or not numeric, with numeric ids) are absent
   * @throws StorageException if the query fails
   */
  @Override
  public Map<String, Identity> lookup(Collection<String> userIds) {
    List<String> ids = userIds.stream().distinct().filter(this::wellFormed).toList();
    Map<String, Identity> found = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += MAX_BATCH) {
      found.putAll(query(ids.subList(from, Math.min(ids.size(), from + MAX_BATCH))));
    }
    return found;
  }

  private boolean wellFormed(String userId) {
    if (!numericIds) {
      return true;
    }
    try {
      Long.parseLong(userId);
      return true;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  private Map<String, Identity> query(List<String> ids) {
    String sql = selectPrefix + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")";
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        if (numericIds) {
          statement.setLong(i + 1, Long.parseLong(ids.get(i)));
        } else {
          statement.setString(i + 1, ids.get(i));
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          read(result, rows);
        }
      }
    } catch (SQLException e) {
      throw new StorageException("could not read " + ids.size() + " users from the host's user table: "
          + e.getMessage(), e);
    }
    Map<String, Identity> identities = new HashMap<>();
    rows.forEach((id, row) -> identities.put(id, row.identity(id)));
    return identities;
  }

  /** Folds one result row into its user's row: a joined role table yields one row per role. */
  private void read(ResultSet result, Map<String, Row> rows) throws SQLException {
    int column = 1;
    String id = result.getString(column++);
    String displayName = result.getString(column++);
    String email = hasEmail ? result.getString(column++) : null;
    String account = hasAccount ? result.getString(column++) : null;
    String locale = hasLocale ? result.getString(column++) : null;
    Row row = rows.get(id);
    if (row == null) {
      row = new Row(displayName, email, account, locale);
      rows.put(id, row);
    }
    if (hasRoles) {
      String names = result.getString(column);
      if (names != null) {
        for (String name : rolesJoined ? List.of(names) : List.of(names.split(","))) {
          Optional.ofNullable(roleNames.get(name.strip().toLowerCase(Locale.ROOT))).ifPresent(row.roles::add);
        }
      }
    }
  }

  private static void optionalColumn(List<String> columns, @Nullable String column) {
    if (column != null) {
      columns.add("u." + column);
    }
  }

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** One user as read so far. */
  private static final class Row {
    private final @Nullable String displayName;
    private final @Nullable String email;
    private final @Nullable String account;
    private final @Nullable String locale;
    private final Set<Role> roles = EnumSet.of(Role.MEMBER);

    Row(@Nullable String displayName, @Nullable String email, @Nullable String account, @Nullable String locale) {
      this.displayName = text(displayName);
      this.email = text(email);
      this.account = text(account);
      this.locale = text(locale);
    }

    Identity identity(String userId) {
      return new Identity(userId, new MemberProfile(displayName == null ? userId : displayName,
          Optional.ofNullable(email), roles, Optional.ofNullable(account), Optional.ofNullable(locale)));
    }
  }

  /** Names the host's table and columns; every name must be a plain SQL identifier. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "app_user";
    private String idColumn = "id";
    private String displayNameColumn = "display_name";
    private @Nullable String emailColumn = "email";
    private @Nullable String accountColumn = "customer_account_id";
    private @Nullable String localeColumn = "locale";
    private @Nullable String rolesColumn = "role_names";
    private @Nullable String roleTable;
    private String roleUserColumn = "user_id";
    private String roleNameColumn = "role_name";
    private boolean numericIds;
    private final Map<String, Role> roleNames = new HashMap<>();

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
      for (Role role : Role.values()) {
        roleNames.put(role.name().toLowerCase(Locale.ROOT), role);
      }
    }

    /** @param name the user table, optionally schema-qualified; default {@code app_user} */
    public Builder table(String name) {
      this.table = identifier(name, "table");
      return this;
    }

    /** @param name the column holding the user id the host passes to the SDK; default {@code id} */
    public Builder idColumn(String name) {
      this.idColumn = identifier(name, "idColumn");
      return this;
    }

    /**
     * Binds ids as numbers, for an id column of an integer type; ids that are not numbers are then unknown users.
     *
     * @return this builder
     */
    public Builder numericIds() {
      this.numericIds = true;
      return this;
    }

    /** @param name the column holding the display name; default {@code display_name} */
    public Builder displayNameColumn(String name) {
      this.displayNameColumn = identifier(name, "displayNameColumn");
      return this;
    }

    /** @param name the e-mail column, or null if the table has none; default {@code email} */
    public Builder emailColumn(@Nullable String name) {
      this.emailColumn = optionalIdentifier(name, "emailColumn");
      return this;
    }

    /** @param name the customer account column, or null if the table has none; default {@code customer_account_id} */
    public Builder accountColumn(@Nullable String name) {
      this.accountColumn = optionalIdentifier(name, "accountColumn");
      return this;
    }

    /** @param name the locale column, or null if the table has none; default {@code locale} */
    public Builder localeColumn(@Nullable String name) {
      this.localeColumn = optionalIdentifier(name, "localeColumn");
      return this;
    }

    /**
     * Reads roles from a comma-separated column of the user table (the default, {@code role_names}).
     *
     * @param name the column, or null if users hold no roles beyond {@link Role#MEMBER}
     * @return this builder
     */
    public Builder rolesColumn(@Nullable String name) {
      this.rolesColumn = optionalIdentifier(name, "rolesColumn");
      this.roleTable = null;
      return this;
    }

    /**
     * Reads roles from a join table with one row per user and role, instead of a column.
     *
     * @param table the join table
     * @param userColumn its column holding the user id
     * @param roleColumn its column holding the role name
     * @return this builder
     */
    public Builder rolesFromTable(String table, String userColumn, String roleColumn) {
      this.roleTable = identifier(table, "roleTable");
      this.roleUserColumn = identifier(userColumn, "roleUserColumn");
      this.roleNameColumn = identifier(roleColumn, "roleNameColumn");
      this.rolesColumn = null;
      return this;
    }

    /**
     * Maps a host role name to a community role, besides the names of {@link Role} that map to themselves.
     *
     * @param hostRole the role name in the host's table, matched case-insensitively
     * @param role the community role it grants
     * @return this builder
     */
    public Builder mapRole(String hostRole, Role role) {
      requireNonNull(hostRole, "hostRole");
      if (hostRole.isBlank()) {
        throw new IllegalArgumentException("hostRole must not be blank");
      }
      roleNames.put(hostRole.strip().toLowerCase(Locale.ROOT), requireNonNull(role, "role"));
      return this;
    }

    /** @return the directory */
    public JdbcUserDirectory build() {
      return new JdbcUserDirectory(this);
    }

    private static String identifier(String name, String setting) {
      requireNonNull(name, setting);
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException(setting + " must be a plain SQL identifier such as app_user or "
            + "portal.app_user, was '" + name + "'");
      }
      return name;
    }

    private static @Nullable String optionalIdentifier(@Nullable String name, String setting) {
      return name == null ? null : identifier(name, setting);
    }
  }
}

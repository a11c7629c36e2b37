package dev.communitysdk.jdbc;

import static java.util.Objects.requireNonNull;

/**
 * Settings of a {@link JooqCommunityStore}. Immutable.
 *
 * @param schemaMode what creating the store does to the schema
 */
public record JooqStoreOptions(SchemaMode schemaMode) {
  /**
   * Checks the fields.
   *
   * @param schemaMode what creating the store does to the schema
   */
  public JooqStoreOptions {
    requireNonNull(schemaMode, "schemaMode");
  }

  /** @return the defaults: {@link SchemaMode#EXTERNAL}, so that creating a store never touches the schema */
  public static JooqStoreOptions defaults() {
    return new JooqStoreOptions(SchemaMode.EXTERNAL);
  }

  /**
   * @param mode the schema mode
   * @return these options with the schema mode replaced
   */
  public JooqStoreOptions withSchemaMode(SchemaMode mode) {
    return new JooqStoreOptions(mode);
  }
}

/**
 * The jOOQ classes generated at build time from the H2 migration scripts ({@code jooq-codegen-maven} with
 * {@code DDLDatabase}). Not API: these types never leave the adapter.
 *
 * <p>Deliberately not {@code @NullMarked}: generated records return null for every unset column.
 */
package dev.communitysdk.jdbc.internal.schema;

/**
 * The Community SDK's test compatibility kit: contract test classes that every adapter's tests extend
 * ({@code storage}, {@code crm} for CRM connectors), fixtures for tests that use the SDK ({@code fixtures}), and
 * isolated test databases ({@code db}).
 */
@NullMarked
package dev.communitysdk.tck;

import org.jspecify.annotations.NullMarked;

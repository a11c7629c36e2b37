/**
 * Safety kit: the XSS corpus ({@link dev.communitysdk.tck.safety.XssCorpus}) and the unsafe-markup detector
 * ({@link dev.communitysdk.tck.safety.UnsafeMarkupDetector}) that the renderer tests and the API-level
 * {@code ContentSafetyContract} share.
 */
@NullMarked
package dev.communitysdk.tck.safety;

import org.jspecify.annotations.NullMarked;

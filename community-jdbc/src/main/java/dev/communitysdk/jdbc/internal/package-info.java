/**
 * Not API: support classes that the generated jOOQ classes reference, and therefore public. Hosts must not use them.
 */
@NullMarked
package dev.communitysdk.jdbc.internal;

import org.jspecify.annotations.NullMarked;

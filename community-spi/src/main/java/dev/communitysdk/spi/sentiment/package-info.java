/**
 * The sentiment port: text in, a score in [-1, 1] and a label out.
 */
@NullMarked
package dev.communitysdk.spi.sentiment;

import org.jspecify.annotations.NullMarked;

/**
 * The notification port: the host's e-mail or push system receives what members should be told.
 */
@NullMarked
package dev.communitysdk.spi.notification;

import org.jspecify.annotations.NullMarked;

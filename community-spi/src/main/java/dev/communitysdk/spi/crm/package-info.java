/**
 * The CRM port: link members to CRM contacts, read customer profiles, record activity, open support cases, push
 * customer accounts' sentiment health.
 */
@NullMarked
package dev.communitysdk.spi.crm;

import org.jspecify.annotations.NullMarked;

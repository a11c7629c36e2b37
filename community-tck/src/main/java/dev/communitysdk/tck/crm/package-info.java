/**
 * The CRM connector contract ({@link dev.communitysdk.tck.crm.CrmConnectorContract}): what every
 * {@link dev.communitysdk.spi.crm.CrmConnector} adapter must do for the community to sync with it safely.
 */
@NullMarked
package dev.communitysdk.tck.crm;

import org.jspecify.annotations.NullMarked;

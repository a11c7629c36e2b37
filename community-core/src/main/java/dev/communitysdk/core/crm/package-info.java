/**
 * The community's side of the host's CRM: members linked to CRM contacts and accounts
 * ({@link dev.communitysdk.core.crm.CrmSync}), and the relay's CRM route
 * ({@link dev.communitysdk.core.crm.CrmRoute}) that links members on first sight, records their published, named
 * activity on their contacts and pushes customer accounts' sentiment health.
 */
@NullMarked
package dev.communitysdk.core.crm;

import org.jspecify.annotations.NullMarked;

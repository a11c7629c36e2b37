/**
 * Escalation of community questions to CRM support cases: per-space service levels, the sweep that escalates
 * questions left unanswered past them, escalation by members, resolutions posted back as answers, the relay route that
 * opens and updates the cases, and the deflection report.
 */
@NullMarked
package dev.communitysdk.core.escalation;

import org.jspecify.annotations.NullMarked;

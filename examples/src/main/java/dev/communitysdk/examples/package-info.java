/**
 * Runnable programs a newcomer reads first: {@link dev.communitysdk.examples.Quickstart} wires the SDK the way a host
 * would and prints what happened. {@link dev.communitysdk.examples.JdbcUserDirectory} answers identity look-ups from
 * a host's existing user table, and {@link dev.communitysdk.examples.ServletActors} resolves the acting member of a
 * Jakarta Servlet request from the host's login. {@link dev.communitysdk.examples.JsonLinesCrm} is a CRM connector
 * that appends what the community sends to a JSON Lines file, a start for hosts whose CRM imports files.
 */
@NullMarked
package dev.communitysdk.examples;

import org.jspecify.annotations.NullMarked;

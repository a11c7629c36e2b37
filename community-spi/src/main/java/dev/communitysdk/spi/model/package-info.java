/**
 * Value types that cross the ports: typed ids, aggregates as immutable records, and the enums of the domain.
 * Every record validates itself on construction.
 */
@NullMarked
package dev.communitysdk.spi.model;

import org.jspecify.annotations.NullMarked;

/**
 * The sentiment accuracy and throughput report: runs the default analyzer over labelled sentence files and prints the
 * metrics defined in the benchmark data's README.
 */
@NullMarked
package dev.communitysdk.benchmarks.sentiment;

import org.jspecify.annotations.NullMarked;

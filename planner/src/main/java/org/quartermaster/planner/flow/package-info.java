/**
 * Min-cost flow on primitive arrays: the network and our network simplex. JDK only; public so
 * that benchmarks can time it side by side with a reference solver on identical networks.
 */
package org.quartermaster.planner.flow;

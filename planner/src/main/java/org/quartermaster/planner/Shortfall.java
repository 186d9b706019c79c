package org.quartermaster.planner;

/** {@code quantity} units of need {@code needId} not served; {@code cost} is its objective term. */
public record Shortfall(String needId, long quantity, ShortfallReason reason, long cost) {
}

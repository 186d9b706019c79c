package org.quartermaster.planning;

/** A transport lane between two locations (by code): transit weeks and cost per unit. */
public record AddLane(String origin, String destination, int transitWeeks, long costPerUnit) {
}

package org.quartermaster.logistics;

/** How many units of {@code item} {@code destination} can take in per week (training, storage). */
public record SetAbsorption(String organisation, String destination, String item, Long unitsPerWeek, Long version) {}

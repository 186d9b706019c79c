package org.quartermaster.capacity.model;

import java.time.LocalDate;

/** From week {@code fromWeek} (a Monday) on, the line makes {@code capacityPerWeek} units a week. */
public record RampStep(LocalDate fromWeek, long capacityPerWeek) {}

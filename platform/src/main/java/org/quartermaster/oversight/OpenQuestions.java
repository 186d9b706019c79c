package org.quartermaster.oversight;

/** Open questions assigned to one organisation: how many, and the age of the oldest in hours. */
public record OpenQuestions(String organisation, long count, long oldestAgeHours) {}

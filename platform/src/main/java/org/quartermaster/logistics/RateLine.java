package org.quartermaster.logistics;

/** The recipient's field rating of a delivered line after use: 1 (useless) to 5 (excellent). */
public record RateLine(String organisation, String person, Integer rating, String comment) {}

package org.quartermaster.procurement.model;

import java.time.Instant;

/** A supplier's question; once answered, question and answer are published to every supplier (asker not named). */
public record Question(String id, String question, String answer, Instant askedAt, Instant answeredAt) {
    public static final String ID_PREFIX = "Q";
}

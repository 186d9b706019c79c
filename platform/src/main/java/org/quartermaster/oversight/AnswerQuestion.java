package org.quartermaster.oversight;

/** The assigned organisation's answer, which closes the question; at a known {@code version}. */
public record AnswerQuestion(String text, String organisation, String person, Long version) {}

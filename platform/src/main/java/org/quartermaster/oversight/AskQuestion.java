package org.quartermaster.oversight;

/** Ask {@code text} about record {@code record}, assigned to organisation {@code assignedTo} to answer. */
public record AskQuestion(String record, String text, String assignedTo, String organisation, String person) {}

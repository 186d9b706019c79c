package org.quartermaster.oversight;

/** Journal payloads of oversight. */
public final class QuestionEvents {
    private QuestionEvents() {}

    public record QuestionAsked(String id, String record, String text, String organisation, String person,
                                String assignedTo) {}

    public record QuestionAnswered(String id, String text, String organisation, String person, long version) {}
}

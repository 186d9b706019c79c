package org.quartermaster.needs.model;

/** The outcome of asking a need to take a step: the next state, or why it may not. */
public sealed interface Transition {
    record Moved(NeedStatus next) implements Transition {}

    record Refused(String reason) implements Transition {}
}

package org.quartermaster.needs.model;

/**
 * A need's lifecycle, one type per state: only a state that allows a step offers it.
 * DRAFT -> OPEN -> PARTLY_COVERED -> COVERED -> DELIVERED -> CLOSED, or CANCELLED before delivery.
 */
public sealed interface NeedStatus {
    String name();

    /** States in which pledges can still cover the need. */
    sealed interface Coverable extends NeedStatus permits Open, PartlyCovered, Covered {}

    /** States from which the requester can cancel. */
    sealed interface Cancellable extends NeedStatus permits Draft, Open, PartlyCovered, Covered {}

    record Draft() implements Cancellable {
        public String name() { return "DRAFT"; }

        public Open submit() { return new Open(); }
    }

    record Open() implements Coverable, Cancellable {
        public String name() { return "OPEN"; }
    }

    record PartlyCovered() implements Coverable, Cancellable {
        public String name() { return "PARTLY_COVERED"; }
    }

    record Covered() implements Coverable, Cancellable {
        public String name() { return "COVERED"; }
    }

    record Delivered() implements NeedStatus {
        public String name() { return "DELIVERED"; }

        public Closed close() { return new Closed(); }
    }

    record Closed() implements NeedStatus {
        public String name() { return "CLOSED"; }
    }

    record Cancelled() implements NeedStatus {
        public String name() { return "CANCELLED"; }
    }

    static NeedStatus of(String name) {
        return switch (name) {
            case "DRAFT" -> new Draft();
            case "OPEN" -> new Open();
            case "PARTLY_COVERED" -> new PartlyCovered();
            case "COVERED" -> new Covered();
            case "DELIVERED" -> new Delivered();
            case "CLOSED" -> new Closed();
            case "CANCELLED" -> new Cancelled();
            default -> throw new IllegalStateException("unknown need status " + name);
        };
    }

    java.util.List<String> ALL = java.util.List.of(
            "DRAFT", "OPEN", "PARTLY_COVERED", "COVERED", "DELIVERED", "CLOSED", "CANCELLED");
}

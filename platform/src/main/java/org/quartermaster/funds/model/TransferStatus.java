package org.quartermaster.funds.model;

import java.util.List;

/** A transfer's lifecycle: posted at once, or pending and then posted or voided. */
public sealed interface TransferStatus {
    String name();

    record Pending() implements TransferStatus {
        public String name() { return "PENDING"; }

        public Posted post() { return new Posted(); }

        public Voided voided() { return new Voided(); }
    }

    record Posted() implements TransferStatus {
        public String name() { return "POSTED"; }
    }

    record Voided() implements TransferStatus {
        public String name() { return "VOIDED"; }
    }

    List<String> ALL = List.of("PENDING", "POSTED", "VOIDED");

    static TransferStatus of(String name) {
        return switch (name) {
            case "PENDING" -> new Pending();
            case "POSTED" -> new Posted();
            case "VOIDED" -> new Voided();
            default -> throw new IllegalStateException("unknown transfer status " + name);
        };
    }
}

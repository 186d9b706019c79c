package org.quartermaster.offers.model;

/**
 * An offer's lifecycle, one type per state: OFFERED -> ACCEPTED -> COMMITTED -> SHIPPED ->
 * DELIVERED; the donor may withdraw before shipping, a coordinator may decline an open offer.
 */
public sealed interface OfferStatus {
    String name();

    /** States the donor may still withdraw from. */
    sealed interface Withdrawable extends OfferStatus permits Offered, Accepted, Committed {}

    /** States in which the offer counts as a pledge against its need. */
    sealed interface Pledged extends OfferStatus permits Accepted, Committed, Shipped {}

    record Offered() implements Withdrawable {
        public String name() { return "OFFERED"; }

        public Accepted accept() { return new Accepted(); }

        public Declined decline() { return new Declined(); }
    }

    record Accepted() implements Withdrawable, Pledged {
        public String name() { return "ACCEPTED"; }

        public Committed commit() { return new Committed(); }
    }

    record Committed() implements Withdrawable, Pledged {
        public String name() { return "COMMITTED"; }

        public Shipped ship() { return new Shipped(); }
    }

    record Shipped() implements Pledged {
        public String name() { return "SHIPPED"; }

        public Delivered deliver() { return new Delivered(); }
    }

    record Delivered() implements OfferStatus {
        public String name() { return "DELIVERED"; }
    }

    record Withdrawn() implements OfferStatus {
        public String name() { return "WITHDRAWN"; }
    }

    record Declined() implements OfferStatus {
        public String name() { return "DECLINED"; }
    }

    java.util.List<String> ALL = java.util.List.of(
            "OFFERED", "ACCEPTED", "COMMITTED", "SHIPPED", "DELIVERED", "WITHDRAWN", "DECLINED");

    static OfferStatus of(String name) {
        return switch (name) {
            case "OFFERED" -> new Offered();
            case "ACCEPTED" -> new Accepted();
            case "COMMITTED" -> new Committed();
            case "SHIPPED" -> new Shipped();
            case "DELIVERED" -> new Delivered();
            case "WITHDRAWN" -> new Withdrawn();
            case "DECLINED" -> new Declined();
            default -> throw new IllegalStateException("unknown offer status " + name);
        };
    }
}

package org.quartermaster.offers.model;

import org.quartermaster.offers.model.OfferStatus.Accepted;
import org.quartermaster.offers.model.OfferStatus.Committed;
import org.quartermaster.offers.model.OfferStatus.Offered;
import org.quartermaster.offers.model.OfferStatus.Shipped;
import org.quartermaster.offers.model.OfferStatus.Withdrawable;
import org.quartermaster.offers.model.OfferStatus.Withdrawn;

/** The steps of an offer's lifecycle. Each returns the next state or a refusal; nothing mutates. */
public final class OfferRules {
    private OfferRules() {}

    public enum Action { ACCEPT, DECLINE, COMMIT, SHIP, DELIVER, WITHDRAW }

    /** The outcome of a step. */
    public sealed interface Outcome {
        record Moved(OfferStatus next) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    public static Outcome apply(OfferStatus s, Action action) {
        return switch (action) {
            case ACCEPT -> s instanceof Offered o ? new Outcome.Moved(o.accept()) : refuse(s, action, "OFFERED");
            case DECLINE -> s instanceof Offered o ? new Outcome.Moved(o.decline()) : refuse(s, action, "OFFERED");
            case COMMIT -> s instanceof Accepted a ? new Outcome.Moved(a.commit()) : refuse(s, action, "ACCEPTED");
            case SHIP -> s instanceof Committed c ? new Outcome.Moved(c.ship()) : refuse(s, action, "COMMITTED");
            case DELIVER -> s instanceof Shipped sh ? new Outcome.Moved(sh.deliver()) : refuse(s, action, "SHIPPED");
            case WITHDRAW -> s instanceof Withdrawable ? new Outcome.Moved(new Withdrawn())
                    : new Outcome.Refused("a " + s.name() + " offer can no longer be withdrawn");
        };
    }

    private static Outcome refuse(OfferStatus s, Action action, String required) {
        return new Outcome.Refused("only a " + required + " offer can be "
                + past(action) + "; this one is " + s.name());
    }

    private static String past(Action action) {
        return switch (action) {
            case ACCEPT -> "accepted";
            case DECLINE -> "declined";
            case COMMIT -> "committed";
            case SHIP -> "shipped";
            case DELIVER -> "delivered";
            case WITHDRAW -> "withdrawn";
        };
    }
}

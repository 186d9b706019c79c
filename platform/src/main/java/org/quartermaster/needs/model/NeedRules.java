package org.quartermaster.needs.model;

import org.quartermaster.needs.model.NeedStatus.Cancellable;
import org.quartermaster.needs.model.NeedStatus.Cancelled;
import org.quartermaster.needs.model.NeedStatus.Coverable;
import org.quartermaster.needs.model.NeedStatus.Covered;
import org.quartermaster.needs.model.NeedStatus.Delivered;
import org.quartermaster.needs.model.NeedStatus.Draft;
import org.quartermaster.needs.model.NeedStatus.Open;
import org.quartermaster.needs.model.NeedStatus.PartlyCovered;
import org.quartermaster.needs.model.Transition.Moved;
import org.quartermaster.needs.model.Transition.Refused;

/** The steps of a need's lifecycle. Each returns a {@link Transition}; nothing mutates. */
public final class NeedRules {
    private NeedRules() {}

    /** Steps a person asks for by name. */
    public enum Action { SUBMIT, CANCEL, CLOSE }

    public static Transition apply(NeedStatus status, Action action) {
        return switch (action) {
            case SUBMIT -> status instanceof Draft d ? new Moved(d.submit())
                    : new Refused("only a DRAFT need can be submitted; this one is " + status.name());
            case CANCEL -> status instanceof Cancellable ? new Moved(new Cancelled())
                    : new Refused("a " + status.name() + " need can no longer be cancelled");
            case CLOSE -> status instanceof Delivered d ? new Moved(d.close())
                    : new Refused("only a DELIVERED need can be closed; this one is " + status.name());
        };
    }

    /** The state after coverage changes to {@code covered} of {@code quantity}. */
    public static Transition cover(NeedStatus status, long covered, long quantity) {
        if (!(status instanceof Coverable)) {
            return new Refused("pledges can cover only an OPEN, PARTLY_COVERED or COVERED need; this one is "
                    + status.name());
        }
        if (covered < 0) return new Refused("coverage cannot fall below zero");
        if (covered > quantity) {
            return new Refused("coverage of " + covered + " would exceed the need's quantity of " + quantity);
        }
        return new Moved(coverageState(covered, quantity));
    }

    /** The state after deliveries reach {@code delivered} of {@code quantity}. */
    public static Transition deliver(NeedStatus status, long delivered, long quantity) {
        if (!(status instanceof Coverable)) {
            return new Refused("deliveries count only against a covered or open need; this one is " + status.name());
        }
        if (delivered > quantity) {
            return new Refused("delivered " + delivered + " would exceed the need's quantity of " + quantity);
        }
        return new Moved(delivered == quantity ? new Delivered() : status);
    }

    static NeedStatus coverageState(long covered, long quantity) {
        if (covered == 0) return new Open();
        if (covered < quantity) return new PartlyCovered();
        return new Covered();
    }
}

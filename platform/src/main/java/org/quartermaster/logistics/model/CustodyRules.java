package org.quartermaster.logistics.model;

import java.util.List;

/**
 * The custody chain's rules: each step is taken by the organisation holding the goods, in route
 * order. Every step returns the next position or a refusal; nothing mutates.
 */
public final class CustodyRules {
    private CustodyRules() {}

    /** One proposed step: its kind, who takes it, to whom (hand-overs) and where (arrivals). */
    public record Step(CustodyKind kind, String by, String to, String location) {}

    /** The outcome of a step. */
    public sealed interface Outcome {
        record Moved(Position next, String location) implements Outcome {}

        record Refused(String type, String reason) implements Outcome {}
    }

    /** The rules as named values, checked in order; the first that refuses decides. */
    public static Outcome apply(Position at, List<String> stops, String receiver, Step step) {
        if (stops.size() < 2) throw new IllegalStateException("a route has an origin and a destination");
        int last = stops.size() - 1;
        if (at.status() == ShipmentStatus.RECEIVED) {
            return new Outcome.Refused("custody-closed", "the consignment is received; its custody chain is closed");
        }
        if (!at.holder().equals(step.by())) {
            return new Outcome.Refused("not-holder", step.by() + " does not hold the goods; " + at.holder() + " does");
        }
        String here = stops.get(at.stop());
        return switch (step.kind()) {
            case HANDED_OVER -> handOver(at, here, step);
            case DEPARTED -> at.status() == ShipmentStatus.PLANNED || at.status() == ShipmentStatus.AT_HUB
                    ? new Outcome.Moved(new Position(ShipmentStatus.IN_TRANSIT, at.stop(), at.holder()), here)
                    : outOfOrder(at, step);
            case ARRIVED_AT_HUB -> {
                if (at.status() != ShipmentStatus.IN_TRANSIT || at.stop() + 1 >= last) yield outOfOrder(at, step);
                String hub = stops.get(at.stop() + 1);
                if (step.location() != null && !step.location().equals(hub)) {
                    yield new Outcome.Refused("wrong-stop", "the next hub is " + hub + ", not " + step.location());
                }
                yield new Outcome.Moved(new Position(ShipmentStatus.AT_HUB, at.stop() + 1, at.holder()), hub);
            }
            case ARRIVED -> {
                if (at.status() != ShipmentStatus.IN_TRANSIT || at.stop() + 1 != last) yield outOfOrder(at, step);
                String destination = stops.get(last);
                if (step.location() != null && !step.location().equals(destination)) {
                    yield new Outcome.Refused("wrong-stop", "the destination is " + destination + ", not "
                            + step.location());
                }
                yield new Outcome.Moved(new Position(ShipmentStatus.ARRIVED, last, at.holder()), destination);
            }
            case RECEIVED -> {
                if (at.status() != ShipmentStatus.ARRIVED) yield outOfOrder(at, step);
                if (!at.holder().equals(receiver)) {
                    yield new Outcome.Refused("not-holder", "the goods must be handed over to the receiver "
                            + receiver + " first");
                }
                yield new Outcome.Moved(new Position(ShipmentStatus.RECEIVED, last, receiver), here);
            }
        };
    }

    private static Outcome handOver(Position at, String here, Step step) {
        if (at.status() == ShipmentStatus.IN_TRANSIT) {
            return new Outcome.Refused("illegal-order", "goods in transit cannot change hands; record the arrival first");
        }
        if (step.to() == null || step.to().isBlank()) {
            return new Outcome.Refused("illegal-order", "a hand-over names the organisation taking the goods");
        }
        if (step.to().equals(at.holder())) {
            return new Outcome.Refused("illegal-order", step.to() + " already holds the goods");
        }
        return new Outcome.Moved(new Position(at.status(), at.stop(), step.to()), here);
    }

    private static Outcome outOfOrder(Position at, Step step) {
        return new Outcome.Refused("illegal-order", step.kind() + " cannot follow: the consignment is "
                + at.status() + " at stop " + at.stop());
    }
}

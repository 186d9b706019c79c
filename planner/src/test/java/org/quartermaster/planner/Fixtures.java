package org.quartermaster.planner;

import java.util.List;

/** A tiny hand-made world: one item, one origin, one destination, one lane of two weeks. */
final class Fixtures {

    private Fixtures() {
    }

    static Need need(String id, long quantity, Priority p, int due, long requestedAt) {
        return new Need(id, "AMMO", quantity, p, due, "KYIV", requestedAt);
    }

    static Offer offer(String id, long quantity, int week) {
        return new Offer(id, "AMMO", quantity, "RZESZOW", week, 0);
    }

    static PlanInput input(List<Need> needs, List<Offer> offers) {
        return new PlanInput(10, List.of(new Item("AMMO")), List.of(), needs, offers, List.of(),
                List.of(new Lane("RZESZOW", "KYIV", 2, 5)), List.of(), List.of());
    }
}

package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

/**
 * Random sequences of shipments, custody steps (right and wrong), departures with partial
 * quantities and receipts (right and wrong), seeded. After every step: per line received <=
 * shipped <= committed; lines on one offer never commit more than it; each need's delivered
 * quantity equals an independent count of signed receipts (no line counted twice); a refused
 * step leaves the journal and the shipment as they were.
 */
class ShipmentQuantitiesProperties {
    static final int ROUNDS = 12;
    static final int STEPS = 80;
    static final String[] ORGS = {"DON", "CAR", "REC"};
    static final String[] KINDS = {"HANDED_OVER", "DEPARTED", "ARRIVED_AT_HUB", "ARRIVED", "RECEIPT"};
    static final Actor A = Actor.SYSTEM;

    @Test
    void receivedNeverExceedsShippedNorShippedCommittedAndNothingCountsTwice() {
        long seed = Long.getLong("qm.seed", System.nanoTime());
        try (Quartermaster app = new Quartermaster(TestDatabases.sqlite())) {
            setUp(app);
            for (int round = 0; round < ROUNDS; round++) run(app, new Random(seed + round), round);
            assertThat(RECEIPTS[0]).as("some sequences reach a signed receipt").isGreaterThan(0);
            System.out.println("seed " + seed + ": " + RECEIPTS[0] + " receipts accepted in " + ROUNDS + " rounds");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " (rerun with -Dqm.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    static void setUp(Quartermaster app) {
        app.catalog().define(new DefineItem("BOX", "Box", "H87", null, null, Category.OTHER, false, List.of()), A);
        app.parties().register(new RegisterOrganisation("DON", "Donor", OrganisationKind.DONOR_STATE, "DEU", Set.of(), null), A);
        app.parties().register(new RegisterOrganisation("CAR", "Carrier", OrganisationKind.SUPPLIER, "POL", Set.of(), null), A);
        app.parties().register(new RegisterOrganisation("REC", "Recipient", OrganisationKind.RECIPIENT, "UKR", Set.of(), null), A);
        for (String l : List.of("ORIGIN", "HUB1", "HUB2", "DEST")) {
            app.parties().addLocation(new AddLocation(l, l, "POL", LocationKind.DEPOT, null), A);
        }
    }

    /** Expected delivered per need, counted independently from the receipts that were accepted. */
    private static final Map<String, Long> EXPECTED = new HashMap<>();

    static void run(Quartermaster app, Random r, int round) {
        Logistics logistics = app.logistics();
        List<String> needs = new ArrayList<>();
        List<String> offers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String need = app.needs().file(new FileNeed("REC", "BOX", 50 + r.nextInt(100), "P2", LocalDate.of(2030, 1, 1),
                    "DEST", null, Set.of(), true), A).publicId();
            needs.add(need);
            EXPECTED.putIfAbsent(need, 0L);
            Offer o = app.offers().make(new MakeOffer("DON", "BOX", 1 + r.nextInt(60), "NEW", "ORIGIN",
                    LocalDate.of(2026, 1, 1), "DONATION", false, null, false, r.nextBoolean() ? need : null, Set.of()), A);
            try {
                app.offers().act(o.publicId(), OfferRules.Action.ACCEPT, 1, A);
            } catch (Refused overCovered) {
                // the need is covered already: the offer stays OFFERED and lines on it must be refused
            }
            offers.add(o.publicId());
        }
        List<String> shipments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<PlanShipment.Line> lines = new ArrayList<>();
            for (int j = 0; j < 1 + r.nextInt(3); j++) {
                List<PlanShipment.Serves> serves = r.nextBoolean() ? List.of()
                        : List.of(new PlanShipment.Serves(needs.get(r.nextInt(needs.size())), (long) (1 + r.nextInt(40))));
                lines.add(new PlanShipment.Line(null, (long) (1 + r.nextInt(40)), "OFFER",
                        offers.get(r.nextInt(offers.size())), serves));
            }
            List<PlanShipment.Hub> hubs = r.nextBoolean() ? List.of(new PlanShipment.Hub("HUB1", null, null))
                    : List.of(new PlanShipment.Hub("HUB1", null, null), new PlanShipment.Hub("HUB2", null, null));
            try {
                shipments.add(logistics.plan(new PlanShipment("DON", "REC", "ORIGIN", "DEST", "ROAD",
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), hubs, lines,
                        Set.of()), A).publicId());
            } catch (InvalidField expected) {
                // over-committing an offer (or a share above the line) is refused: checked below by the invariant
            }
            check(app, needs, offers);
        }
        for (int step = 0; step < STEPS && !shipments.isEmpty(); step++) {
            String id = shipments.get(r.nextInt(shipments.size()));
            Shipment before = logistics.get(A, id);
            long journalBefore = app.journal().size();
            boolean accepted;
            try {
                accepted = act(logistics, r, before);
            } catch (Refused | InvalidField | AccessDenied e) {
                accepted = false;
            }
            Shipment after = logistics.get(A, id);
            if (!accepted) {
                assertThat(app.journal().size()).as("a refused step journals nothing").isEqualTo(journalBefore);
                assertThat(after).as("a refused step changes nothing").isEqualTo(before);
            } else if (after.status() == org.quartermaster.logistics.model.ShipmentStatus.RECEIVED
                    && before.status() != after.status()) {
                expectDeliveries(app, after);
            }
            assertThat(after.custodyCount()).isEqualTo(logistics.custody(A, id).size());
            check(app, needs, offers);
        }
    }

    /** One random step; true when the platform accepted it. */
    static boolean act(Logistics logistics, Random r, Shipment s) {
        // mostly the step the route expects next, so that shipments get through; otherwise any step
        String kind = r.nextInt(10) < 7 ? expectedNext(s) : KINDS[r.nextInt(KINDS.length)];
        // mostly the holder acts; sometimes someone else, who must be refused
        String by = r.nextInt(5) == 0 ? ORGS[r.nextInt(ORGS.length)] : s.position().holder();
        if (kind.equals("RECEIPT")) {
            List<ConfirmReceipt.Received> lines = new ArrayList<>();
            List<ReportDiscrepancy> problems = new ArrayList<>();
            for (Shipment.Line l : s.lines()) {
                long received = r.nextInt(10) == 0 ? l.shippedQuantity() + 1 : (long) r.nextInt((int) l.shippedQuantity() + 1);
                lines.add(new ConfirmReceipt.Received(l.no(), received));
                if (received < l.shippedQuantity() && r.nextBoolean()) {
                    problems.add(new ReportDiscrepancy(l.no(), "SHORT", l.shippedQuantity() - received
                            + (r.nextInt(8) == 0 ? 1 : 0), null, null, null, List.of()));
                }
            }
            logistics.receive(s.publicId(), new ConfirmReceipt(by, "Receiver", lines, problems), A);
            RECEIPTS[0]++;
            return true;
        }
        String to = kind.equals("HANDED_OVER") ? (s.status() == org.quartermaster.logistics.model.ShipmentStatus.ARRIVED
                && r.nextBoolean() ? "REC" : ORGS[r.nextInt(ORGS.length)]) : null;
        List<RecordCustody.Shipped> shipped = null;
        if (kind.equals("DEPARTED") && r.nextBoolean()) {
            shipped = s.lines().stream().map(l -> new RecordCustody.Shipped(l.no(),
                    (long) r.nextInt((int) l.quantity() + (r.nextInt(10) == 0 ? 2 : 1)))).toList();
        }
        logistics.record(s.publicId(), new RecordCustody(kind, by, "Person " + by, to, null, null, shipped), A);
        return true;
    }

    /** The step a well-behaved holder takes next (independent of the platform's rules). */
    static String expectedNext(Shipment s) {
        int last = s.stops().size() - 1;
        return switch (s.status()) {
            case PLANNED, AT_HUB -> "DEPARTED";
            case IN_TRANSIT -> s.position().stop() + 1 < last ? "ARRIVED_AT_HUB" : "ARRIVED";
            case ARRIVED -> s.position().holder().equals("REC") ? "RECEIPT" : "HANDED_OVER";
            case RECEIVED -> "RECEIPT";
        };
    }

    static final long[] RECEIPTS = {0};

    /** The independent count: each received line's units go to its needs in order, up to each share and need. */
    static void expectDeliveries(Quartermaster app, Shipment s) {
        for (Shipment.Line l : s.lines()) {
            long left = l.receivedQuantity();
            for (Shipment.NeedShare share : l.needs()) {
                long take = Math.min(left, share.quantity());
                left -= take;
                var need = app.needs().get(share.need());
                long room = need.quantity() - EXPECTED.get(share.need());
                EXPECTED.merge(share.need(), Math.min(take, room), Long::sum);
            }
        }
    }

    static void check(Quartermaster app, List<String> needs, List<String> offers) {
        Map<String, Long> committed = new HashMap<>();
        for (Shipment s : app.logistics().list(A, null, null, null, null, 500).items()) {
            for (Shipment.Line l : s.lines()) {
                assertThat(l.receivedQuantity()).as("received <= shipped").isBetween(0L, l.shippedQuantity());
                assertThat(l.shippedQuantity()).as("shipped <= committed").isBetween(0L, l.quantity());
                assertThat(l.counted()).as("a line counts once, at the receipt")
                        .isEqualTo(s.status() == org.quartermaster.logistics.model.ShipmentStatus.RECEIVED);
                committed.merge(l.fulfils().id(), l.quantity(), Long::sum);
            }
        }
        for (String o : offers) {
            assertThat(committed.getOrDefault(o, 0L)).as("lines on " + o).isLessThanOrEqualTo(app.offers().get(o).quantity());
        }
        for (String n : needs) {
            assertThat(app.needs().get(n).deliveredQuantity()).as("delivered to " + n).isEqualTo(EXPECTED.get(n));
        }
    }
}

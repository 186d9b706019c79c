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
import org.quartermaster.testing.ContractFixture;
import org.quartermaster.testing.MovableClock;
import org.quartermaster.testing.TestDatabases;

/**
 * Random sequences of shipments, custody steps (right and wrong), departures with partial
 * quantities and receipts (right and wrong), seeded. Lines fulfil offers, a framework contract
 * and a call-off under it. After every step: per line received <= shipped <= committed; lines on
 * one offer never commit more than it; what is on its way to a contract or call-off plus what it
 * has delivered never exceeds its quantity; each need's and each contract's and call-off's
 * delivered quantity equals an independent count of signed receipts, with one delivery record per
 * counted line (no line counted twice); a refused step leaves the journal and the shipment as
 * they were.
 */
class ShipmentQuantitiesProperties {
    static final int ROUNDS = 12;
    static final int STEPS = 80;
    static final String[] ORGS = {"DON", "CAR", "REC"};
    static final String[] KINDS = {"HANDED_OVER", "DEPARTED", "ARRIVED_AT_HUB", "ARRIVED", "RECEIPT"};
    static final Actor A = Actor.SYSTEM;
    /** The framework contract DON buys from CAR (400 boxes) and a call-off of 150 under it. */
    static String contract;
    static String callOff;
    /** Units received per contract or call-off, counted independently; and the lines counted. */
    static final Map<String, Long> EXPECTED_CONTRACTS = new HashMap<>();
    static final List<String> COUNTED_LINES = new ArrayList<>();

    @Test
    void receivedNeverExceedsShippedNorShippedCommittedAndNothingCountsTwice() {
        long seed = Long.getLong("qm.seed", System.nanoTime());
        MovableClock clock = new MovableClock(Instant.parse("2026-01-05T08:00:00Z"));
        try (Quartermaster app = new Quartermaster(TestDatabases.open(TestDatabases.Kind.SQLITE, clock))) {
            setUp(app, clock);
            for (int round = 0; round < ROUNDS; round++) run(app, new Random(seed + round), round);
            assertThat(RECEIPTS[0]).as("some sequences reach a signed receipt").isGreaterThan(0);
            assertThat(COUNTED_LINES).as("some receipts count on the contract or its call-off").isNotEmpty();
            System.out.println("seed " + seed + ": " + RECEIPTS[0] + " receipts accepted in " + ROUNDS + " rounds, "
                    + COUNTED_LINES.size() + " lines counted on the contract or its call-off");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " (rerun with -Dqm.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    static void setUp(Quartermaster app, MovableClock clock) {
        app.catalog().define(new DefineItem("BOX", "Box", "H87", null, null, Category.OTHER, false, List.of()), A);
        app.parties().register(new RegisterOrganisation("DON", "Donor", OrganisationKind.DONOR_STATE, "DEU", Set.of(), null), A);
        app.parties().register(new RegisterOrganisation("CAR", "Carrier", OrganisationKind.SUPPLIER, "POL", Set.of(), null), A);
        app.parties().register(new RegisterOrganisation("REC", "Recipient", OrganisationKind.RECIPIENT, "UKR", Set.of(), null), A);
        for (String l : List.of("ORIGIN", "HUB1", "HUB2", "DEST")) {
            app.parties().addLocation(new AddLocation(l, l, "POL", LocationKind.DEPOT, null), A);
        }
        contract = ContractFixture.sign(app, clock, "DON", "CAR", "BOX", 400, true).publicId();
        callOff = ContractFixture.callOff(app, contract, 150, LocalDate.of(2026, 2, 1)).publicId();
        EXPECTED_CONTRACTS.put(contract, 0L);
        EXPECTED_CONTRACTS.put(callOff, 0L);
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
                int pick = r.nextInt(6); // a third of the lines on the contract or its call-off
                String kind = pick == 0 ? "CONTRACT" : pick == 1 ? "CALL_OFF" : "OFFER";
                String ref = pick == 0 ? contract : pick == 1 ? callOff : offers.get(r.nextInt(offers.size()));
                lines.add(new PlanShipment.Line(null, (long) (1 + r.nextInt(40)), kind, ref, serves));
            }
            List<PlanShipment.Hub> hubs = r.nextBoolean() ? List.of(new PlanShipment.Hub("HUB1", null, null))
                    : List.of(new PlanShipment.Hub("HUB1", null, null), new PlanShipment.Hub("HUB2", null, null));
            try {
                shipments.add(logistics.plan(new PlanShipment("DON", "REC", "ORIGIN", "DEST", "ROAD",
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), hubs, lines,
                        Set.of()), A).publicId());
            } catch (InvalidField expected) {
                // over-committing an offer or contract (or a share above the line) is refused: checked below
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
            if (l.fulfils().kind() != Fulfilment.Kind.OFFER && l.receivedQuantity() > 0) {
                EXPECTED_CONTRACTS.merge(l.fulfils().id(), l.receivedQuantity(), Long::sum);
                COUNTED_LINES.add("shipment " + s.publicId() + " line " + l.no());
            }
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
        checkContracts(app);
    }

    /**
     * The contract and its call-off against the independent count: delivered equals what the
     * receipts confirmed on their lines (a call-off's on its contract too), one delivery record
     * per counted line; on the way plus delivered never above the quantity.
     */
    static void checkContracts(Quartermaster app) {
        var k = app.procurement().contract(contract, A);
        var o = app.procurement().callOff(callOff, A);
        long viaCallOff = EXPECTED_CONTRACTS.get(callOff);
        assertThat(o.deliveredQuantity()).as("delivered on " + callOff).isEqualTo(viaCallOff);
        assertThat(k.deliveredQuantity()).as("delivered on " + contract).isEqualTo(EXPECTED_CONTRACTS.get(contract) + viaCallOff);
        var recorded = app.procurement().deliveries(contract, A);
        assertThat(recorded).extracting(org.quartermaster.procurement.model.Delivery::reference)
                .as("one delivery per counted line").containsExactlyInAnyOrderElementsOf(COUNTED_LINES);
        Map<String, Long> onTheWay = new HashMap<>();
        for (Shipment s : app.logistics().list(A, null, null, null, null, 500).items()) {
            for (Shipment.Line l : s.lines()) {
                if (l.fulfils().kind() == Fulfilment.Kind.OFFER || l.counted()) continue;
                long units = s.status() == org.quartermaster.logistics.model.ShipmentStatus.PLANNED ? l.quantity()
                        : l.shippedQuantity();
                onTheWay.merge(l.fulfils().id(), units, Long::sum);
            }
        }
        long toCallOff = onTheWay.getOrDefault(callOff, 0L);
        assertThat(toCallOff + o.deliveredQuantity()).as("on its way to and delivered on " + callOff)
                .isLessThanOrEqualTo(o.quantity());
        assertThat(onTheWay.getOrDefault(contract, 0L) + toCallOff + k.deliveredQuantity())
                .as("on its way to and delivered on " + contract).isLessThanOrEqualTo(k.quantity());
    }
}

package org.quartermaster.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quartermaster.logistics.Absorptions;
import org.quartermaster.logistics.ConfirmReceipt;
import org.quartermaster.logistics.Logistics;
import org.quartermaster.logistics.PlanShipment;
import org.quartermaster.logistics.RecordCustody;
import org.quartermaster.logistics.ReportDiscrepancy;
import org.quartermaster.logistics.SetAbsorption;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.oversight.AskQuestion;
import org.quartermaster.oversight.Oversight;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.shared.Actor;

/**
 * Shipments for the demo world: accepted offers pledged to needs are shipped from their origin
 * through one or two hubs to the need's destination, and taken a seeded number of custody steps
 * along (some planned, some on the way, some overdue, some received with a shortfall). Also sets
 * a few absorption capacities and asks a question or two.
 */
public final class DemoShipments {
    /** Shipments the demo plans at most: enough to fill the board, few enough to load in seconds. */
    public static final int SHIPMENTS_MAX = 40;

    private DemoShipments() {}

    public record Loaded(int shipments, int custodySteps, int receipts) {}

    public static Loaded load(Logistics logistics, Absorptions absorptions, Oversight oversight, Offers offers,
                              Needs needs, Parties parties, long seed) {
        Random r = new Random(seed);
        Actor a = Actor.SYSTEM;
        List<String> hubs = parties.allLocations().stream().filter(l -> l.code().startsWith("HUB-"))
                .map(Location::code).toList();
        List<String> carriers = parties.allOrganisations().stream()
                .filter(o -> o.kind() == OrganisationKind.SUPPLIER || o.kind() == OrganisationKind.COORDINATION_BODY)
                .map(o -> o.code()).toList();
        if (hubs.isEmpty() || carriers.isEmpty()) return new Loaded(0, 0, 0);
        List<Offer> pledged = new ArrayList<>(offers.list(new OfferFilter("ACCEPTED", null, null, null), null, 500).items());
        pledged.removeIf(o -> o.need() == null);
        int planned = 0, steps = 0, receipts = 0;
        Instant now = Instant.now();
        for (Offer o : pledged) {
            if (planned >= SHIPMENTS_MAX) break;
            Need need = needs.get(o.need());
            if (need.destination().equals(o.origin())) continue;
            List<PlanShipment.Hub> route = new ArrayList<>();
            for (String hub : hubs) if (route.size() < 1 + r.nextInt(2) && r.nextBoolean()) route.add(new PlanShipment.Hub(hub, null, null));
            if (route.isEmpty()) route.add(new PlanShipment.Hub(hubs.get(r.nextInt(hubs.size())), null, null));
            Instant departure = now.minus(Duration.ofDays(r.nextInt(20)));
            Instant arrival = departure.plus(Duration.ofDays(3 + r.nextInt(12)));
            Shipment s = logistics.plan(new PlanShipment(o.donor(), need.requester(), o.origin(), need.destination(),
                    r.nextBoolean() ? "ROAD" : "RAIL", departure, arrival, route,
                    List.of(new PlanShipment.Line(null, o.quantity(), "OFFER", o.publicId(), List.of())), Set.of()), a);
            planned++;
            int stage = r.nextInt(10); // 0-1 planned, 2-5 on the way, 6 arrived, 7-9 received
            if (stage < 2) continue;
            String carrier = carriers.get(r.nextInt(carriers.size()));
            List<String[]> chain = new ArrayList<>();
            chain.add(new String[] {"HANDED_OVER", o.donor(), carrier});
            chain.add(new String[] {"DEPARTED", carrier, null});
            for (int h = 0; h < route.size(); h++) {
                chain.add(new String[] {"ARRIVED_AT_HUB", carrier, null});
                chain.add(new String[] {"DEPARTED", carrier, null});
            }
            chain.add(new String[] {"ARRIVED", carrier, null});
            chain.add(new String[] {"HANDED_OVER", carrier, need.requester()});
            int taken = stage <= 5 ? 2 + r.nextInt(chain.size() - 3) : chain.size();
            for (String[] e : chain.subList(0, taken)) {
                logistics.record(s.publicId(), new RecordCustody(e[0], e[1], "Demo " + e[1], e[2], null, null, null), a);
                steps++;
            }
            if (stage < 7) continue;
            long short_ = r.nextInt(3) == 0 ? Math.min(o.quantity(), 1 + r.nextInt((int) Math.min(10, o.quantity()))) : 0;
            List<ReportDiscrepancy> problems = short_ == 0 ? List.of()
                    : List.of(new ReportDiscrepancy(1, "SHORT", short_, "missing on arrival", null, null, List.of()));
            logistics.receive(s.publicId(), new ConfirmReceipt(need.requester(), "Demo receiver",
                    List.of(new ConfirmReceipt.Received(1, o.quantity() - short_)), problems), a);
            receipts++;
            if (short_ > 0 && receipts <= 3) {
                oversight.ask(new AskQuestion(s.publicId(), "Where are the " + short_ + " missing units?", o.donor(),
                        need.requester(), "Demo receiver"), a);
            }
        }
        java.util.Map<String, String> holders = new java.util.HashMap<>();
        for (Location l : parties.allLocations()) if (l.organisation() != null) holders.put(l.code(), l.organisation());
        for (Offer o : pledged.subList(0, Math.min(5, pledged.size()))) {
            Need need = needs.get(o.need());
            // a held destination's capacity is its holder's to say; otherwise the receiving organisation's
            absorptions.set(new SetAbsorption(holders.getOrDefault(need.destination(), need.requester()),
                    need.destination(), need.item(),
                    (long) (1 + r.nextInt(Math.max(1, (int) Math.min(1_000, need.quantity())))), null), a);
        }
        return new Loaded(planned, steps, receipts);
    }

    /** What {@link #againstCallOffs} shipped: consignments, and how many of them were received. */
    public record OnCallOffs(int shipments, int receipts) {}

    /**
     * Consignments against the joint purchase's call-offs: each winner ships part of what a call-off
     * leaves undelivered from its plant (or the buyer's depot) through Rzeszów to the oldest open
     * Ukrainian need for the same item, which the line serves (to Lviv when there is none). The first two are signed for, one of them short, so
     * their contracts' schedules show deliveries against the weeks already late; the third is on
     * its way; the fourth is only planned.
     */
    public static OnCallOffs againstCallOffs(Logistics logistics, Procurement procurement, Needs needs, Parties parties,
                                             List<String> contracts, long seed) {
        Random r = new Random(seed);
        Actor a = Actor.SYSTEM;
        Instant now = Instant.now();
        List<Location> places = parties.allLocations();
        int shipped = 0, received = 0;
        for (String id : contracts) {
            Contract k = procurement.contract(id, a);
            for (CallOff o : procurement.callOffs(id, a)) {
                long left = o.quantity() - o.deliveredQuantity();
                String origin = places.stream().filter(l -> o.supplier().equals(l.organisation())).map(Location::code)
                        .findFirst().orElse(places.stream().filter(l -> k.buyer().equals(l.organisation()))
                                .map(Location::code).findFirst().orElse(null));
                if (left < 2 || origin == null) continue;
                long quantity = left / 2;
                // the oldest open need for the item, if any, is served; otherwise the goods go to Lviv
                Need need = needs.list(new NeedFilter("OPEN", k.item(), null, null, null, null), a, null, 1).items()
                        .stream().findFirst().orElse(null);
                String receiver = need == null ? DemoWorld.RECIPIENT : need.requester();
                String destination = need == null ? "UKR-DEPOT-LVIV" : need.destination();
                List<PlanShipment.Serves> serves = List.of();
                if (need != null && need.quantity() > need.deliveredQuantity()) {
                    serves = List.of(new PlanShipment.Serves(need.publicId(),
                            Math.min(quantity, need.quantity() - need.deliveredQuantity())));
                }
                Instant departure = now.minus(Duration.ofDays(6 + r.nextInt(4)));
                Shipment s = logistics.plan(new PlanShipment(o.supplier(), receiver, origin, destination, "RAIL",
                        departure, departure.plus(Duration.ofDays(4)), List.of(new PlanShipment.Hub("HUB-RZESZOW",
                        null, null)), List.of(new PlanShipment.Line(null, quantity, "CALL_OFF", o.publicId(), serves)),
                        Set.of()), a);
                shipped++;
                if (shipped > 3) continue; // planned only
                String[][] chain = {{"DEPARTED", o.supplier(), null}, {"ARRIVED_AT_HUB", o.supplier(), null},
                        {"DEPARTED", o.supplier(), null}, {"ARRIVED", o.supplier(), null},
                        {"HANDED_OVER", o.supplier(), receiver}};
                int taken = shipped == 3 ? 3 : chain.length;
                for (String[] e : java.util.Arrays.copyOf(chain, taken)) {
                    logistics.record(s.publicId(), new RecordCustody(e[0], e[1], "Demo " + e[1], e[2], null, null,
                            null), a);
                }
                if (shipped == 3) continue; // on its way
                long short_ = shipped == 1 ? Math.max(1, quantity / 20) : 0;
                List<ReportDiscrepancy> problems = short_ == 0 ? List.of()
                        : List.of(new ReportDiscrepancy(1, "SHORT", short_, "pallet missing on arrival", null, null,
                                List.of()));
                logistics.receive(s.publicId(), new ConfirmReceipt(receiver, "Demo receiver",
                        List.of(new ConfirmReceipt.Received(1, quantity - short_)), problems), a);
                received++;
            }
        }
        return new OnCallOffs(shipped, received);
    }
}

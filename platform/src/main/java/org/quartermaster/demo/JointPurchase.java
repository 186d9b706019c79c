package org.quartermaster.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.ProcurementCommands.*;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.shared.Actor;

/**
 * The demo's joint purchase: a dozen states buy 155 mm HE projectiles (CPV 35331200-5, Shells)
 * together under a framework agreement led by Poland; three suppliers bid sealed; two officers
 * of the lead buyer open; contracts per buyer are called off and the first deliveries recorded.
 * The demo runs in real time, so its cut-off and deadline are seconds away and its standstill is
 * zero days (a real one is ten or more).
 */
public final class JointPurchase {
    public static final String ITEM = "AMMO-155-HE-M107";
    public static final String LEAD = "POL-MOD";
    public static final List<String> BUYERS = List.of("POL-MOD", "DEU-MOD", "FRA-MOD", "NLD-MOD", "DNK-MOD", "NOR-MOD",
            "SWE-MOD", "FIN-MOD", "CZE-MOD", "EST-MOD", "LVA-MOD", "LTU-MOD");
    public static final List<String> SUPPLIERS = List.of("SUP-RHEINMARK", "SUP-NEXARM", "SUP-NAMMOS");
    /** Estimate per projectile: EUR 3,800.00. */
    static final long ESTIMATE_MINOR = 380_000;
    static final Duration COMMIT_WINDOW = Duration.ofSeconds(8);
    static final Duration BID_WINDOW = Duration.ofSeconds(3);

    private JointPurchase() {}

    /** What the demo made: the procedure and its contracts. */
    public record Made(String procedure, List<String> contracts, int callOffs) {}

    public static Made run(Procurement procurement, long seed) throws InterruptedException {
        java.util.Random random = new java.util.Random(seed);
        Actor officer1 = new Actor("pol-officer-1", LEAD, Set.of(), Set.of("PROCUREMENT_OFFICER"));
        Actor officer2 = new Actor("pol-officer-2", LEAD, Set.of(), Set.of("PROCUREMENT_OFFICER"));
        Instant now = Instant.now();
        Procedure p = procurement.open(new OpenProcedure(LEAD, "Joint purchase of 155 mm HE projectiles (framework)",
                "FRAMEWORK", "WEIGHTED", List.of(new CriterionSpec("price", 6_000), new CriterionSpec("delivery", 2_500),
                        new CriterionSpec("quality", 1_500)), "EUR", false, 2_000, 0, now.plus(COMMIT_WINDOW),
                now.plus(COMMIT_WINDOW).plus(BID_WINDOW), List.of(new LotSpec(ITEM, "155 mm HE M107 projectiles",
                        ESTIMATE_MINOR)), null), officer1);
        String id = p.publicId();
        for (String buyer : BUYERS) {
            long quantity = 5_000L + 1_000L * random.nextInt(20);
            procurement.join(id, new Join(buyer, quantity * ESTIMATE_MINOR + 10_000_000_000L,
                    buyer.equals("DEU-MOD") ? "European Peace Facility reimbursement" : "national defence budget 2026"),
                    officer1);
            procurement.commit(id, new Commit(buyer, 1, quantity), Actor.SYSTEM);
        }
        for (String supplier : SUPPLIERS) procurement.vet(supplier, new Eligibility(true, false, null), Actor.SYSTEM);
        sleepUntil(p.commitUntil());
        p = procurement.get(id, officer1);
        p = procurement.publish(id, new Publish("Framework agreement for 155 mm HE projectiles, M107 or equivalent, "
                + "deliveries over 52 weeks; call-offs by each participating state.", p.version()), officer1);
        procurement.ask(id, new Ask("SUP-NEXARM", "Is an equivalent NATO projectile (e.g. LU211) acceptable?"), Actor.SYSTEM);
        procurement.answer(id, "Q-000001", new Answer("Yes, if qualified to STANAG 4425 and AOP-29."), officer1);
        long[] prices = {372_000, 389_000, 366_000};
        int[] weeks = {20, 12, 30};
        for (int i = 0; i < SUPPLIERS.size(); i++) {
            procurement.submitBid(id, new SubmitBid(SUPPLIERS.get(i), 1, prices[i], weeks[i],
                    "ramp-up to " + (10 + 5 * i) + "k per month"), Actor.SYSTEM);
        }
        sleepUntil(p.bidsUntil());
        p = procurement.requestOpening(id, p.version(), officer1);
        p = procurement.confirmOpening(id, p.version(), officer2);
        int[][] scores = {{70, 85, 80, 90}, {90, 80, 95, 85}, {40, 90, 45, 80}}; // delivery, quality per evaluator
        for (int i = 0; i < SUPPLIERS.size(); i++) {
            String bid = "BID-" + String.format("%06d", i + 1);
            procurement.score(id, new Score(bid, "delivery", scores[i][0]), officer1);
            procurement.score(id, new Score(bid, "quality", scores[i][1]), officer1);
            procurement.score(id, new Score(bid, "delivery", scores[i][2]), officer2);
            procurement.score(id, new Score(bid, "quality", scores[i][3]), officer2);
        }
        p = procurement.evaluate(id, p.version(), officer1);
        p = procurement.award(id, p.version(), officer1);
        List<Contract> contracts = procurement.conclude(id, p.version(), officer1);
        return new Made(id, contracts.stream().map(Contract::publicId).toList(), callOffs(procurement, contracts, random));
    }

    /** Schedules, a prepayment, call-offs and first deliveries on a few of the contracts. */
    private static int callOffs(Procurement procurement, List<Contract> contracts, java.util.Random random) {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        int made = 0;
        for (Contract k : contracts.subList(0, Math.min(4, contracts.size()))) {
            Actor buyer = new Actor("officer", k.buyer(), Set.of(), Set.of("PROCUREMENT_OFFICER"));
            List<WeekSpec> schedule = new ArrayList<>();
            long per = k.quantity() / 10;
            for (int w = 0; w < 10; w++) schedule.add(new WeekSpec(monday.minusWeeks(2).plusWeeks(w * 4L), per));
            long prepayment = k.valueMinor() / 5;
            procurement.changeContract(k.publicId(), new ChangeContract(schedule, List.of(
                    new MilestoneSpec("PREPAYMENT", prepayment, monday.minusWeeks(3)),
                    new MilestoneSpec("DELIVERY", k.valueMinor() - prepayment, monday.plusWeeks(40))),
                    null, "Delivery schedule and payment plan agreed at signature", k.version()), buyer);
            var callOff = procurement.callOff(k.publicId(), new PlaceCallOff(k.buyer(), per * 3, monday.plusWeeks(8)), buyer);
            made++;
            Contract current = procurement.contract(k.publicId(), Actor.SYSTEM);
            procurement.payMilestone(k.publicId(), current.milestones().get(0).id(), current.version(), buyer);
            long delivered = made == 1 ? per / 2 : per; // the first one falls behind after its prepayment
            procurement.recordDelivery(callOff.publicId(), new RecordDelivery(delivered, monday.minusWeeks(1),
                    "CMR demo " + made + "-" + random.nextInt(1000)), Actor.SYSTEM);
        }
        return made;
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long wait = moment.toEpochMilli() - System.currentTimeMillis() + 50;
        if (wait > 0) Thread.sleep(wait);
    }
}

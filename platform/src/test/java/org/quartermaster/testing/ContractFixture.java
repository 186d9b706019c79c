package org.quartermaster.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.ProcurementCommands.ChangeContract;
import org.quartermaster.procurement.ProcurementCommands.Commit;
import org.quartermaster.procurement.ProcurementCommands.Eligibility;
import org.quartermaster.procurement.ProcurementCommands.Join;
import org.quartermaster.procurement.ProcurementCommands.LotSpec;
import org.quartermaster.procurement.ProcurementCommands.OpenProcedure;
import org.quartermaster.procurement.ProcurementCommands.PlaceCallOff;
import org.quartermaster.procurement.ProcurementCommands.Publish;
import org.quartermaster.procurement.ProcurementCommands.SubmitBid;
import org.quartermaster.procurement.ProcurementCommands.WeekSpec;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.shared.Actor;

/**
 * Real contracts for suites about what follows one (shipments, deliveries, lateness): a minimal
 * procedure through the procurement facade, one buyer, one sealed bid, opened by two of the
 * buyer's officers, awarded with no standstill and signed. The platform's clock must be
 * {@code clock}, which the fixture moves past the cut-off and the bid deadline (about two hours).
 * The buyer and the item must exist; the supplier must be a registered SUPPLIER organisation.
 */
public final class ContractFixture {
    /** Unit price of every fixture bid, minor units: EUR 10.00. */
    public static final long UNIT_PRICE_MINOR = 1_000;

    private ContractFixture() {}

    /** A procurement officer of {@code organisation} (two different people open the bids). */
    public static Actor officer(String name, String organisation) {
        return new Actor(name, organisation, Set.of(), Set.of("PROCUREMENT_OFFICER"));
    }

    /** Signs a contract of {@code buyer} with {@code supplier} for {@code quantity} of {@code item}. */
    public static Contract sign(Quartermaster app, MovableClock clock, String buyer, String supplier, String item,
                                long quantity, boolean framework) {
        Procurement p = app.procurement();
        Actor first = officer("fixture-officer-1", buyer);
        Actor second = officer("fixture-officer-2", buyer);
        p.vet(supplier, new Eligibility(true, false, null), Actor.SYSTEM);
        Instant now = clock.instant();
        Procedure opened = p.open(new OpenProcedure(buyer, "Fixture purchase of " + item, framework ? "FRAMEWORK" : "OPEN",
                "LOWEST_PRICE", null, "EUR", false, 2_000, 0, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)),
                List.of(new LotSpec(item, null, UNIT_PRICE_MINOR)), null), first);
        String id = opened.publicId();
        p.join(id, new Join(buyer, Math.multiplyExact(quantity, UNIT_PRICE_MINOR), "fixture budget"), first);
        p.commit(id, new Commit(buyer, 1, quantity), first);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        p.publish(id, new Publish("Fixture notice", p.get(id, first).version()), first);
        p.submitBid(id, new SubmitBid(supplier, 1, UNIT_PRICE_MINOR, 4, null), Actor.SYSTEM);
        clock.advance(Duration.ofHours(1));
        p.requestOpening(id, p.get(id, first).version(), first);
        p.confirmOpening(id, p.get(id, second).version(), second);
        p.evaluate(id, p.get(id, first).version(), first);
        p.award(id, p.get(id, first).version(), first);
        clock.advance(Duration.ofMinutes(1));
        List<Contract> signed = p.conclude(id, p.get(id, first).version(), first);
        if (signed.size() != 1) throw new IllegalStateException("one buyer, one lot: one contract, not " + signed);
        return signed.get(0);
    }

    /** Replaces the contract's delivery schedule: week starts (Mondays) and quantities, in pairs. */
    public static Contract schedule(Quartermaster app, String contract, Object... weeksAndQuantities) {
        Contract k = app.procurement().contract(contract, Actor.SYSTEM);
        List<WeekSpec> weeks = new java.util.ArrayList<>();
        for (int i = 0; i < weeksAndQuantities.length; i += 2) {
            weeks.add(new WeekSpec((LocalDate) weeksAndQuantities[i], ((Number) weeksAndQuantities[i + 1]).longValue()));
        }
        return app.procurement().changeContract(contract, new ChangeContract(weeks, null, null,
                "Delivery schedule agreed at signature", k.version()), officer("fixture-officer-1", k.buyer()));
    }

    /** Calls off {@code quantity} under a framework contract for its buyer, due on {@code dueOn}. */
    public static CallOff callOff(Quartermaster app, String contract, long quantity, LocalDate dueOn) {
        Contract k = app.procurement().contract(contract, Actor.SYSTEM);
        return app.procurement().callOff(contract, new PlaceCallOff(k.buyer(), quantity, dueOn),
                officer("fixture-officer-1", k.buyer()));
    }
}

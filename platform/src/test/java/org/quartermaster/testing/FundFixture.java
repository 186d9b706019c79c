package org.quartermaster.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.funds.FundCommands;
import org.quartermaster.funds.TransferOutcome;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules.Action;
import org.quartermaster.shared.Actor;

/**
 * A collective fund on top of the {@link UiFixture} world, loaded through the facades: EPF in EUR
 * with five members (GBR-MOD abstains constructively), a non-lethal call of 1,000,000.00 and a
 * lethal call of 500,000.00 partly paid, a measure per envelope with commitments, a reimbursed
 * delivered donation, a milestone payment, and EUR/USD reference rates. Amounts below are minor units.
 */
public final class FundFixture {
    public static final String FUND = "EPF";
    public static final long CALL_NON_LETHAL_MINOR = 100_000_000L;
    public static final long CALL_LETHAL_MINOR = 50_000_000L;
    /** Basis points: 3,500 + 2,500 + 1,500 + 1,500 + 1,000 = 10,000. */
    public static final List<FundCommands.KeyShare> KEY = List.of(
            new FundCommands.KeyShare("DEU-MOD", 3500, false), new FundCommands.KeyShare("FRA-MOD", 2500, false),
            new FundCommands.KeyShare("POL-MOD", 1500, false), new FundCommands.KeyShare("NLD-MOD", 1500, false),
            new FundCommands.KeyShare("GBR-MOD", 1000, true));
    public static final String RATES = """
            base,quote,date,rate
            EUR,USD,2026-11-20,1.0800
            EUR,USD,2026-11-27,1.0842
            """;
    private static final Actor ACTOR = Actor.SYSTEM;

    /** What was loaded: the reimbursed offer and a delivered lethal donation not yet claimed. */
    public record Loaded(Offer reimbursed, Offer lethalDelivered) {}

    private FundFixture() {}

    public static Loaded load(Quartermaster app, UiFixture.World world) {
        app.rates().importCsv(RATES, ACTOR);
        var funds = app.funds();
        funds.create(new FundCommands.CreateFund(FUND, "European Peace Facility", "EUR"), ACTOR);
        funds.setKey(new FundCommands.SetKey(FUND, KEY), ACTOR);
        funds.call(new FundCommands.CallContributions("CALL-1", FUND, "NON_LETHAL", CALL_NON_LETHAL_MINOR), ACTOR);
        funds.call(new FundCommands.CallContributions("CALL-2", FUND, "LETHAL", CALL_LETHAL_MINOR), ACTOR);
        for (String paid : List.of("CALL-1.DEU-MOD", "CALL-1.FRA-MOD", "CALL-1.POL-MOD", "CALL-2.DEU-MOD",
                "CALL-2.GBR-MOD")) {
            done(app.ledger().post(paid, ACTOR));
        }
        funds.createMeasure(new FundCommands.CreateMeasure("M-NL-1", FUND, "NON_LETHAL", 60_000_000L), ACTOR);
        funds.createMeasure(new FundCommands.CreateMeasure("M-L-1", FUND, "LETHAL", 30_000_000L), ACTOR);
        done(funds.commit(new FundCommands.Commit("COM-1", "M-NL-1", 40_000_000L), ACTOR));
        done(app.ledger().post("COM-1", ACTOR));
        done(funds.commit(new FundCommands.Commit("COM-2", "M-L-1", 10_000_000L, "AMMO-155-HE", null), ACTOR));
        Offer fuel = world.offers().stream().filter(o -> o.status().name().equals("DELIVERED")
                && o.terms().name().equals("DONATION")).findFirst().orElseThrow();
        done(funds.claim(new FundCommands.ClaimReimbursement("CLAIM-1", "M-NL-1", fuel.publicId(), 5_000_000L, 8000),
                ACTOR));
        done(funds.pay(new FundCommands.PayMilestone("PAY-1", "M-NL-1", "C-2026-7", "M1", "SUP-DRONES", 10_000_000L,
                false, 30_000_000L, 0), ACTOR));
        return new Loaded(fuel, deliveredDonation(app, "DEU-MOD", "AMMO-155-HE"));
    }

    /** A donation of {@code item} by {@code donor}, walked to DELIVERED. */
    public static Offer deliveredDonation(Quartermaster app, String donor, String item) {
        Offer o = app.offers().make(new MakeOffer(donor, item, 100, "NEW", "DE-GRF-DEPOT", LocalDate.of(2026, 12, 1),
                "DONATION", false, null, true, null, Set.of("NATO")), ACTOR);
        for (Action step : List.of(Action.ACCEPT, Action.COMMIT, Action.SHIP, Action.DELIVER)) {
            o = app.offers().act(o.publicId(), step, o.version(), ACTOR);
        }
        return o;
    }

    private static void done(TransferOutcome o) {
        if (!(o instanceof TransferOutcome.Created)) throw new AssertionError("fixture step not made: " + o);
    }
}

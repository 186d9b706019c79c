package org.quartermaster.demo;

import java.util.ArrayList;
import java.util.List;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.demo.Scenario.PlannedNeed;
import org.quartermaster.demo.Scenario.PlannedOffer;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedRules;
import org.quartermaster.offers.ActOnOffer;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.shared.Actor;

/**
 * Loads a {@link Scenario} through the facades, so every record is validated and journalled as
 * if a client had entered it. Needs, offers and lifecycle steps go in batches: one transaction
 * per record would spend the load time on commits.
 */
public final class ScenarioLoader {
    /** Records per transaction when loading needs, offers and steps. */
    static final int BATCH_SIZE = 500;

    private final Catalog catalog;
    private final Parties parties;
    private final Needs needs;
    private final Offers offers;
    private final org.quartermaster.funds.Funds funds;
    private final org.quartermaster.funds.ExchangeRates rates;
    private final Progress progress;
    private final List<String> offerIds = new ArrayList<>();

    /** Told after each batch how far a phase has come (e.g. for a progress line). */
    @FunctionalInterface
    public interface Progress {
        void advanced(String phase, int done, int total);

        Progress SILENT = (phase, done, total) -> {};
    }

    /** What was loaded; {@code fundMembers} and {@code fundClaims} are 0 without a fund. */
    public record Loaded(int organisations, int locations, int items, int needs, int offers, int steps,
                         int fundMembers, int fundClaims) {}

    /** A loader without funds: a scenario's fund plan is skipped. */
    public ScenarioLoader(Catalog catalog, Parties parties, Needs needs, Offers offers, Progress progress) {
        this(catalog, parties, needs, offers, null, null, progress);
    }

    public ScenarioLoader(Catalog catalog, Parties parties, Needs needs, Offers offers,
                          org.quartermaster.funds.Funds funds, org.quartermaster.funds.ExchangeRates rates,
                          Progress progress) {
        this.catalog = catalog;
        this.parties = parties;
        this.needs = needs;
        this.offers = offers;
        this.funds = funds;
        this.rates = rates;
        this.progress = progress;
    }

    /** Loads {@code scenario} into an empty database; any refusal is a bug in the generator. */
    public Loaded load(Scenario scenario) {
        for (RegisterOrganisation o : scenario.organisations()) {
            parties.register(o, actor(DemoWorld.COORDINATOR));
        }
        progress.advanced("organisations", scenario.organisations().size(), scenario.organisations().size());
        for (AddLocation l : scenario.locations()) {
            parties.addLocation(l, actor(l.organisation() == null ? DemoWorld.COORDINATOR : l.organisation()));
        }
        progress.advanced("locations", scenario.locations().size(), scenario.locations().size());
        defineItems(scenario.items());
        List<String> needIds = fileNeeds(scenario.needs());
        int steps = makeOffers(scenario.offers(), needIds);
        int claims = 0;
        FundPlan plan = scenario.fund();
        if (plan != null && funds != null) claims = new FundLoader(funds, rates, catalog, offers).load(plan, offerIds);
        progress.advanced("fund", claims, claims);
        return new Loaded(scenario.organisations().size(), scenario.locations().size(), scenario.items().size(),
                needIds.size(), scenario.offers().size(), steps, plan != null && funds != null ? plan.key().size() : 0,
                claims);
    }

    /** Items first without links, then the links: compatibility may run both ways (155 mm rounds). */
    private void defineItems(List<DefineItem> items) {
        Actor actor = actor(DemoWorld.COORDINATOR);
        for (DefineItem i : items) {
            catalog.define(new DefineItem(i.code(), i.name(), i.unit(), i.nsn(), i.cpv(), i.category(), i.lethal(),
                    List.of()), actor);
        }
        for (DefineItem i : items) {
            if (i.compatibleWith().isEmpty()) continue;
            Item stored = catalog.get(i.code());
            catalog.change(i.code(), i, stored.version(), actor);
        }
        progress.advanced("items", items.size(), items.size());
    }

    private List<String> fileNeeds(List<PlannedNeed> planned) {
        List<String> ids = new ArrayList<>(planned.size());
        Actor actor = actor(DemoWorld.RECIPIENT);
        for (int from = 0; from < planned.size(); from += BATCH_SIZE) {
            List<FileNeed> batch = planned.subList(from, Math.min(planned.size(), from + BATCH_SIZE)).stream()
                    .map(PlannedNeed::command).toList();
            for (Need n : needs.fileAll(batch, actor)) ids.add(n.publicId());
            progress.advanced("needs", ids.size(), planned.size());
        }
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).cancel()) needs.act(ids.get(i), NeedRules.Action.CANCEL, 1, actor);
        }
        progress.advanced("cancellations", planned.size(), planned.size());
        return ids;
    }

    /** Makes the offers, then takes their lifecycle steps; returns the number of steps taken. */
    private int makeOffers(List<PlannedOffer> planned, List<String> needIds) {
        List<ActOnOffer> steps = new ArrayList<>();
        int made = 0;
        for (int from = 0; from < planned.size(); from += BATCH_SIZE) {
            List<PlannedOffer> slice = planned.subList(from, Math.min(planned.size(), from + BATCH_SIZE));
            List<MakeOffer> batch = slice.stream().map(p -> withNeed(p, needIds)).toList();
            List<Offer> stored = offers.makeAll(batch, actor(DemoWorld.COORDINATOR));
            for (Offer o : stored) offerIds.add(o.publicId());
            for (int i = 0; i < stored.size(); i++) {
                long version = stored.get(i).version();
                for (var action : slice.get(i).steps()) {
                    steps.add(new ActOnOffer(stored.get(i).publicId(), action, version++));
                }
            }
            made += stored.size();
            progress.advanced("offers", made, planned.size());
        }
        for (int from = 0; from < steps.size(); from += BATCH_SIZE) {
            offers.actAll(steps.subList(from, Math.min(steps.size(), from + BATCH_SIZE)),
                    actor(DemoWorld.COORDINATOR));
            progress.advanced("offer steps", Math.min(steps.size(), from + BATCH_SIZE), steps.size());
        }
        return steps.size();
    }

    private static MakeOffer withNeed(PlannedOffer p, List<String> needIds) {
        MakeOffer c = p.command();
        String need = p.pledged() ? needIds.get(p.needIndex()) : null;
        return new MakeOffer(c.donor(), c.item(), c.quantity(), c.condition(), c.origin(), c.availableFrom(),
                c.terms(), c.nonLethalOnly(), c.restrictions(), c.reimbursementRequested(), need, c.releasableTo());
    }

    private static Actor actor(String organisation) {
        return Actor.system("demo-loader", organisation);
    }
}

package org.quartermaster.demo;

import java.time.LocalDate;
import java.util.List;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;

/**
 * A generated world as plain commands, before it touches a database: equal seeds, sizes and
 * start dates give equal scenarios. Needs and offers refer to each other by list index, because
 * public ids exist only once the records are stored.
 */
public record Scenario(long seed, LocalDate today, List<RegisterOrganisation> organisations,
                       List<AddLocation> locations, List<DefineItem> items, List<PlannedNeed> needs,
                       List<PlannedOffer> offers, FundPlan fund) {

    public Scenario {
        organisations = List.copyOf(organisations);
        locations = List.copyOf(locations);
        items = List.copyOf(items);
        needs = List.copyOf(needs);
        offers = List.copyOf(offers);
    }

    /** The scenario without a fund. */
    public Scenario(long seed, LocalDate today, List<RegisterOrganisation> organisations,
                    List<AddLocation> locations, List<DefineItem> items, List<PlannedNeed> needs,
                    List<PlannedOffer> offers) {
        this(seed, today, organisations, locations, items, needs, offers, null);
    }

    /** A need to file (as a draft when {@code command.submit()} is false), then perhaps cancel. */
    public record PlannedNeed(FileNeed command, boolean cancel) {}

    /**
     * An offer to make, pledged to {@code needs().get(needIndex)} unless {@code needIndex} is
     * {@link #UNPLEDGED}, then moved through {@code steps} in order. {@code command.need()} is null.
     */
    public record PlannedOffer(MakeOffer command, int needIndex, List<OfferRules.Action> steps) {
        public static final int UNPLEDGED = -1;

        public PlannedOffer {
            steps = List.copyOf(steps);
        }

        public boolean pledged() {
            return needIndex != UNPLEDGED;
        }
    }
}

package org.quartermaster.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quartermaster.planner.generate.InstanceGenerator;

/** A re-plan after a small change has the optimum of planning the changed input from scratch. */
class ReplanTest {

    @Test
    void replanEqualsFromScratchOnRandomChanges() {
        Random r = new Random(42);
        for (int k = 0; k < 300; k++) {
            long seed = r.nextLong();
            PlanInput input = InstanceGenerator.generate(seed, Reference.smallShape(new Random(seed), true, 0));
            if (input.offers().isEmpty() || input.needs().isEmpty()) {
                continue;
            }
            Plan plan = Planner.plan(input);
            Change change = randomChange(r, input);
            Plan replanned = Planner.replan(plan, change);
            Plan scratch = Planner.plan(apply(input, change));
            assertThat(replanned.objective().total()).as("seed %d change %s", seed, change)
                    .isEqualTo(scratch.objective().total());
            // the reused components' lists and the redone ones together form a valid plan of the new input
            PlanChecker.check(apply(input, change), replanned.allocations(), replanned.shortfalls());
            // a second change on top of the first, from the re-planned basis
            Change again = randomChange(r, apply(input, change));
            assertThat(Planner.replan(replanned, again).objective().total()).as("seed %d then %s", seed, again)
                    .isEqualTo(Planner.plan(apply(apply(input, change), again)).objective().total());
        }
    }

    @Test
    void replanAfterOneOfferChangeReusesUntouchedComponents() {
        PlanInput input = InstanceGenerator.generate(9, Reference.mediumShape(5_000));
        Plan plan = Planner.plan(input);
        Offer o = input.offers().get(0);
        Change change = new Change.OfferPut(
                new Offer(o.id(), o.item(), o.quantity() + 7, o.origin(), o.availableWeek(), o.unitPrice()));
        Plan next = Planner.replan(plan, change);
        assertThat(next.objective().total()).isEqualTo(Planner.plan(apply(input, change)).objective().total());
        // more stock of one item can only help
        assertThat(next.objective().total()).isLessThanOrEqualTo(plan.objective().total());
        assertThat(next.allocations().size() + next.shortfalls().size()).isPositive();
    }

    private static Change randomChange(Random r, PlanInput input) {
        if (input.offers().isEmpty()) {
            Need n = input.needs().getFirst();
            return new Change.OfferPut(new Offer("NEW" + r.nextInt(1000), n.item(), 1 + r.nextInt(30),
                    input.lanes().getFirst().origin(), r.nextInt(input.horizonWeeks()), r.nextInt(100)));
        }
        Offer o = input.offers().get(r.nextInt(input.offers().size()));
        Need n = input.needs().get(r.nextInt(input.needs().size()));
        return switch (r.nextInt(4)) {
            case 0 -> new Change.OfferPut(new Offer(o.id(), o.item(), r.nextInt(40), o.origin(), o.availableWeek(), o.unitPrice()));
            case 1 -> new Change.OfferWithdrawn(o.id());
            case 2 -> new Change.OfferPut(new Offer("NEW" + r.nextInt(1000), o.item(), 1 + r.nextInt(30), o.origin(),
                    r.nextInt(input.horizonWeeks()), r.nextInt(100)));
            default -> new Change.NeedPut(new Need(n.id(), n.item(), r.nextInt(30), n.priority(),
                    r.nextInt(input.horizonWeeks()), n.destination(), n.requestedAtMillis()));
        };
    }

    static PlanInput apply(PlanInput in, Change change) {
        java.util.List<Offer> offers = new java.util.ArrayList<>(in.offers());
        java.util.List<Need> needs = new java.util.ArrayList<>(in.needs());
        switch (change) {
            case Change.OfferPut put -> {
                offers.removeIf(x -> x.id().equals(put.offer().id()));
                offers.add(put.offer());
            }
            case Change.OfferWithdrawn gone -> offers.removeIf(x -> x.id().equals(gone.offerId()));
            case Change.NeedPut put -> {
                needs.replaceAll(x -> x.id().equals(put.need().id()) ? put.need() : x);
            }
        }
        return new PlanInput(in.horizonWeeks(), in.items(), in.compatibilities(), needs, offers,
                in.productionLines(), in.lanes(), in.absorptionLimits(), in.funds());
    }
}

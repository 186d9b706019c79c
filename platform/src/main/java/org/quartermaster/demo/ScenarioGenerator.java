package org.quartermaster.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.demo.DemoWorld.ItemSpec;
import org.quartermaster.demo.DemoWorld.Party;
import org.quartermaster.demo.DemoWorld.Place;
import org.quartermaster.demo.Scenario.PlannedNeed;
import org.quartermaster.demo.Scenario.PlannedOffer;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.OfferRules.Action;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;

/**
 * Generates a {@link Scenario} from a seed: the same seed, sizes and date give the same world.
 * Invariants it keeps (and the tests check): pledges name a submitted, uncancelled need for the
 * same or a compatible item, and the pledges of one need never add up to more than its quantity,
 * so every lifecycle step the loader takes is legal.
 */
public final class ScenarioGenerator {
    /** The default seed of {@code qm demo}: the day this generator was written. */
    public static final long DEFAULT_SEED = 20261129L;
    /** Share of needs left as drafts and of submitted needs later cancelled, in percent. */
    static final int DRAFT_PERCENT = 4;
    static final int CANCELLED_PERCENT = 3;
    /** Share of offers pledged to a need, in percent; the rest are offered from stock for anyone. */
    static final int PLEDGED_PERCENT = 70;
    /** How often a pledge is a compatible substitute rather than the item asked for, in percent. */
    static final int SUBSTITUTE_PERCENT = 15;
    private static final int PLEDGE_ATTEMPTS_MAX = 8;
    private static final Set<String> RELEASABLE = Set.of("UDCG");

    private final Random random;
    private final LocalDate today;
    private final List<Party> donors = DemoWorld.donors();
    private final List<ItemSpec> items = DemoWorld.items();
    private final List<Place> places = DemoWorld.places(donors);
    private final List<Place> destinations = DemoWorld.destinations();

    private ScenarioGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** The scenario of {@code seed} with {@code sizes}, dated from {@code today}. */
    public static Scenario generate(long seed, Sizes sizes, LocalDate today) {
        ScenarioGenerator g = new ScenarioGenerator(seed, today);
        List<PlannedNeed> needs = g.needs(sizes.needs());
        List<PlannedOffer> offers = g.offers(sizes.offers(), needs);
        return new Scenario(seed, today, g.organisations(), g.locations(), g.itemCommands(), needs, offers,
                FundPlan.generate(g.random, today, deliveredDonations(offers)));
    }

    /** Indexes of the offers that are donations the loader walks to DELIVERED: what the fund may reimburse. */
    private static List<Integer> deliveredDonations(List<PlannedOffer> offers) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            PlannedOffer p = offers.get(i);
            if ("DONATION".equals(p.command().terms()) && p.steps().contains(Action.DELIVER)) out.add(i);
        }
        return out;
    }

    private List<RegisterOrganisation> organisations() {
        List<RegisterOrganisation> all = new ArrayList<>();
        for (Party p : DemoWorld.others()) all.add(register(p));
        for (Party p : donors) all.add(register(p));
        return all;
    }

    private static RegisterOrganisation register(Party p) {
        return new RegisterOrganisation(p.code(), p.name(), p.kind(), p.country(), p.groups(), p.ncage());
    }

    private List<AddLocation> locations() {
        return places.stream().map(p -> new AddLocation(p.code(), p.name(), p.country(), p.kind(), p.organisation()))
                .toList();
    }

    private List<DefineItem> itemCommands() {
        return items.stream().map(i -> new DefineItem(i.code(), i.name(), i.unit(), i.nsn(), i.cpv(), i.category(),
                i.lethal(), i.compatibleWith())).toList();
    }

    private List<PlannedNeed> needs(int count) {
        List<PlannedNeed> needs = new ArrayList<>(count);
        int demandTotal = items.stream().mapToInt(ItemSpec::demand).sum();
        for (int i = 0; i < count; i++) {
            ItemSpec item = pickItem(demandTotal);
            String priority = priority();
            int horizonDays = priority.equals("P1") ? 90 : 358;
            LocalDate due = today.plusDays(7 + random.nextInt(horizonDays));
            Place destination = destination(item.category());
            boolean draft = random.nextInt(100) < DRAFT_PERCENT;
            boolean cancel = !draft && random.nextInt(100) < CANCELLED_PERCENT;
            String requester = random.nextInt(100) < 80 ? DemoWorld.RECIPIENT : DemoWorld.AGENCY;
            FileNeed command = new FileNeed(requester, item.code(), quantity(item.quantityMin(), item.quantityMax()),
                    priority, due, destination.code(), justification(item, destination), RELEASABLE, !draft);
            needs.add(new PlannedNeed(command, cancel));
        }
        return needs;
    }

    private ItemSpec pickItem(int demandTotal) {
        int ticket = random.nextInt(demandTotal);
        for (ItemSpec item : items) {
            ticket -= item.demand();
            if (ticket < 0) return item;
        }
        throw new IllegalStateException("demand weights do not add up");
    }

    /** Few critical needs, many routine ones: P1 5%, P2 12%, P3 25%, P4 28%, P5 30%. */
    private String priority() {
        int ticket = random.nextInt(100);
        if (ticket < 5) return "P1";
        if (ticket < 17) return "P2";
        if (ticket < 42) return "P3";
        if (ticket < 70) return "P4";
        return "P5";
    }

    private Place destination(Category category) {
        if (category == Category.MEDICAL && random.nextBoolean()) {
            return destinations.stream().filter(p -> p.code().equals("UKR-MED-DNIPRO")).findFirst().orElseThrow();
        }
        boolean forward = category == Category.AMMUNITION || category == Category.DRONES;
        List<Place> candidates = destinations.stream()
                .filter(p -> !forward || random.nextInt(100) < 30 || p.kind() == LocationKind.FRONT_UNIT)
                .toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** Log-uniform between min and max, rounded to two significant digits as people order. */
    long quantity(long min, long max) {
        double exponent = Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min));
        return Math.max(min, Math.min(max, roundDown(Math.round(Math.exp(exponent)))));
    }

    /** Down to two significant digits (12 345 becomes 12 000), never below 1. */
    static long roundDown(long raw) {
        long step = 1;
        while (raw / step >= 100) step *= 10;
        return Math.max(1, raw / step * step);
    }

    private String justification(ItemSpec item, Place destination) {
        String[] reasons = switch (item.category()) {
            case AMMUNITION -> new String[] {"Replenish stocks consumed in counter-battery fire",
                    "Sustain defensive operations for the next quarter", "Build reserves before the winter",
                    "Rounds for newly delivered guns"};
            case AIR_DEFENCE -> new String[] {"Protect energy infrastructure against missile strikes",
                    "Replace interceptors expended in the last month", "Cover a new air defence sector"};
            case DRONES -> new String[] {"Losses to electronic warfare exceed production",
                    "Equip new reconnaissance teams", "Counter one-way attack drones at night"};
            case MEDICAL -> new String[] {"Stabilise casualties at the point of injury",
                    "Equip evacuation teams", "Restock the field hospital"};
            case FUEL -> new String[] {"Winter consumption of generators and vehicles",
                    "Sustain logistics convoys", "Operate aircraft and air defence units"};
            case DEMINING -> new String[] {"Clear liberated farmland and roads", "Equip new demining teams"};
            default -> new String[] {"Keep equipment in service", "Replace worn-out equipment",
                    "Equip newly formed units"};
        };
        return reasons[random.nextInt(reasons.length)] + " (" + destination.name() + ").";
    }

    private List<PlannedOffer> offers(int count, List<PlannedNeed> needs) {
        long[] remaining = needs.stream()
                .mapToLong(n -> n.command().submit() && !n.cancel() ? n.command().quantity() : 0).toArray();
        List<PlannedOffer> offers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PlannedOffer pledge = random.nextInt(100) < PLEDGED_PERCENT ? pledge(needs, remaining) : null;
            offers.add(pledge != null ? pledge : fromStock());
        }
        return offers;
    }

    /** A pledge to a need that still has room, or null when none was found quickly. */
    private PlannedOffer pledge(List<PlannedNeed> needs, long[] remaining) {
        if (needs.isEmpty()) return null;
        for (int attempt = 0; attempt < PLEDGE_ATTEMPTS_MAX; attempt++) {
            int index = random.nextInt(needs.size());
            if (remaining[index] == 0) continue;
            ItemSpec asked = spec(needs.get(index).command().item());
            ItemSpec offered = substituteOrSame(asked);
            Party donor = donorFor(offered);
            long quantity = random.nextInt(100) < 45 ? remaining[index]
                    : roundDown(Math.max(1, Math.round(remaining[index] * (0.2 + 0.7 * random.nextDouble()))));
            remaining[index] -= quantity;
            return new PlannedOffer(offer(donor, offered, quantity), index, steps());
        }
        return null;
    }

    private PlannedOffer fromStock() {
        ItemSpec item = items.get(random.nextInt(items.size()));
        Party donor = donorFor(item);
        long quantity = quantity(item.quantityMin(), Math.max(item.quantityMin(), item.quantityMax() / 2));
        return new PlannedOffer(offer(donor, item, quantity), PlannedOffer.UNPLEDGED, steps());
    }

    private ItemSpec spec(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** Usually the item asked for; sometimes an item the catalogue lists as able to serve it. */
    private ItemSpec substituteOrSame(ItemSpec asked) {
        if (random.nextInt(100) >= SUBSTITUTE_PERCENT) return asked;
        List<ItemSpec> substitutes = items.stream()
                .filter(i -> i.compatibleWith().stream().anyMatch(c -> c.servesItem().equals(asked.code())))
                .toList();
        return substitutes.isEmpty() ? asked : substitutes.get(random.nextInt(substitutes.size()));
    }

    /** A donor weighted by its size; states that give only non-lethal aid never offer lethal items. */
    private Party donorFor(ItemSpec item) {
        List<Party> eligible = donors.stream().filter(d -> !(item.lethal() && d.nonLethalOnly())).toList();
        int ticket = random.nextInt(eligible.stream().mapToInt(Party::weight).sum());
        for (Party d : eligible) {
            ticket -= d.weight();
            if (ticket < 0) return d;
        }
        throw new IllegalStateException("donor weights do not add up");
    }

    private MakeOffer offer(Party donor, ItemSpec item, long quantity) {
        List<Place> depots = places.stream().filter(p -> donor.code().equals(p.organisation())).toList();
        Place origin = depots.get(random.nextInt(depots.size()));
        boolean perishable = item.category() == Category.MEDICAL || item.category() == Category.FUEL;
        int c = random.nextInt(100);
        String condition = perishable || c < 55 ? "NEW" : c < 90 ? "SERVICEABLE" : "NEEDS_REPAIR";
        int t = random.nextInt(100);
        String terms = t < 85 ? "DONATION" : t < 95 ? "SALE" : "LOAN";
        boolean nonLethalOnly = !item.lethal() && (donor.nonLethalOnly() || random.nextInt(100) < 10);
        boolean reimbursement = donor.groups().contains("EU") && random.nextInt(100) < 40;
        String restrictions = random.nextInt(100) < 10 ? "End use in Ukraine only; no re-export." : null;
        LocalDate availableFrom = today.plusDays(random.nextInt(180) - 30);
        return new MakeOffer(donor.code(), item.code(), quantity, condition, origin.code(), availableFrom, terms,
                nonLethalOnly, restrictions, reimbursement, null, RELEASABLE);
    }

    /**
     * Where the offer ends up: OFFERED 22%, ACCEPTED 16%, COMMITTED 14%, SHIPPED 10%,
     * DELIVERED 28%, WITHDRAWN 5% (half of them after acceptance), DECLINED 5%.
     */
    private List<Action> steps() {
        int ticket = random.nextInt(100);
        if (ticket < 22) return List.of();
        if (ticket < 38) return List.of(Action.ACCEPT);
        if (ticket < 52) return List.of(Action.ACCEPT, Action.COMMIT);
        if (ticket < 62) return List.of(Action.ACCEPT, Action.COMMIT, Action.SHIP);
        if (ticket < 90) return List.of(Action.ACCEPT, Action.COMMIT, Action.SHIP, Action.DELIVER);
        if (ticket < 95) return random.nextBoolean() ? List.of(Action.WITHDRAW) : List.of(Action.ACCEPT, Action.WITHDRAW);
        return List.of(Action.DECLINE);
    }
}

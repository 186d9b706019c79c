package org.quartermaster.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules.Action;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;

/**
 * A small, realistic world for UI tests, loaded through the facades: a recipient ministry and
 * its agency, five donor states, eight items across categories, 30 needs over all priorities
 * and 15 offers pledged to them, some accepted, committed, shipped or delivered so that
 * coverage and deliveries are not zero. Deterministic: the same seed gives the same world.
 */
public final class UiFixture {
    public static final long SEED = 20261129L;
    public static final int NEEDS = 30;
    public static final int OFFERS = 15;
    private static final Actor ACTOR = Actor.SYSTEM;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** What was loaded: need ids in filing order, and the offers. */
    public record World(List<Need> needs, List<Offer> offers) {}

    private record ItemSpec(String code, String name, String unit, String cpv, Category category, boolean lethal,
                            int typicalQuantity) {}

    private static final List<ItemSpec> ITEMS = List.of(
            new ItemSpec("AMMO-155-HE", "155 mm HE artillery round", "H87", "35331000-3", Category.AMMUNITION, true, 2000),
            new ItemSpec("AMMO-762-NATO", "7.62×51 mm NATO cartridge", "H87", "35331100-4", Category.AMMUNITION, true, 50000),
            new ItemSpec("UAV-RECON-S", "Small reconnaissance UAV", "H87", "35613000-4", Category.DRONES, false, 120),
            new ItemSpec("MED-IFAK", "Individual first aid kit", "H87", "33140000-3", Category.MEDICAL, false, 5000),
            new ItemSpec("FUEL-DIESEL", "Diesel fuel, F-54", "LTR", "09134200-9", Category.FUEL, false, 200000),
            new ItemSpec("VEH-MRAP", "Mine-protected patrol vehicle", "H87", "34144000-8", Category.VEHICLES, false, 20),
            new ItemSpec("DEM-DETECTOR", "Handheld mine detector", "H87", "31642200-0", Category.DEMINING, false, 300),
            new ItemSpec("PPE-HELMET", "Ballistic helmet", "H87", "18444110-7", Category.PROTECTIVE_EQUIPMENT, false, 3000));

    private static final List<String> DONORS = List.of("DEU-MOD", "POL-MOD", "FRA-MOD", "NLD-MOD", "GBR-MOD");

    private UiFixture() {}

    public static World load(Quartermaster app) {
        Random random = new Random(SEED);
        registerParties(app);
        for (ItemSpec i : ITEMS) {
            app.catalog().define(new DefineItem(i.code(), i.name(), i.unit(), null, i.cpv(), i.category(), i.lethal(),
                    List.of()), ACTOR);
        }
        List<FileNeed> filings = new ArrayList<>();
        for (int n = 0; n < NEEDS; n++) {
            ItemSpec item = ITEMS.get(n % ITEMS.size());
            String priority = "P" + (1 + (n * 3 + random.nextInt(2)) % 5);
            long quantity = item.typicalQuantity() / 2 + random.nextInt(item.typicalQuantity());
            filings.add(new FileNeed(n % 4 == 3 ? "UKR-DPA" : "UKR-MOD", item.code(), quantity,
                    priority, TODAY.plusDays(14 + random.nextInt(120)), n % 2 == 0 ? "UA-LVIV-DEPOT" : "UA-KYIV-HUB",
                    "Brigade replenishment, request " + (n + 1), Set.of("NATO"), n != 29));
        }
        List<Need> needs = app.needs().fileAll(filings, ACTOR);
        return new World(needs, makeOffers(app, needs, random));
    }

    private static void registerParties(Quartermaster app) {
        app.parties().register(new RegisterOrganisation("UKR-MOD", "Ministry of Defence of Ukraine",
                OrganisationKind.RECIPIENT, "UKR", Set.of(), null), ACTOR);
        app.parties().register(new RegisterOrganisation("UKR-DPA", "Defence Procurement Agency",
                OrganisationKind.PROCUREMENT_AGENCY, "UKR", Set.of(), null), ACTOR);
        String[][] donors = {{"DEU-MOD", "Federal Ministry of Defence", "DEU"},
                {"POL-MOD", "Ministry of National Defence", "POL"}, {"FRA-MOD", "Ministry of the Armed Forces", "FRA"},
                {"NLD-MOD", "Ministry of Defence of the Netherlands", "NLD"}, {"GBR-MOD", "Ministry of Defence", "GBR"}};
        for (String[] d : donors) {
            Set<String> groups = "GBR".equals(d[2]) ? Set.of("NATO", "UDCG") : Set.of("NATO", "EU", "UDCG");
            app.parties().register(new RegisterOrganisation(d[0], d[1], OrganisationKind.DONOR_STATE, d[2], groups,
                    null), ACTOR);
        }
        app.parties().addLocation(new AddLocation("UA-LVIV-DEPOT", "Lviv central depot", "UKR", LocationKind.DEPOT,
                "UKR-MOD"), ACTOR);
        app.parties().addLocation(new AddLocation("UA-KYIV-HUB", "Kyiv logistics hub", "UKR", LocationKind.HUB,
                "UKR-MOD"), ACTOR);
        app.parties().addLocation(new AddLocation("PL-RZE-HUB", "Rzeszów transfer hub", "POL", LocationKind.HUB,
                null), ACTOR);
        app.parties().addLocation(new AddLocation("DE-GRF-DEPOT", "Grafenwöhr depot", "DEU", LocationKind.DEPOT,
                "DEU-MOD"), ACTOR);
    }

    /** Offers pledged to needs; a third stay OFFERED, the others move along the lifecycle (the second is ACCEPTED). */
    private static List<Offer> makeOffers(Quartermaster app, List<Need> needs, Random random) {
        List<Offer> offers = new ArrayList<>();
        for (int o = 0; o < OFFERS; o++) {
            Need need = needs.get(o * 7 % NEEDS);  // spreads the offers over every item of the catalogue
            long quantity = Math.max(1, need.quantity() / (2 + random.nextInt(3)));
            Offer offer = app.offers().make(new MakeOffer(DONORS.get(o % DONORS.size()), need.item(), quantity,
                    o % 4 == 0 ? "SERVICEABLE" : "NEW", o % 2 == 0 ? "PL-RZE-HUB" : "DE-GRF-DEPOT",
                    TODAY.plusDays(random.nextInt(60)), o % 5 == 0 ? "SALE" : "DONATION", false, null, false,
                    need.publicId(), Set.of("NATO")), ACTOR);
            List<Action> steps = switch (o % 6) {
                case 0, 3 -> List.of();
                case 1 -> List.of(Action.ACCEPT);
                case 2 -> List.of(Action.ACCEPT, Action.COMMIT);
                case 4 -> List.of(Action.ACCEPT, Action.COMMIT, Action.SHIP, Action.DELIVER);
                default -> List.of(Action.ACCEPT, Action.COMMIT, Action.SHIP);
            };
            for (Action step : steps) offer = app.offers().act(offer.publicId(), step, offer.version(), ACTOR);
            offers.add(offer);
        }
        return offers;
    }
}

package org.quartermaster.capacity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.RampStep;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;

/**
 * A small market for capacity tests: two suppliers of 155 mm shells and one of cartridges, a
 * buyer agency and a donor state, factories, and three items. Weeks start on {@link #MONDAY}.
 */
public final class CapacityFixture {
    /** 2027-01-04 is a Monday (2027-01-01 is a Friday). */
    public static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);
    public static final String SHELLS = "AMMO-155-HE";
    public static final String CARTRIDGES = "AMMO-762";
    public static final String KITS = "MED-IFAK";

    private CapacityFixture() {}

    public static void load(Quartermaster app) {
        Actor a = Actor.SYSTEM;
        for (String[] s : new String[][] {{"SUP-A", "Alpha Munitions", "DEU"}, {"SUP-B", "Beta Ordnance", "POL"},
                {"SUP-C", "Gamma Cartridges", "FIN"}}) {
            app.parties().register(new RegisterOrganisation(s[0], s[1], OrganisationKind.SUPPLIER, s[2], Set.of(),
                    null), a);
        }
        app.parties().register(new RegisterOrganisation("BUYER", "Joint Procurement Agency",
                OrganisationKind.PROCUREMENT_AGENCY, "UKR", Set.of(), null), a);
        app.parties().register(new RegisterOrganisation("DEU-MOD", "Federal Ministry of Defence",
                OrganisationKind.DONOR_STATE, "DEU", Set.of("NATO"), null), a);
        app.parties().addLocation(new AddLocation("SITE-A", "Alpha plant", "DEU", LocationKind.FACTORY, "SUP-A"), a);
        app.parties().addLocation(new AddLocation("SITE-B", "Beta plant", "POL", LocationKind.FACTORY, "SUP-B"), a);
        app.parties().addLocation(new AddLocation("SITE-C", "Gamma plant", "FIN", LocationKind.FACTORY, "SUP-C"), a);
        app.catalog().define(new DefineItem(SHELLS, "155 mm HE shell", "H87", null, "35331200-5",
                Category.AMMUNITION, true, List.of()), a);
        app.catalog().define(new DefineItem(CARTRIDGES, "7.62 mm cartridge", "H87", null, "35331500-8",
                Category.AMMUNITION, true, List.of()), a);
        app.catalog().define(new DefineItem(KITS, "First aid kit", "H87", null, "33141623-3",
                Category.MEDICAL, false, List.of()), a);
    }

    /** A line of {@code supplier} at its site, from {@link #MONDAY}, with ramp-up (week index, units) pairs. */
    public static ProductionLine line(Quartermaster app, String supplier, String item, int weeks, long capacity,
                                      boolean framework, long[]... ramp) {
        List<RampStep> steps = java.util.Arrays.stream(ramp)
                .map(r -> new RampStep(MONDAY.plusWeeks(r[0]), r[1])).toList();
        return app.capacity().publish(new PublishLine(supplier, item, "SITE-" + supplier.substring(4), supplier + " line",
                MONDAY, weeks, capacity, steps, 400_000L, "EUR", 4, framework, null), Actor.SYSTEM);
    }

    public static ReserveSlot slot(ProductionLine line, int week, long quantity, boolean framework) {
        return new ReserveSlot(line.publicId(), MONDAY.plusWeeks(week), quantity, "BUYER", "CONTRACT", "C-000001",
                framework, Set.of());
    }

    /** An actor of {@code organisation} holding {@code roles}. */
    public static Actor actor(String organisation, String... roles) {
        return new Actor("user@" + organisation, organisation, Set.of(), Set.of(roles));
    }
}

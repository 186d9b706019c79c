package org.quartermaster.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;

/**
 * A small world for access tests: the platform organisation {@code QM}; the owner {@code OWN}
 * (group {@code G}); a partner {@code PARTNER} sharing {@code G}; an {@code UNRELATED}
 * organisation in no group. Every organisation owns needs and offers under every kind of
 * marking (nobody else, its group, the partner by name, PUBLIC), so that any list shows
 * whether a foreign row leaks.
 */
public final class AccessWorld {
    public static final String PLATFORM = WriteRule.PLATFORM_ORGANISATION;
    public static final String OWN = "OWN-ORG";
    public static final String PARTNER = "PARTNER-ORG";
    public static final String UNRELATED = "OTHER-ORG";
    public static final String GROUP = "GRP";
    public static final String ITEM = "ACC-ITEM";
    public static final String DEPOT = "ACC-DEPOT";
    public static final LocalDate DUE = LocalDate.of(2027, 6, 1);
    /** The markings every organisation's records get, one record each. */
    public static final List<Set<String>> MARKINGS = List.of(Set.of(), Set.of(GROUP), Set.of(PARTNER),
            Set.of("PUBLIC"));

    private AccessWorld() {}

    /** What was loaded: every need and offer. */
    public record Loaded(List<Need> needs, List<Offer> offers) {}

    public static Loaded load(Quartermaster app) {
        Actor system = Actor.SYSTEM;
        app.parties().register(new RegisterOrganisation(PLATFORM, "Quartermaster platform",
                OrganisationKind.COORDINATION_BODY, "BEL", Set.of(), null), system);
        app.parties().register(new RegisterOrganisation(OWN, "Owner", OrganisationKind.RECIPIENT, "UKR",
                Set.of(GROUP), null), system);
        app.parties().register(new RegisterOrganisation(PARTNER, "Partner", OrganisationKind.DONOR_STATE, "POL",
                Set.of(GROUP, "NATO"), null), system);
        app.parties().register(new RegisterOrganisation(UNRELATED, "Unrelated", OrganisationKind.SUPPLIER, "DEU",
                Set.of(), null), system);
        app.catalog().define(new DefineItem(ITEM, "First aid kit", "H87", null, "33140000-3", Category.MEDICAL, false,
                List.of()), system);
        app.parties().addLocation(new AddLocation(DEPOT, "Depot", "UKR", LocationKind.DEPOT, null), system);
        List<Need> needs = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        for (String org : List.of(OWN, PARTNER, UNRELATED)) {
            for (Set<String> marking : MARKINGS) {
                needs.add(need(app, org, marking, true));
                offers.add(offer(app, org, marking, null));
            }
        }
        return new Loaded(needs, offers);
    }

    /** A need of {@code org} released to {@code marking}, OPEN when {@code submit}, else DRAFT. */
    public static Need need(Quartermaster app, String org, Set<String> marking, boolean submit) {
        return app.needs().file(new FileNeed(org, ITEM, 100, "P2", DUE, DEPOT, "access test", marking, submit),
                Actor.SYSTEM);
    }

    /** An OFFERED offer of {@code org} released to {@code marking}, pledged to {@code need} (may be null). */
    public static Offer offer(Quartermaster app, String org, Set<String> marking, String need) {
        return app.offers().make(new MakeOffer(org, ITEM, 10, "NEW", DEPOT, DUE.minusMonths(3), "DONATION", false,
                null, false, need, marking), Actor.SYSTEM);
    }
}

package org.quartermaster.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules.Action;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

class OffersActAllTest {
    private static final Actor ACTOR = Actor.system("test", "QM");

    private record World(Quartermaster app, Need need, Offer offer) {}

    private static World world() {
        Quartermaster app = new Quartermaster(TestDatabases.sqlite());
        app.parties().register(new RegisterOrganisation("UKR-MOD", "Ministry", OrganisationKind.RECIPIENT, "UKR",
                Set.of(), null), ACTOR);
        app.parties().register(new RegisterOrganisation("DEU-MOD", "Germany", OrganisationKind.DONOR_STATE, "DEU",
                Set.of("NATO"), null), ACTOR);
        app.parties().addLocation(new AddLocation("UKR-DEPOT", "Depot", "UKR", LocationKind.DEPOT, "UKR-MOD"), ACTOR);
        app.parties().addLocation(new AddLocation("DEU-DEPOT", "Depot", "DEU", LocationKind.DEPOT, "DEU-MOD"), ACTOR);
        app.catalog().define(new DefineItem("MED-IFAK", "First aid kit", "SET", null, "33141623-3", Category.MEDICAL,
                false, List.of()), ACTOR);
        Need need = app.needs().file(new FileNeed("UKR-MOD", "MED-IFAK", 100, "P2", LocalDate.of(2027, 1, 1),
                "UKR-DEPOT", null, Set.of(), true), ACTOR);
        Offer offer = app.offers().make(new MakeOffer("DEU-MOD", "MED-IFAK", 100, "NEW", "DEU-DEPOT",
                LocalDate.of(2026, 12, 1), "DONATION", false, null, false, need.publicId(), Set.of()), ACTOR);
        return new World(app, need, offer);
    }

    @Test
    void takesStepsInOrderAndDeliversThePledgedNeed() {
        World w = world();
        try (Quartermaster app = w.app()) {
            String id = w.offer().publicId();
            List<Offer> after = app.offers().actAll(List.of(new ActOnOffer(id, Action.ACCEPT, 1),
                    new ActOnOffer(id, Action.COMMIT, 2), new ActOnOffer(id, Action.SHIP, 3),
                    new ActOnOffer(id, Action.DELIVER, 4)), ACTOR);
            assertThat(after).extracting(o -> o.status().name())
                    .containsExactly("ACCEPTED", "COMMITTED", "SHIPPED", "DELIVERED");
            assertThat(app.needs().get(w.need().publicId()).status().name()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void anIllegalStepTakesNoStepAtAll() {
        World w = world();
        try (Quartermaster app = w.app()) {
            String id = w.offer().publicId();
            long journalBefore = app.journal().size();
            assertThatThrownBy(() -> app.offers().actAll(List.of(new ActOnOffer(id, Action.ACCEPT, 1),
                    new ActOnOffer(id, Action.DELIVER, 2)), ACTOR)).isInstanceOf(Refused.class);
            assertThat(app.offers().get(id).status().name()).isEqualTo("OFFERED");
            assertThat(app.needs().get(w.need().publicId()).coveredQuantity()).isZero();
            assertThat(app.journal().size()).isEqualTo(journalBefore);
        }
    }
}

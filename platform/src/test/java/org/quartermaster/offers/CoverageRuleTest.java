package org.quartermaster.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules.Action;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

/**
 * The coverage rule across the two contexts: accepted offers cover their need, never beyond its
 * quantity; withdrawing uncovers; deliveries count; an item that cannot serve the need is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageRuleTest {
    static final Actor ACTOR = Actor.system("tester", "QM");
    Quartermaster qm;
    int next;

    @BeforeAll
    void open() {
        qm = new Quartermaster(TestDatabases.sqlite());
        qm.catalog().define(new DefineItem("GUN-155", "Howitzer round", "H87", null, null, Category.AMMUNITION, true,
                List.of()), ACTOR);
        qm.catalog().define(new DefineItem("ROUND-ALT", "Compatible round", "H87", null, null, Category.AMMUNITION,
                true, List.of(new Compatibility("GUN-155", 20))), ACTOR);
        qm.catalog().define(new DefineItem("BANDAGE", "Bandage", "H87", null, null, Category.MEDICAL, false,
                List.of()), ACTOR);
        qm.parties().register(new RegisterOrganisation("MOD-UA", "Ministry", OrganisationKind.RECIPIENT, "UKR",
                Set.of(), null), ACTOR);
        qm.parties().register(new RegisterOrganisation("MOD-PL", "Donor", OrganisationKind.DONOR_STATE, "POL",
                Set.of("NATO"), null), ACTOR);
        qm.parties().addLocation(new AddLocation("DEPOT-1", "Depot", "UKR", LocationKind.DEPOT, null), ACTOR);
    }

    @AfterAll
    void close() {
        qm.close();
    }

    Need need(long quantity) {
        return qm.needs().file(new FileNeed("MOD-UA", "GUN-155", quantity, "P1", LocalDate.of(2027, 1, 1), "DEPOT-1",
                null, Set.of(), true), ACTOR);
    }

    Offer offer(String item, long quantity, Need need) {
        return qm.offers().make(new MakeOffer("MOD-PL", item, quantity, "NEW", "DEPOT-1", LocalDate.of(2026, 12, 1),
                "DONATION", false, null, false, need.publicId(), Set.of()), ACTOR);
    }

    Offer act(Offer o, Action action) {
        return qm.offers().act(o.publicId(), action, qm.offers().get(o.publicId()).version(), ACTOR);
    }

    Need reload(Need n) {
        return qm.needs().get(n.publicId());
    }

    @Test
    void anAcceptedOfferCoversItsNeedAndAnOfferedOneDoesNot() {
        Need need = need(100);
        Offer offer = offer("GUN-155", 30, need);
        assertThat(reload(need).coveredQuantity()).isZero();
        act(offer, Action.ACCEPT);
        assertThat(reload(need).coveredQuantity()).isEqualTo(30);
        assertThat(reload(need).status().name()).isEqualTo("PARTLY_COVERED");
        act(offer(("GUN-155"), 70, need), Action.ACCEPT);
        assertThat(reload(need).status().name()).isEqualTo("COVERED");
    }

    @Test
    void refusesAnAcceptanceBeyondTheNeedsQuantityAndChangesNothing() {
        Need need = need(10);
        act(offer("GUN-155", 6, need), Action.ACCEPT);
        Offer tooMuch = offer("GUN-155", 5, need);
        Need before = reload(need);
        assertThatThrownBy(() -> act(tooMuch, Action.ACCEPT)).isInstanceOf(Refused.class)
                .hasMessageContaining("exceed");
        assertThat(reload(need)).isEqualTo(before);
        assertThat(qm.offers().get(tooMuch.publicId()).status().name()).isEqualTo("OFFERED");
    }

    @Test
    void withdrawingAnAcceptedOfferUncoversTheNeed() {
        Need need = need(10);
        Offer offer = act(offer("GUN-155", 10, need), Action.ACCEPT);
        assertThat(reload(need).status().name()).isEqualTo("COVERED");
        act(offer, Action.WITHDRAW);
        assertThat(reload(need).coveredQuantity()).isZero();
        assertThat(reload(need).status().name()).isEqualTo("OPEN");
    }

    @Test
    void withdrawingAnOfferThatWasNeverAcceptedLeavesTheNeedAlone() {
        Need need = need(10);
        act(offer("GUN-155", 4, need), Action.WITHDRAW);
        assertThat(reload(need).coveredQuantity()).isZero();
    }

    @Test
    void deliveriesCountAndACompleteDeliveryDeliversTheNeed() {
        Need need = need(10);
        Offer a = act(offer("GUN-155", 4, need), Action.ACCEPT);
        Offer b = act(offer("GUN-155", 6, need), Action.ACCEPT);
        act(act(act(a, Action.COMMIT), Action.SHIP), Action.DELIVER);
        assertThat(reload(need).deliveredQuantity()).isEqualTo(4);
        assertThat(reload(need).status().name()).isEqualTo("COVERED");
        act(act(act(b, Action.COMMIT), Action.SHIP), Action.DELIVER);
        assertThat(reload(need).deliveredQuantity()).isEqualTo(10);
        assertThat(reload(need).status().name()).isEqualTo("DELIVERED");
    }

    @Test
    void aCompatibleItemMayServeTheNeedButAnUnrelatedOneMayNot() {
        Need need = need(10);
        act(offer("ROUND-ALT", 3, need), Action.ACCEPT);
        assertThat(reload(need).coveredQuantity()).isEqualTo(3);
        long events = qm.journal().size();
        assertThatThrownBy(() -> offer("BANDAGE", 3, need)).isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("need");
        assertThat(qm.journal().size()).isEqualTo(events);
    }
}

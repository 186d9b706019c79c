package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.oversight.AskQuestion;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.testing.TestDatabases;

/**
 * Who sees and who writes a shipment: sender and receiver see it, a carrier from its hand-over on,
 * anyone else not at all (not found, never "forbidden"); each step is written by the holder's own
 * logistician, the receipt by the receiver's.
 */
class LogisticsAccessTest {
    static Quartermaster app;
    /** An accepted donation of DON's that the shipments fulfil. */
    static String offer;
    static final Actor SENDER = new Actor("anna", "DON", Set.of(), Set.of("LOGISTICIAN"));
    static final Actor CARRIER = new Actor("piotr", "CAR", Set.of(), Set.of("LOGISTICIAN"));
    static final Actor RECEIVER = new Actor("olena", "REC", Set.of(), Set.of("LOGISTICIAN"));
    static final Actor STRANGER = new Actor("eve", "OTHER", Set.of(), Set.of("LOGISTICIAN", "COORDINATOR"));
    static final Actor RECEIVER_VIEWER = new Actor("vira", "REC", Set.of(), Set.of("VIEWER"));

    @BeforeAll
    static void start() {
        app = new Quartermaster(TestDatabases.sqlite());
        Actor a = Actor.SYSTEM;
        app.catalog().define(new DefineItem("BOX", "Box", "H87", null, null, Category.OTHER, false, List.of()), a);
        for (String org : List.of("DON", "CAR", "REC", "OTHER")) {
            app.parties().register(new RegisterOrganisation(org, org, OrganisationKind.SUPPLIER, "POL", Set.of(), null), a);
        }
        for (String l : List.of("ORIGIN", "HUB", "DEST")) {
            app.parties().addLocation(new AddLocation(l, l, "POL", LocationKind.DEPOT, null), a);
        }
        offer = app.offers().make(new MakeOffer("DON", "BOX", 100, "NEW", "ORIGIN", LocalDate.of(2026, 1, 1),
                "DONATION", false, null, false, null, Set.of()), a).publicId();
        app.offers().act(offer, OfferRules.Action.ACCEPT, 1, a);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Shipment plan(Actor actor) {
        return app.logistics().plan(new PlanShipment(null, "REC", "ORIGIN", "DEST", "ROAD",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-09T00:00:00Z"),
                List.of(new PlanShipment.Hub("HUB", null, null)),
                List.of(new PlanShipment.Line("BOX", 5L, "OFFER", offer, List.of())), Set.of()), actor);
    }

    static RecordCustody step(String kind, String to) {
        return new RecordCustody(kind, null, null, to, null, null, null);
    }

    @Test
    void senderAndReceiverSeeItACarrierFromItsHandOverAndNobodyElse() {
        Shipment s = plan(SENDER);
        assertThat(s.owner()).as("the sender's own organisation").isEqualTo("DON");
        String id = s.publicId();
        assertThat(app.logistics().get(RECEIVER, id).publicId()).isEqualTo(id);
        assertThatThrownBy(() -> app.logistics().get(CARRIER, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> app.logistics().get(STRANGER, id)).isInstanceOf(NotFound.class);
        assertThat(app.logistics().list(STRANGER, null, null, null, null, 100).items())
                .extracting(Shipment::publicId).doesNotContain(id);
        assertThat(app.logistics().board(STRANGER).get("PLANNED")).isZero();
        assertThat(app.logistics().list(RECEIVER, null, null, null, null, 100).items())
                .extracting(Shipment::publicId).contains(id);

        app.logistics().record(id, step("HANDED_OVER", "CAR"), SENDER);
        assertThat(app.logistics().get(CARRIER, id).position().holder()).isEqualTo("CAR");
        assertThat(app.logistics().custody(CARRIER, id).get(0).person()).as("named by who acts").isEqualTo("anna");
    }

    @Test
    void eachStepIsWrittenByTheHoldersOwnPeople() {
        String id = plan(SENDER).publicId();
        assertThatThrownBy(() -> app.logistics().record(id, step("DEPARTED", null), STRANGER))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> app.logistics().record(id, new RecordCustody("DEPARTED", "DON", null, null, null, null,
                null), RECEIVER)).as("the receiver cannot act for the sender").isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> app.logistics().record(id, new RecordCustody("DEPARTED", null, "someone else", null,
                null, null, null), SENDER)).as("a person signs only as themselves").isInstanceOf(InvalidField.class);
        app.logistics().record(id, step("DEPARTED", null), SENDER);
        app.logistics().record(id, step("ARRIVED_AT_HUB", null), SENDER);
        app.logistics().record(id, step("DEPARTED", null), SENDER);
        app.logistics().record(id, step("ARRIVED", null), SENDER);
        app.logistics().record(id, step("HANDED_OVER", "REC"), SENDER);
        ConfirmReceipt all = new ConfirmReceipt(null, null, List.of(new ConfirmReceipt.Received(1, 5L)), List.of());
        assertThatThrownBy(() -> app.logistics().receive(id, all, RECEIVER_VIEWER)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> app.logistics().receive(id, all, SENDER)).isInstanceOf(
                org.quartermaster.shared.Refused.class);
        assertThat(app.logistics().receive(id, all, RECEIVER).person()).isEqualTo("olena");
    }

    @Test
    void absorptionIsSetByTheDestinationsHolderAndCountsOnlyVisibleConsignments() {
        app.parties().addLocation(new AddLocation("REC-DEPOT", "Receiver's depot", "POL", LocationKind.DEPOT, "REC"),
                Actor.SYSTEM);
        SetAbsorption capacity = new SetAbsorption(null, "REC-DEPOT", "BOX", 10L, null);
        assertThatThrownBy(() -> app.absorptions().set(capacity, STRANGER)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> app.absorptions().set(capacity, SENDER)).isInstanceOf(AccessDenied.class);
        app.absorptions().set(capacity, RECEIVER);
        String own = app.offers().make(new MakeOffer("DON", "BOX", 7, "NEW", "ORIGIN", LocalDate.of(2026, 1, 1),
                "DONATION", false, null, false, null, Set.of()), Actor.SYSTEM).publicId();
        app.offers().act(own, OfferRules.Action.ACCEPT, 1, Actor.SYSTEM);
        String id = app.logistics().plan(new PlanShipment(null, "REC", "ORIGIN", "REC-DEPOT", "ROAD",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-09T00:00:00Z"), List.of(),
                List.of(new PlanShipment.Line("BOX", 7L, "OFFER", own, List.of())), Set.of()), SENDER).publicId();
        assertThat(planned(RECEIVER)).as("the receiver sees the consignment").isEqualTo(7);
        assertThat(planned(STRANGER)).as("a stranger sees the capacity, not the consignment").isZero();

        for (String kind : List.of("DEPARTED", "ARRIVED")) app.logistics().record(id, step(kind, null), SENDER);
        app.logistics().record(id, step("HANDED_OVER", "REC"), SENDER);
        app.logistics().receive(id, new ConfirmReceipt(null, null, List.of(new ConfirmReceipt.Received(1, 7L)),
                List.of()), RECEIVER);
        assertThat(app.logistics().receivedTotal(RECEIVER)).isGreaterThanOrEqualTo(7);
        assertThat(app.logistics().receivedTotal(STRANGER)).isZero();
    }

    private static long planned(Actor viewer) {
        return app.absorptions().overview(viewer, Instant.now()).stream()
                .filter(a -> a.destination().equals("REC-DEPOT")).flatMap(a -> a.weeks().stream())
                .mapToLong(Absorption.Week::plannedUnits).sum();
    }

    @Test
    void questionsAreAskedOnlyAboutRecordsTheAskerMaySee() {
        String id = plan(SENDER).publicId();
        assertThatThrownBy(() -> app.oversight().ask(new AskQuestion(id, "why?", "DON", null, null), STRANGER))
                .isInstanceOf(InvalidField.class).hasMessageContaining("no record you may see");
        var q = app.oversight().ask(new AskQuestion(id, "when?", "DON", null, null), RECEIVER);
        assertThat(app.oversight().get(SENDER, q.publicId()).text()).isEqualTo("when?");
        assertThatThrownBy(() -> app.oversight().get(STRANGER, q.publicId())).isInstanceOf(NotFound.class);
        assertThat(app.oversight().openByOrganisation(STRANGER)).isEmpty();
        assertThat(app.oversight().openByOrganisation(SENDER)).extracting(o -> o.organisation()).contains("DON");
    }
}

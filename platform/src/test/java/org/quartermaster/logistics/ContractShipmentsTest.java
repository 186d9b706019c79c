package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.procurement.ProcurementCommands.RecordDelivery;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Delivery;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.ContractFixture;
import org.quartermaster.testing.MovableClock;
import org.quartermaster.testing.TestDatabases;

/**
 * Lines on contracts and call-offs: checked against procurement when the shipment is planned (it
 * exists, the shipper is its buyer or supplier, same item, no more than is left undelivered,
 * counting what is already on its way) and rolled up into the contract by the receipt, once,
 * dated the day of the receipt, never beyond the order.
 */
class ContractShipmentsTest {
    static final Actor A = Actor.SYSTEM;
    MovableClock clock;
    Quartermaster app;
    /** A framework contract BUY ← SUP for 100 boxes, with a call-off of 60. */
    Contract framework;
    CallOff callOff;
    /** A plain contract BUY ← SUP for 20 boxes. */
    Contract plain;

    @BeforeEach
    void start() {
        clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
        app = world(TestDatabases.Kind.SQLITE, clock);
        framework = ContractFixture.sign(app, clock, "BUY", "SUP", "BOX", 100, true);
        callOff = ContractFixture.callOff(app, framework.publicId(), 60, LocalDate.of(2026, 3, 13));
        plain = ContractFixture.sign(app, clock, "BUY", "SUP", "BOX", 20, false);
    }

    /** Items BOX and RIFLE, organisations BUY, SUP, REC and OTHER, locations ORIGIN and DEST. */
    static Quartermaster world(TestDatabases.Kind kind, MovableClock clock) {
        Quartermaster app = new Quartermaster(TestDatabases.open(kind, clock));
        for (String item : List.of("BOX", "RIFLE")) {
            app.catalog().define(new DefineItem(item, item, "H87", null, null, Category.OTHER, false, List.of()), A);
        }
        String[][] orgs = {{"BUY", "DONOR_STATE"}, {"SUP", "SUPPLIER"}, {"REC", "RECIPIENT"}, {"OTHER", "SUPPLIER"}};
        for (String[] o : orgs) {
            app.parties().register(new RegisterOrganisation(o[0], o[0], OrganisationKind.valueOf(o[1]), "POL", Set.of(),
                    null), A);
        }
        for (String l : List.of("ORIGIN", "DEST")) app.parties().addLocation(new AddLocation(l, l, "POL", LocationKind.DEPOT, null), A);
        return app;
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static PlanShipment.Line line(String kind, String id, String item, long quantity) {
        return new PlanShipment.Line(item, quantity, kind, id, List.of());
    }

    Shipment plan(String owner, PlanShipment.Line... lines) {
        return plan(app, owner, lines);
    }

    /** Plans a road shipment ORIGIN to DEST for REC on {@code app}. */
    static Shipment plan(Quartermaster app, String owner, PlanShipment.Line... lines) {
        return app.logistics().plan(new PlanShipment(owner, "REC", "ORIGIN", "DEST", "ROAD",
                Instant.parse("2026-03-03T08:00:00Z"), Instant.parse("2026-03-06T08:00:00Z"), List.of(),
                Arrays.asList(lines), Set.of()), A);
    }

    /** The plan is refused on {@code field}, and nothing is journalled. */
    void refused(String field, String detail, String owner, PlanShipment.Line... lines) {
        long journal = app.journal().size();
        assertThatThrownBy(() -> plan(owner, lines)).isInstanceOf(InvalidField.class)
                .satisfies(e -> assertThat(((InvalidField) e).field()).isEqualTo(field))
                .hasMessageContaining(detail);
        assertThat(app.journal().size()).as("nothing written").isEqualTo(journal);
    }

    @Test
    void refusesContractsThatDoNotExistOrToWhichTheShipperIsNoParty() {
        refused("lines[0].fulfils", "names no contract that SUP is a party to: CT-999999", "SUP",
                line("CONTRACT", "CT-999999", "BOX", 1));
        refused("lines[0].fulfils", "names no contract", "SUP", line("CONTRACT", "C-1", "BOX", 1));
        refused("lines[0].fulfils", "names no call-off that SUP is a party to: CO-999999", "SUP",
                line("CALL_OFF", "CO-999999", "BOX", 1));
        refused("lines[0].fulfils", "names no call-off", "SUP", line("CALL_OFF", framework.publicId(), "BOX", 1));
        // another organisation learns nothing: the same answer as for a contract that does not exist
        refused("lines[0].fulfils", "names no contract that OTHER is a party to: " + framework.publicId(), "OTHER",
                line("CONTRACT", framework.publicId(), "BOX", 1));
        refused("lines[0].fulfils", "names no call-off that OTHER is a party to: " + callOff.publicId(), "OTHER",
                line("CALL_OFF", callOff.publicId(), "BOX", 1));
    }

    @Test
    void aStrangerActingForAPartyIsDeniedWhetherOrNotTheContractExists() {
        Actor stranger = new Actor("eve", "OTHER", Set.of(), Set.of("LOGISTICIAN"));
        for (String id : List.of(framework.publicId(), "CT-999999")) {
            assertThatThrownBy(() -> app.logistics().plan(new PlanShipment("SUP", "REC", "ORIGIN", "DEST", "ROAD",
                    Instant.parse("2026-03-03T08:00:00Z"), Instant.parse("2026-03-06T08:00:00Z"), List.of(),
                    List.of(line("CONTRACT", id, "BOX", 1)), Set.of()), stranger)).as(id)
                    .isInstanceOf(org.quartermaster.shared.AccessDenied.class);
        }
    }

    @Test
    void refusesAnotherItemAndMoreThanIsLeftUndelivered() {
        refused("lines[0].item", "orders BOX, not RIFLE", "SUP", line("CALL_OFF", callOff.publicId(), "RIFLE", 1));
        refused("lines[0].quantity", "leaves 60 of its 60 units undelivered, 0 of them already on shipments", "SUP",
                line("CALL_OFF", callOff.publicId(), null, 61));
        refused("lines[1].quantity", "leaves 60 of its 60 units undelivered, 40 of them already on shipments", "SUP",
                line("CALL_OFF", callOff.publicId(), null, 40), line("CALL_OFF", callOff.publicId(), null, 21));
        // 60 on their way on the call-off count on its framework contract too: 40 left of 100
        plan("SUP", line("CALL_OFF", callOff.publicId(), null, 60));
        refused("lines[0].quantity", "leaves 100 of its 100 units undelivered, 60 of them already on shipments", "BUY",
                line("CONTRACT", framework.publicId(), null, 41));
        refused("lines[0].quantity", "leaves 60 of its 60 units undelivered, 60 of them already on shipments", "BUY",
                line("CALL_OFF", callOff.publicId(), null, 1));
        Shipment direct = plan("BUY", line("CONTRACT", framework.publicId(), null, 40));
        assertThat(direct.lines().get(0).item()).as("the contract's item by default").isEqualTo("BOX");
        assertThat(direct.lines().get(0).needs()).as("a contract serves no need unless the line names one").isEmpty();
    }

    @Test
    void aReceiptCountsOnTheCallOffAndItsContractOnceDatedTheDayOfTheReceipt() {
        Shipment s = plan("SUP", line("CALL_OFF", callOff.publicId(), null, 40));
        String id = s.publicId();
        // 30 of the 40 leave: the other 10 are free for another shipment at once
        app.logistics().record(id, new RecordCustody("DEPARTED", "SUP", "Sam", null, null, null,
                List.of(new RecordCustody.Shipped(1, 30L))), A);
        refused("lines[0].quantity", "leaves 60 of its 60 units undelivered, 30 of them already on shipments", "SUP",
                line("CALL_OFF", callOff.publicId(), null, 31));
        app.logistics().record(id, new RecordCustody("ARRIVED", "SUP", "Sam", null, null, null, null), A);
        app.logistics().record(id, new RecordCustody("HANDED_OVER", "SUP", "Sam", "REC", null, null, null), A);
        clock.advance(java.time.Duration.ofDays(3));
        ConfirmReceipt receipt = new ConfirmReceipt("REC", "Rita", List.of(new ConfirmReceipt.Received(1, 28L)),
                List.of(new ReportDiscrepancy(1, "SHORT", 2L, null, null, null, List.of())));
        app.logistics().receive(id, receipt, A);

        assertThat(app.procurement().callOff(callOff.publicId(), A).deliveredQuantity()).isEqualTo(28);
        Contract k = app.procurement().contract(framework.publicId(), A);
        assertThat(k.deliveredQuantity()).as("the call-off's units count on its contract").isEqualTo(28);
        assertThat(k.status()).isEqualTo("DELIVERING");
        List<Delivery> recorded = app.procurement().deliveries(framework.publicId(), A);
        assertThat(recorded).extracting(Delivery::quantity, Delivery::callOff, Delivery::reference, Delivery::deliveredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(28L, callOff.publicId(), "shipment " + id + " line 1",
                        LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));

        // never twice: a second receipt is refused and counts nothing
        assertThatThrownBy(() -> app.logistics().receive(id, receipt, A)).isInstanceOf(Refused.class);
        assertThat(app.procurement().contract(framework.publicId(), A).deliveredQuantity()).isEqualTo(28);
        assertThat(app.procurement().deliveries(framework.publicId(), A)).hasSize(1);
        // what is left: 60 - 28 delivered, nothing on its way
        refused("lines[0].quantity", "leaves 32 of its 60 units undelivered, 0 of them already on shipments", "SUP",
                line("CALL_OFF", callOff.publicId(), null, 33));
        plan("SUP", line("CALL_OFF", callOff.publicId(), null, 32));
    }

    @Test
    void aReceiptNeverCountsBeyondTheOrderAndIsNeverRefusedForIt() {
        String id = plan("SUP", line("CONTRACT", plain.publicId(), null, 20)).publicId();
        app.logistics().record(id, new RecordCustody("DEPARTED", "SUP", "Sam", null, null, null, null), A);
        app.logistics().record(id, new RecordCustody("ARRIVED", "SUP", "Sam", null, null, null, null), A);
        app.logistics().record(id, new RecordCustody("HANDED_OVER", "SUP", "Sam", "REC", null, null, null), A);
        // meanwhile 15 are recorded against the contract by hand (another consignment note)
        app.procurement().recordDelivery(plain.publicId(), new RecordDelivery(15L, LocalDate.of(2026, 3, 4), "CMR 1"), A);
        app.logistics().receive(id, new ConfirmReceipt("REC", "Rita", List.of(new ConfirmReceipt.Received(1, 20L)),
                List.of()), A);
        Contract k = app.procurement().contract(plain.publicId(), A);
        assertThat(k.deliveredQuantity()).as("5 of the 20 received fit the order").isEqualTo(20);
        assertThat(k.status()).isEqualTo("DELIVERED");
        assertThat(app.procurement().deliveries(plain.publicId(), A)).extracting(Delivery::quantity).containsExactly(5L, 15L);
        assertThat(app.logistics().get(A, id).lines().get(0).receivedQuantity()).as("the receipt says what came")
                .isEqualTo(20);
    }
}

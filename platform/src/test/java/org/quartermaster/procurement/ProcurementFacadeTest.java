package org.quartermaster.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.AddUser;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.procurement.ProcurementCommands.*;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.procurement.model.RedFlag;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;

/**
 * The facade on its own: a restricted, lowest-price procedure with one contract for the group,
 * invitations, disqualifications and the red flags they raise from stored data, and a delivery
 * recorded inside another context's transaction; who records deliveries against a framework's
 * call-offs.
 */
class ProcurementFacadeTest {
    static final Actor ANNA = new Actor("anna", "LEAD", Set.of(), Set.of("PROCUREMENT_OFFICER"));
    static final Actor BRUNO = new Actor("bruno", "LEAD", Set.of(), Set.of("PROCUREMENT_OFFICER"));
    static final Principal OPERATOR =
            new Principal("operator", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));
    ActingServer.MovableClock clock;
    Quartermaster app;
    Procurement procurement;

    @BeforeEach
    void start() throws Exception {
        clock = new ActingServer.MovableClock(Instant.parse("2026-02-02T08:00:00Z"));
        app = new Quartermaster(Database.open("jdbc:sqlite:" + Files.createTempDirectory("qm-pf-").resolve("q.db"), clock));
        procurement = app.procurement();
        app.parties().register(new RegisterOrganisation("LEAD", "Lead", OrganisationKind.PROCUREMENT_AGENCY, "BEL",
                Set.of(), null), Actor.SYSTEM);
        for (String buyer : List.of("B1", "B2")) {
            app.parties().register(new RegisterOrganisation("ST-" + buyer, buyer, OrganisationKind.DONOR_STATE, "DEU",
                    Set.of(), null), Actor.SYSTEM);
        }
        for (String s : List.of("S1", "S2", "S3", "S4")) {
            app.parties().register(new RegisterOrganisation("SUP-" + s, s, OrganisationKind.SUPPLIER, "FRA", Set.of(),
                    null), Actor.SYSTEM);
            procurement.vet("SUP-" + s, new Eligibility(true, false, null), Actor.SYSTEM);
        }
        app.catalog().define(new DefineItem("AMMO-155", "155 mm", "H87", null, "35331200-5", Category.AMMUNITION, true,
                List.of()), Actor.SYSTEM);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void restrictedLowestPriceWithOneGroupContractAndItsRedFlags() {
        Instant now = clock.instant();
        Procedure p = procurement.open(new OpenProcedure("LEAD", "Restricted", "RESTRICTED", "LOWEST_PRICE", null, "EUR",
                true, 1_000, 5, now.plusSeconds(60), now.plusSeconds(120),
                List.of(new LotSpec("AMMO-155", null, 100_000L)), List.of("SUP-S1", "SUP-S2", "SUP-S3")), ANNA);
        String id = p.publicId();
        procurement.join(id, new Join("ST-B1", 1_000_000_000L, "budget"), ANNA);
        procurement.join(id, new Join("ST-B2", 1_000_000_000L, "budget"), ANNA);
        procurement.commit(id, new Commit("ST-B1", 1, 600L), Actor.SYSTEM);
        procurement.commit(id, new Commit("ST-B2", 1, 400L), Actor.SYSTEM);
        clock.advance(Duration.ofSeconds(61));
        procurement.publish(id, new Publish("notice", procurement.get(id, ANNA).version()), ANNA);
        assertThatThrownBy(() -> procurement.submitBid(id, new SubmitBid("SUP-S4", 1, 1L, 1, null), Actor.SYSTEM))
                .isInstanceOf(Refused.class).extracting("type").isEqualTo("not-invited");
        procurement.submitBid(id, new SubmitBid("SUP-S1", 1, 90_000L, 4, null), Actor.SYSTEM);
        procurement.submitBid(id, new SubmitBid("SUP-S2", 1, 95_000L, 4, null), Actor.SYSTEM);
        procurement.submitBid(id, new SubmitBid("SUP-S3", 1, 99_000L, 4, null), Actor.SYSTEM);
        clock.advance(Duration.ofSeconds(60));
        procurement.requestOpening(id, procurement.get(id, ANNA).version(), ANNA);
        assertThatThrownBy(() -> procurement.confirmOpening(id, procurement.get(id, ANNA).version(), ANNA))
                .isInstanceOf(Refused.class).extracting("type").isEqualTo("four-eyes");
        // a second account of the person who asked is not a second pair of eyes
        for (String account : List.of("anna", "anna-travel")) {
            app.access().addUser(new AddUser(account, "LEAD", Set.of(Role.PROCUREMENT_OFFICER), "person-anna",
                    "correct horse battery"), OPERATOR);
        }
        Actor annaTravelling = new Actor("anna-travel", "LEAD", Set.of(), Set.of("PROCUREMENT_OFFICER"));
        assertThatThrownBy(() -> procurement.confirmOpening(id, procurement.get(id, ANNA).version(), annaTravelling))
                .isInstanceOf(Refused.class).hasMessageContaining("another account of the same person")
                .extracting("type").isEqualTo("four-eyes");
        procurement.confirmOpening(id, procurement.get(id, BRUNO).version(), BRUNO);
        procurement.disqualify(id, new Disqualify("BID-000001", "missing certificate"), ANNA);
        procurement.disqualify(id, new Disqualify("BID-000002", "late sample"), ANNA);
        procurement.evaluate(id, procurement.get(id, ANNA).version(), ANNA);
        procurement.award(id, procurement.get(id, ANNA).version(), ANNA);
        clock.advance(Duration.ofDays(5));
        List<Contract> contracts = procurement.conclude(id, procurement.get(id, ANNA).version(), ANNA);

        assertThat(contracts).hasSize(1);
        Contract group = contracts.get(0);
        assertThat(group.buyer()).isEqualTo("LEAD");
        assertThat(group.supplier()).isEqualTo("SUP-S3");
        assertThat(group.quantity()).isEqualTo(1_000); // 600 + 400, one contract for the group
        assertThat(group.releasableTo()).containsExactlyInAnyOrder("ST-B1", "ST-B2", "SUP-S3");
        assertThat(group.framework()).isFalse();
        assertThat(procurement.redFlags(id, ANNA)).extracting(RedFlag::indicator).contains(
                RedFlag.Indicator.LOWEST_BID_DISQUALIFIED, RedFlag.Indicator.ALL_BUT_WINNER_DISQUALIFIED)
                .doesNotContain(RedFlag.Indicator.SINGLE_BID);
        assertThatThrownBy(() -> procurement.callOff(group.publicId(), new PlaceCallOff("LEAD", 1L,
                LocalDate.of(2026, 3, 1)), ANNA)).isInstanceOf(Refused.class).extracting("type").isEqualTo("not-a-framework");

        // logistics records a delivery inside its own transaction; too much is refused and nothing is written
        Contract after = app.db().write(Actor.SYSTEM, tx -> procurement.recordDelivery(tx, group.publicId(), 400,
                LocalDate.of(2026, 2, 20), "consignment K-1"));
        assertThat(after.deliveredQuantity()).isEqualTo(400);
        assertThat(after.status()).isEqualTo("DELIVERING");
        assertThatThrownBy(() -> app.db().write(Actor.SYSTEM, tx -> procurement.recordDelivery(tx, group.publicId(),
                601, LocalDate.of(2026, 2, 21), "consignment K-2"))).isInstanceOf(Refused.class);
        assertThat(procurement.contract(group.publicId(), ANNA).deliveredQuantity()).isEqualTo(400);
        Contract done = app.db().write(Actor.SYSTEM, tx -> procurement.recordDelivery(tx, group.publicId(), 600,
                LocalDate.of(2026, 2, 27), "consignment K-3"));
        assertThat(done.status()).isEqualTo("DELIVERED");
    }

    /**
     * A call-off is its buyer's, released to the supplier and the framework's buyer: another
     * participant of the group framework records deliveries against the contract, not against a
     * call-off it is no party to (it cannot even see it).
     */
    @Test
    void onlyAPartyToACallOffRecordsDeliveriesAgainstIt() {
        Instant now = clock.instant();
        String id = procurement.open(new OpenProcedure("LEAD", "Framework", "FRAMEWORK", "LOWEST_PRICE", null, "EUR",
                true, 1_000, 0, now.plusSeconds(60), now.plusSeconds(120),
                List.of(new LotSpec("AMMO-155", null, 100_000L)), null), ANNA).publicId();
        for (String buyer : List.of("ST-B1", "ST-B2")) {
            procurement.join(id, new Join(buyer, 1_000_000_000L, "budget"), ANNA);
            procurement.commit(id, new Commit(buyer, 1, 500L), Actor.SYSTEM);
        }
        clock.advance(Duration.ofSeconds(61));
        procurement.publish(id, new Publish("notice", procurement.get(id, ANNA).version()), ANNA);
        procurement.submitBid(id, new SubmitBid("SUP-S1", 1, 90_000L, 4, null), Actor.SYSTEM);
        clock.advance(Duration.ofSeconds(60));
        procurement.requestOpening(id, procurement.get(id, ANNA).version(), ANNA);
        procurement.confirmOpening(id, procurement.get(id, BRUNO).version(), BRUNO);
        procurement.evaluate(id, procurement.get(id, ANNA).version(), ANNA);
        procurement.award(id, procurement.get(id, ANNA).version(), ANNA);
        String framework = procurement.conclude(id, procurement.get(id, ANNA).version(), ANNA).get(0).publicId();
        Actor b1 = new Actor("bea", "ST-B1", Set.of(), Set.of("PROCUREMENT_OFFICER"));
        String callOff = procurement.callOff(framework, new PlaceCallOff("ST-B1", 10L, LocalDate.of(2026, 4, 6)), b1)
                .publicId();
        Actor b1Logistician = new Actor("bob", "ST-B1", Set.of(), Set.of("LOGISTICIAN"));
        Actor b2Logistician = new Actor("ben", "ST-B2", Set.of(), Set.of("LOGISTICIAN"));
        RecordDelivery one = new RecordDelivery(1L, LocalDate.of(2026, 3, 2), "consignment K-9");

        assertThat(procurement.recordDelivery(framework, one, b2Logistician).deliveredQuantity()).isEqualTo(1);
        assertThatThrownBy(() -> procurement.callOff(callOff, b2Logistician)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> procurement.recordDelivery(callOff, one, b2Logistician))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> procurement.recordDelivery(callOff, one, b1))
                .isInstanceOf(AccessDenied.class);
        assertThat(procurement.recordDelivery(callOff, one, b1Logistician).deliveredQuantity()).isEqualTo(2);
        assertThat(procurement.callOff(callOff, b1Logistician).deliveredQuantity()).isEqualTo(1);
    }
}

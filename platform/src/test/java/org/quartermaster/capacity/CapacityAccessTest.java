package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quartermaster.capacity.CapacityFixture.MONDAY;
import static org.quartermaster.capacity.CapacityFixture.SHELLS;
import static org.quartermaster.capacity.CapacityFixture.actor;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.NotFound;
import org.quartermaster.testing.TestDatabases;

/**
 * Who may see and change capacity: lines are the supplier's and PUBLIC by default; a restricted
 * line is invisible to others; reservations are the reserver's, visible to the supplier too;
 * writes need PROCUREMENT_OFFICER or COORDINATOR in the owning organisation.
 */
class CapacityAccessTest {
    Quartermaster app;
    final Actor supplierOfficer = actor("SUP-A", "PROCUREMENT_OFFICER");
    final Actor otherSupplier = actor("SUP-B", "COORDINATOR");
    final Actor buyer = actor("BUYER", "PROCUREMENT_OFFICER");
    final Actor buyerViewer = actor("BUYER", "VIEWER");
    final Actor stranger = actor("DEU-MOD", "COORDINATOR");

    @BeforeEach
    void open() {
        app = new Quartermaster(TestDatabases.sqlite());
        CapacityFixture.load(app);
    }

    @AfterEach
    void close() {
        app.close();
    }

    PublishLine publish(String supplier, Set<String> releasableTo) {
        return new PublishLine(supplier, SHELLS, "SITE-A", "line", MONDAY, 10, 100L, List.of(), 1L, "EUR", 1, false,
                releasableTo);
    }

    @Test
    void onlyTheSuppliersOfficersPublishAndChangeItsLines() {
        assertThatThrownBy(() -> app.capacity().publish(publish("SUP-A", null), otherSupplier))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> app.capacity().publish(publish("SUP-A", null), actor("SUP-A", "VIEWER")))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> app.capacity().publish(publish("SUP-A", null), new Actor("anon", "SUP-A")))
                .isInstanceOfSatisfying(AccessDenied.class, e -> assertThat(e.unauthenticated()).isTrue());
        ProductionLine line = app.capacity().publish(publish("SUP-A", null), supplierOfficer);
        assertThat(line.releasableTo()).containsExactly("PUBLIC");
        assertThatThrownBy(() -> app.capacity().change(line.publicId(),
                new ChangeLine(null, 50L, null, null, null, null, null, 1), otherSupplier))
                .isInstanceOf(AccessDenied.class);
        assertThat(app.capacity().change(line.publicId(), new ChangeLine(null, 50L, null, null, null, null, null, 1),
                actor("SUP-A", "COORDINATOR")).version()).isEqualTo(2);
    }

    @Test
    void aRestrictedLineIsInvisibleToOthersAndLeftOutOfTheirOrderBook() {
        ProductionLine open = app.capacity().publish(publish("SUP-A", null), supplierOfficer);
        ProductionLine restricted = app.capacity().publish(publish("SUP-A", Set.of("BUYER")), supplierOfficer);
        assertThat(app.capacity().line(restricted.publicId(), buyerViewer).publicId()).isEqualTo(restricted.publicId());
        assertThatThrownBy(() -> app.capacity().line(restricted.publicId(), stranger)).isInstanceOf(NotFound.class);
        assertThat(app.capacity().lines(null, null, null, null, stranger).items())
                .extracting(ProductionLine::publicId).containsExactly(open.publicId());
        // the stranger's book counts one line of 100 units a week, the buyer's both
        assertThat(app.capacity().orderBook(SHELLS, MONDAY, 1, stranger).items().get(0).weeks().get(0).capacity())
                .isEqualTo(100);
        assertThat(app.capacity().orderBook(SHELLS, MONDAY, 1, buyerViewer).items().get(0).weeks().get(0).capacity())
                .isEqualTo(200);
        assertThatThrownBy(() -> app.capacity().reserve(CapacityFixture.slot(restricted, 0, 1, false),
                actor("DEU-MOD", "PROCUREMENT_OFFICER"))).isInstanceOf(NotFound.class);
    }

    @Test
    void reservationsAreTheReserversAndVisibleToTheSupplierOnly() {
        ProductionLine line = app.capacity().publish(publish("SUP-A", null), supplierOfficer);
        assertThatThrownBy(() -> app.capacity().reserve(CapacityFixture.slot(line, 0, 5, false), buyerViewer))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> app.capacity().reserve(CapacityFixture.slot(line, 0, 5, false), stranger))
                .isInstanceOf(AccessDenied.class);
        Reservation r = app.capacity().reserve(CapacityFixture.slot(line, 0, 5, false), buyer);
        assertThat(r.releasableTo()).containsExactly("SUP-A");
        assertThat(app.capacity().reservation(r.publicId(), supplierOfficer).quantity()).isEqualTo(5);
        assertThat(app.capacity().reservation(r.publicId(), buyerViewer).quantity()).isEqualTo(5);
        assertThatThrownBy(() -> app.capacity().reservation(r.publicId(), stranger)).isInstanceOf(NotFound.class);
        assertThat(app.capacity().reservations(null, null, null, null, stranger).items()).isEmpty();
        assertThat(app.capacity().reservations(null, null, null, null, supplierOfficer).items()).hasSize(1);
        // the stranger sees the line's reserved units in the shared book, not who reserved them
        assertThat(app.capacity().orderBook(SHELLS, MONDAY, 1, stranger).items().get(0).weeks().get(0).reserved())
                .isEqualTo(5);
        assertThatThrownBy(() -> app.capacity().release(r.publicId(), 1, stranger)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> app.capacity().release(r.publicId(), 1, supplierOfficer))
                .isInstanceOf(AccessDenied.class);
        assertThat(app.capacity().release(r.publicId(), 1, buyer).status()).isEqualTo(Reservation.Status.RELEASED);
    }
}

package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.audit.Verifier;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestDatabases;

/**
 * The journal replays capacity: after lines are published and changed and slots reserved and
 * released, the verifier agrees with the tables; a reservation, a step or a capacity edited
 * without its event is found.
 */
class CapacityVerifierTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void replaysLinesAndReservationsAndFindsEditsWithoutEvents(TestDatabases.Kind kind) {
        try (Quartermaster app = new Quartermaster(TestDatabases.open(kind))) {
            CapacityFixture.load(app);
            ProductionLine line = CapacityFixture.line(app, "SUP-A", CapacityFixture.SHELLS, 20, 100, true,
                    new long[] {5, 150});
            app.capacity().change(line.publicId(), new ChangeLine("renamed", 120L, List.of(
                    new org.quartermaster.capacity.model.RampStep(CapacityFixture.MONDAY.plusWeeks(6), 200)), null,
                    null, null, false, 1), Actor.SYSTEM);
            Reservation kept = app.capacity().reserve(CapacityFixture.slot(line, 1, 40, true), Actor.SYSTEM);
            Reservation released = app.capacity().reserve(CapacityFixture.slot(line, 2, 30, false), Actor.SYSTEM);
            app.capacity().release(released.publicId(), 1, Actor.SYSTEM);
            assertThat(verify(app)).isInstanceOf(Verifier.Report.Verified.class);
            assertThat(((Verifier.Report.Verified) verify(app)).tables()).contains("capacity_lines");

            expectDetected(app, "reserved quantity",
                    h -> h.execute("UPDATE capacity_reservations SET quantity = 41 WHERE reservation_key = 1"),
                    h -> h.execute("UPDATE capacity_reservations SET quantity = 40 WHERE reservation_key = 1"));
            expectDetected(app, "reservation status",
                    h -> h.execute("UPDATE capacity_reservations SET status = 'ACTIVE' WHERE reservation_key = 2"),
                    h -> h.execute("UPDATE capacity_reservations SET status = 'RELEASED' WHERE reservation_key = 2"));
            expectDetected(app, "line capacity",
                    h -> h.execute("UPDATE capacity_lines SET capacity_per_week = 500 WHERE line_key = 1"),
                    h -> h.execute("UPDATE capacity_lines SET capacity_per_week = 120 WHERE line_key = 1"));
            expectDetected(app, "ramp-up step",
                    h -> h.execute("UPDATE capacity_line_steps SET capacity_per_week = 900 WHERE line_key = 1"),
                    h -> h.execute("UPDATE capacity_line_steps SET capacity_per_week = 200 WHERE line_key = 1"));
            assertThat(kept.version()).isEqualTo(1);
        }
    }

    static Verifier.Report verify(Quartermaster app) {
        return app.verify(app.journal().keys().publicKey());
    }

    static void expectDetected(Quartermaster app, String what, Consumer<Handle> change, Consumer<Handle> undo) {
        app.db().write(Actor.SYSTEM, tx -> {
            change.accept(tx.handle());
            return null;
        });
        assertThat(verify(app)).as(what).isInstanceOf(Verifier.Report.Diverged.class);
        app.db().write(Actor.SYSTEM, tx -> {
            undo.accept(tx.handle());
            return null;
        });
        assertThat(verify(app)).as("restored after " + what).isInstanceOf(Verifier.Report.Verified.class);
    }
}

package org.quartermaster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/**
 * Tampering with the stored journal or the state is found by {@code verify}: every single-byte
 * change of every column of every event, deleting, reordering and inserting events, and editing
 * state rows without an event. Runs on SQLite and PostgreSQL; prints tried and detected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VerifierTamperContract {
    static final Actor ACTOR = Actor.system("alice", "UDCG-CELL");
    static final List<String> EVENT_COLUMNS =
            List.of("actor", "organisation", "event_type", "entity_id", "payload", "body", "hash", "prev_hash");
    Quartermaster app;
    int tried;
    int detected;

    abstract Database open();

    @BeforeAll
    void world() {
        app = new Quartermaster(open());
        LocalDate today = LocalDate.of(2026, 12, 1);
        app.catalog().define(new DefineItem("SHELL-155", "155 mm shell", "H87", "1315-01-234-5678", "35331000-3",
                Category.AMMUNITION, true, List.of()), ACTOR);
        app.parties().register(new RegisterOrganisation("UKR-MOD", "Ministry", OrganisationKind.RECIPIENT, "UKR",
                Set.of("UDCG"), null), ACTOR);
        app.parties().register(new RegisterOrganisation("POL", "Poland", OrganisationKind.DONOR_STATE, "POL",
                Set.of("NATO", "EU"), null), ACTOR);
        app.parties().addLocation(new AddLocation("UKR-D1", "Depot", "UKR", LocationKind.DEPOT, "UKR-MOD"), ACTOR);
        app.parties().addLocation(new AddLocation("POL-D1", "Depot", "POL", LocationKind.DEPOT, null), ACTOR);
        for (int i = 0; i < 6; i++) {
            Need n = app.needs().file(new FileNeed("UKR-MOD", "SHELL-155", 100 + i, "P" + (1 + i % 5),
                    today.plusWeeks(i), "UKR-D1", "round " + i, Set.of("NATO"), true), ACTOR);
            Offer o = app.offers().make(new MakeOffer("POL", "SHELL-155", 50, "NEW", "POL-D1", today, "DONATION",
                    false, null, i % 2 == 0, n.publicId(), Set.of()), ACTOR);
            app.offers().act(o.publicId(), OfferRules.Action.ACCEPT, 1, ACTOR);
        }
        app.journal().signIfDue(true);
        assertThat(verify()).isInstanceOf(Verifier.Report.Verified.class);
    }

    @AfterAll
    void close() {
        app.close();
    }

    Verifier.Report verify() {
        return app.verify(app.journal().keys().publicKey());
    }

    /** Applies a change, expects verify to find it, and undoes it. */
    void expectDetected(String what, Consumer<Handle> change, Consumer<Handle> undo) {
        app.db().write(ACTOR, tx -> {
            change.accept(tx.handle());
            return null;
        });
        tried++;
        Verifier.Report report = verify();
        if (report instanceof Verifier.Report.Diverged) detected++;
        assertThat(report).as(what).isInstanceOf(Verifier.Report.Diverged.class);
        app.db().write(ACTOR, tx -> {
            undo.accept(tx.handle());
            return null;
        });
        assertThat(verify()).as("restored after " + what).isInstanceOf(Verifier.Report.Verified.class);
    }

    @Test
    void findsEverySingleByteChangeOfEveryStoredEvent() {
        List<Map<String, Object>> events = app.db().read(h ->
                h.createQuery("SELECT * FROM journal_events ORDER BY sequence").mapToMap().list());
        for (Map<String, Object> e : events) {
            long sequence = ((Number) e.get("sequence")).longValue();
            for (String column : EVENT_COLUMNS) {
                String original = String.valueOf(e.get(column));
                int at = (int) ((sequence * 7 + column.length()) % original.length());
                char flipped = original.charAt(at) == 'x' ? 'y' : 'x';
                String changed = original.substring(0, at) + flipped + original.substring(at + 1);
                expectDetected("event " + sequence + " column " + column,
                        h -> set(h, sequence, column, changed), h -> set(h, sequence, column, original));
            }
            java.time.Instant time = app.journal().range(sequence, sequence).get(0).time();
            expectDetected("event " + sequence + " time", h -> setTime(h, sequence, time.plusMillis(1)),
                    h -> setTime(h, sequence, time));
        }
        System.out.printf("%s single-byte changes: tried %d, detected %d%n", getClass().getSimpleName(), tried, detected);
        assertThat(detected).isEqualTo(tried);
    }

    private static void setTime(Handle h, long sequence, java.time.Instant time) {
        h.createUpdate("UPDATE journal_events SET occurred_at = :t WHERE sequence = :s")
                .bind("t", time).bind("s", sequence).execute();
    }

    private static void set(Handle h, long sequence, String column, String value) {
        h.createUpdate("UPDATE journal_events SET " + column + " = :v WHERE sequence = :s")
                .bind("v", value).bind("s", sequence).execute();
    }

    @Test
    void findsDeletedReorderedAndInsertedEvents() {
        int before = detected;
        int triedBefore = tried;
        long size = app.journal().size();
        List<Long> positions = List.of(1L, size / 2, size);
        for (long s : positions) {
            Map<String, Object> row = app.db().read(h -> h.createQuery("SELECT * FROM journal_events WHERE sequence = :s")
                    .bind("s", s).mapToMap().one());
            expectDetected("delete event " + s, h -> h.createUpdate("DELETE FROM journal_events WHERE sequence = :s")
                    .bind("s", s).execute(), h -> insert(h, row));
        }
        for (long s : List.of(1L, size / 2, size - 1)) {
            expectDetected("swap events " + s + " and " + (s + 1), h -> swap(h, s, s + 1), h -> swap(h, s, s + 1));
        }
        Map<String, Object> copy = new java.util.HashMap<>(app.db().read(h ->
                h.createQuery("SELECT * FROM journal_events WHERE sequence = 3").mapToMap().one()));
        copy.put("sequence", size + 1);
        expectDetected("insert a copied event at the end", h -> insert(h, copy),
                h -> h.createUpdate("DELETE FROM journal_events WHERE sequence = :s").bind("s", size + 1).execute());
        System.out.printf("%s deletions, reorderings, insertions: tried %d, detected %d%n",
                getClass().getSimpleName(), tried - triedBefore, detected - before);
        assertThat(detected - before).isEqualTo(tried - triedBefore);
    }

    private static void swap(Handle h, long a, long b) {
        h.createUpdate("UPDATE journal_events SET sequence = -1 WHERE sequence = :a").bind("a", a).execute();
        h.createUpdate("UPDATE journal_events SET sequence = :a WHERE sequence = :b").bind("a", a).bind("b", b).execute();
        h.createUpdate("UPDATE journal_events SET sequence = :b WHERE sequence = -1").bind("b", b).execute();
    }

    private static void insert(Handle h, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        var update = h.createUpdate("INSERT INTO journal_events (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")");
        for (String c : columns) update.bindByType(c, row.get(c), Object.class);
        update.execute();
    }

    @Test
    void findsStateEditedWithoutAnEvent() {
        int before = detected;
        int triedBefore = tried;
        expectDetected("need quantity", h -> h.execute("UPDATE needs SET quantity = quantity + 1 WHERE need_key = 2"),
                h -> h.execute("UPDATE needs SET quantity = quantity - 1 WHERE need_key = 2"));
        expectDetected("need status", h -> h.execute("UPDATE needs SET status = 'COVERED' WHERE need_key = 3"),
                h -> h.execute("UPDATE needs SET status = 'PARTLY_COVERED' WHERE need_key = 3"));
        expectDetected("offer status", h -> h.execute("UPDATE offers SET status = 'DELIVERED' WHERE offer_key = 1"),
                h -> h.execute("UPDATE offers SET status = 'ACCEPTED' WHERE offer_key = 1"));
        expectDetected("item name", h -> h.execute("UPDATE items SET name = 'Forged' WHERE code = 'SHELL-155'"),
                h -> h.execute("UPDATE items SET name = '155 mm shell' WHERE code = 'SHELL-155'"));
        expectDetected("organisation group", h -> h.execute(
                        "DELETE FROM organisation_groups WHERE group_code = 'EU'"),
                h -> h.execute("INSERT INTO organisation_groups (organisation_key, group_code) "
                        + "SELECT organisation_key, 'EU' FROM organisations WHERE code = 'POL'"));
        expectDetected("location name", h -> h.execute("UPDATE locations SET name = 'X' WHERE code = 'UKR-D1'"),
                h -> h.execute("UPDATE locations SET name = 'Depot' WHERE code = 'UKR-D1'"));
        System.out.printf("%s state edits without an event: tried %d, detected %d%n",
                getClass().getSimpleName(), tried - triedBefore, detected - before);
        assertThat(detected - before).isEqualTo(tried - triedBefore);
    }

    @Test
    void reportsTheRowOfAStateEdit() {
        app.db().write(ACTOR, tx -> tx.handle().execute("UPDATE needs SET covered_quantity = 0 WHERE need_key = 4"));
        try {
            Verifier.Report report = verify();
            assertThat(report).isInstanceOfSatisfying(Verifier.Report.Diverged.class, d -> {
                assertThat(d.table()).isEqualTo("needs");
                assertThat(d.row()).isEqualTo("N-000004");
                assertThat(d.what()).contains("covered is 0 but the events say 50");
                assertThat(d.event()).isPositive();
            });
        } finally {
            app.db().write(ACTOR, tx -> tx.handle().execute("UPDATE needs SET covered_quantity = 50 WHERE need_key = 4"));
        }
    }
}

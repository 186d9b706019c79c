package org.quartermaster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartermaster.Quartermaster;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.ItemFilter;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.needs.ChangeNeed;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedRules;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Page;
import org.quartermaster.shared.StaleRecord;

/**
 * The repository contract: the same body runs on SQLite and on PostgreSQL (see the
 * subclasses). Each facade writes and reads back equal values, lists by every filter, pages
 * with cursors, refuses a stale version without changing anything, and commits its journal
 * event with the change or not at all; the journal chain verifies and finds tampering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    static final Actor ACTOR = Actor.system("tester", "QM");
    static final LocalDate DUE = LocalDate.of(2027, 3, 31);

    Quartermaster qm;

    abstract Database database();

    @BeforeAll
    void open() {
        qm = new Quartermaster(database());
    }

    @AfterAll
    void close() {
        if (qm != null) qm.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UNIQUE.incrementAndGet();
    }

    // ---- fixtures ------------------------------------------------------------------------

    Item item(Category category, boolean lethal, List<Compatibility> links) {
        String code = unique("IT");
        return qm.catalog().define(new DefineItem(code, "Item " + code, "H87", null, null, category, lethal, links), ACTOR);
    }

    Organisation organisation(OrganisationKind kind, Set<String> groups) {
        String code = unique("ORG");
        return qm.parties().register(new RegisterOrganisation(code, "Org " + code, kind, "POL", groups, null), ACTOR);
    }

    Location location(String country, LocationKind kind) {
        String code = unique("LOC");
        return qm.parties().addLocation(new AddLocation(code, "Loc " + code, country, kind, null), ACTOR);
    }

    record World(Item item, Organisation recipient, Organisation donor, Location location) {}

    World world() {
        return new World(item(Category.MEDICAL, false, List.of()), organisation(OrganisationKind.RECIPIENT, Set.of()),
                organisation(OrganisationKind.DONOR_STATE, Set.of("NATO")), location("UKR", LocationKind.DEPOT));
    }

    Need need(World w, long quantity, String priority, LocalDate due, boolean submit) {
        return qm.needs().file(new FileNeed(w.recipient().code(), w.item().code(), quantity, priority, due,
                w.location().code(), "reason", Set.of("NATO"), submit), ACTOR);
    }

    Offer offer(World w, long quantity, String need) {
        return qm.offers().make(new MakeOffer(w.donor().code(), w.item().code(), quantity, "NEW",
                w.location().code(), LocalDate.of(2027, 1, 15), "DONATION", false, "none", true, need,
                Set.of("UKR")), ACTOR);
    }

    /** Every page of a list, following cursors; fails if a page comes back twice or empty with a cursor. */
    static <T> List<T> pages(Function<String, Page<T>> list) {
        List<T> all = new ArrayList<>();
        String after = null;
        int guard = 0;
        do {
            Page<T> page = list.apply(after);
            assertThat(page.items().isEmpty() && page.next() != null).as("an empty page with a next cursor").isFalse();
            all.addAll(page.items());
            after = page.next();
            assertThat(++guard).as("pages end").isLessThan(1_000);
        } while (after != null);
        return all;
    }

    long journalSize() {
        return qm.journal().size();
    }

    @Nested
    class Catalog {
        @Test
        void definesAndReadsBackAnEqualItem() {
            Item target = item(Category.AMMUNITION, true, List.of());
            String code = unique("AMMO");
            Item made = qm.catalog().define(new DefineItem(code, "155 mm HE", "H87", "1320-01-234-5678", "35331000-3",
                    Category.AMMUNITION, true, List.of(new Compatibility(target.code(), 7))), ACTOR);
            Item read = qm.catalog().get(code);
            assertThat(read).isEqualTo(made);
            assertThat(read.nsn().value()).isEqualTo("1320-01-234-5678");
            assertThat(read.lethal()).isTrue();
            assertThat(read.compatibleWith()).containsExactly(new Compatibility(target.code(), 7));
            assertThat(read.createdAt()).isEqualTo(read.updatedAt()).isBefore(Instant.now().plusSeconds(1));
            assertThat(qm.catalog().byKeys(List.of(made.key(), target.key()))).containsOnlyKeys(made.key(), target.key())
                    .containsEntry(made.key(), made);
        }

        @Test
        void listsItemsByEachFilterAndPages() {
            String tag = unique("flt").toLowerCase();
            List<Item> made = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String code = unique("F") + "-" + tag.toUpperCase();
                made.add(qm.catalog().define(new DefineItem(code, "Filter " + i, "H87", null, null,
                        i % 2 == 0 ? Category.FUEL : Category.DRONES, i % 3 == 0, List.of()), ACTOR));
            }
            var byText = pages(after -> qm.catalog().list(new ItemFilter(null, null, tag), after, 3));
            assertThat(byText).containsExactlyElementsOf(made);
            assertThat(pages(after -> qm.catalog().list(new ItemFilter(Category.FUEL, null, tag), after, 2)))
                    .allMatch(i -> i.category() == Category.FUEL).hasSize(4);
            assertThat(pages(after -> qm.catalog().list(new ItemFilter(null, true, tag), after, 2)))
                    .allMatch(Item::lethal).hasSize(3);
            assertThat(pages(after -> qm.catalog().list(new ItemFilter(Category.DRONES, false, tag), after, 50)))
                    .extracting(Item::code).containsExactly(made.get(1).code(), made.get(5).code());
        }

        @Test
        void changesAtTheCurrentVersionAndRefusesAStaleOneChangingNothing() {
            Item item = item(Category.MEDICAL, false, List.of());
            DefineItem change = new DefineItem(null, "Renamed", "H87", null, null, Category.MEDICAL, false, List.of());
            Item changed = qm.catalog().change(item.code(), change, 1, ACTOR);
            assertThat(changed.version()).isEqualTo(2);
            assertThat(changed.name()).isEqualTo("Renamed");
            long events = journalSize();
            assertThatThrownBy(() -> qm.catalog().change(item.code(), new DefineItem(null, "Stale", "H87", null, null,
                    Category.FUEL, true, List.of()), 1, ACTOR)).isInstanceOf(StaleRecord.class);
            assertThat(qm.catalog().get(item.code())).isEqualTo(changed);
            assertThat(journalSize()).isEqualTo(events);
        }
    }

    @Nested
    class Parties {
        @Test
        void registersAndReadsBackAnEqualOrganisationAndLocation() {
            Organisation o = qm.parties().register(new RegisterOrganisation(unique("SUP"), "Supplier", OrganisationKind.SUPPLIER,
                    "DEU", Set.of("NATO", "EU"), "D1234"), ACTOR);
            assertThat(qm.parties().organisation(o.code())).isEqualTo(o);
            assertThat(o.groups()).containsExactly("EU", "NATO");
            Location l = qm.parties().addLocation(new AddLocation(unique("HUB"), "Hub", "POL", LocationKind.HUB,
                    o.code()), ACTOR);
            assertThat(qm.parties().location(l.code())).isEqualTo(l);
            assertThat(l.organisation()).isEqualTo(o.code());
            assertThat(qm.parties().organisationsByKey(List.of(o.key()))).containsEntry(o.key(), o);
            assertThat(qm.parties().locationsByKey(List.of(l.key()))).containsEntry(l.key(), l);
        }

        @Test
        void listsOrganisationsAndLocationsByEachFilterAndPages() {
            String group = unique("G").replace("-", "_");
            List<Organisation> members = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                members.add(organisation(i < 3 ? OrganisationKind.FUND : OrganisationKind.AUDITOR, Set.of(group)));
            }
            assertThat(pages(after -> qm.parties().organisations(null, group, after, 2))).containsExactlyElementsOf(members);
            assertThat(pages(after -> qm.parties().organisations(OrganisationKind.AUDITOR, group, after, 1)))
                    .containsExactlyElementsOf(members.subList(3, 5));
            assertThat(pages(after -> qm.parties().organisations(OrganisationKind.FUND, null, after, 2)))
                    .containsAll(members.subList(0, 3)).allMatch(o -> o.kind() == OrganisationKind.FUND);
            Location port = location("ROU", LocationKind.PORT);
            Location field = location("ROU", LocationKind.AIRFIELD);
            assertThat(pages(after -> qm.parties().locations(null, "ROU", after, 1))).contains(port, field)
                    .allMatch(l -> l.country().equals("ROU"));
            assertThat(pages(after -> qm.parties().locations(LocationKind.PORT, "ROU", after, 1))).contains(port)
                    .doesNotContain(field);
        }

        @Test
        void refusesAStaleOrganisationChangeChangingNothing() {
            Organisation o = organisation(OrganisationKind.FUND, Set.of("EU"));
            Organisation changed = qm.parties().change(o.code(), new RegisterOrganisation(null, "Renamed",
                    OrganisationKind.FUND, "POL", Set.of("EU", "NATO"), null), 1, ACTOR);
            assertThat(changed.version()).isEqualTo(2);
            long events = journalSize();
            assertThatThrownBy(() -> qm.parties().change(o.code(), new RegisterOrganisation(null, "Stale",
                    OrganisationKind.AUDITOR, "DEU", Set.of(), null), 1, ACTOR)).isInstanceOf(StaleRecord.class);
            assertThat(qm.parties().organisation(o.code())).isEqualTo(changed);
            assertThat(journalSize()).isEqualTo(events);
        }
    }

    @Nested
    class Needs {
        @Test
        void filesAndReadsBackAnEqualNeed() {
            World w = world();
            Need n = need(w, 250, "P1", DUE, true);
            Need read = qm.needs().get(n.publicId());
            assertThat(read).isEqualTo(n);
            assertThat(read.dueDate()).isEqualTo(DUE);
            assertThat(read.releasableTo()).containsExactly("NATO");
            assertThat(read.status().name()).isEqualTo("OPEN");
        }

        @Test
        void listsNeedsByEachFilterAndPages() {
            World w = world();
            Need a = need(w, 10, "P1", DUE, true);
            Need b = need(w, 20, "P3", DUE.plusDays(10), false);
            Need c = need(w, 30, "P3", DUE.minusDays(10), true);
            String item = w.item().code();
            assertThat(pages(after -> qm.needs().list(filter(null, item, null, null, null, null), after, 1)))
                    .containsExactly(a, b, c);
            assertThat(pages(after -> qm.needs().list(filter("OPEN", item, null, null, null, null), after, 1)))
                    .containsExactly(a, c);
            assertThat(pages(after -> qm.needs().list(filter(null, null, w.recipient().code(), null, 3, null), after, 5)))
                    .containsExactly(b, c);
            assertThat(pages(after -> qm.needs().list(filter(null, null, null, w.location().code(), null, DUE), after, 5)))
                    .containsExactly(c);
            assertThat(qm.needs().coverage()).anyMatch(r -> r.item().equals(item) && r.priority() == 3
                    && r.quantity() == 30 && r.needs() == 1);
            assertThat(qm.needs().countByStatus()).containsKeys("OPEN", "DRAFT");
        }

        private NeedFilter filter(String status, String item, String requester, String destination, Integer priority,
                                  LocalDate dueBefore) {
            return new NeedFilter(status, item, requester, destination, priority, dueBefore);
        }

        @Test
        void refusesAStaleStepOrChangeChangingNothing() {
            Need n = need(world(), 10, "P2", DUE, false);
            Need open = qm.needs().act(n.publicId(), NeedRules.Action.SUBMIT, 1, ACTOR);
            long events = journalSize();
            assertThatThrownBy(() -> qm.needs().act(n.publicId(), NeedRules.Action.CANCEL, 1, ACTOR))
                    .isInstanceOf(StaleRecord.class);
            assertThatThrownBy(() -> qm.needs().change(n.publicId(), new ChangeNeed(99L, null, null, null, null, 1),
                    ACTOR)).isInstanceOf(StaleRecord.class);
            assertThat(qm.needs().get(n.publicId())).isEqualTo(open);
            assertThat(journalSize()).isEqualTo(events);
        }

        @Test
        void rollsBackTheChangeAndItsJournalEventTogether() {
            Need n = need(world(), 10, "P2", DUE, true);
            long events = journalSize();
            assertThatThrownBy(() -> qm.db().write(ACTOR, tx -> {
                qm.needs().cover(tx, n.publicId(), 4, "test");
                throw new IllegalStateException("fails after journalling");
            })).hasMessageContaining("fails after journalling");
            assertThat(qm.needs().get(n.publicId())).isEqualTo(n);
            assertThat(journalSize()).isEqualTo(events);
            assertThat(qm.journal().forEntity(n.publicId(), 10)).hasSize(1);
        }

        @Test
        void rollsBackTheChangeWhenItsJournalEventCannotBeWritten() {
            Need n = need(world(), 10, "P2", DUE, true);
            long events = journalSize();
            assertThatThrownBy(() -> qm.db().write(ACTOR, tx -> {
                qm.needs().cover(tx, n.publicId(), 4, "test");
                // Journal payloads hold integers only: this event fails while flushing, before commit.
                qm.journal().record(tx, "Broken", n.publicId(), Map.of("ratio", 0.5));
                return null;
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(qm.needs().get(n.publicId())).isEqualTo(n);
            assertThat(journalSize()).isEqualTo(events);
        }
    }

    @Nested
    class Offers {
        @Test
        void makesAndReadsBackAnEqualOfferAndMovesItsNeedInOneTransaction() {
            World w = world();
            Need n = need(w, 100, "P1", DUE, true);
            Offer o = offer(w, 40, n.publicId());
            assertThat(qm.offers().get(o.publicId())).isEqualTo(o);
            assertThat(o.need()).isEqualTo(n.publicId());
            assertThat(o.reimbursementRequested()).isTrue();
            assertThat(o.nonLethalOnly()).isFalse();
            assertThat(o.availableFrom()).isEqualTo(LocalDate.of(2027, 1, 15));
            Offer accepted = qm.offers().act(o.publicId(), OfferRules.Action.ACCEPT, 1, ACTOR);
            assertThat(accepted.status().name()).isEqualTo("ACCEPTED");
            assertThat(qm.needs().get(n.publicId()).coveredQuantity()).isEqualTo(40);
        }

        @Test
        void listsOffersByEachFilterAndPages() {
            World w = world();
            Need n = need(w, 100, "P1", DUE, true);
            Offer a = offer(w, 1, n.publicId());
            Offer b = offer(w, 2, null);
            Offer c = offer(w, 3, n.publicId());
            Offer declined = qm.offers().act(b.publicId(), OfferRules.Action.DECLINE, 1, ACTOR);
            String item = w.item().code();
            assertThat(pages(after -> qm.offers().list(new OfferFilter(null, item, null, null), after, 1)))
                    .containsExactly(a, declined, c);
            assertThat(pages(after -> qm.offers().list(new OfferFilter("DECLINED", null, w.donor().code(), null), after, 1)))
                    .containsExactly(declined);
            assertThat(pages(after -> qm.offers().list(new OfferFilter(null, null, null, n.publicId()), after, 1)))
                    .containsExactly(a, c);
            assertThat(qm.offers().quantityByStatus()).containsKeys("OFFERED", "DECLINED");
        }

        @Test
        void refusesAStaleStepChangingNeitherTheOfferNorItsNeed() {
            World w = world();
            Need n = need(w, 100, "P1", DUE, true);
            Offer o = offer(w, 40, n.publicId());
            qm.offers().act(o.publicId(), OfferRules.Action.ACCEPT, 1, ACTOR);
            Offer current = qm.offers().get(o.publicId());
            Need covered = qm.needs().get(n.publicId());
            long events = journalSize();
            assertThatThrownBy(() -> qm.offers().act(o.publicId(), OfferRules.Action.WITHDRAW, 1, ACTOR))
                    .isInstanceOf(StaleRecord.class);
            assertThat(qm.offers().get(o.publicId())).isEqualTo(current);
            assertThat(qm.needs().get(n.publicId())).as("the need's uncovering rolled back").isEqualTo(covered);
            assertThat(journalSize()).isEqualTo(events);
        }
    }

    @Nested
    class JournalChain {
        @Test
        void verifiesTheChainAndFindsATamperedEvent() {
            world();
            Journal journal = qm.journal();
            assertThat(journal.size()).isGreaterThanOrEqualTo(4);
            assertThat(journal.firstBrokenLink()).isZero();
            long victim = journal.size() - 2;
            String original = qm.db().read(h -> h.createQuery("SELECT body FROM journal_events WHERE sequence = :s")
                    .bind("s", victim).mapTo(String.class).one());
            tamper("UPDATE journal_events SET body = :body WHERE sequence = :s", original.replace("Org", "0rg"), victim);
            try {
                assertThat(journal.firstBrokenLink()).isEqualTo(victim);
            } finally {
                tamper("UPDATE journal_events SET body = :body WHERE sequence = :s", original, victim);
            }
            assertThat(journal.firstBrokenLink()).isZero();
        }

        @Test
        void findsARewrittenHash() {
            world();
            Journal journal = qm.journal();
            long victim = journal.size() - 1;
            String hash = qm.db().read(h -> h.createQuery("SELECT hash FROM journal_events WHERE sequence = :s")
                    .bind("s", victim).mapTo(String.class).one());
            tamper("UPDATE journal_events SET hash = :body WHERE sequence = :s", "f".repeat(64), victim);
            try {
                assertThat(journal.firstBrokenLink()).isEqualTo(victim);
            } finally {
                tamper("UPDATE journal_events SET hash = :body WHERE sequence = :s", hash, victim);
            }
            assertThat(journal.firstBrokenLink()).isZero();
        }

        @Test
        void pagesTheFeedInOrderSeeingEachEventOnce() {
            world();
            List<Long> sequences = pages(after -> qm.journal().feed(after, 3)).stream()
                    .map(org.quartermaster.audit.JournalEvent::sequence).toList();
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= qm.journal().size(); s++) expected.add(s);
            assertThat(sequences).containsExactlyElementsOf(expected);
        }

        private void tamper(String sql, String value, long sequence) {
            qm.db().write(ACTOR, tx -> tx.handle().createUpdate(sql).bind("body", value).bind("s", sequence).execute());
        }
    }
}

package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.audit.JournalEvent;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Refused;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;
import org.quartermaster.testing.TestServer;

/**
 * A granted approval authorises one change, once: the change spends it (USED) in its own
 * transaction, journalled; a second use, a use on another record or for another step, and the
 * losers of concurrent uses are refused (409). On SQLite and PostgreSQL.
 */
class ApprovalUseTest {
    static final Set<String> GROUP = Set.of(AccessWorld.GROUP);
    static final String LOWER_TO_NOBODY = FourEyesCheck.lowerReleasability(Set.of());

    /** A platform with the access world, a coordinator (the requester) and an approver of the owner. */
    static final class World implements AutoCloseable {
        final Quartermaster app;
        final Access access;
        final Actor cora;
        final Actor abel;

        World(Kind kind) {
            app = new Quartermaster(TestDatabases.open(kind), JournalKeys.generate(), TestServer.FAST);
            access = app.access();
            AccessWorld.load(app);
            cora = person("cora", Role.COORDINATOR);
            abel = person("abel", Role.APPROVER);
        }

        Actor person(String name, Role role) {
            access.addUser(new AddUser(name, AccessWorld.OWN, EnumSet.of(role), "person-" + name,
                    "a long enough passphrase"), AccessFixture.OPERATOR);
            return new Actor(name, AccessWorld.OWN, GROUP, Set.of(role.name()));
        }

        /** An approval asked by cora and granted by abel. */
        String granted(String subjectType, String subjectId, String summary) {
            Approval a = access.requestApproval(new RequestApproval(subjectType, subjectId, summary),
                    principal(cora));
            access.grant(a.id(), principal(abel));
            return a.id();
        }

        Need need() {
            return AccessWorld.need(app, AccessWorld.OWN, GROUP, true);
        }

        Need lower(Need n, String approval) {
            Need now = app.needs().get(n.publicId());
            return app.needs().changeReleasability(n.publicId(), Set.of(), now.version(), approval, cora,
                    access::useApproval);
        }

        List<String> typesOf(String entity) {
            return app.journal().forEntity(entity, 50).stream().map(JournalEvent::type).toList();
        }

        @Override
        public void close() {
            app.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anApprovalLowersAReleasabilityOnceAndASecondUseIsRefused(Kind kind) {
        try (World w = new World(kind)) {
            Need n = w.need();
            String approval = w.granted("need", n.publicId(), LOWER_TO_NOBODY);
            Need lowered = w.lower(n, approval);
            assertThat(lowered.releasableTo()).isEmpty();
            Approval used = w.access.approval(approval);
            assertThat(used.status()).isEqualTo(Approval.Status.USED);
            assertThat(used.usedBy()).isEqualTo("cora");
            assertThat(used.usedAt()).isNotNull();
            assertThat(w.typesOf(approval)).containsExactly("ApprovalRequested", "ApprovalDecided", "ApprovalUsed");

            // widened again (no approval needed), then lowered again with the spent approval: refused
            Need widened = w.app.needs().changeReleasability(n.publicId(), GROUP, lowered.version(), null, w.cora,
                    w.access::useApproval);
            assertThat(widened.releasableTo()).isEqualTo(GROUP);
            assertThatThrownBy(() -> w.lower(n, approval)).isInstanceOf(Refused.class)
                    .satisfies(e -> assertThat(((Refused) e).type()).isEqualTo("approval-used"))
                    .hasMessageContaining("used already by cora");
            assertThat(w.app.needs().get(n.publicId()).releasableTo()).isEqualTo(GROUP);
            // a used approval cannot be decided again either
            assertThatThrownBy(() -> w.access.reject(approval, principal(w.abel)))
                    .isInstanceOf(Refused.class).hasMessageContaining("already USED");
            assertThat(w.app.journal().firstBrokenLink()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anApprovalAuthorisesOnlyTheRecordAndTheStepItWasAskedFor(Kind kind) {
        try (World w = new World(kind)) {
            Need asked = w.need();
            Need other = w.need();
            Offer offer = AccessWorld.offer(w.app, AccessWorld.OWN, GROUP, null);
            String approval = w.granted("need", asked.publicId(), LOWER_TO_NOBODY);
            long events = w.app.journal().size();

            // another record of the same kind
            assertThatThrownBy(() -> w.lower(other, approval)).isInstanceOf(Refused.class)
                    .hasMessageContaining("for another step");
            // the same record, another change (lowered to the partner instead of to nobody)
            assertThatThrownBy(() -> w.app.needs().changeReleasability(asked.publicId(), Set.of(AccessWorld.PARTNER),
                    asked.version(), approval, w.cora, w.access::useApproval)).isInstanceOf(Refused.class)
                    .hasMessageContaining("for another step");
            // another kind of record
            assertThatThrownBy(() -> w.app.offers().changeReleasability(offer.publicId(), Set.of(), offer.version(),
                    approval, w.cora, w.access::useApproval)).isInstanceOf(Refused.class)
                    .hasMessageContaining("for another step");
            // another action: an approval of a payment does not lower a releasability
            String payment = w.granted(org.quartermaster.funds.Funds.APPROVAL_SUBJECT, asked.publicId(), LOWER_TO_NOBODY);
            assertThatThrownBy(() -> w.lower(asked, payment)).isInstanceOf(Refused.class)
                    .hasMessageContaining("for another step");
            // an approval still waiting for its second person
            Approval pending = w.access.requestApproval(new RequestApproval("need", asked.publicId(), LOWER_TO_NOBODY),
                    principal(w.cora));
            assertThatThrownBy(() -> w.lower(asked, pending.id())).isInstanceOf(Refused.class)
                    .hasMessageContaining("PENDING, not GRANTED");

            // nothing was changed or spent by the refusals: the new events are the two approvals' own
            // (the payment's requested and granted, the pending one requested)
            assertThat(w.app.journal().size()).isEqualTo(events + 3);
            assertThat(w.access.approval(approval).status()).isEqualTo(Approval.Status.GRANTED);
            assertThat(w.app.needs().get(other.publicId()).releasableTo()).isEqualTo(GROUP);
            assertThat(w.lower(asked, approval).releasableTo()).isEmpty();
        }
    }

    /**
     * Two transactions overlap on purpose: the first has spent the approval but not committed
     * when the second reads it (still GRANTED on PostgreSQL) and tries to spend it too; the second
     * must be refused once the first commits. SQLite has one writer, so there the second waits
     * for the first transaction to end before it reads.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void ofTwoOverlappingUsesOnlyTheFirstCommits(Kind kind) throws Exception {
        try (World w = new World(kind)) {
            Need n = w.need();
            String approval = w.granted("need", n.publicId(), LOWER_TO_NOBODY);
            CountDownLatch firstSpent = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> first = pool.submit(() -> w.app.db().write(w.cora, tx -> {
                    w.access.useApproval(tx, approval, "need", n.publicId(), LOWER_TO_NOBODY, w.cora);
                    firstSpent.countDown();
                    await(releaseFirst);
                    return null;
                }));
                assertThat(firstSpent.await(30, TimeUnit.SECONDS)).isTrue();
                Future<?> second = pool.submit(() -> w.app.db().write(w.cora, tx -> {
                    w.access.useApproval(tx, approval, "need", n.publicId(), LOWER_TO_NOBODY, w.cora);
                    return null;
                }));
                Thread.sleep(300);  // the second is now blocked on the first's row lock (or on SQLite's writer)
                releaseFirst.countDown();
                first.get(30, TimeUnit.SECONDS);
                assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(Refused.class)
                        .satisfies(e -> assertThat(((Refused) e).type()).isEqualTo("approval-used"));
            } finally {
                releaseFirst.countDown();
                pool.shutdownNow();
            }
            assertThat(w.typesOf(approval)).filteredOn("ApprovalUsed"::equals).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ofManyConcurrentChangesWithOneApprovalExactlyOneSucceeds(Kind kind) throws Exception {
        try (World w = new World(kind)) {
            int attempts = 8;
            Need target = w.need();
            String approval = w.granted("need", target.publicId(), LOWER_TO_NOBODY);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            List<Future<Need>> results = new ArrayList<>();
            try {
                for (int i = 0; i < attempts; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return w.app.needs().changeReleasability(target.publicId(), Set.of(), target.version(), approval,
                                w.cora, w.access::useApproval);
                    }));
                }
                start.countDown();
                int succeeded = 0;
                for (Future<Need> f : results) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                        succeeded++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        // every loser is a 409: the approval was spent, or the record moved on
                        assertThat(e.getCause()).isInstanceOfAny(Refused.class, StaleRecord.class);
                    }
                }
                assertThat(succeeded).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(w.access.approval(approval).status()).isEqualTo(Approval.Status.USED);
            assertThat(w.typesOf(approval)).filteredOn("ApprovalUsed"::equals).hasSize(1);
            assertThat(w.typesOf(target.publicId())).filteredOn("NeedReleasabilityChanged"::equals).hasSize(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Principal principal(Actor a) {
        return Permissions.principal(a);
    }
}

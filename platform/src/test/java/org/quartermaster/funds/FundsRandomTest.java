package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.FundCommands.CallContributions;
import org.quartermaster.funds.FundCommands.ClaimReimbursement;
import org.quartermaster.funds.FundCommands.Commit;
import org.quartermaster.funds.FundCommands.CreateFund;
import org.quartermaster.funds.FundCommands.CreateMeasure;
import org.quartermaster.funds.FundCommands.KeyShare;
import org.quartermaster.funds.FundCommands.PayMilestone;
import org.quartermaster.funds.FundCommands.RecordBilateral;
import org.quartermaster.funds.FundCommands.SetKey;
import org.quartermaster.funds.OfferLookup.DonatedOffer;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.ContributionKey;
import org.quartermaster.funds.model.Envelope;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.FundRules;
import org.quartermaster.funds.model.Funding;
import org.quartermaster.funds.model.Measure;
import org.quartermaster.funds.model.Transfer;
import org.quartermaster.funds.model.TransferStatus;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

/**
 * Stateful randomised test of the ledger and the fund rules on a real database: sequences of
 * {@value #OPERATIONS} random operations (calls, share payments, voids, commitments, milestone
 * payments, claims, bilateral fundings, retries, conflicting retries, concurrent transfers),
 * each outcome checked against the rules recomputed here, and after every step: balances equal
 * an independent replay of the transfers, debits equal credits per currency, no no-negative
 * account below zero, every ceiling respected, abstainers never fund the lethal envelope.
 *
 * <p>Sequences per database: {@code -Dqm.funds.sequences=N} (default {@value #SEQUENCES_DEFAULT});
 * {@code -Dqm.funds.seed=S} replays a run; {@code -Dqm.funds.only=SQLITE} (or POSTGRESQL) runs one database. Each sequence uses its own fund in one database.
 */
class FundsRandomTest {
    static final int OPERATIONS = 60;
    static final int SEQUENCES_DEFAULT = 10;
    static final int CONCURRENT_WRITERS = 4;
    static final Actor ACTOR = Actor.SYSTEM;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void randomSequencesKeepTheLedgerAndEveryFundRuleSound(Kind kind) throws Exception {
        String only = System.getProperty("qm.funds.only");
        org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only.equals(kind.name()),
                "-Dqm.funds.only=" + only + " runs the other database only");
        int sequences = Integer.getInteger("qm.funds.sequences", SEQUENCES_DEFAULT);
        long seed = Long.getLong("qm.funds.seed", System.nanoTime());
        long started = System.nanoTime();
        Map<String, DonatedOffer> offers = new ConcurrentHashMap<>();
        Path sqliteDirectory = kind == Kind.SQLITE ? tmpfsDirectory() : null;
        try (Database db = fastDatabase(kind, sqliteDirectory);
             ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_WRITERS)) {
            Journal journal = new Journal(db);
            Ledger ledger = new Ledger(db, journal);
            Funds funds = new Funds(db, journal, ledger, id -> {
                DonatedOffer o = offers.get(id);
                if (o == null) throw new NotFound("offer", id);
                return o;
            });
            int[] steps = new int[1];
            for (int s = 0; s < sequences; s++) {
                String context = kind + " seed " + seed + " sequence " + s + " (-Dqm.funds.seed=" + seed + ")";
                new Sequence(funds, offers, pool, new Random(seed + s), s, context).run(steps);
            }
            Ledger.Verification all = ledger.verify();
            assertThat(all.problems()).as(kind + " seed " + seed).isEmpty();
            assertThat(journal.firstBrokenLink()).as(kind + " seed " + seed).isZero();
            System.out.printf("FundsRandomTest %s: %d sequences x %d operations (%d steps), 0 failures, %d transfers,"
                            + " %.1f s, seed %d%n", kind, sequences, OPERATIONS, steps[0], all.transfers(),
                    (System.nanoTime() - started) / 1e9, seed);
        } finally {
            if (sqliteDirectory != null) deleteTree(sqliteDirectory);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Durability is not under test here, so SQLite lives on tmpfs and PostgreSQL commits
     * asynchronously: the same SQL, without waiting for the disk at every step.
     */
    static Database fastDatabase(Kind kind, Path sqliteDirectory) {
        if (kind == Kind.POSTGRESQL) {
            return Database.open(TestDatabases.postgresUrl() + "&options=-c%20synchronous_commit%3Doff");
        }
        return Database.embedded(sqliteDirectory);
    }

    static Path tmpfsDirectory() throws java.io.IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) ? Files.createTempDirectory(shm, "qm-funds-") : Files.createTempDirectory("qm-funds-");
    }

    /** One sequence: its own fund, members, measures, offers and contracts. */
    static final class Sequence {
        final Funds funds;
        final Ledger ledger;
        final Map<String, DonatedOffer> offers;
        final ExecutorService pool;
        final Random random;
        final String context;
        final String fund;
        final String currency;
        final List<String> offerIds = new ArrayList<>();
        final Set<String> funded = new HashSet<>();
        final Set<String> abstainers = new HashSet<>();
        final List<Measure> measures = new ArrayList<>();
        final Map<String, long[]> contracts = new HashMap<>(); // contract -> {value, paid, prepaid, measure index}
        final List<String> pendingShares = new ArrayList<>();
        final List<String> pendingCommitments = new ArrayList<>();
        final List<Supplier<Object>> replays = new ArrayList<>();
        final List<Supplier<Object>> conflicts = new ArrayList<>();
        Account reserve;
        /** What the last check read: the state every operation starts from (no other writer between steps). */
        Ledger.Snapshot last;
        int nextId;
        String step = "setup";

        Sequence(Funds funds, Map<String, DonatedOffer> offers, ExecutorService pool, Random random, int index,
                 String context) {
            this.funds = funds;
            this.ledger = funds.ledger();
            this.offers = offers;
            this.pool = pool;
            this.random = random;
            this.context = context;
            this.fund = "F" + index;
            this.currency = random.nextInt(5) == 0 ? "JPY" : "EUR";
        }

        void run(int[] steps) throws Exception {
            setUp();
            check();
            for (int i = 0; i < OPERATIONS; i++) {
                step = "step " + i;
                operate();
                check();
                steps[0]++;
            }
        }

        void setUp() {
            funds.create(new CreateFund(fund, "Fund " + fund, currency), ACTOR);
            int members = 2 + random.nextInt(5);
            List<KeyShare> key = new ArrayList<>();
            int left = ContributionKey.BASIS_POINTS_TOTAL;
            for (int m = 0; m < members; m++) {
                int bp = m == members - 1 ? left : random.nextInt(left + 1);
                left -= bp;
                boolean abstains = random.nextInt(4) == 0;
                if (abstains) abstainers.add("M" + m);
                key.add(new KeyShare("M" + m, bp, abstains));
            }
            funds.setKey(new SetKey(fund, key), ACTOR);
            for (Envelope e : Envelope.values()) {
                measures.add(funds.createMeasure(new CreateMeasure(fund + "-" + e.name(), fund, e.name(),
                        1 + random.nextInt(2_000_000)), ACTOR));
            }
            reserve = ledger.open(new OpenAccount(fund, fund, "RESERVE", currency, true), ACTOR);
            for (int o = 0; o < 6; o++) {
                String id = fund + "-O" + o;
                int roll = random.nextInt(10);
                String status = roll < 6 ? "DELIVERED" : roll < 8 ? "SHIPPED" : "COMMITTED";
                offers.put(id, new DonatedOffer(id, "D" + random.nextInt(3), status,
                        random.nextInt(5) == 0 ? "SALE" : "DONATION"));
                offerIds.add(id);
            }
            for (int c = 0; c < 3; c++) {
                contracts.put(fund + "-C" + c, new long[] {1 + random.nextInt(1_500_000), 0, 0, random.nextInt(2)});
            }
        }

        String newId(String kind) {
            return fund + "." + kind + (nextId++);
        }

        void operate() throws Exception {
            int roll = random.nextInt(100);
            if (roll < 12) call();
            else if (roll < 27) settle(pendingShares, true);
            else if (roll < 31) settle(pendingShares, false);
            else if (roll < 46) commit();
            else if (roll < 56) settle(pendingCommitments, true);
            else if (roll < 60) settle(pendingCommitments, false);
            else if (roll < 72) pay();
            else if (roll < 82) claim();
            else if (roll < 86) bilateral();
            else if (roll < 92) retry(replays, "replay");
            else if (roll < 96) retry(conflicts, "conflict");
            else concurrent();
        }

        void call() {
            String id = newId("call");
            Envelope envelope = random.nextBoolean() ? Envelope.LETHAL : Envelope.NON_LETHAL;
            long total = 1 + random.nextInt(1_000_000);
            Funds.CallResult r = funds.call(new CallContributions(id, fund, envelope.name(), total), ACTOR);
            assertThat(r.replayed()).as(where("call")).isFalse();
            assertThat(r.lines().stream().mapToLong(FundEvents.CallLine::amountMinor).sum()).as(where("call")).isEqualTo(total);
            r.lines().forEach(l -> pendingShares.add(l.transfer()));
            replays.add(() -> funds.call(new CallContributions(id, fund, envelope.name(), total), ACTOR));
            conflicts.add(() -> funds.call(new CallContributions(id, fund, envelope.name(), total + 1), ACTOR));
        }

        void settle(List<String> pending, boolean post) {
            if (pending.isEmpty()) return;
            String id = pending.remove(random.nextInt(pending.size()));
            TransferOutcome o = post ? ledger.post(id, ACTOR) : ledger.voidPending(id, ACTOR);
            assertThat(o).as(where((post ? "post " : "void ") + id)).isInstanceOf(TransferOutcome.Created.class);
            replays.add(() -> post ? ledger.post(id, ACTOR) : ledger.voidPending(id, ACTOR));
            conflicts.add(() -> post ? ledger.voidPending(id, ACTOR) : ledger.post(id, ACTOR));
        }

        void commit() {
            Measure m = measures.get(random.nextInt(measures.size()));
            long amount = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, m.ceilingMinor()));
            Account envelope = account(Fund.envelopePurpose(m.envelope()));
            Account target = account(Fund.measurePurpose(m.code()));
            long committed = target.balance().creditsPending() + target.balance().creditsPosted();
            String expected = committed + amount > m.ceilingMinor() ? "ceiling-exceeded"
                    : envelope.balance().available() < amount ? "insufficient-funds" : "CREATED";
            String id = newId("commit");
            TransferOutcome o = funds.commit(new Commit(id, m.code(), amount), ACTOR);
            expect(o, expected, "commit " + amount + " to " + m);
            if (o instanceof TransferOutcome.Created) {
                pendingCommitments.add(id);
                replays.add(() -> funds.commit(new Commit(id, m.code(), amount), ACTOR));
                conflicts.add(() -> funds.commit(new Commit(id, m.code(), amount + 1), ACTOR));
            }
        }

        void pay() {
            String contract = fund + "-C" + random.nextInt(contracts.size());
            long[] c = contracts.get(contract);
            Measure m = measures.get((int) c[3]);
            long amount = 1 + random.nextInt((int) c[0]);
            boolean prepayment = random.nextInt(3) == 0;
            long guarantee = random.nextBoolean() ? 0 : random.nextInt((int) c[0] + 1);
            var rules = new FundRules.Payment(amount, prepayment, c[0], guarantee, c[1], c[2]);
            Account source = account(Fund.measurePurpose(m.code()));
            String expected = FundRules.withinContractValue(rules).or(() -> FundRules.prepaymentCovered(rules))
                    .map(FundRules.Refusal::type)
                    .orElse(source.balance().available() < amount ? "insufficient-funds" : "CREATED");
            String id = newId("pay");
            String milestone = "MS" + random.nextInt(5);
            var command = new PayMilestone(id, m.code(), contract, milestone, "SUP" + random.nextInt(2), amount,
                    prepayment, c[0], guarantee);
            TransferOutcome o = funds.pay(command, ACTOR);
            expect(o, expected, "pay " + command);
            if (o instanceof TransferOutcome.Created) {
                c[1] += amount;
                if (prepayment) c[2] += amount;
                replays.add(() -> funds.pay(command, ACTOR));
                conflicts.add(() -> funds.pay(new PayMilestone(id, m.code(), contract, milestone, command.payee(),
                        amount + 1, prepayment, c[0], guarantee), ACTOR));
            }
        }

        void claim() {
            String offer = offerIds.get(random.nextInt(offerIds.size()));
            DonatedOffer o = offers.get(offer);
            Measure m = measures.get(random.nextInt(measures.size()));
            long valuation = 1 + random.nextInt(500_000);
            int rate = 1 + random.nextInt(ContributionKey.BASIS_POINTS_TOTAL);
            long amount = FundRules.reimbursement(valuation, rate);
            Account source = account(Fund.measurePurpose(m.code()));
            String expected = !o.status().equals("DELIVERED") ? "not-delivered"
                    : !o.terms().equals("DONATION") ? "not-a-donation"
                    : funded.contains(offer) ? "double-funding"
                    : amount == 0 ? "zero" : source.balance().available() < amount ? "insufficient-funds" : "CREATED";
            if (expected.equals("zero")) return; // a zero reimbursement is no transfer; the rate is at least 1 bp
            String id = newId("claim");
            var command = new ClaimReimbursement(id, m.code(), offer, valuation, rate);
            TransferOutcome out = funds.claim(command, ACTOR);
            expect(out, expected, "claim " + command + " of " + o);
            if (out instanceof TransferOutcome.Created) {
                funded.add(offer);
                replays.add(() -> funds.claim(command, ACTOR));
                conflicts.add(() -> funds.claim(new ClaimReimbursement(id, m.code(), offer, valuation + 1, rate), ACTOR));
            }
        }

        void bilateral() {
            String offer = offerIds.get(random.nextInt(offerIds.size()));
            var refusal = funds.recordBilateral(new RecordBilateral(offer, "B" + random.nextInt(1_000_000),
                    1 + random.nextInt(1_000)), ACTOR);
            assertThat(refusal.isPresent()).as(where("bilateral " + offer)).isEqualTo(funded.contains(offer));
            funded.add(offer);
        }

        void retry(List<Supplier<Object>> commands, String kind) {
            if (commands.isEmpty()) return;
            Supplier<Object> command = commands.get(random.nextInt(commands.size()));
            int before = last.transfers().size();
            Object result;
            try {
                result = command.get();
            } catch (Refused e) {
                result = e;
            }
            assertThat(ledger.snapshot(fund).transfers()).as(where(kind + " made a transfer")).hasSize(before);
            if (kind.equals("replay")) {
                boolean replayed = result instanceof TransferOutcome.Replayed
                        || result instanceof Funds.CallResult r && r.replayed();
                assertThat(replayed).as(where("replay gave " + result)).isTrue();
            } else {
                boolean conflict = result instanceof TransferOutcome.Conflict
                        || result instanceof Refused r && r.type().equals("transfer-conflict");
                assertThat(conflict).as(where("conflict gave " + result)).isTrue();
            }
        }

        /** Writers race to drain an envelope into the reserve; one id is sent twice at once. */
        void concurrent() throws Exception {
            Account envelope = account(Fund.envelopePurpose(random.nextBoolean() ? Envelope.LETHAL : Envelope.NON_LETHAL));
            String twice = newId("race");
            long twiceAmount = 1 + random.nextInt(100_000);
            List<Future<TransferOutcome>> futures = new ArrayList<>();
            for (int w = 0; w < CONCURRENT_WRITERS; w++) {
                boolean same = w < 2;
                String id = same ? twice : newId("race");
                long amount = same ? twiceAmount : 1 + random.nextInt(100_000);
                futures.add(pool.submit(() -> ledger.transfer(new MakeTransfer(id, envelope.publicId(),
                        reserve.publicId(), amount, currency, false, "race"), ACTOR)));
            }
            int createdTwice = 0;
            for (int w = 0; w < futures.size(); w++) {
                TransferOutcome o = futures.get(w).get();
                boolean ok = o instanceof TransferOutcome.Created || o instanceof TransferOutcome.Replayed
                        || o instanceof TransferOutcome.Refused r && r.type().equals("insufficient-funds");
                assertThat(ok).as(where("race gave " + o)).isTrue();
                if (w < 2 && o instanceof TransferOutcome.Created) createdTwice++;
            }
            assertThat(createdTwice).as(where("one id sent twice at once")).isLessThanOrEqualTo(1);
        }

        void expect(TransferOutcome o, String expected, String what) {
            String actual = switch (o) {
                case TransferOutcome.Created c -> "CREATED";
                case TransferOutcome.Refused r -> r.type();
                case TransferOutcome.Replayed r -> "REPLAYED";
                case TransferOutcome.Conflict c -> "CONFLICT";
            };
            assertThat(actual).as(where(what)).isEqualTo(expected);
        }

        String where(String what) {
            return context + " " + step + ": " + what;
        }

        Account account(String purpose) {
            return last.accounts().stream().filter(a -> a.owner().equals(fund) && a.purpose().equals(purpose))
                    .findFirst().orElseThrow();
        }

        /** Every invariant, recomputed here from the transfers, independently of Ledger.verify(). */
        void check() {
            last = ledger.snapshot(fund);
            List<Account> accounts = last.accounts();
            List<Transfer> transfers = last.transfers();
            Map<Long, long[]> replay = new HashMap<>();
            long debits = 0;
            long credits = 0;
            Map<Long, Account> byKey = new HashMap<>();
            accounts.forEach(a -> byKey.put(a.key(), a));
            for (Transfer t : transfers) {
                if (t.status() instanceof TransferStatus.Voided) continue;
                int posted = t.status() instanceof TransferStatus.Posted ? 1 : 0;
                replay.computeIfAbsent(t.debit(), k -> new long[4])[posted] += t.amountMinor();
                replay.computeIfAbsent(t.credit(), k -> new long[4])[2 + posted] += t.amountMinor();
                Account from = byKey.get(t.debit());
                Account to = byKey.get(t.credit());
                if (from == null || to == null) fail(where("transfer " + t.id() + " leaves the fund"));
                if (to.purpose().equals(Fund.envelopePurpose(Envelope.LETHAL)) && abstainers.contains(from.owner())) {
                    fail(where("abstaining member " + from.owner() + " funded the lethal envelope: " + t));
                }
            }
            for (Account a : accounts) {
                long[] r = replay.getOrDefault(a.key(), new long[4]);
                var b = a.balance();
                if (b.debitsPending() != r[0] || b.debitsPosted() != r[1] || b.creditsPending() != r[2]
                        || b.creditsPosted() != r[3]) {
                    fail(where(a.publicId() + " " + a.purpose() + " stores " + b + ", the transfers make "
                            + java.util.Arrays.toString(r)));
                }
                if (a.noNegative() && b.available() < 0) fail(where(a.publicId() + " is below zero: " + b));
                debits += b.debitsPending() + b.debitsPosted();
                credits += b.creditsPending() + b.creditsPosted();
            }
            if (debits != credits) fail(where(currency + " debits " + debits + " differ from credits " + credits));
            for (Measure m : measures) {
                Account a = accounts.stream().filter(x -> x.purpose().equals(Fund.measurePurpose(m.code())))
                        .findFirst().orElseThrow();
                long committed = a.balance().creditsPending() + a.balance().creditsPosted();
                if (committed > m.ceilingMinor()) fail(where(m + " has " + committed + " committed"));
            }
            List<Funding> fundings = funds.fundings(fund);
            long claims = fundings.stream().map(Funding::offer).distinct().count();
            if (claims != fundings.size()) fail(where("an offer is funded twice: " + fundings));
        }
    }
}

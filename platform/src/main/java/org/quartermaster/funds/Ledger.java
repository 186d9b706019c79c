package org.quartermaster.funds;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.LedgerEvents.AccountOpened;
import org.quartermaster.funds.LedgerEvents.TransferPending;
import org.quartermaster.funds.LedgerEvents.TransferPosted;
import org.quartermaster.funds.LedgerEvents.TransferVoided;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.model.Action;
import org.quartermaster.funds.jdbc.FundTables;
import org.quartermaster.funds.jdbc.LedgerTables;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Balance;
import org.quartermaster.funds.model.LedgerRules;
import org.quartermaster.funds.model.LedgerRules.Decision;
import org.quartermaster.funds.model.Transfer;
import org.quartermaster.funds.model.TransferStatus;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Money;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/**
 * The double-entry ledger: accounts and transfers in integer minor units. Transfers lock their
 * account rows in key order, apply {@link LedgerRules}, write the balances and the transfers,
 * and journal them, all in one transaction; concurrent callers' transfers share one transaction
 * through the {@link LedgerCommitter} (group commit). {@link #verify} replays every transfer.
 */
public final class Ledger {
    /** How many times a write is retried after losing a race on a unique id. */
    static final int DUPLICATE_RETRIES_MAX = 2;
    /** Transfers in one batch (one transaction). */
    public static final int BATCH_SIZE_MAX = 1_000;
    static final String MEASURE_PREFIX = org.quartermaster.funds.model.Fund.measurePurpose("");

    private final Database db;
    private final Journal journal;
    private final LedgerTables table = new LedgerTables();
    private final FundTables funds = new FundTables();
    private final LedgerCommitter committer;
    /**
     * Owner and fund of accounts by key, as read for the policy: they never change once an
     * account is opened, so a request whose accounts are all known asks the database nothing
     * before its transfers are committed. Bounded: emptied when it would pass the limit.
     */
    private final Map<Long, String[]> ownersAndFunds = new java.util.concurrent.ConcurrentHashMap<>();
    static final int OWNERS_CACHED_MAX = 100_000;

    public Ledger(Database db, Journal journal) {
        this.db = db;
        this.journal = journal;
        this.committer = new LedgerCommitter(db, tx -> items -> apply(tx, items));
    }

    /**
     * Opens an account, or returns the existing one with the same names (then noNegative must match).
     *
     * @throws org.quartermaster.shared.AccessDenied unless {@code actor} is a fund officer of the
     *     owner or of the organisation that runs the fund ({@link #requireMayMove})
     */
    public Account open(OpenAccount c, Actor actor) {
        return retryingDuplicates(() -> db.write(actor, tx -> {
            Checks.text("owner", c.owner(), Account.CODE_LENGTH_MAX);
            Checks.text("fund", c.fund(), Account.CODE_LENGTH_MAX);
            requireMayMove(tx.handle(), actor, c.owner(), c.fund());
            return open(tx, c);
        }));
    }

    /**
     * Refuses unless {@code actor} may move the money of an account of {@code owner} in {@code fund}:
     * a fund officer (MANAGE_FUNDS) of the owner, or of the organisation that runs the fund (which
     * calls its members' contributions from their accounts). The system passes.
     *
     * @throws org.quartermaster.shared.AccessDenied naming the owner
     */
    private void requireMayMove(org.jdbi.v3.core.Handle h, Actor actor, String owner, String fund) {
        if (Permissions.canWrite(actor, owner, java.util.Set.of(), Action.MANAGE_FUNDS)) return;
        var runner = funds.owner(h, fund);
        if (runner.isPresent() && Permissions.canWrite(actor, runner.get(), java.util.Set.of(), Action.MANAGE_FUNDS)) {
            return;
        }
        Permissions.requireWrite(actor, owner, java.util.Set.of(), Action.MANAGE_FUNDS);
    }

    /**
     * Refuses the whole request unless {@code actor} may move the money of every account the
     * transfers debit ({@link #requireMayMove}); an unknown account is left to the transfer's own
     * refusal. Owners and funds of accounts never change, so this is read before the transfers run.
     */
    private List<Item> mayDebit(List<Item> items, Actor actor) {
        if (actor != null && actor.isSystem()) return items;
        Map<Long, String[]> owners = new java.util.HashMap<>();
        java.util.Set<Long> unknown = new java.util.HashSet<>();
        for (Item it : items) {
            String[] of = ownersAndFunds.get(it.debit());
            if (of != null) owners.put(it.debit(), of);
            else unknown.add(it.debit());
        }
        // the owner alone decides in the usual case: no read at all then
        java.util.Map<String, String[]> pairs = new java.util.LinkedHashMap<>();
        for (String[] of : owners.values()) pairs.putIfAbsent(of[0] + "\t" + of[1], of);
        pairs.values().removeIf(of -> Permissions.canWrite(actor, of[0], java.util.Set.of(), Action.MANAGE_FUNDS));
        if (unknown.isEmpty() && pairs.isEmpty()) return items;
        db.read(h -> {
            Map<Long, String[]> read = table.ownersAndFunds(h, unknown);
            if (ownersAndFunds.size() + read.size() > OWNERS_CACHED_MAX) ownersAndFunds.clear();
            ownersAndFunds.putAll(read);
            for (String[] of : read.values()) pairs.putIfAbsent(of[0] + "\t" + of[1], of);
            for (String[] of : pairs.values()) requireMayMove(h, actor, of[0], of[1]);
            return null;
        });
        return items;
    }

    Account open(Tx tx, OpenAccount c) {
        Checks.text("owner", c.owner(), Account.CODE_LENGTH_MAX);
        Checks.text("fund", c.fund(), Account.CODE_LENGTH_MAX);
        Checks.text("purpose", c.purpose(), Account.CODE_LENGTH_MAX);
        Money.currency("currency", c.currency());
        var existing = table.accountByNames(tx.handle(), c.owner(), c.fund(), c.purpose(), c.currency());
        if (existing.isPresent()) {
            if (existing.get().noNegative() != c.noNegative()) {
                throw new InvalidField("noNegative", "differs from existing account " + existing.get().publicId());
            }
            return existing.get();
        }
        long key = table.insertAccount(tx.handle(), c.owner(), c.fund(), c.purpose(), c.currency(),
                c.noNegative(), tx.now());
        Account a = table.account(tx.handle(), key).orElseThrow();
        journal.record(tx, "AccountOpened", a.publicId(), new AccountOpened(a.publicId(), a.owner(), a.fund(),
                a.purpose(), a.currency(), a.noNegative()));
        return a;
    }

    /**
     * Makes a transfer between accounts named by public id. Concurrent calls are committed
     * together by the ledger's committer (one transaction for many requests), each with its own
     * outcome; the call returns once its transfer is committed.
     */
    public TransferOutcome transfer(MakeTransfer c, Actor actor) {
        return committer.submit(mayDebit(items(List.of(c), actor, false), actor)).getFirst();
    }

    /** Like {@link #transfer}, in a transaction of the caller's own thread (see {@link #transferAllAlone}). */
    public TransferOutcome transferAlone(MakeTransfer c, Actor actor) {
        List<Item> items = mayDebit(items(List.of(c), actor, false), actor);
        return retryingDuplicates(() -> db.write(actor, tx -> apply(tx, items))).getFirst();
    }

    /**
     * Makes many transfers, each with its own outcome as if made alone (a refused one writes
     * nothing, the others still happen), through the committer: they commit in one transaction,
     * possibly with other callers' transfers. At most {@link #BATCH_SIZE_MAX}. Returns once
     * committed; a failure of the shared transaction makes each caller's transfers run again on
     * their own, so one caller's failure never decides another's outcome. A bad command is an
     * {@link org.quartermaster.shared.InvalidField} naming {@code transfers[i].field}, and nothing is made.
     */
    public List<TransferOutcome> transferAll(List<MakeTransfer> commands, Actor actor) {
        List<Item> items = mayDebit(items(commands, actor, true), actor);
        return committer.submit(items);
    }

    /**
     * Like {@link #transferAll} but in a transaction of the caller's own thread, not grouped
     * with others: for requests whose transaction must also hold something of the caller's
     * (an HTTP {@code Idempotency-Key} claimed in the same transaction).
     */
    public List<TransferOutcome> transferAllAlone(List<MakeTransfer> commands, Actor actor) {
        List<Item> items = mayDebit(items(commands, actor, true), actor);
        return retryingDuplicates(() -> db.write(actor, tx -> apply(tx, items)));
    }

    /**
     * An account's key from its public id. Alone, an id that cannot be an account's is NotFound
     * (404, as for a read); in a batch it is that entry's field, so the caller learns which.
     */
    private static long accountKey(String field, String publicId, boolean indexed) {
        Checks.required(field, publicId);
        try {
            return PublicIds.parse(Account.ID_PREFIX, publicId, "account");
        } catch (NotFound e) {
            if (!indexed) throw e;
            throw new InvalidField(field, "is not an account id such as " + Account.ID_PREFIX + "-000001");
        }
    }

    /** Checks every command before anything is written; {@code indexed}: name fields {@code transfers[i].x}. */
    private static List<Item> items(List<MakeTransfer> commands, Actor actor, boolean indexed) {
        Checks.sizeAtMost("transfers", commands, BATCH_SIZE_MAX);
        List<Item> items = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            MakeTransfer c = commands.get(i);
            try {
                Checks.required("", c);
                Transfer.id(c.id());
                long debit = accountKey("debit", c.debit(), indexed);
                long credit = accountKey("credit", c.credit(), indexed);
                Money.positiveAmount("amountMinor", c.amountMinor());
                Money.currency("currency", c.currency());
                items.add(new Item(c.id(), debit, credit, c.amountMinor(), c.currency(), c.pending(), c.reference(),
                        false, actor));
            } catch (InvalidField e) {
                if (!indexed) throw e;
                String at = "transfers[" + i + "]";
                throw new InvalidField(e.field().isEmpty() ? at : at + "." + e.field(), e.detail());
            }
        }
        return items;
    }

    /**
     * Makes a transfer inside {@code tx}. A retry of the same id with the same content returns
     * the original; other content is a conflict; nothing is written unless Created.
     */
    TransferOutcome transfer(Tx tx, String id, long debit, long credit, long amountMinor, String currency,
                             boolean pending, String reference) {
        return apply(tx, List.of(new Item(id, debit, credit, amountMinor, currency, pending, reference, true,
                null))).getFirst();
    }

    /**
     * One transfer to make: keys of its accounts, whether it may credit a measure (only a
     * commitment may, which checks the ceiling), and who asks (null: the transaction's actor).
     */
    record Item(String id, long debit, long credit, long amountMinor, String currency, boolean pending,
                String reference, boolean measureCredit, Actor actor) {}

    /**
     * Makes {@code items} in {@code tx}, in order, each decided as if alone against the balances
     * the earlier ones left. Round trips do not grow with the number of transfers: the accounts
     * are locked in one statement (key order, so writers never deadlock), the ids looked up in
     * one, the new transfers inserted in one, the balances written in one batch, and the
     * journal appends all events in one flush at commit.
     */
    List<TransferOutcome> apply(Tx tx, List<Item> items) {
        long[] keys = new long[items.size() * 2];
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            keys[2 * i] = items.get(i).debit();
            keys[2 * i + 1] = items.get(i).credit();
            ids.add(items.get(i).id());
        }
        LedgerTables.Locked locked = table.lockAndFind(tx.handle(), tx.dialect(), keys, ids);
        Map<Long, Account> current = locked.accounts();
        Map<String, Transfer> known = locked.existing();
        Map<Long, Account> touched = new java.util.LinkedHashMap<>();
        List<Transfer> created = new ArrayList<>();
        List<TransferOutcome> outcomes = new ArrayList<>(items.size());
        for (Item it : items) {
            Transfer existing = known.get(it.id());
            if (existing != null) {
                outcomes.add(existing.sameAs(it.debit(), it.credit(), it.amountMinor(), it.currency(), it.pending(),
                        it.reference()) ? new TransferOutcome.Replayed(existing)
                        : new TransferOutcome.Conflict(existing, "transfer " + it.id() + " exists with other content"));
                continue;
            }
            Account from = current.get(it.debit());
            Account to = current.get(it.credit());
            if (from == null) {
                outcomes.add(new TransferOutcome.Refused("unknown-account", "debit", "no account " + it.debit()));
                continue;
            }
            if (to == null) {
                outcomes.add(new TransferOutcome.Refused("unknown-account", "credit", "no account " + it.credit()));
                continue;
            }
            if (!it.measureCredit() && to.purpose().startsWith(MEASURE_PREFIX)) {
                // a measure is credited only by commitments, which check its ceiling
                outcomes.add(new TransferOutcome.Refused("measure-account", "credit",
                        "a measure's account is credited only by a commitment (POST /api/v1/commitments)"));
                continue;
            }
            switch (LedgerRules.open(from, to, it.amountMinor(), it.currency(), it.pending())) {
                case Decision.Refuse r -> outcomes.add(new TransferOutcome.Refused(r.type(), r.field(), r.reason()));
                case Decision.Apply a -> {
                    Account nextFrom = from.with(a.debit());
                    Account nextTo = to.with(a.credit());
                    current.put(from.key(), nextFrom);
                    current.put(to.key(), nextTo);
                    touched.put(from.key(), nextFrom);
                    touched.put(to.key(), nextTo);
                    TransferStatus status = it.pending() ? new TransferStatus.Pending() : new TransferStatus.Posted();
                    Transfer draft = new Transfer(0, it.id(), it.debit(), it.credit(), it.amountMinor(),
                            it.currency(), it.pending(), status, it.reference(), tx.now(), tx.now());
                    created.add(draft);
                    known.put(it.id(), draft);
                    outcomes.add(new TransferOutcome.Created(draft));
                }
            }
        }
        if (created.isEmpty()) return outcomes;
        Map<String, Long> inserted = write(tx, touched.values(), created);
        List<TransferOutcome> answered = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            TransferOutcome o = outcomes.get(i);
            Item it = items.get(i);
            Transfer t = o.transfer();
            if (t != null && t.key() == 0) {
                Transfer stored = withKey(t, inserted.get(t.id()));
                o = switch (o) {
                    case TransferOutcome.Created c -> {
                        journalOpened(tx, it.actor(), stored, current.get(stored.debit()), current.get(stored.credit()));
                        yield new TransferOutcome.Created(stored);
                    }
                    case TransferOutcome.Replayed r -> new TransferOutcome.Replayed(stored);
                    case TransferOutcome.Conflict c -> new TransferOutcome.Conflict(stored, c.reason());
                    case TransferOutcome.Refused r -> r;
                };
            }
            answered.add(o);
        }
        return answered;
    }

    private static Transfer withKey(Transfer t, long key) {
        return new Transfer(key, t.id(), t.debit(), t.credit(), t.amountMinor(), t.currency(), t.twoPhase(),
                t.status(), t.reference(), t.createdAt(), t.updatedAt());
    }

    private void journalOpened(Tx tx, Actor actor, Transfer t, Account from, Account to) {
        if (t.twoPhase()) {
            journal.record(tx, actor, "TransferPending", t.id(), new TransferPending(t.id(), from.publicId(),
                    to.publicId(), t.amountMinor(), t.currency(), t.reference()));
        } else {
            journal.record(tx, actor, "TransferPosted", t.id(), new TransferPosted(t.id(), from.publicId(),
                    to.publicId(), t.amountMinor(), t.currency(), false, t.reference()));
        }
    }

    /** Groups the committer has taken and the requests in them: {@code {groups, requests}} (for tests). */
    long[] committerCounts() {
        return committer.counts();
    }

    /** Posts a pending transfer. Posting a posted one again is a replay; a voided one is a conflict. */
    public TransferOutcome post(String id, Actor actor) {
        return settle(id, true, actor);
    }

    /** Voids a pending transfer, releasing the reservation. Voiding twice is a replay. */
    public TransferOutcome voidPending(String id, Actor actor) {
        return settle(id, false, actor);
    }

    /**
     * Settles a pending transfer on the word of whoever may move its debit account's money. A
     * milestone payment waiting for four eyes is settled only by its approval (or rejection).
     */
    private TransferOutcome settle(String id, boolean post, Actor actor) {
        Transfer.id(id);
        return db.write(actor, tx -> {
            Transfer t = table.transfer(tx.handle(), id).orElseThrow(() -> new NotFound("transfer", id));
            Account debit = table.account(tx.handle(), t.debit()).orElseThrow();
            requireMayMove(tx.handle(), actor, debit.owner(), debit.fund());
            var payment = funds.payment(tx.handle(), id);
            if (payment.isPresent() && payment.get().status()
                    == org.quartermaster.funds.model.MilestonePayment.Status.AWAITING_APPROVAL) {
                throw new org.quartermaster.shared.Refused("four-eyes", null, "payment " + id + " waits for approval:"
                        + " it is paid or released by POST /api/v1/payments/" + id + "/approve or /reject");
            }
            return settle(tx, id, post);
        });
    }

    TransferOutcome settle(Tx tx, String id, boolean post) {
        Transfer seen = table.transfer(tx.handle(), id).orElseThrow(() -> new NotFound("transfer", id));
        Map<Long, Account> locked = table.lock(tx.handle(), tx.dialect(), seen.debit(), seen.credit());
        Transfer t = table.transfer(tx.handle(), id).orElseThrow();
        String wanted = post ? "POSTED" : "VOIDED";
        if (t.status().name().equals(wanted)) return new TransferOutcome.Replayed(t);
        if (!(t.status() instanceof TransferStatus.Pending p)) {
            return new TransferOutcome.Conflict(t, "transfer " + id + " is " + t.status().name() + ", not PENDING");
        }
        Account from = locked.get(t.debit());
        Account to = locked.get(t.credit());
        Decision.Apply a = (Decision.Apply) LedgerRules.settle(from, to, t, post);
        Transfer next = t.with(post ? p.post() : p.voided(), tx.now());
        write(tx, List.of(from.with(a.debit()), to.with(a.credit())));
        if (!table.settle(tx.handle(), next)) throw new IllegalStateException("transfer " + id + " moved while locked");
        if (post) {
            journal.record(tx, "TransferPosted", id, new TransferPosted(id, from.publicId(), to.publicId(),
                    t.amountMinor(), t.currency(), true, t.reference()));
        } else {
            journal.record(tx, "TransferVoided", id, new TransferVoided(id, from.publicId(), to.publicId(),
                    t.amountMinor(), t.currency()));
        }
        return new TransferOutcome.Created(next);
    }

    /** Writes balances, re-checking the no-negative invariant just before the write. */
    private void write(Tx tx, java.util.Collection<Account> accounts) {
        write(tx, accounts, List.of());
    }

    /** Writes balances (re-checking no-negative just before) and inserts new transfers; their keys by id. */
    private Map<String, Long> write(Tx tx, java.util.Collection<Account> accounts, List<Transfer> created) {
        for (Account a : accounts) {
            if (a.noNegative() && a.balance().available() < 0) {
                throw new IllegalStateException("account " + a.publicId() + " would go negative");
            }
        }
        return table.write(tx.handle(), tx.dialect(), accounts, created);
    }

    public Account account(String id) {
        long key = PublicIds.parse(Account.ID_PREFIX, id, "account");
        return db.read(h -> table.account(h, key)).orElseThrow(() -> new NotFound("account", id));
    }

    Account account(Tx tx, long key) {
        return table.account(tx.handle(), key).orElseThrow(() -> new NotFound("account", key));
    }

    public Transfer transfer(String id) {
        Transfer.id(id);
        return db.read(h -> table.transfer(h, id)).orElseThrow(() -> new NotFound("transfer", id));
    }

    public Page<Account> accounts(String fund, String after, Integer limit) {
        int size = Cursor.limit(limit);
        return Page.cut(db.read(h -> table.accounts(h, fund, Cursor.decode(after), size + 1)), size, Account::key);
    }

    public Page<Transfer> transfers(String fund, String after, Integer limit) {
        int size = Cursor.limit(limit);
        return Page.cut(db.read(h -> table.transfers(h, fund, Cursor.decode(after), size + 1)), size, Transfer::key);
    }

    /** Every account and every transfer, read in one snapshot (for checks and reports). */
    public record Snapshot(List<Account> accounts, List<Transfer> transfers) {}

    /** A fund's accounts and every transfer touching them, read in one snapshot. */
    public Snapshot snapshot(String fund) {
        Checks.required("fund", fund);
        return db.read(h -> new Snapshot(table.accounts(h, fund, 0, Integer.MAX_VALUE),
                table.transfers(h, fund, 0, Integer.MAX_VALUE)));
    }

    public Snapshot snapshot() {
        return db.read(h -> {
            List<Transfer> transfers = new ArrayList<>();
            table.eachTransfer(h, transfers::add);
            return new Snapshot(table.allAccounts(h), transfers);
        });
    }

    /** What {@link #verify} found: counts, and every mismatch (empty when the ledger is sound). */
    public record Verification(int accounts, int transfers, List<String> problems) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }

    /**
     * Replays every transfer from zero and compares with the stored balances; checks that debits
     * equal credits per currency and that no account that may not go negative is below zero.
     */
    public Verification verify() {
        Snapshot s = snapshot();
        return check(s.accounts(), s.transfers());
    }

    /** The replay, on any list of accounts and transfers. */
    public static Verification check(List<Account> accounts, List<Transfer> transfers) {
        Map<Long, long[]> replay = new HashMap<>();
        Map<String, long[]> perCurrency = new TreeMap<>();
        for (Transfer t : transfers) {
            long[] d = replay.computeIfAbsent(t.debit(), k -> new long[4]);
            long[] c = replay.computeIfAbsent(t.credit(), k -> new long[4]);
            int slot = switch (t.status()) {
                case TransferStatus.Pending p -> 0;
                case TransferStatus.Posted p -> 1;
                case TransferStatus.Voided v -> -1;
            };
            if (slot < 0) continue;
            d[slot] += t.amountMinor();
            c[2 + slot] += t.amountMinor();
            long[] sums = perCurrency.computeIfAbsent(t.currency(), k -> new long[2]);
            sums[0] += t.amountMinor();
            sums[1] += t.amountMinor();
        }
        List<String> problems = new ArrayList<>();
        Map<String, long[]> stored = new TreeMap<>();
        for (Account a : accounts) {
            long[] r = replay.getOrDefault(a.key(), new long[4]);
            Balance b = a.balance();
            Balance expected = new Balance(r[0], r[1], r[2], r[3]);
            if (!b.equals(expected)) problems.add(a.publicId() + " stores " + b + " but the transfers make " + expected);
            if (a.noNegative() && b.available() < 0) problems.add(a.publicId() + " is below zero: " + b.available());
            long[] sums = stored.computeIfAbsent(a.currency(), k -> new long[2]);
            sums[0] += b.debitsPosted() + b.debitsPending();
            sums[1] += b.creditsPosted() + b.creditsPending();
        }
        stored.forEach((currency, sums) -> {
            if (sums[0] != sums[1]) problems.add(currency + ": debits " + sums[0] + " differ from credits " + sums[1]);
        });
        return new Verification(accounts.size(), transfers.size(), List.copyOf(problems));
    }

    /**
     * Runs a write again when it lost a race on a unique id (two writers inserting the same
     * transfer id or account): the second run finds the winner's row and answers from it.
     */
    static <T> T retryingDuplicates(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt > DUPLICATE_RETRIES_MAX || !isDuplicate(e)) throw e;
            }
        }
    }

    static boolean isDuplicate(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && ("23505".equals(s.getSQLState())
                    || String.valueOf(s.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
            if (c.getCause() == c) break;
        }
        return false;
    }

}

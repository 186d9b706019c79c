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
 * The double-entry ledger: accounts and transfers in integer minor units. Every transfer locks
 * its two account rows in key order, applies {@link LedgerRules}, writes the balances and the
 * transfer, and journals it, all in one transaction. {@link #verify} replays every transfer.
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

    public Ledger(Database db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /** Opens an account, or returns the existing one with the same names (then noNegative must match). */
    public Account open(OpenAccount c, Actor actor) {
        return retryingDuplicates(() -> db.write(actor, tx -> open(tx, c)));
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

    /** Makes a transfer between accounts named by public id. */
    public TransferOutcome transfer(MakeTransfer c, Actor actor) {
        return transferAll(List.of(c), actor).getFirst();
    }

    /**
     * Makes many transfers in one transaction, each with its own outcome as if made alone (a
     * refused one writes nothing, the others still happen); the batch's accounts are locked up
     * front in key order, so concurrent batches never deadlock. At most {@link #BATCH_SIZE_MAX}.
     */
    public List<TransferOutcome> transferAll(List<MakeTransfer> commands, Actor actor) {
        Checks.sizeAtMost("transfers", commands, BATCH_SIZE_MAX);
        List<long[]> keys = new ArrayList<>();
        for (MakeTransfer c : commands) {
            Transfer.id(c.id());
            long debit = PublicIds.parse(Account.ID_PREFIX, Checks.required("debit", c.debit()), "account");
            long credit = PublicIds.parse(Account.ID_PREFIX, Checks.required("credit", c.credit()), "account");
            Money.positiveAmount("amountMinor", c.amountMinor());
            Money.currency("currency", c.currency());
            keys.add(new long[] {debit, credit});
        }
        return retryingDuplicates(() -> db.write(actor, tx -> {
            if (commands.size() > 1) {
                table.lock(tx.handle(), tx.dialect(), keys.stream().flatMapToLong(java.util.Arrays::stream).toArray());
            }
            List<TransferOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                MakeTransfer c = commands.get(i);
                outcomes.add(transfer(tx, c.id(), keys.get(i)[0], keys.get(i)[1], c.amountMinor(), c.currency(),
                        c.pending(), c.reference(), false));
            }
            return outcomes;
        }));
    }

    /**
     * Makes a transfer inside {@code tx}. A retry of the same id with the same content returns
     * the original; other content is a conflict; nothing is written unless Created.
     */
    TransferOutcome transfer(Tx tx, String id, long debit, long credit, long amountMinor, String currency,
                             boolean pending, String reference) {
        return transfer(tx, id, debit, credit, amountMinor, currency, pending, reference, true);
    }

    /** {@code measureCredit}: whether the caller is a commitment, the one use case that may credit a measure. */
    private TransferOutcome transfer(Tx tx, String id, long debit, long credit, long amountMinor, String currency,
                                     boolean pending, String reference, boolean measureCredit) {
        Map<Long, Account> locked = table.lock(tx.handle(), tx.dialect(), debit, credit);
        var existing = table.transfer(tx.handle(), id);
        if (existing.isPresent()) {
            Transfer t = existing.get();
            return t.sameAs(debit, credit, amountMinor, currency, pending, reference)
                    ? new TransferOutcome.Replayed(t)
                    : new TransferOutcome.Conflict(t, "transfer " + id + " exists with other content");
        }
        Account from = locked.get(debit);
        Account to = locked.get(credit);
        if (from == null) return new TransferOutcome.Refused("unknown-account", "debit", "no account " + debit);
        if (to == null) return new TransferOutcome.Refused("unknown-account", "credit", "no account " + credit);
        if (!measureCredit && to.purpose().startsWith(MEASURE_PREFIX)) {
            // a measure is credited only by commitments, which check its ceiling
            return new TransferOutcome.Refused("measure-account", "credit",
                    "a measure's account is credited only by a commitment (POST /api/v1/commitments)");
        }
        return switch (LedgerRules.open(from, to, amountMinor, currency, pending)) {
            case Decision.Refuse r -> new TransferOutcome.Refused(r.type(), r.field(), r.reason());
            case Decision.Apply a -> {
                TransferStatus status = pending ? new TransferStatus.Pending() : new TransferStatus.Posted();
                Transfer draft = new Transfer(0, id, debit, credit, amountMinor, currency, pending, status,
                        reference, tx.now(), tx.now());
                write(tx, from.with(a.debit()), to.with(a.credit()));
                long key = table.insertTransfer(tx.handle(), draft);
                Transfer t = new Transfer(key, id, debit, credit, amountMinor, currency, pending, status,
                        draft.reference(), tx.now(), tx.now());
                journalOpened(tx, t, from, to);
                yield new TransferOutcome.Created(t);
            }
        };
    }

    private void journalOpened(Tx tx, Transfer t, Account from, Account to) {
        if (t.twoPhase()) {
            journal.record(tx, "TransferPending", t.id(), new TransferPending(t.id(), from.publicId(),
                    to.publicId(), t.amountMinor(), t.currency(), t.reference()));
        } else {
            journal.record(tx, "TransferPosted", t.id(), new TransferPosted(t.id(), from.publicId(),
                    to.publicId(), t.amountMinor(), t.currency(), false, t.reference()));
        }
    }

    /** Posts a pending transfer. Posting a posted one again is a replay; a voided one is a conflict. */
    public TransferOutcome post(String id, Actor actor) {
        return settle(id, true, actor);
    }

    /** Voids a pending transfer, releasing the reservation. Voiding twice is a replay. */
    public TransferOutcome voidPending(String id, Actor actor) {
        return settle(id, false, actor);
    }

    private TransferOutcome settle(String id, boolean post, Actor actor) {
        Transfer.id(id);
        return db.write(actor, tx -> settle(tx, id, post));
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
        write(tx, from.with(a.debit()), to.with(a.credit()));
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
    private void write(Tx tx, Account... accounts) {
        for (Account a : accounts) {
            if (a.noNegative() && a.balance().available() < 0) {
                throw new IllegalStateException("account " + a.publicId() + " would go negative");
            }
            table.updateBalance(tx.handle(), a);
        }
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

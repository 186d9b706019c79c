package org.quartermaster.funds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.FundCommands.CallContributions;
import org.quartermaster.funds.FundCommands.ClaimReimbursement;
import org.quartermaster.funds.FundCommands.Commit;
import org.quartermaster.funds.FundCommands.CreateFund;
import org.quartermaster.funds.FundCommands.CreateMeasure;
import org.quartermaster.funds.FundCommands.PayMilestone;
import org.quartermaster.funds.FundCommands.RecordBilateral;
import org.quartermaster.funds.FundCommands.SetKey;
import org.quartermaster.funds.FundEvents.CallLine;
import org.quartermaster.funds.jdbc.FundTables;
import org.quartermaster.funds.jdbc.FundViews;
import org.quartermaster.funds.jdbc.LedgerTables;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Apportionment;
import org.quartermaster.funds.model.ContributionKey;
import org.quartermaster.funds.model.Envelope;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.FundRules;
import org.quartermaster.funds.model.FundRules.Refusal;
import org.quartermaster.funds.model.Funding;
import org.quartermaster.funds.model.Measure;
import org.quartermaster.funds.model.MilestonePayment;
import org.quartermaster.funds.model.Transfer;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Money;
import org.quartermaster.shared.NotFound;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/**
 * The fund rules on top of the {@link Ledger}: contribution keys and calls, earmarked envelopes,
 * measures with ceilings, commitments, milestone payments and reimbursement claims. Each use case
 * checks its rules with the affected accounts locked and moves money only through the ledger, in
 * the same transaction as its own rows and journal events.
 */
public final class Funds {
    /** Milestone and contract references: short codes. */
    static final int REFERENCE_LENGTH_MAX = 64;

    private final Database db;
    private final Journal journal;
    private final Ledger ledger;
    /** The platform's four-eyes threshold when none is configured: 1,000,000.00 in the fund's currency. */
    public static final long APPROVAL_THRESHOLD_DEFAULT_MINOR = 100_000_000L;
    /** Subject type of a payment's approval step in the access context. */
    public static final String APPROVAL_SUBJECT = "Payment";

    private final OfferLookup offers;
    private final ItemLookup items;
    private final PaymentApprovals approvals;
    private final long approvalThresholdMinor;
    private final FundTables table = new FundTables();
    private final FundViews views = new FundViews();
    private final LedgerTables accounts = new LedgerTables();

    /** Funds without a catalogue or approvals: payments are never sent for approval (tests, benchmarks). */
    public Funds(Database db, Journal journal, Ledger ledger, OfferLookup offers) {
        this(db, journal, ledger, offers, ItemLookup.NONE, PaymentApprovals.NONE, Long.MAX_VALUE);
    }

    /**
     * @param approvalThresholdMinor the platform's setting: payments above it (in minor units of the
     *     fund's currency) wait for a second person's approval, unless the fund sets its own threshold
     */
    public Funds(Database db, Journal journal, Ledger ledger, OfferLookup offers, ItemLookup items,
                 PaymentApprovals approvals, long approvalThresholdMinor) {
        this.db = db;
        this.journal = journal;
        this.ledger = ledger;
        this.offers = offers;
        this.items = java.util.Objects.requireNonNull(items);
        this.approvals = java.util.Objects.requireNonNull(approvals);
        this.approvalThresholdMinor = Checks.notNegative("approvalThresholdMinor", approvalThresholdMinor);
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The ledger's accounts and transfers, for the journal verifier's replay. */
    public org.quartermaster.audit.StateContribution state() {
        return new org.quartermaster.funds.jdbc.FundsState();
    }

    /** Creates a fund with its two envelope accounts. The same command again returns the fund. */
    public Fund create(CreateFund c, Actor actor) {
        Fund fund = new Fund(c.code(), c.name(), c.currency());
        String owner = c.owner() == null || c.owner().isBlank() ? fund.code()
                : Checks.text("owner", c.owner(), Account.CODE_LENGTH_MAX);
        return Ledger.retryingDuplicates(() -> db.write(actor, tx -> {
            // decided before the replay: a retry answers only whoever may create the fund
            org.quartermaster.access.Permissions.requireWrite(actor, owner, java.util.Set.of(),
                    org.quartermaster.access.model.Action.MANAGE_FUNDS);
            Optional<Fund> existing = table.fund(tx.handle(), fund.code());
            if (existing.isPresent()) {
                if (!existing.get().equals(fund) || !table.owner(tx.handle(), fund.code()).orElse("").equals(owner)) {
                    throw new InvalidField("code", "names an existing, different fund");
                }
                return existing.get();
            }
            table.insertFund(tx.handle(), fund, owner, tx.now());
            for (Envelope e : Envelope.values()) envelopeAccount(tx, fund, e);
            journal.record(tx, "FundCreated", fund.code(), new FundEvents.FundCreated(fund.code(), fund.name(),
                    fund.currency()));
            return fund;
        }));
    }

    public Fund fund(String code) {
        return fund(code, Actor.SYSTEM);
    }

    /** The fund, if {@code viewer} may see it (it owns it, it is released to it, or it is a member); else NotFound. */
    public Fund fund(String code, Actor viewer) {
        Fund.code(code);
        return db.read(h -> table.fund(h, code).filter(f -> views.fundVisible(h, code, visible(viewer, "f"))))
                .orElseThrow(() -> new NotFound("fund", code));
    }

    public List<Fund> funds() {
        return funds(Actor.SYSTEM);
    }

    /** The funds {@code viewer} may see, filtered in the query. */
    public List<Fund> funds(Actor viewer) {
        return db.read(h -> views.funds(h, visible(viewer, "f")));
    }

    /** The accounts {@code viewer} may see (its own organisation's, or released to it), optionally of one fund. */
    public org.quartermaster.shared.Page<Account> accounts(Actor viewer, String fund, String after, Integer limit) {
        if (fund != null) Fund.code(fund);
        int size = org.quartermaster.shared.Cursor.limit(limit);
        long from = org.quartermaster.shared.Cursor.decode(after);
        return org.quartermaster.shared.Page.cut(db.read(h -> views.accounts(h, fund, from, size + 1,
                visible(viewer, "a"))), size, Account::key);
    }

    /** The transfers touching an account {@code viewer} may see, optionally of one fund. */
    public org.quartermaster.shared.Page<Transfer> transfers(Actor viewer, String fund, String after, Integer limit) {
        if (fund != null) Fund.code(fund);
        int size = org.quartermaster.shared.Cursor.limit(limit);
        long from = org.quartermaster.shared.Cursor.decode(after);
        return org.quartermaster.shared.Page.cut(db.read(h -> views.transfers(h, fund, from, size + 1,
                visible(viewer, "a"))), size, Transfer::key);
    }

    /** The fund's page in one snapshot, if {@code viewer} may see the fund; else NotFound. */
    public org.quartermaster.funds.model.FundReport report(String code, Actor viewer) {
        return snapshotReport(code, viewer).report();
    }

    /** A member state's part of the fund, if {@code viewer} may see the fund; else NotFound. */
    public org.quartermaster.funds.model.MemberReport memberReport(String code, String member, Actor viewer) {
        Checks.text("member", member, Account.CODE_LENGTH_MAX);
        ReportSnapshot s = snapshotReport(code, viewer);
        boolean known = s.report().member(member).isPresent()
                || s.accounts().stream().anyMatch(a -> a.owner().equals(member));
        if (!known) throw new NotFound("member", member);
        return org.quartermaster.funds.model.MemberReport.of(s.report(), member, s.accounts(), s.transfers());
    }

    private record ReportSnapshot(org.quartermaster.funds.model.FundReport report, List<Account> accounts,
                                  List<Transfer> transfers) {}

    private ReportSnapshot snapshotReport(String code, Actor viewer) {
        Fund.code(code);
        return db.read(h -> {
            Fund f = table.fund(h, code).filter(x -> views.fundVisible(h, code, visible(viewer, "f")))
                    .orElseThrow(() -> new NotFound("fund", code));
            List<Account> all = accounts.accounts(h, code, 0, Integer.MAX_VALUE);
            List<Transfer> moves = accounts.transfers(h, code, 0, Integer.MAX_VALUE);
            var report = org.quartermaster.funds.model.FundReport.of(f, table.key(h, code), table.measures(h, code),
                    all, moves, table.fundings(h, code), table.payments(h, code));
            return new ReportSnapshot(report, all, moves);
        });
    }

    /** One account, if {@code viewer} may see it; else NotFound (existence is not revealed). */
    public Account account(String id, Actor viewer) {
        Account a = ledger.account(id);
        if (!canRead(viewer, a)) throw new NotFound("account", id);
        return a;
    }

    /** The single-record form of the accounts list's filter: own organisation's, or of a fund it runs. */
    private boolean canRead(Actor viewer, Account a) {
        if (viewer != null && viewer.isSystem()) return true;
        if (org.quartermaster.access.Permissions.canRead(viewer, a.owner(), java.util.Set.of())) return true;
        FundViews.Visible v = visible(viewer, "a");
        return v.member() != null && db.read(h -> table.owner(h, a.fund())).map(v.member()::equals).orElse(false);
    }

    /** The read condition for {@code viewer} over funds ({@code f}) or accounts ({@code a}). */
    private FundViews.Visible visible(Actor viewer, String alias) {
        String owner = alias.equals("f") ? "f.owner_org" : "a.owner_code";
        var condition = org.quartermaster.access.Permissions.readFilter(viewer, db.dialect(), owner,
                alias + ".releasable_to");
        boolean member = viewer != null && !viewer.isSystem()
                && !org.quartermaster.access.Permissions.principal(viewer).roles().isEmpty();
        return new FundViews.Visible(condition.sql(), condition.params(), member ? viewer.organisation() : null);
    }

    /** Sets (or clears, with null) the fund's own four-eyes threshold. */
    public void setApprovalThreshold(FundCommands.SetApprovalThreshold c, Actor actor) {
        if (c.thresholdMinor() != null) Checks.notNegative("thresholdMinor", c.thresholdMinor());
        db.write(actor, tx -> {
            Fund fund = fund(tx, c.fund());
            requireManage(tx, actor, fund);
            table.setApprovalThreshold(tx.handle(), fund.code(), c.thresholdMinor());
            journal.record(tx, "ApprovalThresholdSet", fund.code(), new FundEvents.ApprovalThresholdSet(fund.code(),
                    c.thresholdMinor()));
            return null;
        });
    }

    /** The threshold above which a payment from {@code fund} waits for approval: its own, else the platform's. */
    public long approvalThreshold(String fund) {
        Fund.code(fund);
        return db.read(h -> table.approvalThreshold(h, fund)).orElse(approvalThresholdMinor);
    }

    private void requireManage(Tx tx, Actor actor, Fund fund) {
        String owner = table.owner(tx.handle(), fund.code()).orElse(fund.code());
        org.quartermaster.access.Permissions.requireWrite(actor, owner, java.util.Set.of(),
                org.quartermaster.access.model.Action.MANAGE_FUNDS);
    }

    private Fund fund(Tx tx, String code) {
        Fund.code(code);
        return table.fund(tx.handle(), code).orElseThrow(() -> new InvalidField("fund", "names no fund: " + code));
    }

    /** Sets the contribution key (basis points summing to 10,000) and opens each member's account. */
    public ContributionKey setKey(SetKey c, Actor actor) {
        Checks.required("shares", c.shares());
        ContributionKey key = new ContributionKey(c.shares().stream().map(s -> new ContributionKey.Share(
                s.member(), s.basisPoints(), s.abstainsLethal())).toList());
        return Ledger.retryingDuplicates(() -> db.write(actor, tx -> {
            Fund fund = fund(tx, c.fund());
            requireManage(tx, actor, fund);
            table.replaceKey(tx.handle(), fund.code(), key);
            for (ContributionKey.Share s : key.shares()) memberAccount(tx, fund, s.member());
            journal.record(tx, "ContributionKeySet", fund.code(), new FundEvents.ContributionKeySet(fund.code(),
                    List.copyOf(c.shares())));
            return key;
        }));
    }

    public Optional<ContributionKey> key(String fund) {
        return db.read(h -> table.key(h, fund));
    }

    /** What a contribution call did: its lines, and whether it was a retry that changed nothing. */
    public record CallResult(String id, boolean replayed, List<CallLine> lines) {}

    /**
     * Calls contributions: apportions {@code totalMinor} by the key (largest remainder), and for
     * each member makes a pending transfer {@code <id>.<member>} from its contributions account
     * into the envelope; a member that abstains constructively pays into NON_LETHAL. Paying a
     * share is posting its transfer. A retry returns the original lines; other content is refused.
     */
    public CallResult call(CallContributions c, Actor actor) {
        Transfer.id(c.id());
        Envelope requested = Envelope.parse("envelope", c.envelope());
        Money.positiveAmount("totalMinor", c.totalMinor());
        try {
            return atomically(() -> db.write(actor, tx -> callIn(tx, c, requested, actor)));
        } catch (Abort a) {
            throw switch (a.outcome) {
                case TransferOutcome.Refused r -> new org.quartermaster.shared.Refused(r.type(), r.field(), r.reason());
                default -> new org.quartermaster.shared.Refused("transfer-conflict", "id",
                        ((TransferOutcome.Conflict) a.outcome).reason());
            };
        }
    }

    private CallResult callIn(Tx tx, CallContributions c, Envelope requested, Actor actor) {
        Fund fund = fund(tx, c.fund());
        requireManage(tx, actor, fund);
        ContributionKey key = table.key(tx.handle(), fund.code())
                .orElseThrow(() -> new InvalidField("fund", "has no contribution key yet"));
        Map<String, Long> shares = Apportionment.apportion(key, c.totalMinor());
        List<CallLine> lines = new ArrayList<>();
        boolean replayed = true;
        for (ContributionKey.Share s : key.shares()) {
            long amount = shares.get(s.member());
            if (amount == 0) continue;
            Envelope into = Envelope.forMember(requested, s.abstainsLethal());
            String id = c.id() + "." + s.member();
            TransferOutcome o = ledger.transfer(tx, Transfer.id(id), memberAccount(tx, fund, s.member()).key(),
                    envelopeAccount(tx, fund, into).key(), amount, fund.currency(), true, "call " + c.id());
            if (!(o instanceof TransferOutcome.Replayed)) replayed = false;
            requireDone(o);
            lines.add(new CallLine(s.member(), into.name(), amount, id));
        }
        if (!replayed) {
            journal.record(tx, "ContributionsCalled", c.id(), new FundEvents.ContributionsCalled(c.id(),
                    fund.code(), requested.name(), c.totalMinor(), lines));
        }
        return new CallResult(c.id(), replayed, lines);
    }

    /** Creates a measure with its account. */
    public Measure createMeasure(CreateMeasure c, Actor actor) {
        Measure m = new Measure(c.code(), c.fund(), Envelope.parse("envelope", c.envelope()), c.ceilingMinor());
        return Ledger.retryingDuplicates(() -> db.write(actor, tx -> {
            Fund fund = fund(tx, m.fund());
            requireManage(tx, actor, fund);
            Optional<Measure> existing = table.measure(tx.handle(), m.code());
            if (existing.isPresent()) {
                if (!existing.get().equals(m)) throw new InvalidField("code", "names an existing, different measure");
                return m;
            }
            table.insertMeasure(tx.handle(), m, tx.now());
            measureAccount(tx, fund, m);
            journal.record(tx, "MeasureCreated", m.code(), new FundEvents.MeasureCreated(m.code(), m.fund(),
                    m.envelope().name(), m.ceilingMinor()));
            return m;
        }));
    }

    public List<Measure> measures(String fund) {
        Fund.code(fund);
        return db.read(h -> table.measures(h, fund));
    }

    private Measure measure(Tx tx, String code) {
        Checks.required("measure", code);
        return table.measure(tx.handle(), code).orElseThrow(() -> new InvalidField("measure", "names no measure: " + code));
    }

    /**
     * Commits money of the measure's envelope to the measure: a pending transfer that reserves it.
     * Commitments (pending or posted) never exceed the measure's ceiling.
     */
    public TransferOutcome commit(Commit c, Actor actor) {
        Transfer.id(c.id());
        Money.positiveAmount("amountMinor", c.amountMinor());
        String item = c.item() == null || c.item().isBlank() ? null : c.item().strip();
        String contributor = c.contributor() == null || c.contributor().isBlank() ? null : c.contributor().strip();
        boolean lethal = item != null && lethal(item);
        return atomically(() -> db.write(actor, tx -> {
            Measure m = measure(tx, c.measure());
            Fund fund = fund(tx, m.fund());
            requireManage(tx, actor, fund);
            Optional<Refusal> earmark = FundRules.lethalPaidFrom(item, lethal, m.envelope(), contributor,
                    abstains(tx, fund, contributor));
            if (earmark.isPresent()) return refused(earmark.get());
            Account envelope = envelopeAccount(tx, fund, m.envelope());
            Account target = lockMeasure(tx, fund, m);
            // what it pays for is part of the reference: a retry for another item is a conflict
            String reference = "commitment " + m.code() + (item == null ? "" : " item " + item)
                    + (contributor == null ? "" : " from " + contributor);
            Optional<TransferOutcome> replay = replay(tx, c.id(), envelope.key(), target.key(), c.amountMinor(),
                    fund.currency(), true, reference);
            if (replay.isPresent()) return replay.get();
            long committed = target.balance().creditsPending() + target.balance().creditsPosted();
            Optional<Refusal> refusal = FundRules.withinCeiling(m.ceilingMinor(), committed, c.amountMinor());
            if (refusal.isPresent()) return refused(refusal.get());
            TransferOutcome o = ledger.transfer(tx, c.id(), envelope.key(), target.key(), c.amountMinor(),
                    fund.currency(), true, reference);
            if (o instanceof TransferOutcome.Created) {
                journal.record(tx, "CommitmentMade", c.id(), new FundEvents.CommitmentMade(c.id(), m.code(),
                        c.amountMinor()));
                if (item != null || contributor != null) {
                    journal.record(tx, "CommitmentForItem", c.id(), new FundEvents.CommitmentForItem(c.id(),
                            m.code(), item, contributor));
                }
            }
            return o;
        }));
    }

    /** Whether the catalogue flags {@code item} lethal; an unknown item is the caller's mistake. */
    private boolean lethal(String item) {
        try {
            return items.lethal(item);
        } catch (NotFound e) {
            throw new InvalidField("item", "names no item of the catalogue: " + item);
        }
    }

    /** Whether {@code contributor} abstains constructively; null when none is named; a non-member is refused. */
    private Boolean abstains(Tx tx, Fund fund, String contributor) {
        if (contributor == null) return null;
        return table.key(tx.handle(), fund.code()).flatMap(k -> k.shares().stream()
                        .filter(s -> s.member().equals(contributor)).findFirst())
                .map(ContributionKey.Share::abstainsLethal)
                .orElseThrow(() -> new InvalidField("contributor", "is not a member of fund " + fund.code()));
    }

    /**
     * Pays a contract milestone from a measure's posted money, under the contract and prepayment
     * rules. A payment above the fund's approval threshold is not paid yet: its transfer is made
     * pending (the money reserved), the payment waits as AWAITING_APPROVAL, and a different person
     * completes it with {@link #approvePayment} (or {@link #rejectPayment}). The outcome is then
     * Created with the pending transfer; a retry returns the same.
     */
    public TransferOutcome pay(PayMilestone c, Actor actor) {
        Transfer.id(c.id());
        Money.positiveAmount("amountMinor", c.amountMinor());
        Money.positiveAmount("contractValueMinor", c.contractValueMinor());
        Checks.notNegative("guaranteeMinor", c.guaranteeMinor());
        Checks.text("contract", c.contract(), REFERENCE_LENGTH_MAX);
        Checks.text("milestone", c.milestone(), REFERENCE_LENGTH_MAX);
        Checks.text("payee", c.payee(), Account.CODE_LENGTH_MAX);
        String measureCode = Checks.required("measure", c.measure());
        Measure measure = db.read(h -> table.measure(h, measureCode))
                .orElseThrow(() -> new InvalidField("measure", "names no measure: " + measureCode));
        long threshold = approvalThreshold(measure.fund());
        boolean fourEyes = FundRules.needsApproval(c.amountMinor(), threshold);
        if (!fourEyes) return atomically(() -> db.write(actor, tx -> payIn(tx, c, false, threshold, actor)));
        Optional<MilestonePayment> earlier = db.read(h -> table.payment(h, c.id()));
        if (earlier.isEmpty()) approvals.requireRequester(actor);
        TransferOutcome o = atomically(() -> db.write(actor, tx -> payIn(tx, c, true, threshold, actor)));
        if (o instanceof TransferOutcome.Created || o instanceof TransferOutcome.Replayed) requestApproval(c, o, actor);
        return o;
    }

    /** Asks for the approval of a waiting payment that has none yet; undoes the payment if that fails. */
    private void requestApproval(PayMilestone c, TransferOutcome o, Actor actor) {
        MilestonePayment p = db.read(h -> table.payment(h, c.id())).orElseThrow();
        if (p.status() != MilestonePayment.Status.AWAITING_APPROVAL || p.approval() != null) return;
        String approval;
        try {
            approval = approvals.request(c.id(), approvalSummary(c.amountMinor(), o.transfer().currency(), c.payee(),
                    c.contract(), c.milestone()), actor);
        } catch (RuntimeException e) {
            db.write(actor, tx -> {
                if (table.decidePayment(tx.handle(), c.id(), MilestonePayment.Status.CANCELLED, actor.user())) {
                    requireDone(ledger.settle(tx, c.id(), false));
                    journal.record(tx, "PaymentCancelled", c.id(), new FundEvents.PaymentCancelled(c.id(),
                            "no approval could be requested: " + e.getMessage()));
                }
                return null;
            });
            throw e;
        }
        db.write(actor, tx -> {
            table.attachApproval(tx.handle(), c.id(), approval);
            journal.record(tx, "PaymentApprovalRequested", c.id(), new FundEvents.PaymentApprovalRequested(c.id(),
                    approval));
            return null;
        });
    }

    /** What an approval of a payment says, and must still say when it is used: amount, payee, contract. */
    static String approvalSummary(long amountMinor, String currency, String payee, String contract, String milestone) {
        return "pay " + amountMinor + " " + currency + " to " + payee + " for " + contract + "/" + milestone;
    }

    private TransferOutcome payIn(Tx tx, PayMilestone c, boolean fourEyes, long threshold, Actor actor) {
        Measure m = measure(tx, c.measure());
        Fund fund = fund(tx, m.fund());
        requireManage(tx, actor, fund);
        Account source = lockMeasure(tx, fund, m);
        Account payee = ledger.open(tx, new OpenAccount(c.payee(), fund.code(), Fund.PAYMENTS, fund.currency(), true));
        // the payment's own terms are part of the reference, so a retry with other terms is a conflict
        String reference = "milestone " + c.contract() + "/" + c.milestone() + (c.prepayment() ? " prepayment" : "")
                + " value " + c.contractValueMinor() + " guarantee " + c.guaranteeMinor();
        Optional<TransferOutcome> replay = replay(tx, c.id(), source.key(), payee.key(), c.amountMinor(),
                fund.currency(), fourEyes, reference);
        if (replay.isPresent()) return replay.get();
        List<MilestonePayment> before = table.paymentsOn(tx.handle(), c.contract());
        for (MilestonePayment p : before) {
            if (!p.measure().equals(m.code())) throw new InvalidField("contract", "is paid from measure " + p.measure());
            if (p.contractValueMinor() != c.contractValueMinor()) {
                throw new InvalidField("contractValueMinor", "differs from earlier payments: " + p.contractValueMinor());
            }
        }
        long paid = before.stream().mapToLong(MilestonePayment::amountMinor).sum();
        long prepaid = before.stream().filter(MilestonePayment::prepayment).mapToLong(MilestonePayment::amountMinor).sum();
        var payment = new FundRules.Payment(c.amountMinor(), c.prepayment(), c.contractValueMinor(),
                c.guaranteeMinor(), paid, prepaid);
        for (var rule : FundRules.paymentRules()) {
            Optional<Refusal> refusal = rule.apply(payment);
            if (refusal.isPresent()) return refused(refusal.get());
        }
        TransferOutcome o = ledger.transfer(tx, c.id(), source.key(), payee.key(), c.amountMinor(),
                fund.currency(), fourEyes, reference);
        if (!(o instanceof TransferOutcome.Created)) return o;
        if (fourEyes) {
            table.insertPayment(tx.handle(), new MilestonePayment(c.id(), m.code(), c.contract(), c.milestone(),
                    c.payee(), c.prepayment(), c.amountMinor(), c.contractValueMinor(), c.guaranteeMinor(),
                    MilestonePayment.Status.AWAITING_APPROVAL, null, actor.user(), null), tx.now());
            journal.record(tx, "PaymentRequested", c.id(), new FundEvents.PaymentRequested(c.id(), m.code(),
                    c.contract(), c.milestone(), c.payee(), c.amountMinor(), c.prepayment(), threshold, actor.user()));
        } else {
            table.insertPayment(tx.handle(), new MilestonePayment(c.id(), m.code(), c.contract(), c.milestone(),
                    c.payee(), c.prepayment(), c.amountMinor(), c.contractValueMinor(), c.guaranteeMinor()), tx.now());
            journal.record(tx, "MilestonePaid", c.id(), new FundEvents.MilestonePaid(c.id(), m.code(),
                    c.contract(), c.milestone(), c.payee(), c.amountMinor(), c.prepayment()));
        }
        return o;
    }

    /**
     * Approves a payment waiting for approval and pays it (posts its transfer). The approver must
     * be a different person from the requester (not merely another account) and an approver of
     * the requester's organisation. Approving a paid payment again returns it (Replayed).
     *
     * @throws NotFound when there is no such payment
     * @throws org.quartermaster.shared.Refused {@code four-eyes} for the requesting person, {@code illegal-transition}
     *     when the payment was rejected or cancelled
     * @throws org.quartermaster.shared.AccessDenied when the approver may not approve
     */
    public TransferOutcome approvePayment(String id, Actor approver) {
        return decidePayment(id, approver, true);
    }

    /** Rejects a payment waiting for approval: its reserved money is released. Same rules as approving. */
    public TransferOutcome rejectPayment(String id, Actor approver) {
        return decidePayment(id, approver, false);
    }

    private TransferOutcome decidePayment(String id, Actor approver, boolean grant) {
        Transfer.id(id);
        MilestonePayment p = db.read(h -> table.payment(h, id)).orElseThrow(() -> new NotFound("payment", id));
        MilestonePayment.Status wanted = grant ? MilestonePayment.Status.PAID : MilestonePayment.Status.REJECTED;
        if (p.status() == wanted) return new TransferOutcome.Replayed(ledger.transfer(id));
        if (p.status() != MilestonePayment.Status.AWAITING_APPROVAL) {
            throw new org.quartermaster.shared.Refused("illegal-transition", null, "payment " + id + " is "
                    + p.status() + ", not AWAITING_APPROVAL");
        }
        if (p.approval() == null) {
            throw new org.quartermaster.shared.Refused("illegal-transition", null, "payment " + id
                    + " has no approval request yet; retry the payment to request one");
        }
        if (approver == null || approver.user().equals(p.requestedBy())) {
            // the access context refuses this too; checked here as well so that no wiring can skip it
            throw new org.quartermaster.shared.Refused("four-eyes", null, "the requester cannot approve their own payment");
        }
        String status = approvals.status(p.approval());
        String decided = grant ? "GRANTED" : "REJECTED";
        if ("PENDING".equals(status)) {
            approvals.decide(p.approval(), approver, grant);
        } else if (!decided.equals(status)) {
            throw new org.quartermaster.shared.Refused("illegal-transition", null, "approval " + p.approval()
                    + " is already " + status);
        }
        return db.write(approver, tx -> {
            if (!table.decidePayment(tx.handle(), id, wanted, approver.user())) {
                return new TransferOutcome.Replayed(accounts.transfer(tx.handle(), id).orElseThrow());
            }
            TransferOutcome o = ledger.settle(tx, id, grant);
            requireDone(o);
            if (grant) {
                journal.record(tx, "PaymentApproved", id, new FundEvents.PaymentApproved(id, p.approval(),
                        approver.user()));
                journal.record(tx, "MilestonePaid", id, new FundEvents.MilestonePaid(id, p.measure(), p.contract(),
                        p.milestone(), p.payee(), p.amountMinor(), p.prepayment()));
                // the approval is spent with the payment it authorises: both commit, or neither
                approvals.use(tx, p.approval(), id, approvalSummary(p.amountMinor(), o.transfer().currency(),
                        p.payee(), p.contract(), p.milestone()), approver);
            } else {
                journal.record(tx, "PaymentRejected", id, new FundEvents.PaymentRejected(id, p.approval(),
                        approver.user()));
            }
            return o;
        });
    }

    /** One payment, in any status. */
    public MilestonePayment payment(String id) {
        return payment(id, Actor.SYSTEM);
    }

    /** One payment, if {@code viewer} may see its fund; else NotFound. */
    public MilestonePayment payment(String id, Actor viewer) {
        Transfer.id(id);
        MilestonePayment p = db.read(h -> table.payment(h, id)).orElseThrow(() -> new NotFound("payment", id));
        Measure m = db.read(h -> table.measure(h, p.measure())).orElseThrow();
        try {
            fund(m.fund(), viewer);
        } catch (NotFound hidden) {
            throw new NotFound("payment", id);
        }
        return p;
    }

    /** One transfer, if {@code viewer} may see its debit or credit account; else NotFound. */
    public Transfer transfer(String id, Actor viewer) {
        Transfer t = ledger.transfer(id);
        if (viewer != null && viewer.isSystem()) return t;
        for (long key : new long[] {t.debit(), t.credit()}) {
            Account a = ledger.account(org.quartermaster.shared.PublicIds.format(Account.ID_PREFIX, key));
            if (canRead(viewer, a)) return t;
        }
        throw new NotFound("transfer", id);
    }

    /**
     * Reimburses a donor for a delivered donation: {@code rateBasisPoints} of the valuation,
     * half-even to the minor unit, paid from the measure to the donor. An offer is funded once.
     */
    public TransferOutcome claim(ClaimReimbursement c, Actor actor) {
        Transfer.id(c.id());
        Money.positiveAmount("valuationMinor", c.valuationMinor());
        if (c.rateBasisPoints() < 1 || c.rateBasisPoints() > ContributionKey.BASIS_POINTS_TOTAL) {
            throw new InvalidField("rateBasisPoints", "must be between 1 and 10000");
        }
        OfferLookup.DonatedOffer offer = donatedOffer(c.offer());
        long amount = FundRules.reimbursement(c.valuationMinor(), c.rateBasisPoints());
        String contributor = c.contributor() == null || c.contributor().isBlank() ? null : c.contributor().strip();
        boolean lethal = offer.item() != null && lethal(offer.item());
        return atomically(() -> db.write(actor, tx -> {
            Measure m = measure(tx, c.measure());
            Fund fund = fund(tx, m.fund());
            requireManage(tx, actor, fund);
            Optional<Refusal> earmark = FundRules.lethalPaidFrom(offer.item(), lethal, m.envelope(), contributor,
                    abstains(tx, fund, contributor));
            if (earmark.isPresent()) return refused(earmark.get());
            Account source = lockMeasure(tx, fund, m);
            Account donor = ledger.open(tx, new OpenAccount(offer.donor(), fund.code(), Fund.REIMBURSEMENTS,
                    fund.currency(), true));
            // valuation and rate are part of the reference: a retry with other terms is a conflict even
            // when they round to the same amount
            String reference = "reimbursement " + offer.id() + " at " + c.rateBasisPoints() + " bp of "
                    + c.valuationMinor() + (contributor == null ? "" : " from " + contributor);
            Optional<TransferOutcome> replay = replay(tx, c.id(), source.key(), donor.key(), amount, fund.currency(),
                    false, reference);
            if (replay.isPresent()) return replay.get();
            Optional<Refusal> refusal = FundRules.delivered(offer.status())
                    .or(() -> FundRules.donation(offer.terms()))
                    .or(() -> FundRules.notFundedYet(offer.id(), table.fundingOf(tx.handle(), offer.id())
                            .map(f -> f.kind() == Funding.Kind.CLAIM ? "claimed by " + f.transfer() : "bilaterally by " + f.donor())));
            if (refusal.isPresent()) return refused(refusal.get());
            TransferOutcome o = ledger.transfer(tx, c.id(), source.key(), donor.key(), amount, fund.currency(),
                    false, reference);
            if (o instanceof TransferOutcome.Created) {
                table.insertFunding(tx.handle(), new Funding(offer.id(), Funding.Kind.CLAIM, fund.code(), m.code(),
                        offer.donor(), c.valuationMinor(), c.rateBasisPoints(), amount, c.id(), offer.item()), tx.now());
                journal.record(tx, "ReimbursementPaid", c.id(), new FundEvents.ReimbursementPaid(c.id(), m.code(),
                        offer.id(), offer.donor(), c.valuationMinor(), c.rateBasisPoints(), amount));
            }
            return o;
        }));
    }

    /** Records that a state funded an offer's delivery bilaterally; refused if it is funded already. */
    public Optional<Refusal> recordBilateral(RecordBilateral c, Actor actor) {
        Money.positiveAmount("amountMinor", c.amountMinor());
        Checks.text("funder", c.funder(), Account.CODE_LENGTH_MAX);
        OfferLookup.DonatedOffer offer = donatedOffer(c.offer());
        // a state records its own bilateral funding
        org.quartermaster.access.Permissions.requireWrite(actor, c.funder(), java.util.Set.of(),
                org.quartermaster.access.model.Action.MANAGE_FUNDS);
        return Ledger.retryingDuplicates(() -> db.write(actor, tx -> {
            Optional<Funding> existing = table.fundingOf(tx.handle(), offer.id());
            if (existing.isPresent() && existing.get().kind() == Funding.Kind.BILATERAL
                    && existing.get().donor().equals(c.funder()) && existing.get().amountMinor() == c.amountMinor()) {
                return Optional.<Refusal>empty();
            }
            Optional<Refusal> refusal = FundRules.notFundedYet(offer.id(), existing.map(f -> f.kind().name()));
            if (refusal.isPresent()) return refusal;
            table.insertFunding(tx.handle(), new Funding(offer.id(), Funding.Kind.BILATERAL, null, null, c.funder(),
                    c.amountMinor(), 0, c.amountMinor(), null), tx.now());
            journal.record(tx, "BilateralFundingRecorded", offer.id(), new FundEvents.BilateralFundingRecorded(
                    offer.id(), c.funder(), c.amountMinor()));
            return Optional.<Refusal>empty();
        }));
    }

    public List<Funding> fundings(String fund) {
        Fund.code(fund);
        return db.read(h -> table.fundings(h, fund));
    }

    public List<MilestonePayment> payments(String fund) {
        Fund.code(fund);
        return db.read(h -> table.payments(h, fund));
    }

    private OfferLookup.DonatedOffer donatedOffer(String id) {
        Checks.required("offer", id);
        try {
            return offers.find(id);
        } catch (NotFound e) {
            throw new InvalidField("offer", "names no offer: " + id);
        }
    }

    /** The measure's account, locked before any rule reads its balance. */
    private Account lockMeasure(Tx tx, Fund fund, Measure m) {
        Account a = measureAccount(tx, fund, m);
        return accounts.lock(tx.handle(), tx.dialect(), a.key()).get(a.key());
    }

    /** The same id already used: a replay with the same content, or a conflict. Empty when new. */
    private Optional<TransferOutcome> replay(Tx tx, String id, long debit, long credit, long amount, String currency,
                                             boolean pending, String reference) {
        return accounts.transfer(tx.handle(), id).map(t -> t.sameAs(debit, credit, amount, currency, pending, reference)
                ? new TransferOutcome.Replayed(t)
                : new TransferOutcome.Conflict(t, "transfer " + id + " exists with other content"));
    }

    private Account envelopeAccount(Tx tx, Fund fund, Envelope e) {
        return ledger.open(tx, new OpenAccount(fund.code(), fund.code(), Fund.envelopePurpose(e), fund.currency(), true));
    }

    private Account measureAccount(Tx tx, Fund fund, Measure m) {
        return ledger.open(tx, new OpenAccount(fund.code(), fund.code(), Fund.measurePurpose(m.code()),
                fund.currency(), true));
    }

    private Account memberAccount(Tx tx, Fund fund, String member) {
        return ledger.open(tx, new OpenAccount(member, fund.code(), Fund.CONTRIBUTIONS, fund.currency(), false));
    }

    private static TransferOutcome refused(Refusal r) {
        return new TransferOutcome.Refused(r.type(), r.field(), r.reason());
    }

    /** A step of a multi-transfer use case was refused: undo the whole transaction and report it. */
    private static final class Abort extends RuntimeException {
        final transient TransferOutcome outcome;

        Abort(TransferOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private static void requireDone(TransferOutcome o) {
        if (o instanceof TransferOutcome.Conflict || o instanceof TransferOutcome.Refused) throw new Abort(o);
    }

    /** Runs a write; a refused step inside rolls it back and becomes the answer. */
    private static <T> T atomically(Supplier<T> write) {
        return Ledger.retryingDuplicates(write);
    }
}

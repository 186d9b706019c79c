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
    private final OfferLookup offers;
    private final FundTables table = new FundTables();
    private final LedgerTables accounts = new LedgerTables();

    public Funds(Database db, Journal journal, Ledger ledger, OfferLookup offers) {
        this.db = db;
        this.journal = journal;
        this.ledger = ledger;
        this.offers = offers;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Creates a fund with its two envelope accounts. The same command again returns the fund. */
    public Fund create(CreateFund c, Actor actor) {
        Fund fund = new Fund(c.code(), c.name(), c.currency());
        return Ledger.retryingDuplicates(() -> db.write(actor, tx -> {
            Optional<Fund> existing = table.fund(tx.handle(), fund.code());
            if (existing.isPresent()) {
                if (!existing.get().equals(fund)) throw new InvalidField("code", "names an existing, different fund");
                return existing.get();
            }
            table.insertFund(tx.handle(), fund, tx.now());
            for (Envelope e : Envelope.values()) envelopeAccount(tx, fund, e);
            journal.record(tx, "FundCreated", fund.code(), new FundEvents.FundCreated(fund.code(), fund.name(),
                    fund.currency()));
            return fund;
        }));
    }

    public Fund fund(String code) {
        Fund.code(code);
        return db.read(h -> table.fund(h, code)).orElseThrow(() -> new NotFound("fund", code));
    }

    public List<Fund> funds() {
        return db.read(table::funds);
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
            return atomically(() -> db.write(actor, tx -> callIn(tx, c, requested)));
        } catch (Abort a) {
            throw switch (a.outcome) {
                case TransferOutcome.Refused r -> new org.quartermaster.shared.Refused(r.type(), r.field(), r.reason());
                default -> new org.quartermaster.shared.Refused("transfer-conflict", "id",
                        ((TransferOutcome.Conflict) a.outcome).reason());
            };
        }
    }

    private CallResult callIn(Tx tx, CallContributions c, Envelope requested) {
        Fund fund = fund(tx, c.fund());
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
        return atomically(() -> db.write(actor, tx -> {
            Measure m = measure(tx, c.measure());
            Fund fund = fund(tx, m.fund());
            Account envelope = envelopeAccount(tx, fund, m.envelope());
            Account target = lockMeasure(tx, fund, m);
            Optional<TransferOutcome> replay = replay(tx, c.id(), envelope.key(), target.key(), c.amountMinor(),
                    fund.currency(), true, "commitment " + m.code());
            if (replay.isPresent()) return replay.get();
            long committed = target.balance().creditsPending() + target.balance().creditsPosted();
            Optional<Refusal> refusal = FundRules.withinCeiling(m.ceilingMinor(), committed, c.amountMinor());
            if (refusal.isPresent()) return refused(refusal.get());
            TransferOutcome o = ledger.transfer(tx, c.id(), envelope.key(), target.key(), c.amountMinor(),
                    fund.currency(), true, "commitment " + m.code());
            if (o instanceof TransferOutcome.Created) {
                journal.record(tx, "CommitmentMade", c.id(), new FundEvents.CommitmentMade(c.id(), m.code(),
                        c.amountMinor()));
            }
            return o;
        }));
    }

    /** Pays a contract milestone from a measure's posted money, under the contract and prepayment rules. */
    public TransferOutcome pay(PayMilestone c, Actor actor) {
        Transfer.id(c.id());
        Money.positiveAmount("amountMinor", c.amountMinor());
        Money.positiveAmount("contractValueMinor", c.contractValueMinor());
        Checks.notNegative("guaranteeMinor", c.guaranteeMinor());
        Checks.text("contract", c.contract(), REFERENCE_LENGTH_MAX);
        Checks.text("milestone", c.milestone(), REFERENCE_LENGTH_MAX);
        Checks.text("payee", c.payee(), Account.CODE_LENGTH_MAX);
        return atomically(() -> db.write(actor, tx -> {
            Measure m = measure(tx, c.measure());
            Fund fund = fund(tx, m.fund());
            Account source = lockMeasure(tx, fund, m);
            Account payee = ledger.open(tx, new OpenAccount(c.payee(), fund.code(), Fund.PAYMENTS, fund.currency(), true));
            // the payment's own terms are part of the reference, so a retry with other terms is a conflict
            String reference = "milestone " + c.contract() + "/" + c.milestone() + (c.prepayment() ? " prepayment" : "")
                    + " value " + c.contractValueMinor() + " guarantee " + c.guaranteeMinor();
            Optional<TransferOutcome> replay = replay(tx, c.id(), source.key(), payee.key(), c.amountMinor(),
                    fund.currency(), false, reference);
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
                    fund.currency(), false, reference);
            if (o instanceof TransferOutcome.Created) {
                table.insertPayment(tx.handle(), new MilestonePayment(c.id(), m.code(), c.contract(), c.milestone(),
                        c.payee(), c.prepayment(), c.amountMinor(), c.contractValueMinor(), c.guaranteeMinor()), tx.now());
                journal.record(tx, "MilestonePaid", c.id(), new FundEvents.MilestonePaid(c.id(), m.code(),
                        c.contract(), c.milestone(), c.payee(), c.amountMinor(), c.prepayment()));
            }
            return o;
        }));
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
        return atomically(() -> db.write(actor, tx -> {
            Measure m = measure(tx, c.measure());
            Fund fund = fund(tx, m.fund());
            Account source = lockMeasure(tx, fund, m);
            Account donor = ledger.open(tx, new OpenAccount(offer.donor(), fund.code(), Fund.REIMBURSEMENTS,
                    fund.currency(), true));
            // valuation and rate are part of the reference: a retry with other terms is a conflict even
            // when they round to the same amount
            String reference = "reimbursement " + offer.id() + " at " + c.rateBasisPoints() + " bp of "
                    + c.valuationMinor();
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
                        offer.donor(), c.valuationMinor(), c.rateBasisPoints(), amount, c.id()), tx.now());
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

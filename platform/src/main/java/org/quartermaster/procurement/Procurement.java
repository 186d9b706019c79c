package org.quartermaster.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import org.jdbi.v3.core.Handle;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.procurement.ProcurementCommands.*;
import org.quartermaster.procurement.ProcurementEvents.*;
import org.quartermaster.procurement.jdbc.ProcurementTables;
import org.quartermaster.procurement.jdbc.ProcurementTables.SealedBid;
import org.quartermaster.procurement.model.Bid;
import org.quartermaster.procurement.model.BidContent;
import org.quartermaster.procurement.model.BidSeal;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Complaint;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Criterion;
import org.quartermaster.procurement.model.Delivery;
import org.quartermaster.procurement.model.Evaluation;
import org.quartermaster.procurement.model.EvaluationMethod;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.procurement.model.ProcedureKind;
import org.quartermaster.procurement.model.ProcedureStatus;
import org.quartermaster.procurement.model.Question;
import org.quartermaster.procurement.model.RedFlag;
import org.quartermaster.procurement.model.RedFlags;
import org.quartermaster.procurement.model.ScheduleProgress;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Money;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/**
 * The procurement context's use cases, from demand aggregation to call-offs. Reads take the
 * viewer and show only what the access policy releases to it; writes ask the policy about the
 * record. A bid's content is sealed from submission to the opening: no method returns it before,
 * whoever asks, because the store holds it only encrypted under a key this facade unwraps only
 * in {@link #confirmOpening} (and, to seal, in {@link #submitBid}).
 */
public final class Procurement {
    public static final int LOTS_MAX = 50;
    public static final int PARTICIPANTS_MAX = 64;
    public static final int INVITED_MAX = 100;
    public static final int SCHEDULE_WEEKS_MAX = 520;
    public static final int MILESTONES_MAX = 50;
    public static final int STANDSTILL_DAYS_MAX = 60;
    public static final int BIDS_MAX = 500_000;
    /** Deliveries a contract's page lists one by one (its schedule counts all of them). */
    public static final int DELIVERIES_SHOWN_MAX = 100;

    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final SecretKey platformKey;
    private final PersonLookup persons;
    private final ProcurementTables tables = new ProcurementTables();

    public Procurement(Database db, Journal journal, Catalog catalog, Parties parties, SecretKey platformKey) {
        this(db, journal, catalog, parties, platformKey, PersonLookup.ACCOUNTS_ARE_PERSONS);
    }

    /** {@code persons}: who holds an account, for the four-eyes steps (answered by access). */
    public Procurement(Database db, Journal journal, Catalog catalog, Parties parties, SecretKey platformKey,
                       PersonLookup persons) {
        this.db = db;
        this.journal = journal;
        this.catalog = catalog;
        this.parties = parties;
        this.platformKey = Checks.required("platformKey", platformKey);
        this.persons = Checks.required("persons", persons);
    }

    // ---- demand aggregation --------------------------------------------------------------------

    /** Opens a joint procedure in AGGREGATING; the lead buyer's procurement officers may. */
    public Procedure open(OpenProcedure c, Actor actor) {
        String lead = Checks.text("leadBuyer", c.leadBuyer(), Limits.NAME_LENGTH_MAX);
        Permissions.requireWrite(actor, lead, Set.of(), Action.PROCURE);
        String title = Checks.text("title", c.title(), Limits.NAME_LENGTH_MAX);
        ProcedureKind kind = parse("kind", c.kind(), ProcedureKind.class);
        EvaluationMethod method = parse("evaluation", c.evaluation(), EvaluationMethod.class);
        List<Criterion> criteria = criteria(method, c.criteria());
        String currency = Money.currency("currency", c.currency());
        int cap = (int) Checks.atMost("prepaymentCapBasisPoints",
                Checks.notNegative("prepaymentCapBasisPoints", orDefault(c.prepaymentCapBasisPoints(), 0)), 10_000);
        int standstill = (int) Checks.atMost("standstillDays",
                Checks.notNegative("standstillDays", orDefault(c.standstillDays(), 10)), STANDSTILL_DAYS_MAX);
        Instant commitUntil = Checks.required("commitUntil", c.commitUntil());
        Instant bidsUntil = Checks.required("bidsUntil", c.bidsUntil());
        if (bidsUntil.isBefore(commitUntil)) throw new InvalidField("bidsUntil", "must not be before commitUntil");
        List<LotSpec> lots = Checks.sizeAtMost("lots", Checks.required("lots", c.lots()), LOTS_MAX);
        if (lots.isEmpty()) throw new InvalidField("lots", "must name at least one lot");
        Set<String> invited = new TreeSet<>(Checks.sizeAtMost("invited", c.invited() == null ? List.of() : c.invited(),
                INVITED_MAX));
        if (kind.invitationOnly() && invited.isEmpty()) {
            throw new InvalidField("invited", "must name the invited suppliers of a " + kind + " procedure");
        }
        return db.write(actor, tx -> {
            parties.organisationKey(tx, "leadBuyer", lead);
            int i = 0;
            for (String s : invited) supplierOrganisation(tx, "invited[" + i++ + "]", s);
            if (!commitUntil.isAfter(tx.now())) throw new InvalidField("commitUntil", "must be in the future");
            long key = tables.insertProcedure(tx.handle(), new ProcurementTables.NewProcedure(lead, title, kind, method,
                    criteria, currency, Boolean.TRUE.equals(c.groupContract()), cap, standstill, commitUntil, bidsUntil,
                    invited), tx.now());
            String id = PublicIds.format(Procedure.ID_PREFIX, key);
            tables.setSealedKey(tx.handle(), key, BidSeal.newProcedureKey(platformKey, id));
            List<String> lotNames = new ArrayList<>();
            for (int n = 0; n < lots.size(); n++) {
                LotSpec l = Checks.required("lots[" + n + "]", lots.get(n));
                String item = Checks.text("lots[" + n + "].item", l.item(), Limits.NAME_LENGTH_MAX);
                catalog.keyOf(tx, "lots[" + n + "].item", item);
                long estimate = Money.positiveAmount("lots[" + n + "].estimateMinor",
                        Checks.required("lots[" + n + "].estimateMinor", l.estimateMinor()));
                String lotTitle = l.title() == null || l.title().isBlank() ? item
                        : Checks.text("lots[" + n + "].title", l.title(), Limits.NAME_LENGTH_MAX);
                tables.insertLot(tx.handle(), key, new ProcurementTables.NewLot(n + 1, item, lotTitle, estimate));
                lotNames.add((n + 1) + ":" + item);
            }
            journal.record(tx, "ProcedureOpened", id, new ProcedureOpened(id, lead, title, kind.name(), method.name(),
                    currency, commitUntil.toEpochMilli(), bidsUntil.toEpochMilli(), lotNames));
            return load(tx, id);
        });
    }

    /** Adds a participating buyer with its declared budget; the procedure is released to it. */
    public Procedure join(String id, Join c, Actor actor) {
        String buyer = Checks.text("buyer", c.buyer(), Limits.NAME_LENGTH_MAX);
        long budget = Checks.notNegative("budgetMinor", Checks.required("budgetMinor", c.budgetMinor()));
        Checks.atMost("budgetMinor", budget, Money.AMOUNT_MINOR_MAX);
        String funding = Checks.text("fundingSource", c.fundingSource(), Limits.NAME_LENGTH_MAX);
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.AGGREGATING, "buyers join only while demand is aggregated");
            requireBefore(tx, p.commitUntil(), "the commitment cut-off has passed", "commit-cutoff-passed");
            parties.organisationKey(tx, "buyer", buyer);
            if (p.participant(buyer) != null) throw new Refused("already-participating", "buyer", buyer + " already takes part");
            if (p.participants().size() >= PARTICIPANTS_MAX) {
                throw new Refused("too-many-participants", "buyer", "at most " + PARTICIPANTS_MAX + " participants");
            }
            tables.insertParticipant(tx.handle(), p.key(), buyer, budget, funding, tx.now());
            Set<String> releasable = new TreeSet<>(p.releasableTo());
            releasable.add(buyer);
            tables.updateProcedure(tx.handle(), withReleasable(p, releasable), p.version(), tx.now());
            journal.record(tx, "BuyerJoined", p.publicId(), new BuyerJoined(p.publicId(), buyer, budget, funding));
            return load(tx, id);
        });
    }

    /**
     * Commits (or re-commits) a participant's quantity of a lot before the cut-off. The value at
     * the lots' estimates of everything the buyer committed must stay within its budget.
     *
     * @throws Refused {@code beyond-funding} (journalled) when it would not
     */
    public Procedure commit(String id, Commit c, Actor actor) {
        String buyer = Checks.text("buyer", c.buyer(), Limits.NAME_LENGTH_MAX);
        int lotNo = Checks.required("lot", c.lot());
        long quantity = Checks.notNegative("quantity", Checks.required("quantity", c.quantity()));
        Checks.atMost("quantity", quantity, Limits.QUANTITY_MAX);
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.JOIN_PROCUREMENT);
            requireOwnOrganisation(actor, buyer, "buyer");
            requireStatus(p, ProcedureStatus.AGGREGATING, "demand is committed only while it is aggregated");
            requireBefore(tx, p.commitUntil(), "the commitment cut-off has passed", "commit-cutoff-passed");
            Procedure.Participant participant = p.participant(buyer);
            if (participant == null) throw new Refused("not-participating", "buyer", buyer + " does not take part");
            Procedure.Lot lot = p.lot(lotNo);
            if (lot == null) throw new InvalidField("lot", "must be one of the procedure's lots");
            Map<Integer, Long> next = new HashMap<>(participant.committed());
            next.put(lotNo, quantity);
            long value = new Procedure.Participant(buyer, participant.budgetMinor(), participant.fundingSource(), next)
                    .committedValue(p.lots());
            if (value > participant.budgetMinor()) {
                throw new Refused("beyond-funding", "quantity", buyer + " would commit " + value + " " + p.currency()
                        + " at the lots' estimates, beyond its declared budget of " + participant.budgetMinor() + " "
                        + p.currency() + " (" + participant.fundingSource() + ")");
            }
            tables.putCommitment(tx.handle(), p.key(), buyer, lotNo, quantity);
            journal.record(tx, "DemandCommitted", p.publicId(), new DemandCommitted(p.publicId(), buyer, lotNo,
                    quantity, value));
            return load(tx, id);
        }));
    }

    // ---- notice and questions --------------------------------------------------------------------

    /** Publishes the notice after the cut-off: the aggregated demand is what is tendered. */
    public Procedure publish(String id, Publish c, Actor actor) {
        String notice = Checks.text("notice", c.notice(), Limits.TEXT_LENGTH_MAX);
        long version = Checks.required("version", c.version());
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.AGGREGATING, "only an aggregating procedure is published");
            if (tx.now().isBefore(p.commitUntil())) {
                throw new Refused("before-cutoff", null, "the notice is published after the commitment cut-off "
                        + p.commitUntil());
            }
            if (!tx.now().isBefore(p.bidsUntil())) throw new Refused("deadline-passed", null, "the bid deadline has passed");
            List<String> quantities = new ArrayList<>();
            for (Procedure.Lot l : p.lots()) {
                if (l.quantity() == 0) throw new Refused("lot-without-demand", null, "lot " + l.lotNo() + " has no demand");
                quantities.add(l.lotNo() + ":" + l.item() + "=" + l.quantity());
            }
            tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.PUBLISHED, notice, p.openingRequestedBy(),
                    p.openedBy(), p.openedAt(), p.standstillUntil()), version, tx.now());
            journal.record(tx, "NoticePublished", p.publicId(), new NoticePublished(p.publicId(), quantities, version + 1));
            return load(tx, id);
        });
    }

    /** A published notice as every supplier and the public see it: lots, demand, deadline and answered questions. */
    public record Notice(String id, String title, String kind, String evaluation, String currency, String notice,
                         Instant bidsUntil, String status, List<Procedure.Lot> lots, List<Question> questions) {}

    public Notice notice(String id) {
        long key = PublicIds.parse(Procedure.ID_PREFIX, id, "procedure");
        return db.read(h -> {
            Procedure p = tables.procedure(h, key).orElseThrow(() -> new NotFound("procedure", id));
            if (p.status() == ProcedureStatus.AGGREGATING) throw new NotFound("notice", id);
            return notice(h, p);
        });
    }

    /** Every published notice, newest first. */
    public Page<Notice> notices(String after, Integer limit) {
        int size = Cursor.limit(limit);
        long before = after == null ? 0 : Cursor.decode(after);
        List<Notice> rows = db.read(h -> tables.procedures(h, "p.status <> 'AGGREGATING'", Map.of(), size + 1, before)
                .stream().map(p -> notice(h, p)).toList());
        return Page.cut(rows, size, n -> PublicIds.parse(Procedure.ID_PREFIX, n.id(), "procedure"));
    }

    private Notice notice(Handle h, Procedure p) {
        return new Notice(p.publicId(), p.title(), p.kind().name(), p.evaluation().name(), p.currency(), p.notice(),
                p.bidsUntil(), p.status().name(), p.lots(), tables.questions(h, p.key(), true));
    }

    public Question ask(String id, Ask c, Actor actor) {
        String supplier = Checks.text("supplier", c.supplier(), Limits.NAME_LENGTH_MAX);
        String text = Checks.text("question", c.question(), Limits.TEXT_LENGTH_MAX);
        Permissions.requireWrite(actor, supplier, Set.of(), Action.BID);
        return db.write(actor, tx -> {
            Procedure p = published(tx, id);
            requireStatus(p, ProcedureStatus.PUBLISHED, "questions are asked while the notice is open");
            requireBefore(tx, p.bidsUntil(), "the bid deadline has passed", "deadline-passed");
            requireEligible(tx, p, supplier);
            long key = tables.insertQuestion(tx.handle(), p.key(), supplier, text, tx.now());
            String qid = PublicIds.format(Question.ID_PREFIX, key);
            journal.record(tx, "QuestionAsked", qid, new QuestionAsked(qid, text, supplier));
            return tables.questions(tx.handle(), p.key(), false).stream().filter(q -> q.id().equals(qid)).findFirst()
                    .orElseThrow();
        });
    }

    /** Answers a question; question and answer are then part of the notice every supplier reads. */
    public Question answer(String id, String questionId, Answer c, Actor actor) {
        String text = Checks.text("answer", c.answer(), Limits.TEXT_LENGTH_MAX);
        long question = PublicIds.parse(Question.ID_PREFIX, questionId, "question");
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.PUBLISHED, "questions are answered while the notice is open");
            if (tables.answer(tx.handle(), p.key(), question, text, tx.now()) == 0) {
                throw new NotFound("unanswered question", questionId);
            }
            journal.record(tx, "QuestionAnswered", questionId, new QuestionAnswered(questionId, text));
            return tables.questions(tx.handle(), p.key(), true).stream().filter(q -> q.id().equals(questionId))
                    .findFirst().orElseThrow();
        });
    }

    /** Records whether a supplier organisation is verified and not excluded; platform admins decide. */
    public org.quartermaster.procurement.model.SupplierEligibility vet(String supplier, Eligibility c, Actor actor) {
        Permissions.requireWrite(actor, org.quartermaster.access.model.WriteRule.PLATFORM_ORGANISATION, Set.of(),
                Action.REGISTER_ORGANISATION);
        boolean verified = Checks.required("verified", c.verified());
        boolean excluded = Checks.required("excluded", c.excluded());
        String reason = Checks.optionalText("reason", c.reason(), Limits.TEXT_LENGTH_MAX);
        if (excluded && reason == null) throw new InvalidField("reason", "is required to exclude a supplier");
        return db.write(actor, tx -> {
            supplierOrganisation(tx, "supplier", supplier);
            var e = new org.quartermaster.procurement.model.SupplierEligibility(supplier, verified, excluded, reason);
            tables.putEligibility(tx.handle(), e, tx.now());
            journal.record(tx, "SupplierVetted", supplier, new SupplierVetted(supplier, verified, excluded, reason));
            return e;
        });
    }

    // ---- sealed bids -------------------------------------------------------------------------------

    /**
     * Seals a supplier's bid for one lot before the deadline. Only the commitment is journalled.
     *
     * @throws Refused {@code bid-after-deadline}, {@code bid-already-submitted} (a bid cannot be
     *     changed), {@code supplier-not-eligible}, {@code not-invited}; each journalled
     */
    public BidReceipt submitBid(String id, SubmitBid c, Actor actor) {
        String supplier = Checks.text("supplier", c.supplier(), Limits.NAME_LENGTH_MAX);
        int lotNo = Checks.required("lot", c.lot());
        BidContent content;
        try {
            content = new BidContent(Checks.required("unitPriceMinor", c.unitPriceMinor()),
                    Checks.required("deliveryWeeks", c.deliveryWeeks()), c.note());
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidField f) throw f;
            String field = e.getMessage().split(" ", 2)[0];
            throw new InvalidField(field, e.getMessage().substring(field.length() + 1));
        }
        Permissions.requireWrite(actor, supplier, Set.of(), Action.BID);
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = published(tx, id);
            if (p.status() != ProcedureStatus.PUBLISHED || !tx.now().isBefore(p.bidsUntil())) {
                throw new Refused("bid-after-deadline", null, "bids for " + p.publicId() + " closed at " + p.bidsUntil());
            }
            if (p.lot(lotNo) == null) throw new InvalidField("lot", "must be one of the procedure's lots");
            requireEligible(tx, p, supplier);
            if (tables.bidExists(tx.handle(), p.key(), lotNo, supplier)) {
                throw new Refused("bid-already-submitted", "lot", supplier + " already submitted a sealed bid for lot "
                        + lotNo + "; a submitted bid cannot be changed or replaced");
            }
            SecretKey key = BidSeal.procedureKey(platformKey, tables.sealedKey(tx.handle(), p.key()), p.publicId());
            BidSeal.Sealed sealed = BidSeal.seal(key, p.publicId(), lotNo, content);
            long bidKey = tables.insertBid(tx.handle(), p.key(), lotNo, supplier, sealed.sealed(), sealed.commitment(),
                    tx.now());
            String bidId = PublicIds.format(Bid.ID_PREFIX, bidKey);
            journal.record(tx, "BidSubmitted", bidId, new BidSubmitted(bidId, p.publicId(), lotNo, supplier,
                    sealed.commitment()));
            return new BidReceipt(bidId, p.publicId(), lotNo, supplier, sealed.commitment(), tx.now());
        }));
    }

    /**
     * The bids of a procedure the viewer may see. Before the opening a supplier sees its own
     * envelopes (commitment, no content) and nobody else sees any; after it, the lead buyer and
     * participants see every bid with its content.
     */
    public List<Bid> bids(String id, Actor viewer) {
        long key = PublicIds.parse(Procedure.ID_PREFIX, id, "procedure");
        return db.read(h -> {
            Procedure p = tables.procedure(h, key).orElseThrow(() -> new NotFound("procedure", id));
            boolean sees = Permissions.canRead(viewer, p.leadBuyer(), p.releasableTo());
            if (!sees && p.status() == ProcedureStatus.AGGREGATING) throw new NotFound("procedure", id);
            return tables.bids(h, key, Permissions.readFilter(viewer, db.dialect(), "b.supplier_org", "b.releasable_to"));
        });
    }

    /** Whether two accounts are held by one person (an account without a known person is its own). */
    private boolean samePerson(String user, String other) {
        if (user.equals(other)) return true;
        return persons.personOf(user).orElse(user).equals(persons.personOf(other).orElse(other));
    }

    /** Asks for the opening after the deadline; a second person of the lead buyer must confirm. */
    public Procedure requestOpening(String id, long version, Actor actor) {
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.PUBLISHED, "only a published procedure is opened");
            if (tx.now().isBefore(p.bidsUntil())) {
                throw new Refused("before-deadline", null, "bids are opened after the deadline " + p.bidsUntil());
            }
            tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.OPENING_REQUESTED, p.notice(), actor.user(),
                    null, null, null), version, tx.now());
            journal.record(tx, "OpeningRequested", p.publicId(), new OpeningRequested(p.publicId(), actor.user(), version + 1));
            return load(tx, id);
        }));
    }

    /**
     * Confirms the opening as a second person: unwraps the procedure key, opens every sealed bid,
     * checks it against its commitment and journals the opened content with its salt.
     *
     * @throws Refused {@code four-eyes} (journalled) when the confirming person requested the
     *     opening, through the same account or another
     */
    public Procedure confirmOpening(String id, long version, Actor actor) {
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.OPENING_REQUESTED, "the opening must be requested first");
            if (samePerson(actor.user(), p.openingRequestedBy())) {
                throw new Refused("four-eyes", null, "the opening is confirmed by a different person from "
                        + p.openingRequestedBy() + ", who requested it"
                        + (actor.user().equals(p.openingRequestedBy()) ? "" : " (" + actor.user()
                        + " is another account of the same person)"));
            }
            SecretKey key = BidSeal.procedureKey(platformKey, tables.sealedKey(tx.handle(), p.key()), p.publicId());
            Set<String> audience = new TreeSet<>(p.releasableTo());
            audience.add(p.leadBuyer());
            String releasable = ProcurementTables.codes(audience);
            List<SealedBid> sealed = tables.sealedBids(tx.handle(), p.key());
            for (SealedBid b : sealed) {
                BidSeal.Opened opened = BidSeal.open(key, p.publicId(), b.lot(), b.sealed());
                if (!opened.commitment().equals(b.commitment())) {
                    throw new IllegalStateException("bid " + b.key() + " does not match its commitment");
                }
                tables.open(tx.handle(), b.key(), opened.content(), releasable);
                String bidId = PublicIds.format(Bid.ID_PREFIX, b.key());
                journal.record(tx, "BidOpened", bidId, new BidOpened(bidId, p.publicId(), b.lot(), b.supplier(),
                        b.commitment(), java.util.HexFormat.of().formatHex(opened.salt()),
                        opened.content().unitPriceMinor(), opened.content().deliveryWeeks()));
            }
            tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.OPENED, p.notice(), p.openingRequestedBy(),
                    actor.user(), tx.now(), null), version, tx.now());
            journal.record(tx, "BidsOpened", p.publicId(), new BidsOpened(p.publicId(), p.openingRequestedBy(),
                    actor.user(), sealed.size(), version + 1));
            return load(tx, id);
        }));
    }

    // ---- evaluation ------------------------------------------------------------------------------

    /** Records the acting evaluator's score (0..100) of an opened bid on a non-price criterion. */
    public Bid score(String id, Score c, Actor actor) {
        String criterion = Checks.text("criterion", c.criterion(), 40);
        int score = (int) Checks.atMost("score", Checks.notNegative("score", Checks.required("score", c.score())), 100);
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.OPENED, "bids are scored once opened and before the evaluation");
            if (p.evaluation() != EvaluationMethod.WEIGHTED) {
                throw new Refused("price-only", "criterion", "a lowest-price procedure has no scored criteria");
            }
            if (Criterion.PRICE.equals(criterion) || p.criteria().stream().noneMatch(k -> k.name().equals(criterion))) {
                throw new InvalidField("criterion", "must be one of the procedure's scored criteria (price is by formula)");
            }
            long bid = bidOf(tx, p, c.bid());
            tables.putScore(tx.handle(), bid, actor.user(), criterion, score);
            journal.record(tx, "BidScored", c.bid(), new BidScored(c.bid(), actor.user(), criterion, score));
            return bidView(tx, p, bid);
        });
    }

    public Bid disqualify(String id, Disqualify c, Actor actor) {
        String reason = Checks.text("reason", c.reason(), Limits.TEXT_LENGTH_MAX);
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.OPENED, "bids are disqualified once opened and before the evaluation");
            long bid = bidOf(tx, p, c.bid());
            tables.disqualify(tx.handle(), bid, reason);
            journal.record(tx, "BidDisqualified", c.bid(), new BidDisqualified(c.bid(), reason));
            return bidView(tx, p, bid);
        });
    }

    /** Ranks every lot's admissible bids; refused while a weighted criterion lacks a score. */
    public Procedure evaluate(String id, long version, Actor actor) {
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.OPENED, "an opened procedure is evaluated");
            Evaluation.Result result = Evaluation.evaluate(p.evaluation(), p.criteria(),
                    p.lots().stream().map(Procedure.Lot::lotNo).toList(), entries(tx.handle(), p));
            List<Evaluation.Gap> missing = result.gaps().stream().filter(g -> g.reason().startsWith("criterion")).toList();
            if (!missing.isEmpty()) throw new Refused("evaluation-incomplete", null, missing.get(0).reason());
            if (result.winners().isEmpty()) throw new Refused("no-admissible-bid", null, "no lot has an admissible bid");
            tables.clearRanks(tx.handle(), p.key());
            for (Evaluation.Ranked r : result.ranked()) tables.rank(tx.handle(), r.bidKey(), r.rank(), r.score());
            tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.EVALUATED, p.notice(), p.openingRequestedBy(),
                    p.openedBy(), p.openedAt(), null), version, tx.now());
            List<String> winners = result.winners().values().stream()
                    .map(r -> r.lot() + ":" + r.supplier() + "@" + r.unitPriceMinor()).toList();
            journal.record(tx, "ProcedureEvaluated", p.publicId(), new ProcedureEvaluated(p.publicId(), winners, version + 1));
            return load(tx, id);
        });
    }

    private List<Evaluation.Entry> entries(Handle h, Procedure p) {
        Map<Long, Map<String, Map<String, Integer>>> scores = tables.scores(h, p.key());
        List<Evaluation.Entry> out = new ArrayList<>();
        for (Bid b : tables.bids(h, p.key(), new ReadFilter.Condition("(1 = 1)", Map.of()))) {
            if (b.content() == null && !"DISQUALIFIED".equals(b.status())) continue;
            Map<String, List<Integer>> byCriterion = new HashMap<>();
            scores.getOrDefault(b.key(), Map.of()).forEach((criterion, byEvaluator) ->
                    byCriterion.put(criterion, List.copyOf(byEvaluator.values())));
            long price = b.content() == null ? Long.MAX_VALUE : b.content().unitPriceMinor();
            out.add(new Evaluation.Entry(b.key(), b.lot(), b.supplier(), price, b.submittedAt().toEpochMilli(),
                    "DISQUALIFIED".equals(b.status()), byCriterion));
        }
        return out;
    }

    // ---- award, standstill, complaints ------------------------------------------------------------------

    /**
     * Notifies the award and starts the standstill.
     *
     * @throws Refused {@code complaint-pending} (journalled) while a complaint awaits its decision
     */
    public Procedure award(String id, long version, Actor actor) {
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.EVALUATED, "an evaluated procedure is awarded");
            requireNoPendingComplaint(tx, p, "award");
            Instant until = tx.now().plus(java.time.Duration.ofDays(p.standstillDays()));
            tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.STANDSTILL, p.notice(), p.openingRequestedBy(),
                    p.openedBy(), p.openedAt(), until), version, tx.now());
            journal.record(tx, "AwardNotified", p.publicId(), new AwardNotified(p.publicId(), until.toEpochMilli(),
                    version + 1));
            return load(tx, id);
        }));
    }

    /** A supplier that bid lodges a complaint, from the opening until the standstill ends. */
    public Complaint lodgeComplaint(String id, LodgeComplaint c, Actor actor) {
        String complainant = Checks.text("complainant", c.complainant(), Limits.NAME_LENGTH_MAX);
        String grounds = Checks.text("grounds", c.grounds(), Limits.TEXT_LENGTH_MAX);
        Permissions.requireWrite(actor, complainant, Set.of(), Action.BID);
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = published(tx, id);
            if (!p.status().acceptsComplaints()) {
                throw new Refused("complaints-closed", null, "a " + p.status() + " procedure takes no complaints");
            }
            if (p.status() == ProcedureStatus.STANDSTILL && !tx.now().isBefore(p.standstillUntil())) {
                throw new Refused("standstill-over", null, "the standstill ended at " + p.standstillUntil());
            }
            boolean bidder = tables.bids(tx.handle(), p.key(), new ReadFilter.Condition("(1 = 1)", Map.of())).stream()
                    .anyMatch(b -> b.supplier().equals(complainant));
            if (!bidder) throw new Refused("not-a-bidder", "complainant", complainant + " did not bid");
            long key = tables.insertComplaint(tx.handle(), p.key(), complainant, grounds, tx.now());
            String cid = PublicIds.format(Complaint.ID_PREFIX, key);
            journal.record(tx, "ComplaintLodged", cid, new ComplaintLodged(cid, p.publicId(), complainant, grounds));
            return tables.complaints(tx.handle(), p.key()).stream().filter(k -> k.id().equals(cid)).findFirst().orElseThrow();
        }));
    }

    /** Decides a pending complaint; one upheld during the standstill annuls the award (back to EVALUATED). */
    public Complaint decideComplaint(String id, String complaintId, DecideComplaint c, Actor actor) {
        boolean upheld = Checks.required("upheld", c.upheld());
        String decision = Checks.text("decision", c.decision(), Limits.TEXT_LENGTH_MAX);
        long complaint = PublicIds.parse(Complaint.ID_PREFIX, complaintId, "complaint");
        return db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            String status = upheld ? "UPHELD" : "REJECTED";
            if (tables.decideComplaint(tx.handle(), p.key(), complaint, status, decision, actor.user(), tx.now()) == 0) {
                throw new NotFound("pending complaint", complaintId);
            }
            if (upheld && p.status() == ProcedureStatus.STANDSTILL) {
                tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.EVALUATED, p.notice(),
                        p.openingRequestedBy(), p.openedBy(), p.openedAt(), null), p.version(), tx.now());
            }
            journal.record(tx, "ComplaintDecided", complaintId, new ComplaintDecided(complaintId, p.publicId(), status,
                    decision));
            return tables.complaints(tx.handle(), p.key()).stream().filter(k -> k.id().equals(complaintId)).findFirst()
                    .orElseThrow();
        });
    }

    public List<Complaint> complaints(String id, Actor viewer) {
        return db.read(h -> tables.complaints(h, visible(h, id, viewer).key()));
    }

    /**
     * Signs the contracts once the standstill is over with no complaint pending: one per lot for
     * the group, or one per participating buyer with its committed quantity.
     */
    public List<Contract> conclude(String id, long version, Actor actor) {
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Procedure p = visible(tx, id, actor);
            Permissions.requireWrite(actor, p.leadBuyer(), p.releasableTo(), Action.PROCURE);
            requireStatus(p, ProcedureStatus.STANDSTILL, "contracts follow the award's standstill");
            if (tx.now().isBefore(p.standstillUntil())) {
                throw new Refused("standstill-running", null, "the standstill runs until " + p.standstillUntil());
            }
            requireNoPendingComplaint(tx, p, "contracts");
            List<String> ids = new ArrayList<>();
            for (Bid winner : tables.bids(tx.handle(), p.key(), new ReadFilter.Condition("(1 = 1)", Map.of()))) {
                if (winner.rank() == null || winner.rank() != 1) continue;
                Procedure.Lot lot = p.lot(winner.lot());
                if (p.groupContract()) {
                    Set<String> audience = new TreeSet<>(p.releasableTo());
                    audience.add(winner.supplier());
                    ids.add(sign(tx, p, lot, winner, p.leadBuyer(), audience, lot.quantity()));
                } else {
                    for (Procedure.Participant part : p.participants()) {
                        long q = part.committed().getOrDefault(lot.lotNo(), 0L);
                        if (q == 0) continue;
                        ids.add(sign(tx, p, lot, winner, part.buyer(), Set.of(winner.supplier(), p.leadBuyer()), q));
                    }
                }
            }
            tables.updateProcedure(tx.handle(), with(p, ProcedureStatus.CONTRACTED, p.notice(), p.openingRequestedBy(),
                    p.openedBy(), p.openedAt(), p.standstillUntil()), version, tx.now());
            journal.record(tx, "ContractsSigned", p.publicId(), new ContractsSigned(p.publicId(), ids, version + 1));
            List<Contract> out = new ArrayList<>();
            for (String cid : ids) out.add(tables.contract(tx.handle(), PublicIds.parse(Contract.ID_PREFIX, cid, "contract")).orElseThrow());
            return out;
        }));
    }

    private String sign(Tx tx, Procedure p, Procedure.Lot lot, Bid winner, String buyer, Set<String> audience, long q) {
        Set<String> releasable = new TreeSet<>(audience);
        releasable.remove(buyer);
        long key = tables.insertContract(tx.handle(), new ProcurementTables.NewContract(p.key(), lot.lotNo(), lot.item(),
                buyer, releasable, winner.supplier(), p.kind() == ProcedureKind.FRAMEWORK, q,
                winner.content().unitPriceMinor(), p.currency(), p.prepaymentCapBasisPoints()), tx.now());
        return PublicIds.format(Contract.ID_PREFIX, key);
    }

    private void requireNoPendingComplaint(Tx tx, Procedure p, String what) {
        for (Complaint k : tables.complaints(tx.handle(), p.key())) {
            if ("PENDING".equals(k.status())) {
                throw new Refused("complaint-pending", null, "no " + what + " while complaint " + k.id() + " of "
                        + k.complainant() + " awaits its decision");
            }
        }
    }

    // ---- contracts, call-offs, deliveries -----------------------------------------------------------------

    /**
     * Changes a contract's schedule, unpaid milestones or guarantee, always with a rationale that
     * is recorded with the change. A prepayment above the cap needs a guarantee covering it.
     */
    public Contract changeContract(String id, ChangeContract c, Actor actor) {
        String rationale = Checks.text("rationale", c.rationale(), Limits.TEXT_LENGTH_MAX);
        long version = Checks.required("version", c.version());
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Contract k = visibleContract(tx.handle(), id, actor);
            Permissions.requireWrite(actor, k.buyer(), k.releasableTo(), Action.PROCURE);
            List<String> what = new ArrayList<>();
            long guarantee = k.guaranteeMinor();
            if (c.guaranteeMinor() != null) {
                guarantee = Checks.atMost("guaranteeMinor", Checks.notNegative("guaranteeMinor", c.guaranteeMinor()),
                        Money.AMOUNT_MINOR_MAX);
                what.add("guarantee=" + guarantee);
            }
            if (c.schedule() != null) {
                List<Contract.Week> weeks = weeks(c.schedule(), k.quantity());
                tables.replaceSchedule(tx.handle(), k.key(), weeks);
                what.add("schedule=" + weeks.size() + " weeks");
            }
            if (c.milestones() != null) {
                List<Contract.Milestone> ms = milestones(c.milestones(), k);
                long prepayment = ms.stream().filter(m -> m.kind().equals("PREPAYMENT")).mapToLong(Contract.Milestone::amountMinor).sum()
                        + k.milestones().stream().filter(m -> m.paidAt() != null && m.kind().equals("PREPAYMENT"))
                        .mapToLong(Contract.Milestone::amountMinor).sum();
                boolean overCap = Math.multiplyExact(prepayment, 10_000L)
                        > Math.multiplyExact(k.valueMinor(), (long) k.prepaymentCapBasisPoints());
                if (overCap && guarantee < prepayment) {
                    throw new Refused("prepayment-over-cap", "milestones", "prepayment " + prepayment + " " + k.currency()
                            + " exceeds the cap of " + k.prepaymentCapBasisPoints() + " bp of " + k.valueMinor()
                            + " and is not covered by a guarantee (" + guarantee + ")");
                }
                tables.replaceUnpaidMilestones(tx.handle(), k.key(), ms);
                what.add("milestones=" + ms.size());
            }
            if (what.isEmpty()) throw new InvalidField("schedule", "a change must change the schedule, milestones or guarantee");
            Contract changed = copy(k, guarantee, k.calledOffQuantity(), k.calledOffMinor(), k.deliveredQuantity(), k.status());
            tables.updateContract(tx.handle(), changed, version, tx.now());
            tables.insertChange(tx.handle(), k.key(), String.join("; ", what), rationale, actor.user(), tx.now());
            journal.record(tx, "ContractChanged", k.publicId(), new ContractChanged(k.publicId(), String.join("; ", what),
                    rationale, version + 1));
            return tables.contract(tx.handle(), k.key()).orElseThrow();
        }));
    }

    /** Marks a milestone of the contract at {@code version} paid (the funds context moves the money). */
    public Contract payMilestone(String id, String milestoneId, long version, Actor actor) {
        long milestone = PublicIds.parse(Contract.Milestone.ID_PREFIX, milestoneId, "milestone");
        return db.write(actor, tx -> {
            Contract k = visibleContract(tx.handle(), id, actor);
            Permissions.requireWrite(actor, k.buyer(), k.releasableTo(), Action.PROCURE);
            if (k.version() != version) throw new org.quartermaster.shared.StaleRecord("contract", id, version);
            Contract.Milestone m = k.milestones().stream().filter(x -> x.id().equals(milestoneId)).findFirst()
                    .orElseThrow(() -> new NotFound("milestone", milestoneId));
            if (tables.payMilestone(tx.handle(), k.key(), milestone, tx.now()) == 0) {
                throw new Refused("already-paid", null, "milestone " + milestoneId + " is already paid");
            }
            journal.record(tx, "MilestonePaid", k.publicId(), new MilestonePaid(k.publicId(), milestoneId, m.amountMinor()));
            return tables.contract(tx.handle(), k.key()).orElseThrow();
        });
    }

    /**
     * Calls off a quantity under a framework contract released to the buyer.
     *
     * @throws Refused {@code ceiling-exceeded} (journalled) above the framework's quantity or ceiling
     */
    public CallOff callOff(String id, PlaceCallOff c, Actor actor) {
        String buyer = Checks.text("buyer", c.buyer(), Limits.NAME_LENGTH_MAX);
        long quantity = Checks.atMost("quantity", Checks.positive("quantity", Checks.required("quantity", c.quantity())),
                Limits.QUANTITY_MAX);
        LocalDate due = Checks.required("dueOn", c.dueOn());
        return refusalsJournalled(actor, id, () -> db.write(actor, tx -> {
            Contract k = visibleContract(tx.handle(), id, actor);
            Permissions.requireWrite(actor, k.buyer(), k.releasableTo(), Action.JOIN_PROCUREMENT);
            requireOwnOrganisation(actor, buyer, "buyer");
            if (!k.framework()) throw new Refused("not-a-framework", null, k.publicId() + " is not a framework contract");
            if (!buyer.equals(k.buyer()) && !k.releasableTo().contains(buyer)) {
                throw new Refused("not-a-party", "buyer", buyer + " is not a party to " + k.publicId());
            }
            long value = Math.multiplyExact(quantity, k.unitPriceMinor());
            if (k.calledOffQuantity() + quantity > k.quantity() || k.calledOffMinor() + value > k.ceilingMinor()) {
                throw new Refused("ceiling-exceeded", "quantity", "calling off " + quantity + " (" + value + " "
                        + k.currency() + ") would exceed the framework's " + k.quantity() + " units / " + k.ceilingMinor()
                        + " " + k.currency() + "; already called off " + k.calledOffQuantity() + " / " + k.calledOffMinor());
            }
            tables.updateContract(tx.handle(), copy(k, k.guaranteeMinor(), k.calledOffQuantity() + quantity,
                    k.calledOffMinor() + value, k.deliveredQuantity(), k.status()), k.version(), tx.now());
            long key = tables.insertCallOff(tx.handle(), k.key(), buyer, callOffAudience(k, buyer), quantity, value, due,
                    tx.now());
            String cid = PublicIds.format(CallOff.ID_PREFIX, key);
            journal.record(tx, "CallOffPlaced", cid, new CallOffPlaced(cid, k.publicId(), buyer, quantity, value));
            return callOffByKey(tx.handle(), key);
        }));
    }

    /**
     * A delivery against a contract or call-off, recorded by a logistician of a party it is
     * released to: for a call-off, a party to the call-off (its buyer, the supplier, the
     * contract's buyer), not any party to the contract it is placed under.
     */
    public Contract recordDelivery(String contractOrCallOffId, RecordDelivery c, Actor actor) {
        long quantity = Checks.atMost("quantity", Checks.positive("quantity", Checks.required("quantity", c.quantity())),
                Limits.QUANTITY_MAX);
        LocalDate on = Checks.required("deliveredOn", c.deliveredOn());
        String reference = Checks.text("reference", c.reference(), Limits.NAME_LENGTH_MAX);
        return db.write(actor, tx -> {
            if (isCallOff(contractOrCallOffId)) {
                CallOff o = visibleCallOff(tx.handle(), contractOrCallOffId, actor);
                Contract k = contractOf(tx.handle(), contractOrCallOffId, actor);
                Permissions.requireWrite(actor, o.buyer(), callOffAudience(k, o.buyer()), Action.RECEIVE);
            } else {
                Contract k = contractOf(tx.handle(), contractOrCallOffId, actor);
                Permissions.requireWrite(actor, k.buyer(), k.releasableTo(), Action.RECEIVE);
            }
            return recordDelivery(tx, contractOrCallOffId, quantity, on, reference);
        });
    }

    /**
     * Records a delivery within the caller's transaction (the logistics context calls this when a
     * consignment against a contract or call-off is received). Moves the contract to DELIVERING or
     * DELIVERED; more than ordered is refused.
     */
    public Contract recordDelivery(Tx tx, String contractOrCallOffId, long quantity, LocalDate deliveredOn,
                                   String reference) {
        Checks.positive("quantity", quantity);
        Contract k = contractOf(tx.handle(), contractOrCallOffId, Actor.SYSTEM);
        Long callOff = null;
        if (contractOrCallOffId.startsWith(CallOff.ID_PREFIX + "-")) {
            callOff = PublicIds.parse(CallOff.ID_PREFIX, contractOrCallOffId, "call-off");
            CallOff o = callOffByKey(tx.handle(), callOff);
            if (o.deliveredQuantity() + quantity > o.quantity()) {
                throw new Refused("over-delivery", "quantity", "call-off " + o.publicId() + " ordered " + o.quantity()
                        + ", delivered " + o.deliveredQuantity());
            }
            long delivered = o.deliveredQuantity() + quantity;
            tables.updateCallOffDelivery(tx.handle(), callOff, delivered, delivered == o.quantity() ? "DELIVERED" : "DELIVERING");
        }
        long delivered = k.deliveredQuantity() + quantity;
        if (delivered > k.quantity()) {
            throw new Refused("over-delivery", "quantity", k.publicId() + " is for " + k.quantity() + ", delivered "
                    + k.deliveredQuantity());
        }
        tables.updateContract(tx.handle(), copy(k, k.guaranteeMinor(), k.calledOffQuantity(), k.calledOffMinor(),
                delivered, delivered == k.quantity() ? "DELIVERED" : "DELIVERING"), k.version(), tx.now());
        tables.insertDelivery(tx.handle(), k.key(), callOff, quantity, deliveredOn, reference, tx.now());
        journal.record(tx, "DeliveryRecorded", contractOrCallOffId, new DeliveryRecorded(contractOrCallOffId, quantity,
                deliveredOn.toString(), reference, delivered));
        return tables.contract(tx.handle(), k.key()).orElseThrow();
    }

    // ---- reads -----------------------------------------------------------------------------------

    public Procedure get(String id, Actor viewer) {
        return db.read(h -> visible(h, id, viewer));
    }

    public Page<Procedure> list(String status, String after, Integer limit, Actor viewer) {
        if (status != null) parse("status", status, ProcedureStatus.class);
        int size = Cursor.limit(limit);
        long before = after == null ? 0 : Cursor.decode(after);
        ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "p.owner_org", "p.releasable_to");
        Map<String, Object> params = new HashMap<>(f.params());
        String where = f.sql();
        if (status != null) {
            where += " AND p.status = :status";
            params.put("status", status);
        }
        String w = where;
        return Page.cut(db.read(h -> tables.procedures(h, w, params, size + 1, before)), size, Procedure::key);
    }

    /**
     * The evaluators' scores of a procedure the viewer may see: bid id, criterion, evaluator,
     * score. Empty before the opening (nothing can be scored then).
     */
    public Map<String, Map<String, Map<String, Integer>>> scores(String id, Actor viewer) {
        return db.read(h -> {
            Procedure p = visible(h, id, viewer);
            Map<String, Map<String, Map<String, Integer>>> out = new java.util.LinkedHashMap<>();
            tables.scores(h, p.key()).forEach((bid, byCriterion) -> out.put(PublicIds.format(Bid.ID_PREFIX, bid), byCriterion));
            return out;
        });
    }

    public Contract contract(String id, Actor viewer) {
        return db.read(h -> visibleContract(h, id, viewer));
    }

    public Page<Contract> contracts(String procedure, String after, Integer limit, Actor viewer) {
        int size = Cursor.limit(limit);
        long before = after == null ? 0 : Cursor.decode(after);
        ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "c.owner_org", "c.releasable_to");
        Map<String, Object> params = new HashMap<>(f.params());
        String where = f.sql();
        if (procedure != null) {
            where += " AND c.procedure_key = :procedure";
            params.put("procedure", PublicIds.parse(Procedure.ID_PREFIX, procedure, "procedure"));
        }
        String w = where;
        return Page.cut(db.read(h -> tables.contracts(h, w, params, size + 1, before)), size, Contract::key);
    }

    /**
     * The latest deliveries of a contract the viewer may see, newest first, with their references:
     * against the contract itself or against a call-off the viewer may see (a call-off is its
     * buyer's, the supplier's and the contract buyer's, not every party's to the contract).
     */
    public List<Delivery> deliveries(String id, Actor viewer) {
        ReadFilter.Condition callOffs = Permissions.readFilter(viewer, db.dialect(), "o.owner_org", "o.releasable_to");
        return db.read(h -> tables.deliveries(h, visibleContract(h, id, viewer).key(), DELIVERIES_SHOWN_MAX,
                callOffs));
    }

    /**
     * A contract's schedule against its deliveries today: per week, delivery milestone and call-off
     * (those the viewer may see), what arrived by when and how many days late.
     */
    public ScheduleProgress progress(String id, Actor viewer) {
        return db.read(h -> {
            Contract k = visibleContract(h, id, viewer);
            ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "o.owner_org", "o.releasable_to");
            Map<String, Object> params = new HashMap<>(f.params());
            params.put("contract", k.key());
            List<CallOff> callOffs = tables.callOffs(h, f.sql() + " AND o.contract_key = :contract", params,
                    Limits.PAGE_SIZE_MAX);
            return ScheduleProgress.of(k, callOffs, tables.deliveriesPerDay(h, k.key()),
                    LocalDate.ofInstant(db.now(), ZoneOffset.UTC));
        });
    }

    /**
     * The contract {@code id} read inside the caller's transaction, whoever may see it: for another
     * context's rules (logistics checks a consignment against it), which decide who may use it.
     *
     * @throws NotFound when there is no such contract
     */
    public Contract contract(Tx tx, String id) {
        return visibleContract(tx.handle(), id, Actor.SYSTEM);
    }

    /** The call-off {@code id} inside the caller's transaction, as {@link #contract(Tx, String)}. */
    public CallOff callOff(Tx tx, String id) {
        return callOffByKey(tx.handle(), PublicIds.parse(CallOff.ID_PREFIX, id, "call-off"));
    }

    /** The call-offs of contract {@code id} inside the caller's transaction, at most a page of them. */
    public List<CallOff> callOffs(Tx tx, String id) {
        long key = PublicIds.parse(Contract.ID_PREFIX, id, "contract");
        return tables.callOffs(tx.handle(), "o.contract_key = :contract", Map.of("contract", key),
                Limits.PAGE_SIZE_MAX);
    }

    public CallOff callOff(String id, Actor viewer) {
        return db.read(h -> visibleCallOff(h, id, viewer));
    }

    /** The call-off if the viewer may see it; otherwise it does not exist for them. */
    private CallOff visibleCallOff(Handle h, String id, Actor viewer) {
        long key = PublicIds.parse(CallOff.ID_PREFIX, id, "call-off");
        ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "o.owner_org", "o.releasable_to");
        Map<String, Object> params = new HashMap<>(f.params());
        params.put("key", key);
        return tables.callOffs(h, f.sql() + " AND o.call_off_key = :key", params, 1).stream().findFirst()
                .orElseThrow(() -> new NotFound("call-off", id));
    }

    /** Whom a call-off of {@code buyer} under {@code k} is released to: the supplier and the contract's buyer. */
    private static Set<String> callOffAudience(Contract k, String buyer) {
        Set<String> audience = new TreeSet<>(Set.of(k.supplier(), k.buyer()));
        audience.remove(buyer);
        return audience;
    }

    private static boolean isCallOff(String id) {
        return id != null && id.startsWith(CallOff.ID_PREFIX + "-");
    }

    public List<CallOff> callOffs(String contract, Actor viewer) {
        ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "o.owner_org", "o.releasable_to");
        Map<String, Object> params = new HashMap<>(f.params());
        String where = f.sql();
        if (contract != null) {
            where += " AND o.contract_key = :contract";
            params.put("contract", PublicIds.parse(Contract.ID_PREFIX, contract, "contract"));
        }
        String w = where;
        return db.read(h -> tables.callOffs(h, w, params, Limits.PAGE_SIZE_MAX));
    }

    /**
     * The red flags of the procedures and contracts the viewer may see (or of one procedure):
     * lot flags from opened bids, contract flags from prices, milestones and deliveries.
     */
    public List<RedFlag> redFlags(String procedureId, Actor viewer) {
        return db.read(h -> {
            List<Procedure> procedures;
            if (procedureId != null) {
                procedures = List.of(visible(h, procedureId, viewer));
            } else {
                ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "p.owner_org", "p.releasable_to");
                procedures = tables.procedures(h, f.sql(), f.params(), Limits.PAGE_SIZE_MAX, 0);
            }
            List<RedFlag> out = new ArrayList<>();
            LocalDate today = LocalDate.ofInstant(db.now(), ZoneOffset.UTC);
            List<RedFlags.ContractFacts> facts = new ArrayList<>();
            for (Procedure p : procedures) {
                if (p.status() == ProcedureStatus.EVALUATED || p.status() == ProcedureStatus.STANDSTILL
                        || p.status() == ProcedureStatus.CONTRACTED) {
                    List<Bid> bids = tables.bids(h, p.key(), new ReadFilter.Condition("(1 = 1)", Map.of()));
                    for (Procedure.Lot lot : p.lots()) {
                        List<RedFlags.LotBid> lotBids = bids.stream().filter(b -> b.lot() == lot.lotNo() && b.content() != null)
                                .map(b -> new RedFlags.LotBid(b.supplier(), b.content().unitPriceMinor(),
                                        "DISQUALIFIED".equals(b.status()), b.rank() != null && b.rank() == 1)).toList();
                        if (lotBids.isEmpty()) continue;
                        out.addAll(RedFlags.ofLot(new RedFlags.LotFacts(p.publicId() + "/lot-" + lot.lotNo(),
                                p.evaluation(), lotBids)));
                    }
                }
                ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "c.owner_org", "c.releasable_to");
                Map<String, Object> params = new HashMap<>(f.params());
                params.put("procedure", p.key());
                for (Contract k : tables.contracts(h, f.sql() + " AND c.procedure_key = :procedure", params,
                        Limits.PAGE_SIZE_MAX, 0)) {
                    facts.add(facts(h, k));
                }
            }
            for (RedFlags.ContractFacts cf : facts) out.addAll(RedFlags.ofContract(cf, today));
            out.addAll(RedFlags.splitUnderThreshold(facts));
            return out;
        });
    }

    private RedFlags.ContractFacts facts(Handle h, Contract k) {
        long prepayment = k.milestones().stream().filter(m -> m.kind().equals("PREPAYMENT"))
                .mapToLong(Contract.Milestone::amountMinor).sum();
        long prepaid = k.milestones().stream().filter(m -> m.kind().equals("PREPAYMENT") && m.paidAt() != null)
                .mapToLong(Contract.Milestone::amountMinor).sum();
        return new RedFlags.ContractFacts(k.publicId(), k.buyer(), k.supplier(), k.item(), k.currency(),
                k.unitPriceMinor(), k.valueMinor(), k.signedAt().toEpochMilli(),
                tables.pastUnitPrices(h, k.item(), k.currency(), k.key()), k.prepaymentCapBasisPoints(), prepayment,
                prepaid, k.schedule().stream().map(w -> new RedFlags.Week(w.weekStart(), w.quantity())).toList(),
                k.deliveredQuantity());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Procedure load(Tx tx, String id) {
        long key = PublicIds.parse(Procedure.ID_PREFIX, id, "procedure");
        return tables.procedure(tx.handle(), key).orElseThrow(() -> new NotFound("procedure", id));
    }

    private Procedure visible(Tx tx, String id, Actor viewer) {
        return visible(tx.handle(), id, viewer);
    }

    /** The procedure if the viewer may see it; otherwise it does not exist for them. */
    private Procedure visible(Handle h, String id, Actor viewer) {
        long key = PublicIds.parse(Procedure.ID_PREFIX, id, "procedure");
        Procedure p = tables.procedure(h, key).orElseThrow(() -> new NotFound("procedure", id));
        if (!Permissions.canRead(viewer, p.leadBuyer(), p.releasableTo())) throw new NotFound("procedure", id);
        return p;
    }

    /** A procedure whose notice is out (suppliers act on the notice, which is public). */
    private Procedure published(Tx tx, String id) {
        Procedure p = load(tx, id);
        if (p.status() == ProcedureStatus.AGGREGATING) throw new NotFound("notice", id);
        return p;
    }

    private Contract visibleContract(Handle h, String id, Actor viewer) {
        long key = PublicIds.parse(Contract.ID_PREFIX, id, "contract");
        Contract k = tables.contract(h, key).orElseThrow(() -> new NotFound("contract", id));
        if (!Permissions.canRead(viewer, k.buyer(), k.releasableTo())) throw new NotFound("contract", id);
        return k;
    }

    private Contract contractOf(Handle h, String contractOrCallOffId, Actor viewer) {
        if (isCallOff(contractOrCallOffId)) {
            long key = tables.contractOfCallOff(h, PublicIds.parse(CallOff.ID_PREFIX, contractOrCallOffId, "call-off"));
            if (key == 0) throw new NotFound("call-off", contractOrCallOffId);
            return visibleContract(h, PublicIds.format(Contract.ID_PREFIX, key), viewer);
        }
        return visibleContract(h, contractOrCallOffId, viewer);
    }

    private CallOff callOffByKey(Handle h, long key) {
        return tables.callOffs(h, "o.call_off_key = :key", Map.of("key", key), 1).stream().findFirst()
                .orElseThrow(() -> new NotFound("call-off", PublicIds.format(CallOff.ID_PREFIX, key)));
    }

    private long bidOf(Tx tx, Procedure p, String bidId) {
        long bid = PublicIds.parse(Bid.ID_PREFIX, Checks.text("bid", bidId, 40), "bid");
        long[] place = tables.bidPlace(tx.handle(), bid).orElseThrow(() -> new NotFound("bid", bidId));
        if (place[0] != p.key()) throw new NotFound("bid", bidId);
        return bid;
    }

    private Bid bidView(Tx tx, Procedure p, long bid) {
        return tables.bids(tx.handle(), p.key(), new ReadFilter.Condition("(1 = 1)", Map.of())).stream()
                .filter(b -> b.key() == bid).findFirst().orElseThrow();
    }

    private Organisation supplierOrganisation(Tx tx, String field, String code) {
        long key = parties.organisationKey(tx, field, code);
        Organisation o = parties.organisationsByKey(tx, List.of(key)).get(key);
        if (o.kind() != OrganisationKind.SUPPLIER) throw new InvalidField(field, "must be a supplier organisation");
        return o;
    }

    /** Registered as a supplier, verified, not excluded, and invited where the procedure requires it. */
    private void requireEligible(Tx tx, Procedure p, String supplier) {
        supplierOrganisation(tx, "supplier", supplier);
        var e = tables.eligibility(tx.handle(), supplier).orElse(null);
        if (e == null || !e.verified()) {
            throw new Refused("supplier-not-eligible", "supplier", supplier + " is not a verified supplier");
        }
        if (e.excluded()) throw new Refused("supplier-not-eligible", "supplier", supplier + " is excluded: " + e.reason());
        if (p.kind().invitationOnly() && !p.invited().contains(supplier)) {
            throw new Refused("not-invited", "supplier", supplier + " is not invited to this " + p.kind() + " procedure");
        }
    }

    private static void requireStatus(Procedure p, ProcedureStatus status, String why) {
        if (p.status() != status) {
            throw new Refused("illegal-transition", null, why + "; " + p.publicId() + " is " + p.status());
        }
    }

    private static void requireBefore(Tx tx, Instant limit, String message, String type) {
        if (!tx.now().isBefore(limit)) throw new Refused(type, null, message + " (" + limit + ")");
    }

    private static void requireOwnOrganisation(Actor actor, String code, String field) {
        if (!actor.isSystem() && !actor.organisation().equals(code)) {
            throw new org.quartermaster.shared.AccessDenied("acting for " + code + " needs an account of " + code, false);
        }
    }

    /**
     * Runs {@code work}; a business refusal is journalled in its own transaction (the attempt and
     * why it failed), then rethrown. Nothing of the refused change is written.
     */
    private <T> T refusalsJournalled(Actor actor, String subject, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (Refused r) {
            String entity = subject == null || subject.isBlank() || subject.length() > 60 ? "procurement" : subject;
            db.write(actor, tx -> {
                journal.record(tx, "ProcurementRefused", entity, new ProcurementRefused(entity, r.type(), r.getMessage()));
                return null;
            });
            throw r;
        }
    }

    private static Procedure withReleasable(Procedure p, Set<String> releasable) {
        return new Procedure(p.key(), p.leadBuyer(), releasable, p.title(), p.kind(), p.evaluation(), p.criteria(),
                p.currency(), p.groupContract(), p.prepaymentCapBasisPoints(), p.standstillDays(), p.commitUntil(),
                p.bidsUntil(), p.invited(), p.notice(), p.status(), p.openingRequestedBy(), p.openedBy(), p.openedAt(),
                p.standstillUntil(), p.version(), p.createdAt(), p.updatedAt(), p.lots(), p.participants());
    }

    private static Procedure with(Procedure p, ProcedureStatus status, String notice, String requestedBy,
                                  String openedBy, Instant openedAt, Instant standstillUntil) {
        if (!p.status().allows(status)) throw new IllegalStateException(p.status() + " -> " + status);
        return new Procedure(p.key(), p.leadBuyer(), p.releasableTo(), p.title(), p.kind(), p.evaluation(),
                p.criteria(), p.currency(), p.groupContract(), p.prepaymentCapBasisPoints(), p.standstillDays(),
                p.commitUntil(), p.bidsUntil(), p.invited(), notice, status, requestedBy, openedBy, openedAt,
                standstillUntil, p.version(), p.createdAt(), p.updatedAt(), p.lots(), p.participants());
    }

    private static Contract copy(Contract k, long guarantee, long calledOffQuantity, long calledOffMinor,
                                 long delivered, String status) {
        return new Contract(k.key(), k.procedure(), k.lot(), k.item(), k.buyer(), k.releasableTo(), k.supplier(),
                k.framework(), k.quantity(), k.unitPriceMinor(), k.currency(), k.ceilingMinor(), calledOffQuantity,
                calledOffMinor, k.prepaymentCapBasisPoints(), guarantee, delivered, status, k.version(), k.signedAt(),
                k.updatedAt(), k.schedule(), k.milestones(), k.changes());
    }

    private static List<Contract.Week> weeks(List<WeekSpec> specs, long quantity) {
        Checks.sizeAtMost("schedule", specs, SCHEDULE_WEEKS_MAX);
        List<Contract.Week> out = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        long total = 0;
        for (int i = 0; i < specs.size(); i++) {
            WeekSpec w = Checks.required("schedule[" + i + "]", specs.get(i));
            LocalDate start = Checks.required("schedule[" + i + "].weekStart", w.weekStart());
            if (start.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
                throw new InvalidField("schedule[" + i + "].weekStart", "must be a Monday");
            }
            if (!seen.add(start)) throw new InvalidField("schedule[" + i + "].weekStart", "is listed twice");
            long q = Checks.positive("schedule[" + i + "].quantity", Checks.required("schedule[" + i + "].quantity", w.quantity()));
            total += Checks.atMost("schedule[" + i + "].quantity", q, Limits.QUANTITY_MAX);
            out.add(new Contract.Week(start, q));
        }
        if (total > quantity) throw new InvalidField("schedule", "schedules " + total + ", more than the contract's " + quantity);
        return out;
    }

    private static List<Contract.Milestone> milestones(List<MilestoneSpec> specs, Contract k) {
        Checks.sizeAtMost("milestones", specs, MILESTONES_MAX);
        List<Contract.Milestone> out = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < specs.size(); i++) {
            MilestoneSpec m = Checks.required("milestones[" + i + "]", specs.get(i));
            String kind = Checks.text("milestones[" + i + "].kind", m.kind(), 20).toUpperCase(Locale.ROOT);
            if (!Set.of("PREPAYMENT", "DELIVERY", "FINAL").contains(kind)) {
                throw new InvalidField("milestones[" + i + "].kind", "must be PREPAYMENT, DELIVERY or FINAL");
            }
            long amount = Money.positiveAmount("milestones[" + i + "].amountMinor",
                    Checks.required("milestones[" + i + "].amountMinor", m.amountMinor()));
            total = Math.addExact(total, amount);
            out.add(new Contract.Milestone(null, kind, amount, Checks.required("milestones[" + i + "].dueOn", m.dueOn()), null));
        }
        long paid = k.milestones().stream().filter(m -> m.paidAt() != null).mapToLong(Contract.Milestone::amountMinor).sum();
        if (total + paid > k.valueMinor()) {
            throw new InvalidField("milestones", "total " + (total + paid) + " exceeds the contract value " + k.valueMinor());
        }
        return out;
    }

    private static List<Criterion> criteria(EvaluationMethod method, List<CriterionSpec> specs) {
        if (method == EvaluationMethod.LOWEST_PRICE) {
            if (specs != null && !specs.isEmpty()) throw new InvalidField("criteria", "are only for WEIGHTED evaluation");
            return List.of(new Criterion(Criterion.PRICE, 10_000));
        }
        if (specs == null || specs.isEmpty()) throw new InvalidField("criteria", "are required for WEIGHTED evaluation");
        List<Criterion> out = new ArrayList<>();
        for (int i = 0; i < specs.size() && i <= Criterion.CRITERIA_MAX; i++) {
            CriterionSpec s = Checks.required("criteria[" + i + "]", specs.get(i));
            try {
                out.add(new Criterion(s.name(), Checks.required("criteria[" + i + "].weightBasisPoints", s.weightBasisPoints())));
            } catch (InvalidField f) {
                throw f;
            } catch (IllegalArgumentException e) {
                throw new InvalidField("criteria[" + i + "]", e.getMessage());
            }
        }
        try {
            return Criterion.validSet(out);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("criteria", e.getMessage());
        }
    }

    private static long orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        Checks.text(field, value, 40);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

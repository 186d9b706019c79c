package org.quartermaster.procurement.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.procurement.model.Bid;
import org.quartermaster.procurement.model.BidContent;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Complaint;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Criterion;
import org.quartermaster.procurement.model.Delivery;
import org.quartermaster.procurement.model.EvaluationMethod;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.procurement.model.ProcedureKind;
import org.quartermaster.procurement.model.ProcedureStatus;
import org.quartermaster.procurement.model.Question;
import org.quartermaster.procurement.model.SupplierEligibility;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.StaleRecord;

/**
 * SQL of the procurement context. Only the procurement facade uses it. The sealed bid column is
 * read by exactly one method, {@link #sealedBids}, which only the opening calls.
 */
public final class ProcurementTables {

    public static String codes(Set<String> codes) {
        return String.join(",", new TreeSet<>(codes));
    }

    static Set<String> codes(String text) {
        if (text == null || text.isBlank()) return Set.of();
        return new TreeSet<>(Arrays.asList(text.split(",")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    // ---- procedures --------------------------------------------------------------------------

    public record NewProcedure(String leadBuyer, String title, ProcedureKind kind, EvaluationMethod evaluation,
                               List<Criterion> criteria, String currency, boolean groupContract,
                               int prepaymentCapBasisPoints, int standstillDays, Instant commitUntil,
                               Instant bidsUntil, Set<String> invited) {}

    public record NewLot(int lotNo, String item, String title, long estimateMinor) {}

    public long insertProcedure(Handle h, NewProcedure p, Instant now) {
        return h.createUpdate("""
                INSERT INTO proc_procedures (owner_org, releasable_to, title, kind, evaluation, criteria, currency,
                  group_contract, prepayment_cap_bp, standstill_days, commit_until, bids_until, invited, status,
                  sealed_key, version, created_at, updated_at)
                VALUES (:owner, '', :title, :kind, :evaluation, :criteria, :currency, :group, :cap, :standstill,
                  :commitUntil, :bidsUntil, :invited, 'AGGREGATING', '-', 1, :now, :now)""")
                .bind("owner", p.leadBuyer()).bind("title", p.title()).bind("kind", p.kind().name())
                .bind("evaluation", p.evaluation().name()).bind("criteria", Criterion.format(p.criteria()))
                .bind("currency", p.currency()).bind("group", p.groupContract() ? 1 : 0)
                .bind("cap", p.prepaymentCapBasisPoints()).bind("standstill", p.standstillDays())
                .bind("commitUntil", p.commitUntil().toEpochMilli()).bind("bidsUntil", p.bidsUntil().toEpochMilli())
                .bind("invited", codes(p.invited())).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("procedure_key").mapTo(Long.class).one();
    }

    /** Stores the wrapped procedure key (its label includes the procedure id, known only after the insert). */
    public void setSealedKey(Handle h, long key, String wrapped) {
        h.createUpdate("UPDATE proc_procedures SET sealed_key = :wrapped WHERE procedure_key = :key")
                .bind("wrapped", wrapped).bind("key", key).execute();
    }

    public void insertLot(Handle h, long procedure, NewLot lot) {
        h.createUpdate("""
                INSERT INTO proc_lots (procedure_key, lot_no, item_code, title, estimate_minor)
                VALUES (:p, :lot, :item, :title, :estimate)""")
                .bind("p", procedure).bind("lot", lot.lotNo()).bind("item", lot.item()).bind("title", lot.title())
                .bind("estimate", lot.estimateMinor()).execute();
    }

    /** The wrapped key of a procedure: for sealing a new bid and for the opening only. */
    public String sealedKey(Handle h, long key) {
        return h.createQuery("SELECT sealed_key FROM proc_procedures WHERE procedure_key = :key")
                .bind("key", key).mapTo(String.class).one();
    }

    private static final String PROCEDURE_COLUMNS = """
            p.procedure_key, p.owner_org, p.releasable_to, p.title, p.kind, p.evaluation, p.criteria, p.currency,
            p.group_contract, p.prepayment_cap_bp, p.standstill_days, p.commit_until, p.bids_until, p.invited,
            p.notice, p.status, p.opening_requested_by, p.opened_by, p.opened_at, p.standstill_until, p.version,
            p.created_at, p.updated_at""";

    public Optional<Procedure> procedure(Handle h, long key) {
        return procedures(h, "p.procedure_key = :key", Map.of("key", key), 1, 0).stream().findFirst();
    }

    /** Procedures matching {@code where} (with its bound {@code params}), newest first, after cursor. */
    public List<Procedure> procedures(Handle h, String where, Map<String, Object> params, int limit, long before) {
        Query q = h.createQuery("SELECT " + PROCEDURE_COLUMNS + " FROM proc_procedures p WHERE " + where
                + (before > 0 ? " AND p.procedure_key < :before" : "") + " ORDER BY p.procedure_key DESC LIMIT :limit");
        params.forEach(q::bind);
        if (before > 0) q.bind("before", before);
        List<Head> rows = q.bind("limit", limit).map((rs, ctx) -> head(rs)).list();
        List<Procedure> out = new ArrayList<>();
        for (Head r : rows) out.add(r.with(lots(h, r.key()), participants(h, r.key())));
        return out;
    }

    private record Head(long key, String owner, Set<String> releasable, String title, ProcedureKind kind,
                        EvaluationMethod evaluation, List<Criterion> criteria, String currency, boolean group,
                        int cap, int standstill, Instant commitUntil, Instant bidsUntil, Set<String> invited,
                        String notice, ProcedureStatus status, String requestedBy, String openedBy, Instant openedAt,
                        Instant standstillUntil, long version, Instant created, Instant updated) {
        Procedure with(List<Procedure.Lot> lots, List<Procedure.Participant> participants) {
            return new Procedure(key, owner, releasable, title, kind, evaluation, criteria, currency, group, cap,
                    standstill, commitUntil, bidsUntil, invited, notice, status, requestedBy, openedBy, openedAt,
                    standstillUntil, version, created, updated, lots, participants);
        }
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("procedure_key"), rs.getString("owner_org"), codes(rs.getString("releasable_to")),
                rs.getString("title"), ProcedureKind.valueOf(rs.getString("kind")),
                EvaluationMethod.valueOf(rs.getString("evaluation")), Criterion.parse(rs.getString("criteria")),
                rs.getString("currency"), rs.getLong("group_contract") == 1, rs.getInt("prepayment_cap_bp"),
                rs.getInt("standstill_days"), instant(rs, "commit_until"), instant(rs, "bids_until"),
                codes(rs.getString("invited")), rs.getString("notice"), ProcedureStatus.valueOf(rs.getString("status")),
                rs.getString("opening_requested_by"), rs.getString("opened_by"), instant(rs, "opened_at"),
                instant(rs, "standstill_until"), rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private List<Procedure.Lot> lots(Handle h, long procedure) {
        return h.createQuery("""
                SELECT l.lot_no, l.item_code, l.title, l.estimate_minor,
                  (SELECT COALESCE(SUM(c.quantity), 0) FROM proc_commitments c
                    WHERE c.procedure_key = l.procedure_key AND c.lot_no = l.lot_no) AS quantity
                FROM proc_lots l WHERE l.procedure_key = :p ORDER BY l.lot_no""")
                .bind("p", procedure).map((rs, ctx) -> new Procedure.Lot(rs.getInt("lot_no"), rs.getString("item_code"),
                        rs.getString("title"), rs.getLong("estimate_minor"), rs.getLong("quantity"))).list();
    }

    private List<Procedure.Participant> participants(Handle h, long procedure) {
        Map<String, Map<Integer, Long>> committed = new HashMap<>();
        h.createQuery("SELECT buyer_org, lot_no, quantity FROM proc_commitments WHERE procedure_key = :p")
                .bind("p", procedure).map((rs, ctx) -> {
                    committed.computeIfAbsent(rs.getString("buyer_org"), k -> new HashMap<>())
                            .put(rs.getInt("lot_no"), rs.getLong("quantity"));
                    return 0;
                }).list();
        return h.createQuery("""
                SELECT buyer_org, budget_minor, funding_source FROM proc_participants
                WHERE procedure_key = :p ORDER BY buyer_org""")
                .bind("p", procedure).map((rs, ctx) -> new Procedure.Participant(rs.getString("buyer_org"),
                        rs.getLong("budget_minor"), rs.getString("funding_source"),
                        committed.getOrDefault(rs.getString("buyer_org"), Map.of()))).list();
    }

    /** Writes the procedure's changing fields at {@code expectedVersion}; zero rows is a stale record. */
    public void updateProcedure(Handle h, Procedure p, long expectedVersion, Instant now) {
        int rows = h.createUpdate("""
                UPDATE proc_procedures SET releasable_to = :releasable, notice = :notice, status = :status,
                  opening_requested_by = :requestedBy, opened_by = :openedBy, opened_at = :openedAt,
                  standstill_until = :standstillUntil, version = version + 1, updated_at = :now
                WHERE procedure_key = :key AND version = :version""")
                .bind("releasable", codes(p.releasableTo())).bind("notice", p.notice())
                .bind("status", p.status().name()).bind("requestedBy", p.openingRequestedBy())
                .bind("openedBy", p.openedBy()).bind("openedAt", p.openedAt() == null ? null : p.openedAt().toEpochMilli())
                .bind("standstillUntil", p.standstillUntil() == null ? null : p.standstillUntil().toEpochMilli())
                .bind("now", now.toEpochMilli()).bind("key", p.key()).bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("procedure", p.publicId(), expectedVersion);
    }

    public void insertParticipant(Handle h, long procedure, String buyer, long budgetMinor, String funding, Instant now) {
        h.createUpdate("""
                INSERT INTO proc_participants (procedure_key, buyer_org, budget_minor, funding_source, joined_at)
                VALUES (:p, :buyer, :budget, :funding, :now)""")
                .bind("p", procedure).bind("buyer", buyer).bind("budget", budgetMinor).bind("funding", funding)
                .bind("now", now.toEpochMilli()).execute();
    }

    public void putCommitment(Handle h, long procedure, String buyer, int lot, long quantity) {
        h.createUpdate("DELETE FROM proc_commitments WHERE procedure_key = :p AND buyer_org = :buyer AND lot_no = :lot")
                .bind("p", procedure).bind("buyer", buyer).bind("lot", lot).execute();
        if (quantity == 0) return;
        h.createUpdate("""
                INSERT INTO proc_commitments (procedure_key, buyer_org, lot_no, quantity)
                VALUES (:p, :buyer, :lot, :quantity)""")
                .bind("p", procedure).bind("buyer", buyer).bind("lot", lot).bind("quantity", quantity).execute();
    }

    // ---- questions ---------------------------------------------------------------------------

    public long insertQuestion(Handle h, long procedure, String askedBy, String question, Instant now) {
        return h.createUpdate("""
                INSERT INTO proc_questions (procedure_key, asked_by, question, asked_at)
                VALUES (:p, :by, :question, :now)""")
                .bind("p", procedure).bind("by", askedBy).bind("question", question).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("question_key").mapTo(Long.class).one();
    }

    public int answer(Handle h, long procedure, long question, String answer, Instant now) {
        return h.createUpdate("""
                UPDATE proc_questions SET answer = :answer, answered_at = :now
                WHERE procedure_key = :p AND question_key = :q AND answer IS NULL""")
                .bind("answer", answer).bind("now", now.toEpochMilli()).bind("p", procedure).bind("q", question)
                .execute();
    }

    /** Questions of a procedure; {@code answeredOnly} for what every supplier sees. The asker is never returned. */
    public List<Question> questions(Handle h, long procedure, boolean answeredOnly) {
        return h.createQuery("SELECT question_key, question, answer, asked_at, answered_at FROM proc_questions"
                        + " WHERE procedure_key = :p" + (answeredOnly ? " AND answer IS NOT NULL" : "")
                        + " ORDER BY question_key")
                .bind("p", procedure).map((rs, ctx) -> new Question(
                        PublicIds.format(Question.ID_PREFIX, rs.getLong("question_key")), rs.getString("question"),
                        rs.getString("answer"), instant(rs, "asked_at"), instant(rs, "answered_at"))).list();
    }

    // ---- suppliers ---------------------------------------------------------------------------

    public Optional<SupplierEligibility> eligibility(Handle h, String supplier) {
        return h.createQuery("SELECT supplier_org, verified, excluded, reason FROM proc_suppliers WHERE supplier_org = :s")
                .bind("s", supplier).map((rs, ctx) -> new SupplierEligibility(rs.getString("supplier_org"),
                        rs.getLong("verified") == 1, rs.getLong("excluded") == 1, rs.getString("reason"))).findOne();
    }

    public void putEligibility(Handle h, SupplierEligibility e, Instant now) {
        h.createUpdate("DELETE FROM proc_suppliers WHERE supplier_org = :s").bind("s", e.supplier()).execute();
        h.createUpdate("""
                INSERT INTO proc_suppliers (supplier_org, verified, excluded, reason, updated_at)
                VALUES (:s, :verified, :excluded, :reason, :now)""")
                .bind("s", e.supplier()).bind("verified", e.verified() ? 1 : 0).bind("excluded", e.excluded() ? 1 : 0)
                .bind("reason", e.reason()).bind("now", now.toEpochMilli()).execute();
    }

    // ---- bids --------------------------------------------------------------------------------

    public boolean bidExists(Handle h, long procedure, int lot, String supplier) {
        return h.createQuery("""
                SELECT COUNT(*) FROM proc_bids WHERE procedure_key = :p AND lot_no = :lot AND supplier_org = :s""")
                .bind("p", procedure).bind("lot", lot).bind("s", supplier).mapTo(Long.class).one() > 0;
    }

    public long insertBid(Handle h, long procedure, int lot, String supplier, String sealed, String commitment,
                          Instant now) {
        return h.createUpdate("""
                INSERT INTO proc_bids (procedure_key, lot_no, supplier_org, releasable_to, sealed, commitment,
                  submitted_at, status)
                VALUES (:p, :lot, :s, '', :sealed, :commitment, :now, 'SEALED')""")
                .bind("p", procedure).bind("lot", lot).bind("s", supplier).bind("sealed", sealed)
                .bind("commitment", commitment).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("bid_key").mapTo(Long.class).one();
    }

    /** A sealed bid for the opening: key, lot and ciphertext. */
    public record SealedBid(long key, int lot, String supplier, String sealed, String commitment) {}

    public List<SealedBid> sealedBids(Handle h, long procedure) {
        return h.createQuery("""
                SELECT bid_key, lot_no, supplier_org, sealed, commitment FROM proc_bids
                WHERE procedure_key = :p AND status = 'SEALED' ORDER BY bid_key""")
                .bind("p", procedure).map((rs, ctx) -> new SealedBid(rs.getLong("bid_key"), rs.getInt("lot_no"),
                        rs.getString("supplier_org"), rs.getString("sealed"), rs.getString("commitment"))).list();
    }

    public void open(Handle h, long bid, BidContent content, String releasableTo) {
        h.createUpdate("""
                UPDATE proc_bids SET status = 'OPENED', unit_price_minor = :price, delivery_weeks = :weeks,
                  note = :note, releasable_to = :releasable
                WHERE bid_key = :key AND status = 'SEALED'""")
                .bind("price", content.unitPriceMinor()).bind("weeks", content.deliveryWeeks())
                .bind("note", content.note()).bind("releasable", releasableTo).bind("key", bid).execute();
    }

    public void disqualify(Handle h, long bid, String why) {
        h.createUpdate("UPDATE proc_bids SET status = 'DISQUALIFIED', disqualified_why = :why WHERE bid_key = :key")
                .bind("why", why).bind("key", bid).execute();
    }

    public void rank(Handle h, long bid, Integer rank, Long score) {
        h.createUpdate("UPDATE proc_bids SET rank_in_lot = :rank, score = :score WHERE bid_key = :key")
                .bind("rank", rank).bind("score", score).bind("key", bid).execute();
    }

    public void clearRanks(Handle h, long procedure) {
        h.createUpdate("UPDATE proc_bids SET rank_in_lot = NULL, score = NULL WHERE procedure_key = :p")
                .bind("p", procedure).execute();
    }

    /**
     * Bids of a procedure the filter lets through. The sealed column is never selected: what a
     * sealed bid shows is its envelope; the opened columns are null until the opening writes them.
     */
    public List<Bid> bids(Handle h, long procedure, ReadFilter.Condition filter) {
        Query q = h.createQuery("""
                SELECT b.bid_key, b.lot_no, b.supplier_org, b.commitment, b.submitted_at, b.status,
                  b.unit_price_minor, b.delivery_weeks, b.note, b.disqualified_why, b.rank_in_lot, b.score
                FROM proc_bids b WHERE b.procedure_key = :p AND\s""" + filter.sql() + " ORDER BY b.lot_no, b.bid_key");
        filter.params().forEach(q::bind);
        String procedureId = PublicIds.format(Procedure.ID_PREFIX, procedure);
        return q.bind("p", procedure).map((rs, ctx) -> {
            Long price = nullableLong(rs, "unit_price_minor");
            BidContent content = price == null ? null
                    : new BidContent(price, rs.getInt("delivery_weeks"), rs.getString("note"));
            Long rank = nullableLong(rs, "rank_in_lot");
            return new Bid(rs.getLong("bid_key"), procedureId, rs.getInt("lot_no"), rs.getString("supplier_org"),
                    rs.getString("commitment"), instant(rs, "submitted_at"), rs.getString("status"), content,
                    rs.getString("disqualified_why"), rank == null ? null : rank.intValue(), nullableLong(rs, "score"));
        }).list();
    }

    /** A bid's procedure and lot by its key (for scoring and disqualifying). */
    public Optional<long[]> bidPlace(Handle h, long bid) {
        return h.createQuery("SELECT procedure_key, lot_no FROM proc_bids WHERE bid_key = :key").bind("key", bid)
                .map((rs, ctx) -> new long[] {rs.getLong("procedure_key"), rs.getLong("lot_no")}).findOne();
    }

    public void putScore(Handle h, long bid, String evaluator, String criterion, int score) {
        h.createUpdate("DELETE FROM proc_scores WHERE bid_key = :b AND evaluator = :e AND criterion = :c")
                .bind("b", bid).bind("e", evaluator).bind("c", criterion).execute();
        h.createUpdate("INSERT INTO proc_scores (bid_key, evaluator, criterion, score) VALUES (:b, :e, :c, :s)")
                .bind("b", bid).bind("e", evaluator).bind("c", criterion).bind("s", score).execute();
    }

    /** Scores of every bid of a procedure: bid key to criterion to evaluator to score. */
    public Map<Long, Map<String, Map<String, Integer>>> scores(Handle h, long procedure) {
        Map<Long, Map<String, Map<String, Integer>>> out = new LinkedHashMap<>();
        h.createQuery("""
                SELECT s.bid_key, s.evaluator, s.criterion, s.score FROM proc_scores s
                JOIN proc_bids b ON b.bid_key = s.bid_key WHERE b.procedure_key = :p
                ORDER BY s.bid_key, s.criterion, s.evaluator""")
                .bind("p", procedure).map((rs, ctx) -> {
                    out.computeIfAbsent(rs.getLong("bid_key"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("criterion"), k -> new LinkedHashMap<>())
                            .put(rs.getString("evaluator"), rs.getInt("score"));
                    return 0;
                }).list();
        return out;
    }

    // ---- complaints --------------------------------------------------------------------------

    public long insertComplaint(Handle h, long procedure, String complainant, String grounds, Instant now) {
        return h.createUpdate("""
                INSERT INTO proc_complaints (procedure_key, complainant, grounds, status, lodged_at)
                VALUES (:p, :c, :grounds, 'PENDING', :now)""")
                .bind("p", procedure).bind("c", complainant).bind("grounds", grounds).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("complaint_key").mapTo(Long.class).one();
    }

    public int decideComplaint(Handle h, long procedure, long complaint, String status, String decision, String by,
                               Instant now) {
        return h.createUpdate("""
                UPDATE proc_complaints SET status = :status, decision = :decision, decided_by = :by, decided_at = :now
                WHERE procedure_key = :p AND complaint_key = :c AND status = 'PENDING'""")
                .bind("status", status).bind("decision", decision).bind("by", by).bind("now", now.toEpochMilli())
                .bind("p", procedure).bind("c", complaint).execute();
    }

    public List<Complaint> complaints(Handle h, long procedure) {
        String procedureId = PublicIds.format(Procedure.ID_PREFIX, procedure);
        return h.createQuery("SELECT * FROM proc_complaints WHERE procedure_key = :p ORDER BY complaint_key")
                .bind("p", procedure).map((rs, ctx) -> new Complaint(
                        PublicIds.format(Complaint.ID_PREFIX, rs.getLong("complaint_key")), procedureId,
                        rs.getString("complainant"), rs.getString("grounds"), rs.getString("status"),
                        rs.getString("decision"), rs.getString("decided_by"), instant(rs, "lodged_at"),
                        instant(rs, "decided_at"))).list();
    }

    // ---- contracts ---------------------------------------------------------------------------

    public record NewContract(long procedure, int lot, String item, String buyer, Set<String> releasableTo,
                              String supplier, boolean framework, long quantity, long unitPriceMinor, String currency,
                              int prepaymentCapBasisPoints) {}

    public long insertContract(Handle h, NewContract c, Instant now) {
        return h.createUpdate("""
                INSERT INTO proc_contracts (procedure_key, lot_no, item_code, owner_org, releasable_to, supplier_org,
                  framework, quantity, unit_price_minor, currency, ceiling_minor, prepayment_cap_bp, status, version,
                  signed_at, updated_at)
                VALUES (:p, :lot, :item, :owner, :releasable, :supplier, :framework, :quantity, :price, :currency,
                  :ceiling, :cap, 'SIGNED', 1, :now, :now)""")
                .bind("p", c.procedure()).bind("lot", c.lot()).bind("item", c.item()).bind("owner", c.buyer())
                .bind("releasable", codes(c.releasableTo())).bind("supplier", c.supplier())
                .bind("framework", c.framework() ? 1 : 0).bind("quantity", c.quantity())
                .bind("price", c.unitPriceMinor()).bind("currency", c.currency())
                .bind("ceiling", Math.multiplyExact(c.quantity(), c.unitPriceMinor()))
                .bind("cap", c.prepaymentCapBasisPoints()).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("contract_key").mapTo(Long.class).one();
    }

    public Optional<Contract> contract(Handle h, long key) {
        return contracts(h, "c.contract_key = :key", Map.of("key", key), 1, 0).stream().findFirst();
    }

    public List<Contract> contracts(Handle h, String where, Map<String, Object> params, int limit, long before) {
        Query q = h.createQuery("SELECT c.* FROM proc_contracts c WHERE " + where
                + (before > 0 ? " AND c.contract_key < :before" : "") + " ORDER BY c.contract_key DESC LIMIT :limit");
        params.forEach(q::bind);
        if (before > 0) q.bind("before", before);
        List<Contract> heads = q.bind("limit", limit).map((rs, ctx) -> new Contract(rs.getLong("contract_key"),
                PublicIds.format(Procedure.ID_PREFIX, rs.getLong("procedure_key")), rs.getInt("lot_no"),
                rs.getString("item_code"), rs.getString("owner_org"), codes(rs.getString("releasable_to")),
                rs.getString("supplier_org"), rs.getLong("framework") == 1, rs.getLong("quantity"),
                rs.getLong("unit_price_minor"), rs.getString("currency"), rs.getLong("ceiling_minor"),
                rs.getLong("called_off_quantity"), rs.getLong("called_off_minor"), rs.getInt("prepayment_cap_bp"),
                rs.getLong("guarantee_minor"), rs.getLong("delivered_quantity"), rs.getString("status"),
                rs.getLong("version"), instant(rs, "signed_at"), instant(rs, "updated_at"), List.of(), List.of(),
                List.of())).list();
        List<Contract> out = new ArrayList<>();
        for (Contract c : heads) {
            out.add(new Contract(c.key(), c.procedure(), c.lot(), c.item(), c.buyer(), c.releasableTo(), c.supplier(),
                    c.framework(), c.quantity(), c.unitPriceMinor(), c.currency(), c.ceilingMinor(),
                    c.calledOffQuantity(), c.calledOffMinor(), c.prepaymentCapBasisPoints(), c.guaranteeMinor(),
                    c.deliveredQuantity(), c.status(), c.version(), c.signedAt(), c.updatedAt(), schedule(h, c.key()),
                    milestones(h, c.key()), changes(h, c.key())));
        }
        return out;
    }

    private List<Contract.Week> schedule(Handle h, long contract) {
        return h.createQuery("SELECT week_start, quantity FROM proc_schedule WHERE contract_key = :c ORDER BY week_start")
                .bind("c", contract).map((rs, ctx) -> new Contract.Week(LocalDate.parse(rs.getString("week_start")),
                        rs.getLong("quantity"))).list();
    }

    private List<Contract.Milestone> milestones(Handle h, long contract) {
        return h.createQuery("SELECT * FROM proc_milestones WHERE contract_key = :c ORDER BY due_on, milestone_key")
                .bind("c", contract).map((rs, ctx) -> new Contract.Milestone(
                        PublicIds.format(Contract.Milestone.ID_PREFIX, rs.getLong("milestone_key")), rs.getString("kind"),
                        rs.getLong("amount_minor"), LocalDate.parse(rs.getString("due_on")), instant(rs, "paid_at")))
                .list();
    }

    private List<Contract.Change> changes(Handle h, long contract) {
        return h.createQuery("SELECT * FROM proc_contract_changes WHERE contract_key = :c ORDER BY change_key")
                .bind("c", contract).map((rs, ctx) -> new Contract.Change(rs.getString("what"),
                        rs.getString("rationale"), rs.getString("changed_by"), instant(rs, "changed_at"))).list();
    }

    public void updateContract(Handle h, Contract c, long expectedVersion, Instant now) {
        int rows = h.createUpdate("""
                UPDATE proc_contracts SET quantity = :quantity, ceiling_minor = :ceiling, guarantee_minor = :guarantee,
                  called_off_quantity = :cq, called_off_minor = :cm, delivered_quantity = :delivered,
                  status = :status, version = version + 1, updated_at = :now
                WHERE contract_key = :key AND version = :version""")
                .bind("quantity", c.quantity()).bind("ceiling", c.ceilingMinor()).bind("guarantee", c.guaranteeMinor())
                .bind("cq", c.calledOffQuantity()).bind("cm", c.calledOffMinor())
                .bind("delivered", c.deliveredQuantity()).bind("status", c.status()).bind("now", now.toEpochMilli())
                .bind("key", c.key()).bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("contract", c.publicId(), expectedVersion);
    }

    public void replaceSchedule(Handle h, long contract, List<Contract.Week> weeks) {
        h.createUpdate("DELETE FROM proc_schedule WHERE contract_key = :c").bind("c", contract).execute();
        for (Contract.Week w : weeks) {
            h.createUpdate("INSERT INTO proc_schedule (contract_key, week_start, quantity) VALUES (:c, :w, :q)")
                    .bind("c", contract).bind("w", w.weekStart().toString()).bind("q", w.quantity()).execute();
        }
    }

    /** Replaces the unpaid milestones; paid ones stay as they were. */
    public void replaceUnpaidMilestones(Handle h, long contract, List<Contract.Milestone> milestones) {
        h.createUpdate("DELETE FROM proc_milestones WHERE contract_key = :c AND paid_at IS NULL")
                .bind("c", contract).execute();
        for (Contract.Milestone m : milestones) {
            h.createUpdate("""
                    INSERT INTO proc_milestones (contract_key, kind, amount_minor, due_on)
                    VALUES (:c, :kind, :amount, :due)""")
                    .bind("c", contract).bind("kind", m.kind()).bind("amount", m.amountMinor())
                    .bind("due", m.dueOn().toString()).execute();
        }
    }

    public int payMilestone(Handle h, long contract, long milestone, Instant now) {
        return h.createUpdate("""
                UPDATE proc_milestones SET paid_at = :now
                WHERE contract_key = :c AND milestone_key = :m AND paid_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("c", contract).bind("m", milestone).execute();
    }

    public void insertChange(Handle h, long contract, String what, String rationale, String by, Instant now) {
        h.createUpdate("""
                INSERT INTO proc_contract_changes (contract_key, what, rationale, changed_by, changed_at)
                VALUES (:c, :what, :rationale, :by, :now)""")
                .bind("c", contract).bind("what", what).bind("rationale", rationale).bind("by", by)
                .bind("now", now.toEpochMilli()).execute();
    }

    /** Unit prices of every contract for {@code item} except {@code exceptContract}: the price history. */
    public List<Long> pastUnitPrices(Handle h, String item, String currency, long exceptContract) {
        return h.createQuery("""
                SELECT unit_price_minor FROM proc_contracts
                WHERE item_code = :item AND currency = :currency AND contract_key <> :except""")
                .bind("item", item).bind("currency", currency).bind("except", exceptContract)
                .mapTo(Long.class).list();
    }

    // ---- call-offs and deliveries --------------------------------------------------------------

    public long insertCallOff(Handle h, long contract, String buyer, Set<String> releasable, long quantity,
                              long valueMinor, LocalDate dueOn, Instant now) {
        return h.createUpdate("""
                INSERT INTO proc_call_offs (contract_key, owner_org, releasable_to, quantity, value_minor, due_on,
                  status, created_at)
                VALUES (:c, :owner, :releasable, :quantity, :value, :due, 'ORDERED', :now)""")
                .bind("c", contract).bind("owner", buyer).bind("releasable", codes(releasable))
                .bind("quantity", quantity).bind("value", valueMinor).bind("due", dueOn.toString())
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("call_off_key").mapTo(Long.class).one();
    }

    public List<CallOff> callOffs(Handle h, String where, Map<String, Object> params, int limit) {
        Query q = h.createQuery("""
                SELECT o.*, c.supplier_org, c.currency FROM proc_call_offs o
                JOIN proc_contracts c ON c.contract_key = o.contract_key WHERE\s""" + where
                + " ORDER BY o.call_off_key DESC LIMIT :limit");
        params.forEach(q::bind);
        return q.bind("limit", limit).map((rs, ctx) -> new CallOff(rs.getLong("call_off_key"),
                PublicIds.format(Contract.ID_PREFIX, rs.getLong("contract_key")), rs.getString("owner_org"),
                rs.getString("supplier_org"), rs.getLong("quantity"), rs.getLong("value_minor"),
                rs.getString("currency"), rs.getLong("delivered_quantity"), LocalDate.parse(rs.getString("due_on")),
                rs.getString("status"), instant(rs, "created_at"))).list();
    }

    public long contractOfCallOff(Handle h, long callOff) {
        return h.createQuery("SELECT contract_key FROM proc_call_offs WHERE call_off_key = :k").bind("k", callOff)
                .mapTo(Long.class).findOne().orElse(0L);
    }

    public void updateCallOffDelivery(Handle h, long callOff, long delivered, String status) {
        h.createUpdate("UPDATE proc_call_offs SET delivered_quantity = :d, status = :s WHERE call_off_key = :k")
                .bind("d", delivered).bind("s", status).bind("k", callOff).execute();
    }

    public void insertDelivery(Handle h, long contract, Long callOff, long quantity, LocalDate on, String reference,
                               Instant now) {
        h.createUpdate("""
                INSERT INTO proc_deliveries (contract_key, call_off_key, quantity, delivered_on, reference, recorded_at)
                VALUES (:c, :o, :q, :on, :ref, :now)""")
                .bind("c", contract).bind("o", callOff).bind("q", quantity).bind("on", on.toString())
                .bind("ref", reference).bind("now", now.toEpochMilli()).execute();
    }

    /**
     * A contract's deliveries summed per day and call-off (null: against the contract itself),
     * oldest first: what its schedule is measured against. Bounded by the calendar, not by how
     * many consignments there were.
     */
    public List<Delivery> deliveriesPerDay(Handle h, long contract) {
        return h.createQuery("""
                SELECT delivered_on, call_off_key, SUM(quantity) AS quantity, MIN(recorded_at) AS recorded_at
                FROM proc_deliveries WHERE contract_key = :c
                GROUP BY delivered_on, call_off_key ORDER BY delivered_on, call_off_key""")
                .bind("c", contract).map((rs, ctx) -> {
                    long callOff = rs.getLong("call_off_key");
                    String id = rs.wasNull() ? null : PublicIds.format(CallOff.ID_PREFIX, callOff);
                    return new Delivery(LocalDate.parse(rs.getString("delivered_on")), rs.getLong("quantity"), id,
                            null, instant(rs, "recorded_at"));
                }).list();
    }

    /**
     * A contract's latest {@code limit} deliveries one by one, newest first, with their references:
     * those against the contract itself and those against a call-off {@code callOffs} lets through
     * (a filter over the call-off's {@code o.owner_org} and {@code o.releasable_to}).
     */
    public List<Delivery> deliveries(Handle h, long contract, int limit, ReadFilter.Condition callOffs) {
        Query q = h.createQuery("""
                SELECT d.delivered_on, d.call_off_key, d.quantity, d.reference, d.recorded_at FROM proc_deliveries d
                LEFT JOIN proc_call_offs o ON o.call_off_key = d.call_off_key
                WHERE d.contract_key = :c AND (d.call_off_key IS NULL OR\s""" + callOffs.sql() + """
                ) ORDER BY d.delivery_key DESC LIMIT :limit""");
        callOffs.params().forEach(q::bind);
        return q.bind("c", contract).bind("limit", limit).map((rs, ctx) -> {
            long callOff = rs.getLong("call_off_key");
            String id = rs.wasNull() ? null : PublicIds.format(CallOff.ID_PREFIX, callOff);
            return new Delivery(LocalDate.parse(rs.getString("delivered_on")), rs.getLong("quantity"), id,
                    rs.getString("reference"), instant(rs, "recorded_at"));
        }).list();
    }
}

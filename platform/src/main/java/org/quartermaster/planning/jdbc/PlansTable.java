package org.quartermaster.planning.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.quartermaster.access.ReadFilter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.quartermaster.planning.Lane;
import org.quartermaster.planning.PlanRecord;
import org.quartermaster.planning.PlannedAllocation;
import org.quartermaster.planning.PlannedShortfall;
import org.quartermaster.planning.model.PlanStatus;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL for plans, their allocations and shortfalls, and transport lanes. Only planning uses it. */
public final class PlansTable {

    public long insert(Handle h, PlanRecord p) {
        return h.createUpdate("""
                INSERT INTO plans (status, start_date, horizon_weeks, inputs_digest, allocations_digest,
                  objective_total, shortfall_cost, lateness_cost, money_cost, substitution_cost, units_short,
                  unit_weeks_late, need_lines, classes, nodes, arcs, components, solve_millis, proposed_by,
                  proposed_org, version, created_at, updated_at)
                VALUES (:status, :start, :horizon, :inputs, :allocations, :total, :shortfall, :lateness, :money,
                  :substitution, :unitsShort, :weeksLate, :needLines, :classes, :nodes, :arcs, :components,
                  :solveMillis, :by, :org, 1, :created, :created)""")
                .bind("status", p.status().name()).bind("start", p.start()).bind("horizon", p.horizonWeeks())
                .bind("inputs", p.inputsDigest()).bind("allocations", p.allocationsDigest())
                .bind("total", p.objective().total()).bind("shortfall", p.objective().shortfallCost())
                .bind("lateness", p.objective().latenessCost()).bind("money", p.objective().moneyCost())
                .bind("substitution", p.objective().substitutionCost()).bind("unitsShort", p.objective().unitsShort())
                .bind("weeksLate", p.objective().unitWeeksLate()).bind("needLines", p.size().needLines())
                .bind("classes", p.size().classes()).bind("nodes", p.size().nodes()).bind("arcs", p.size().arcs())
                .bind("components", p.size().components()).bind("solveMillis", p.solveMillis())
                .bind("by", p.proposedBy()).bind("org", p.proposedOrganisation()).bind("created", p.createdAt())
                .executeAndReturnGeneratedKeys("plan_key").mapTo(Long.class).one();
    }

    public void insertLines(Handle h, long planKey, List<PlannedAllocation> allocations, List<PlannedShortfall> shortfalls) {
        PreparedBatch a = h.prepareBatch("""
                INSERT INTO plan_allocations (plan_key, line, need_id, priority, source_kind, source_id, supplied_item,
                  origin_code, quantity, ship_week, arrival_week, lateness_weeks, money_cost, substitution_cost,
                  lateness_cost)
                VALUES (:plan, :line, :need, :priority, :kind, :source, :item, :origin, :quantity, :ship, :arrival, :late,
                  :money, :substitution, :latenessCost)""");
        for (PlannedAllocation x : allocations) {
            a.bind("plan", planKey).bind("line", x.line()).bind("need", x.need()).bind("priority", x.priority())
                    .bind("kind", x.sourceKind())
                    .bind("source", x.source()).bind("item", x.suppliedItem()).bind("origin", x.origin())
                    .bind("quantity", x.quantity()).bind("ship", x.shipWeek()).bind("arrival", x.arrivalWeek())
                    .bind("late", x.latenessWeeks()).bind("money", x.moneyCost())
                    .bind("substitution", x.substitutionCost()).bind("latenessCost", x.latenessCost()).add();
        }
        if (!allocations.isEmpty()) a.execute();
        PreparedBatch s = h.prepareBatch("""
                INSERT INTO plan_shortfalls (plan_key, line, need_id, priority, quantity, reason, cost)
                VALUES (:plan, :line, :need, :priority, :quantity, :reason, :cost)""");
        for (PlannedShortfall x : shortfalls) {
            s.bind("plan", planKey).bind("line", x.line()).bind("need", x.need()).bind("priority", x.priority())
                    .bind("quantity", x.quantity())
                    .bind("reason", x.reason()).bind("cost", x.cost()).add();
        }
        if (!shortfalls.isEmpty()) s.execute();
    }

    public void approve(Handle h, long planKey, String by, String org, java.time.Instant at, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE plans SET status = 'APPROVED', approved_by = :by, approved_org = :org, approved_at = :at,
                  version = version + 1, updated_at = :at
                WHERE plan_key = :key AND version = :version AND status = 'PROPOSED'""")
                .bind("by", by).bind("org", org).bind("at", at).bind("key", planKey).bind("version", expectedVersion)
                .execute();
        if (rows == 0) throw new StaleRecord("plan", PublicIds.format("P", planKey), expectedVersion);
    }

    public Optional<PlanRecord> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM plans WHERE plan_key = :key").bind("key", key)
                .map((rs, ctx) -> plan(rs)).findOne();
    }

    /** True when plan {@code key} passes {@code visible} (the viewer's read filter over owner and releasability). */
    public boolean visible(Handle h, long key, ReadFilter.Condition visible) {
        return h.createQuery("SELECT COUNT(*) FROM plans WHERE plan_key = :key AND " + visible.sql())
                .bind("key", key).bindMap(visible.params()).mapTo(Long.class).one() > 0;
    }

    /** The newest plan {@code visible} lets through. */
    public Optional<PlanRecord> latest(Handle h, ReadFilter.Condition visible) {
        return h.createQuery("SELECT * FROM plans WHERE " + visible.sql() + " ORDER BY plan_key DESC LIMIT 1")
                .bindMap(visible.params()).map((rs, ctx) -> plan(rs)).findOne();
    }

    /** Plans after {@code afterKey} that {@code visible} lets through, oldest first. */
    public List<PlanRecord> list(Handle h, ReadFilter.Condition visible, long afterKey, int limit) {
        return h.createQuery("SELECT * FROM plans WHERE plan_key > :after AND " + visible.sql()
                        + " ORDER BY plan_key LIMIT :limit")
                .bind("after", afterKey).bind("limit", limit).bindMap(visible.params())
                .map((rs, ctx) -> plan(rs)).list();
    }

    public Optional<PlanRecord> latest(Handle h) {
        return h.createQuery("SELECT * FROM plans ORDER BY plan_key DESC LIMIT 1").map((rs, ctx) -> plan(rs)).findOne();
    }

    public List<PlanRecord> list(Handle h, long afterKey, int limit) {
        return h.createQuery("SELECT * FROM plans WHERE plan_key > :after ORDER BY plan_key LIMIT :limit")
                .bind("after", afterKey).bind("limit", limit).map((rs, ctx) -> plan(rs)).list();
    }

    public List<PlannedAllocation> allocations(Handle h, long planKey, String need) {
        return h.createQuery("SELECT * FROM plan_allocations WHERE plan_key = :plan"
                        + (need == null ? "" : " AND need_id = :need") + " ORDER BY line")
                .bind("plan", planKey).bind("need", need)
                .map((rs, ctx) -> new PlannedAllocation(rs.getInt("line"), rs.getString("need_id"),
                        rs.getInt("priority"), rs.getString("source_kind"), rs.getString("source_id"), rs.getString("supplied_item"),
                        rs.getString("origin_code"), rs.getLong("quantity"), rs.getInt("ship_week"),
                        rs.getInt("arrival_week"), rs.getInt("lateness_weeks"), rs.getLong("money_cost"),
                        rs.getLong("substitution_cost"), rs.getLong("lateness_cost")))
                .list();
    }

    public List<PlannedShortfall> shortfalls(Handle h, long planKey, String need) {
        return h.createQuery("SELECT * FROM plan_shortfalls WHERE plan_key = :plan"
                        + (need == null ? "" : " AND need_id = :need") + " ORDER BY line")
                .bind("plan", planKey).bind("need", need)
                .map((rs, ctx) -> new PlannedShortfall(rs.getInt("line"), rs.getString("need_id"),
                        rs.getInt("priority"), rs.getLong("quantity"), rs.getString("reason"), rs.getLong("cost")))
                .list();
    }

    public void insertLane(Handle h, Lane lane) {
        h.createUpdate("""
                INSERT INTO lanes (origin_code, destination_code, transit_weeks, cost_per_unit, version, created_at,
                  updated_at)
                VALUES (:origin, :destination, :transit, :cost, 1, :created, :created)""")
                .bind("origin", lane.origin()).bind("destination", lane.destination())
                .bind("transit", lane.transitWeeks()).bind("cost", lane.costPerUnit()).bind("created", lane.createdAt())
                .execute();
    }

    public boolean laneExists(Handle h, String origin, String destination) {
        return h.createQuery("SELECT COUNT(*) FROM lanes WHERE origin_code = :o AND destination_code = :d")
                .bind("o", origin).bind("d", destination).mapTo(Long.class).one() > 0;
    }

    public List<Lane> lanes(Handle h) {
        return h.createQuery("SELECT * FROM lanes ORDER BY origin_code, destination_code")
                .map((rs, ctx) -> new Lane(rs.getString("origin_code"), rs.getString("destination_code"),
                        rs.getInt("transit_weeks"), rs.getLong("cost_per_unit"), rs.getLong("version"),
                        Rows.instant(rs, "created_at")))
                .list();
    }

    private static PlanRecord plan(ResultSet rs) throws SQLException {
        return new PlanRecord(rs.getLong("plan_key"), PlanStatus.of(rs.getString("status")), Rows.date(rs, "start_date"),
                rs.getInt("horizon_weeks"), rs.getString("inputs_digest"), rs.getString("allocations_digest"),
                new PlanRecord.Objective(rs.getLong("objective_total"), rs.getLong("shortfall_cost"),
                        rs.getLong("lateness_cost"), rs.getLong("money_cost"), rs.getLong("substitution_cost"),
                        rs.getLong("units_short"), rs.getLong("unit_weeks_late")),
                new PlanRecord.Size(rs.getInt("need_lines"), rs.getInt("classes"), rs.getInt("nodes"),
                        rs.getInt("arcs"), rs.getInt("components")),
                rs.getLong("solve_millis"), rs.getString("proposed_by"), rs.getString("proposed_org"),
                rs.getString("approved_by"), rs.getString("approved_org"), Rows.instant(rs, "approved_at"),
                rs.getLong("version"), Rows.instant(rs, "created_at"));
    }
}

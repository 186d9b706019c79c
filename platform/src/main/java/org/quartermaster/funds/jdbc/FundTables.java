package org.quartermaster.funds.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.funds.model.ContributionKey;
import org.quartermaster.funds.model.Envelope;
import org.quartermaster.funds.model.ExchangeRate;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.Funding;
import org.quartermaster.funds.model.Measure;
import org.quartermaster.funds.model.MilestonePayment;
import org.quartermaster.store.Rows;

/** SQL for funds, keys, measures, fundings, payments and exchange rates. Only the funds context uses it. */
public final class FundTables {

    public void insertFund(Handle h, Fund f, String owner, Instant now) {
        h.createUpdate("""
                INSERT INTO funds (fund_code, name, currency, owner_org, created_at)
                VALUES (:code, :name, :currency, :owner, :now)""")
                .bind("code", f.code()).bind("name", f.name()).bind("currency", f.currency()).bind("owner", owner)
                .bind("now", now).execute();
    }

    /** The organisation that owns the fund. */
    public Optional<String> owner(Handle h, String fund) {
        return h.createQuery("SELECT owner_org FROM funds WHERE fund_code = :code").bind("code", fund)
                .mapTo(String.class).findOne();
    }

    /** The fund's own approval threshold, when it has one (else the platform's setting applies). */
    public Optional<Long> approvalThreshold(Handle h, String fund) {
        return h.createQuery("SELECT approval_threshold_minor FROM funds WHERE fund_code = :code")
                .bind("code", fund).map((rs, ctx) -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }).findOne();
    }

    public void setApprovalThreshold(Handle h, String fund, Long thresholdMinor) {
        h.createUpdate("UPDATE funds SET approval_threshold_minor = :t WHERE fund_code = :code")
                .bind("t", thresholdMinor).bind("code", fund).execute();
    }

    public Optional<Fund> fund(Handle h, String code) {
        return h.createQuery("SELECT * FROM funds WHERE fund_code = :code").bind("code", code)
                .map((rs, ctx) -> new Fund(rs.getString("fund_code"), rs.getString("name"), rs.getString("currency")))
                .findOne();
    }

    public List<Fund> funds(Handle h) {
        return h.createQuery("SELECT * FROM funds ORDER BY fund_code")
                .map((rs, ctx) -> new Fund(rs.getString("fund_code"), rs.getString("name"), rs.getString("currency")))
                .list();
    }

    public void replaceKey(Handle h, String fund, ContributionKey key) {
        h.createUpdate("DELETE FROM fund_key_shares WHERE fund_code = :fund").bind("fund", fund).execute();
        for (ContributionKey.Share s : key.shares()) {
            h.createUpdate("""
                    INSERT INTO fund_key_shares (fund_code, member_code, share_bp, abstains_lethal)
                    VALUES (:fund, :member, :bp, :abstains)""")
                    .bind("fund", fund).bind("member", s.member()).bind("bp", s.basisPoints())
                    .bind("abstains", s.abstainsLethal()).execute();
        }
    }

    public Optional<ContributionKey> key(Handle h, String fund) {
        List<ContributionKey.Share> shares = h.createQuery(
                        "SELECT * FROM fund_key_shares WHERE fund_code = :fund ORDER BY member_code")
                .bind("fund", fund)
                .map((rs, ctx) -> new ContributionKey.Share(rs.getString("member_code"), rs.getInt("share_bp"),
                        rs.getBoolean("abstains_lethal"))).list();
        return shares.isEmpty() ? Optional.empty() : Optional.of(new ContributionKey(shares));
    }

    public void insertMeasure(Handle h, Measure m, Instant now) {
        h.createUpdate("""
                INSERT INTO fund_measures (measure_code, fund_code, envelope, ceiling_minor, created_at)
                VALUES (:code, :fund, :envelope, :ceiling, :now)""")
                .bind("code", m.code()).bind("fund", m.fund()).bind("envelope", m.envelope().name())
                .bind("ceiling", m.ceilingMinor()).bind("now", now).execute();
    }

    public Optional<Measure> measure(Handle h, String code) {
        return h.createQuery("SELECT * FROM fund_measures WHERE measure_code = :code").bind("code", code)
                .map((rs, ctx) -> new Measure(rs.getString("measure_code"), rs.getString("fund_code"),
                        Envelope.valueOf(rs.getString("envelope")), rs.getLong("ceiling_minor"))).findOne();
    }

    public List<Measure> measures(Handle h, String fund) {
        return h.createQuery("SELECT * FROM fund_measures WHERE fund_code = :fund ORDER BY measure_code")
                .bind("fund", fund)
                .map((rs, ctx) -> new Measure(rs.getString("measure_code"), rs.getString("fund_code"),
                        Envelope.valueOf(rs.getString("envelope")), rs.getLong("ceiling_minor"))).list();
    }

    public void insertFunding(Handle h, Funding f, Instant now) {
        h.createUpdate("""
                INSERT INTO fund_fundings (offer_id, kind, fund_code, measure_code, donor_code, valuation_minor,
                  rate_bp, amount_minor, transfer_id, item_code, created_at)
                VALUES (:offer, :kind, :fund, :measure, :donor, :valuation, :rate, :amount, :transfer, :item, :now)""")
                .bind("item", f.item())
                .bind("offer", f.offer()).bind("kind", f.kind().name()).bind("fund", f.fund())
                .bind("measure", f.measure()).bind("donor", f.donor()).bind("valuation", f.valuationMinor())
                .bind("rate", f.rateBasisPoints()).bind("amount", f.amountMinor()).bind("transfer", f.transfer())
                .bind("now", now).execute();
    }

    public Optional<Funding> fundingOf(Handle h, String offer) {
        return h.createQuery("SELECT * FROM fund_fundings WHERE offer_id = :offer").bind("offer", offer)
                .map((rs, ctx) -> funding(rs)).findOne();
    }

    public List<Funding> fundings(Handle h, String fund) {
        return h.createQuery("SELECT * FROM fund_fundings WHERE fund_code = :fund ORDER BY funding_key")
                .bind("fund", fund).map((rs, ctx) -> funding(rs)).list();
    }

    private static Funding funding(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Funding(rs.getString("offer_id"), Funding.Kind.valueOf(rs.getString("kind")),
                rs.getString("fund_code"), rs.getString("measure_code"), rs.getString("donor_code"),
                rs.getLong("valuation_minor"), rs.getInt("rate_bp"), rs.getLong("amount_minor"),
                rs.getString("transfer_id"), rs.getString("item_code"));
    }

    public void insertPayment(Handle h, MilestonePayment p, Instant now) {
        h.createUpdate("""
                INSERT INTO fund_payments (transfer_id, measure_code, contract_ref, milestone, payee_code, prepayment,
                  amount_minor, contract_value_minor, guarantee_minor, status, approval_id, requested_by, decided_by,
                  created_at)
                VALUES (:transfer, :measure, :contract, :milestone, :payee, :prepayment, :amount, :value,
                  :guarantee, :status, :approval, :requestedBy, :decidedBy, :now)""")
                .bind("status", p.status().name()).bind("approval", p.approval())
                .bind("requestedBy", p.requestedBy()).bind("decidedBy", p.decidedBy())
                .bind("transfer", p.transfer()).bind("measure", p.measure()).bind("contract", p.contract())
                .bind("milestone", p.milestone()).bind("payee", p.payee()).bind("prepayment", p.prepayment())
                .bind("amount", p.amountMinor()).bind("value", p.contractValueMinor())
                .bind("guarantee", p.guaranteeMinor()).bind("now", now).execute();
    }

    /** The payment made by transfer {@code transfer}, in any status. */
    public Optional<MilestonePayment> payment(Handle h, String transfer) {
        return h.createQuery("SELECT * FROM fund_payments WHERE transfer_id = :transfer").bind("transfer", transfer)
                .map((rs, ctx) -> payment(rs)).findOne();
    }

    /** Moves a payment on from AWAITING_APPROVAL; false when it was not waiting any more. */
    public boolean decidePayment(Handle h, String transfer, MilestonePayment.Status status, String decidedBy) {
        return h.createUpdate("""
                UPDATE fund_payments SET status = :status, decided_by = :by
                WHERE transfer_id = :transfer AND status = 'AWAITING_APPROVAL'""")
                .bind("status", status.name()).bind("by", decidedBy).bind("transfer", transfer).execute() == 1;
    }

    public void attachApproval(Handle h, String transfer, String approval) {
        h.createUpdate("UPDATE fund_payments SET approval_id = :approval WHERE transfer_id = :transfer")
                .bind("approval", approval).bind("transfer", transfer).execute();
    }

    /** Payments on a contract that count against it: paid, or waiting for approval. */
    public List<MilestonePayment> paymentsOn(Handle h, String contract) {
        return h.createQuery("""
                SELECT * FROM fund_payments WHERE contract_ref = :contract
                  AND status IN ('AWAITING_APPROVAL', 'PAID') ORDER BY payment_key""")
                .bind("contract", contract).map((rs, ctx) -> payment(rs)).list();
    }

    public List<MilestonePayment> payments(Handle h, String fund) {
        return h.createQuery("""
                SELECT p.* FROM fund_payments p JOIN fund_measures m ON m.measure_code = p.measure_code
                WHERE m.fund_code = :fund ORDER BY p.payment_key""")
                .bind("fund", fund).map((rs, ctx) -> payment(rs)).list();
    }

    private static MilestonePayment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MilestonePayment(rs.getString("transfer_id"), rs.getString("measure_code"),
                rs.getString("contract_ref"), rs.getString("milestone"), rs.getString("payee_code"),
                rs.getBoolean("prepayment"), rs.getLong("amount_minor"), rs.getLong("contract_value_minor"),
                rs.getLong("guarantee_minor"), MilestonePayment.Status.valueOf(rs.getString("status")),
                rs.getString("approval_id"), rs.getString("requested_by"), rs.getString("decided_by"));
    }

    public void upsertRate(Handle h, ExchangeRate r) {
        h.createUpdate("DELETE FROM exchange_rates WHERE base_currency = :base AND quote_currency = :quote "
                        + "AND rate_date = :date")
                .bind("base", r.base()).bind("quote", r.quote()).bind("date", r.date()).execute();
        h.createUpdate("""
                INSERT INTO exchange_rates (base_currency, quote_currency, rate_date, rate)
                VALUES (:base, :quote, :date, :rate)""")
                .bind("base", r.base()).bind("quote", r.quote()).bind("date", r.date())
                .bind("rate", r.rate().toPlainString()).execute();
    }

    /** The newest rate from base to quote on or before {@code date}. */
    public Optional<ExchangeRate> rateOn(Handle h, String base, String quote, LocalDate date) {
        return h.createQuery("""
                SELECT * FROM exchange_rates WHERE base_currency = :base AND quote_currency = :quote
                  AND rate_date <= :date ORDER BY rate_date DESC LIMIT 1""")
                .bind("base", base).bind("quote", quote).bind("date", date)
                .map((rs, ctx) -> new ExchangeRate(rs.getString("base_currency"), rs.getString("quote_currency"),
                        Rows.date(rs, "rate_date"), new BigDecimal(rs.getString("rate")))).findOne();
    }
}

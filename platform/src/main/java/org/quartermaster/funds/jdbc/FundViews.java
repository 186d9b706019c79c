package org.quartermaster.funds.jdbc;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Fund;

/**
 * The funds reads a viewer is entitled to, filtered in the query: {@code visible} is the read
 * condition over the row's owner and releasability (from {@code Permissions.readFilter}) and
 * {@code member} the viewer's organisation when it may see the funds it is a member of (null
 * for nobody). Only the funds context uses it.
 */
public final class FundViews {

    /** A read condition and its parameters, as {@code ReadFilter.Condition} gives them. */
    public record Visible(String sql, Map<String, Object> params, String member) {}

    private static String fundVisible(Visible v) {
        if (v.member() == null) return v.sql();
        return "(" + v.sql() + " OR EXISTS (SELECT 1 FROM fund_key_shares s WHERE s.fund_code = f.fund_code"
                + " AND s.member_code = :member))";
    }

    /** Funds whose owner the viewer may read, or of which the viewer's organisation is a member. */
    public List<Fund> funds(Handle h, Visible v) {
        Query q = h.createQuery("SELECT f.* FROM funds f WHERE " + fundVisible(v)
                + " ORDER BY f.fund_code");
        return bind(q, v).map((rs, ctx) -> new Fund(rs.getString("fund_code"), rs.getString("name"),
                rs.getString("currency"))).list();
    }

    public boolean fundVisible(Handle h, String fund, Visible v) {
        Query q = h.createQuery("SELECT COUNT(*) FROM funds f WHERE f.fund_code = :fund AND "
                + fundVisible(v)).bind("fund", fund);
        return bind(q, v).mapTo(Long.class).one() > 0;
    }

    /**
     * Accounts the viewer may read (its own organisation's, released to it, or any account of a
     * fund its organisation runs), optionally of one fund.
     */
    public List<Account> accounts(Handle h, String fund, long afterKey, int limit, Visible v) {
        String where = fund == null ? "" : " AND a.fund_code = :fund";
        Query q = h.createQuery("SELECT a.* FROM fund_accounts a WHERE a.account_key > :after" + where
                + " AND " + accountVisible(v, "a") + " ORDER BY a.account_key LIMIT :limit")
                .bind("after", afterKey).bind("limit", limit);
        if (fund != null) q.bind("fund", fund);
        return bind(q, v).map((rs, ctx) -> LedgerTables.account(rs)).list();
    }

    private static String accountVisible(Visible v, String alias) {
        if (v.member() == null) return v.sql();
        return "(" + v.sql() + " OR EXISTS (SELECT 1 FROM funds f WHERE f.fund_code = " + alias + ".fund_code"
                + " AND f.owner_org = :member))";
    }

    /** Transfers touching an account the viewer may read, optionally only those touching a fund's accounts. */
    public List<org.quartermaster.funds.model.Transfer> transfers(Handle h, String fund, long afterKey, int limit,
                                                                 Visible v) {
        String byFund = fund == null ? "" : " AND EXISTS (SELECT 1 FROM fund_accounts b WHERE b.account_key IN"
                + " (t.debit_key, t.credit_key) AND b.fund_code = :fund)";
        Query q = h.createQuery("SELECT t.* FROM fund_transfers t WHERE t.transfer_key > :after" + byFund
                + " AND EXISTS (SELECT 1 FROM fund_accounts a WHERE a.account_key IN (t.debit_key, t.credit_key) AND "
                + accountVisible(v, "a") + ") ORDER BY t.transfer_key LIMIT :limit").bind("after", afterKey)
                .bind("limit", limit);
        if (fund != null) q.bind("fund", fund);
        return bind(q, v).map((rs, ctx) -> LedgerTables.transfer(rs)).list();
    }

    private static Query bind(Query q, Visible v) {
        v.params().forEach(q::bind);
        if (v.member() != null) q.bind("member", v.member());
        return q;
    }
}

package org.quartermaster.funds.jdbc;

import static org.quartermaster.audit.StateRows.flag;
import static org.quartermaster.audit.StateRows.number;
import static org.quartermaster.audit.StateRows.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.quartermaster.audit.StateContribution;
import org.quartermaster.funds.model.Account;
import org.quartermaster.shared.PublicIds;

/**
 * The ledger as the verifier replays it: every account's four running totals from
 * AccountOpened and the TransferPending / TransferPosted / TransferVoided events, and every
 * transfer's status. A balance edited in SQL without a transfer, or a transfer whose status
 * moved without its event, differs from the replay. Accounts are keyed by public id
 * ({@code A-000001}), transfers by {@code T:} and their client id.
 */
public final class FundsState implements StateContribution {
    static final String TRANSFER = "T:";

    @Override
    public String table() {
        return "fund_accounts";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("AccountOpened", "TransferPending", "TransferPosted", "TransferVoided");
    }

    @Override
    public Map<String, Map<String, Object>> stored(Handle h) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        h.createQuery("SELECT * FROM fund_accounts").setFetchSize(1000).map((rs, ctx) -> {
            Map<String, Object> r = account(rs.getString("owner_code"), rs.getString("fund_code"),
                    rs.getString("purpose"), rs.getString("currency"), rs.getBoolean("no_negative"));
            r.put("debitsPending", rs.getLong("debits_pending"));
            r.put("debitsPosted", rs.getLong("debits_posted"));
            r.put("creditsPending", rs.getLong("credits_pending"));
            r.put("creditsPosted", rs.getLong("credits_posted"));
            return Map.entry(PublicIds.format(Account.ID_PREFIX, rs.getLong("account_key")), r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        h.createQuery("""
                SELECT t.*, d.account_key AS d_key, c.account_key AS c_key FROM fund_transfers t
                JOIN fund_accounts d ON d.account_key = t.debit_key JOIN fund_accounts c ON c.account_key = t.credit_key""")
                .setFetchSize(1000).map((rs, ctx) -> Map.entry(TRANSFER + rs.getString("transfer_id"),
                        transfer(PublicIds.format(Account.ID_PREFIX, rs.getLong("d_key")),
                                PublicIds.format(Account.ID_PREFIX, rs.getLong("c_key")), rs.getLong("amount_minor"),
                                rs.getString("currency"), rs.getBoolean("two_phase"), rs.getString("status"),
                                rs.getString("reference"))))
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Override
    public void replay(String type, String entity, Instant time, JsonNode p, Map<String, Map<String, Object>> rows) {
        switch (type) {
            case "AccountOpened" -> {
                Map<String, Object> r = account(text(p, "owner"), text(p, "fund"), text(p, "purpose"),
                        text(p, "currency"), flag(p, "noNegative"));
                for (String total : new String[] {"debitsPending", "debitsPosted", "creditsPending", "creditsPosted"}) {
                    r.put(total, 0L);
                }
                rows.put(text(p, "id"), r);
            }
            case "TransferPending" -> {
                long amount = number(p, "amountMinor");
                add(rows, text(p, "debit"), "debitsPending", amount);
                add(rows, text(p, "credit"), "creditsPending", amount);
                rows.put(TRANSFER + text(p, "id"), transfer(text(p, "debit"), text(p, "credit"), amount,
                        text(p, "currency"), true, "PENDING", text(p, "reference")));
            }
            case "TransferPosted" -> {
                long amount = number(p, "amountMinor");
                boolean settled = Boolean.TRUE.equals(flag(p, "twoPhase"));
                if (settled) {
                    add(rows, text(p, "debit"), "debitsPending", -amount);
                    add(rows, text(p, "credit"), "creditsPending", -amount);
                }
                add(rows, text(p, "debit"), "debitsPosted", amount);
                add(rows, text(p, "credit"), "creditsPosted", amount);
                rows.put(TRANSFER + text(p, "id"), transfer(text(p, "debit"), text(p, "credit"), amount,
                        text(p, "currency"), settled, "POSTED", text(p, "reference")));
            }
            case "TransferVoided" -> {
                long amount = number(p, "amountMinor");
                add(rows, text(p, "debit"), "debitsPending", -amount);
                add(rows, text(p, "credit"), "creditsPending", -amount);
                Map<String, Object> t = rows.computeIfAbsent(TRANSFER + text(p, "id"), k -> new LinkedHashMap<>());
                t.put("status", "VOIDED");
            }
            default -> throw new IllegalArgumentException("funds cannot replay " + type);
        }
    }

    private static Map<String, Object> account(String owner, String fund, String purpose, String currency,
                                               Boolean noNegative) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("owner", owner);
        r.put("fund", fund);
        r.put("purpose", purpose);
        r.put("currency", currency);
        r.put("noNegative", noNegative);
        return r;
    }

    private static Map<String, Object> transfer(String debit, String credit, long amount, String currency,
                                                boolean twoPhase, String status, String reference) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("debit", debit);
        r.put("credit", credit);
        r.put("amountMinor", amount);
        r.put("currency", currency);
        r.put("twoPhase", twoPhase);
        r.put("status", status);
        r.put("reference", reference);
        return r;
    }

    /** Adds to a running total; an event naming an account no event opened creates a row that cannot match. */
    private static void add(Map<String, Map<String, Object>> rows, String account, String total, long amount) {
        Map<String, Object> r = rows.computeIfAbsent(account, k -> new LinkedHashMap<>());
        r.merge(total, amount, (a, b) -> (Long) a + (Long) b);
    }
}

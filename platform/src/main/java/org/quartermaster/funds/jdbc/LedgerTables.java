package org.quartermaster.funds.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Balance;
import org.quartermaster.funds.model.Transfer;
import org.quartermaster.funds.model.TransferStatus;
import org.quartermaster.store.Dialect;
import org.quartermaster.store.Rows;

/** SQL for ledger accounts and transfers. Only the funds context uses it. */
public final class LedgerTables {

    public long insertAccount(Handle h, String owner, String fund, String purpose, String currency,
                              boolean noNegative, Instant now) {
        return h.createUpdate("""
                INSERT INTO fund_accounts (owner_code, fund_code, purpose, currency, no_negative, created_at)
                VALUES (:owner, :fund, :purpose, :currency, :noNegative, :now)""")
                .bind("owner", owner).bind("fund", fund).bind("purpose", purpose).bind("currency", currency)
                .bind("noNegative", noNegative).bind("now", now)
                .executeAndReturnGeneratedKeys("account_key").mapTo(Long.class).one();
    }

    public Optional<Account> accountByNames(Handle h, String owner, String fund, String purpose, String currency) {
        return h.createQuery("""
                SELECT * FROM fund_accounts
                WHERE owner_code = :owner AND fund_code = :fund AND purpose = :purpose AND currency = :currency""")
                .bind("owner", owner).bind("fund", fund).bind("purpose", purpose).bind("currency", currency)
                .map((rs, ctx) -> account(rs)).findOne();
    }

    public Optional<Account> account(Handle h, long key) {
        return h.createQuery("SELECT * FROM fund_accounts WHERE account_key = :key").bind("key", key)
                .map((rs, ctx) -> account(rs)).findOne();
    }

    /**
     * Locks the accounts in ascending key order (PostgreSQL: FOR UPDATE; SQLite has one writer),
     * so two writers touching the same pair always queue and never deadlock.
     */
    public Map<Long, Account> lock(Handle h, Dialect dialect, long... keys) {
        List<Long> sorted = java.util.Arrays.stream(keys).distinct().sorted().boxed().toList();
        Map<Long, Account> out = new java.util.LinkedHashMap<>();
        // PostgreSQL locks the rows as the sorted result is produced, so always in key order
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        h.createQuery("SELECT * FROM fund_accounts WHERE account_key IN (<keys>) ORDER BY account_key" + lock)
                .bindList("keys", sorted).map((rs, ctx) -> account(rs)).forEach(a -> out.put(a.key(), a));
        return out;
    }

    public void updateBalance(Handle h, Account a) {
        Balance b = a.balance();
        int rows = h.createUpdate("""
                UPDATE fund_accounts SET debits_pending = :dp, debits_posted = :dd, credits_pending = :cp,
                  credits_posted = :cc WHERE account_key = :key""")
                .bind("dp", b.debitsPending()).bind("dd", b.debitsPosted()).bind("cp", b.creditsPending())
                .bind("cc", b.creditsPosted()).bind("key", a.key()).execute();
        if (rows != 1) throw new IllegalStateException("account " + a.key() + " vanished while locked");
    }

    public List<Account> accounts(Handle h, String fund, long afterKey, int limit) {
        String where = fund == null ? "" : " AND fund_code = :fund";
        var q = h.createQuery("SELECT * FROM fund_accounts WHERE account_key > :after" + where
                + " ORDER BY account_key LIMIT :limit").bind("after", afterKey).bind("limit", limit);
        if (fund != null) q.bind("fund", fund);
        return q.map((rs, ctx) -> account(rs)).list();
    }

    public long insertTransfer(Handle h, Transfer t) {
        return h.createUpdate("""
                INSERT INTO fund_transfers (transfer_id, debit_key, credit_key, amount_minor, currency, two_phase,
                  status, reference, created_at, updated_at)
                VALUES (:id, :debit, :credit, :amount, :currency, :twoPhase, :status, :reference, :now, :now)""")
                .bind("id", t.id()).bind("debit", t.debit()).bind("credit", t.credit())
                .bind("amount", t.amountMinor()).bind("currency", t.currency()).bind("twoPhase", t.twoPhase())
                .bind("status", t.status().name()).bind("reference", t.reference()).bind("now", t.createdAt())
                .executeAndReturnGeneratedKeys("transfer_key").mapTo(Long.class).one();
    }

    /**
     * Inserts new transfers in one statement; returns each one's key by transfer id. The rows
     * come back in no promised order, so they are matched by id (unique).
     */
    public Map<String, Long> insertTransfers(Handle h, Dialect dialect, List<Transfer> transfers) {
        Map<String, Long> keys = new java.util.HashMap<>();
        if (transfers.isEmpty()) return keys;
        if (dialect == Dialect.POSTGRESQL) {
            insertTransfersPostgres(h, transfers, keys);
            return checked(keys, transfers);
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO fund_transfers (transfer_id, debit_key, credit_key, amount_minor, currency, two_phase,
                  status, reference, created_at, updated_at) VALUES""");
        for (int i = 0; i < transfers.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append("(:id").append(i).append(", :debit").append(i).append(", :credit")
                    .append(i).append(", :amount").append(i).append(", :currency").append(i).append(", :twoPhase")
                    .append(i).append(", :status").append(i).append(", :reference").append(i).append(", :now")
                    .append(i).append(", :now").append(i).append(')');
        }
        sql.append(" RETURNING transfer_key, transfer_id");
        var q = h.createQuery(sql.toString());
        for (int i = 0; i < transfers.size(); i++) {
            Transfer t = transfers.get(i);
            q.bind("id" + i, t.id()).bind("debit" + i, t.debit()).bind("credit" + i, t.credit())
                    .bind("amount" + i, t.amountMinor()).bind("currency" + i, t.currency())
                    .bind("twoPhase" + i, t.twoPhase()).bind("status" + i, t.status().name())
                    .bind("reference" + i, t.reference()).bind("now" + i, t.createdAt());
        }
        q.map((rs, ctx) -> Map.entry(rs.getString("transfer_id"), rs.getLong("transfer_key")))
                .forEach(e -> keys.put(e.getKey(), e.getValue()));
        return checked(keys, transfers);
    }

    private static Map<String, Long> checked(Map<String, Long> keys, List<Transfer> transfers) {
        if (keys.size() != transfers.size()) {
            throw new IllegalStateException(transfers.size() + " transfers inserted but " + keys.size() + " keys returned");
        }
        return keys;
    }

    /**
     * PostgreSQL: the rows as one array per column, so the statement text and its plan are the
     * same whatever the number of transfers.
     */
    private static void insertTransfersPostgres(Handle h, List<Transfer> transfers, Map<String, Long> keys) {
        int n = transfers.size();
        String[] ids = new String[n];
        Long[] debits = new Long[n];
        Long[] credits = new Long[n];
        Long[] amounts = new Long[n];
        String[] currencies = new String[n];
        Boolean[] twoPhase = new Boolean[n];
        String[] statuses = new String[n];
        String[] references = new String[n];
        for (int i = 0; i < n; i++) {
            Transfer t = transfers.get(i);
            ids[i] = t.id();
            debits[i] = t.debit();
            credits[i] = t.credit();
            amounts[i] = t.amountMinor();
            currencies[i] = t.currency();
            twoPhase[i] = t.twoPhase();
            statuses[i] = t.status().name();
            references[i] = t.reference();
        }
        java.sql.Connection c = h.getConnection();
        try (java.sql.PreparedStatement st = c.prepareStatement("""
                INSERT INTO fund_transfers (transfer_id, debit_key, credit_key, amount_minor, currency, two_phase,
                  status, reference, created_at, updated_at)
                SELECT r.id, r.debit, r.credit, r.amount, r.currency, r.two_phase, r.status, r.reference, ?, ?
                FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::boolean[], ?::text[],
                  ?::text[]) AS r(id, debit, credit, amount, currency, two_phase, status, reference)
                RETURNING transfer_key, transfer_id""")) {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.ofInstant(transfers.getFirst().createdAt(),
                    java.time.ZoneOffset.UTC);
            st.setObject(1, now);
            st.setObject(2, now);
            st.setArray(3, c.createArrayOf("text", ids));
            st.setArray(4, c.createArrayOf("bigint", debits));
            st.setArray(5, c.createArrayOf("bigint", credits));
            st.setArray(6, c.createArrayOf("bigint", amounts));
            st.setArray(7, c.createArrayOf("text", currencies));
            st.setArray(8, c.createArrayOf("boolean", twoPhase));
            st.setArray(9, c.createArrayOf("text", statuses));
            st.setArray(10, c.createArrayOf("text", references));
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) keys.put(rs.getString(2), rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /** Writes the balances of accounts locked by this transaction, in one statement batch. */
    public void updateBalances(Handle h, java.util.Collection<Account> accounts) {
        if (accounts.isEmpty()) return;
        var batch = h.prepareBatch("""
                UPDATE fund_accounts SET debits_pending = :dp, debits_posted = :dd, credits_pending = :cp,
                  credits_posted = :cc WHERE account_key = :key""");
        for (Account a : accounts) {
            Balance b = a.balance();
            batch.bind("dp", b.debitsPending()).bind("dd", b.debitsPosted()).bind("cp", b.creditsPending())
                    .bind("cc", b.creditsPosted()).bind("key", a.key()).add();
        }
        int[] rows = batch.execute();
        for (int i = 0; i < rows.length; i++) {
            // a driver may answer SUCCESS_NO_INFO (-2) for a batched row; any other count but 1 is wrong
            if (rows[i] != 1 && rows[i] != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("an account vanished while locked (" + rows[i] + " rows)");
            }
        }
    }

    /** The transfers with these ids that exist, by id. */
    public Map<String, Transfer> transfersByIds(Handle h, Dialect dialect, java.util.Collection<String> ids) {
        Map<String, Transfer> out = new java.util.HashMap<>();
        if (ids.isEmpty()) return out;
        if (dialect == Dialect.POSTGRESQL) {
            // one array parameter: one statement text and plan whatever the number of ids
            java.sql.Connection c = h.getConnection();
            try (java.sql.PreparedStatement st = c.prepareStatement(
                    "SELECT * FROM fund_transfers WHERE transfer_id = ANY (?::text[])")) {
                st.setArray(1, c.createArrayOf("text", ids.toArray(String[]::new)));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Transfer t = transfer(rs);
                        out.put(t.id(), t);
                    }
                }
            } catch (SQLException e) {
                throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
            }
            return out;
        }
        h.createQuery("SELECT * FROM fund_transfers WHERE transfer_id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> transfer(rs)).forEach(t -> out.put(t.id(), t));
        return out;
    }

    /** Moves a pending transfer on; zero rows means it was not pending any more. */
    public boolean settle(Handle h, Transfer t) {
        return h.createUpdate("""
                UPDATE fund_transfers SET status = :status, updated_at = :now
                WHERE transfer_key = :key AND status = 'PENDING'""")
                .bind("status", t.status().name()).bind("now", t.updatedAt()).bind("key", t.key()).execute() == 1;
    }

    public Optional<Transfer> transfer(Handle h, String id) {
        return h.createQuery("SELECT * FROM fund_transfers WHERE transfer_id = :id").bind("id", id)
                .map((rs, ctx) -> transfer(rs)).findOne();
    }

    /** Transfers touching a fund's accounts (or all, when fund is null), oldest first. */
    public List<Transfer> transfers(Handle h, String fund, long afterKey, int limit) {
        String where = fund == null ? "" : " AND (debit_key IN (SELECT account_key FROM fund_accounts"
                + " WHERE fund_code = :fund) OR credit_key IN (SELECT account_key FROM fund_accounts"
                + " WHERE fund_code = :fund))";
        var q = h.createQuery("SELECT * FROM fund_transfers WHERE transfer_key > :after" + where
                + " ORDER BY transfer_key LIMIT :limit").bind("after", afterKey).bind("limit", limit);
        if (fund != null) q.bind("fund", fund);
        return q.map((rs, ctx) -> transfer(rs)).list();
    }

    /** Streams every transfer, oldest first, for a replay. */
    public void eachTransfer(Handle h, java.util.function.Consumer<Transfer> sink) {
        h.createQuery("SELECT * FROM fund_transfers ORDER BY transfer_key").setFetchSize(1000)
                .map((rs, ctx) -> transfer(rs)).useStream(s -> s.forEach(sink));
    }

    public List<Account> allAccounts(Handle h) {
        return h.createQuery("SELECT * FROM fund_accounts ORDER BY account_key").map((rs, ctx) -> account(rs)).list();
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("account_key"), rs.getString("owner_code"), rs.getString("fund_code"),
                rs.getString("purpose"), rs.getString("currency"), rs.getBoolean("no_negative"),
                new Balance(rs.getLong("debits_pending"), rs.getLong("debits_posted"), rs.getLong("credits_pending"),
                        rs.getLong("credits_posted")), Rows.instant(rs, "created_at"));
    }

    static Transfer transfer(ResultSet rs) throws SQLException {
        return new Transfer(rs.getLong("transfer_key"), rs.getString("transfer_id"), rs.getLong("debit_key"),
                rs.getLong("credit_key"), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getBoolean("two_phase"), TransferStatus.of(rs.getString("status")), rs.getString("reference"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}

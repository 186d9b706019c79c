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
import org.quartermaster.store.Plans;
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

    /** Owner and fund of each of {@code keys} that names an account: {@code {owner, fund}} by key. */
    public Map<Long, String[]> ownersAndFunds(Handle h, java.util.Collection<Long> keys) {
        Map<Long, String[]> out = new java.util.HashMap<>();
        if (keys.isEmpty()) return out;
        for (var row : h.createQuery("SELECT account_key, owner_code, fund_code FROM fund_accounts"
                        + " WHERE account_key IN (<keys>)").bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)})).list()) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
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

    public List<Account> accounts(Handle h, String fund, long afterKey, int limit) {
        String where = fund == null ? "" : " AND fund_code = :fund";
        var q = h.createQuery("SELECT * FROM fund_accounts WHERE account_key > :after" + where
                + " ORDER BY account_key LIMIT :limit").bind("after", afterKey).bind("limit", limit);
        if (fund != null) q.bind("fund", fund);
        return q.map((rs, ctx) -> account(rs)).list();
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
        java.sql.Connection c = h.getConnection();
        try (java.sql.PreparedStatement st = Plans.eachTime(c, INSERT_FROM_ARRAYS)) {
            bindTransferArrays(c, st, 1, transfers);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) keys.put(rs.getString(2), rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    private static final String INSERT_FROM_ARRAYS = """
            INSERT INTO fund_transfers (transfer_id, debit_key, credit_key, amount_minor, currency, two_phase,
              status, reference, created_at, updated_at)
            SELECT r.id, r.debit, r.credit, r.amount, r.currency, r.two_phase, r.status, r.reference, ?, ?
            FROM UNNEST(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::boolean[], ?::text[],
              ?::text[]) AS r(id, debit, credit, amount, currency, two_phase, status, reference)
            RETURNING transfer_key, transfer_id""";

    /** Binds {@link #INSERT_FROM_ARRAYS}'s ten parameters from {@code first} on. */
    private static void bindTransferArrays(java.sql.Connection c, java.sql.PreparedStatement st, int first,
                                           List<Transfer> transfers) throws SQLException {
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
        java.time.OffsetDateTime now = java.time.OffsetDateTime.ofInstant(transfers.getFirst().createdAt(),
                java.time.ZoneOffset.UTC);
        int p = first;
        st.setObject(p++, now);
        st.setObject(p++, now);
        st.setArray(p++, c.createArrayOf("text", ids));
        st.setArray(p++, c.createArrayOf("bigint", debits));
        st.setArray(p++, c.createArrayOf("bigint", credits));
        st.setArray(p++, c.createArrayOf("bigint", amounts));
        st.setArray(p++, c.createArrayOf("text", currencies));
        st.setArray(p++, c.createArrayOf("boolean", twoPhase));
        st.setArray(p++, c.createArrayOf("text", statuses));
        st.setArray(p, c.createArrayOf("text", references));
    }

    /** Accounts locked for a set of transfers, and those of the transfers' ids that exist already. */
    public record Locked(Map<Long, Account> accounts, Map<String, Transfer> existing) {}

    /**
     * Locks the accounts (as {@link #lock}) and reads which of {@code ids} exist. On PostgreSQL
     * both statements go in one round trip (the driver sends them together before one sync),
     * the lock first.
     */
    public Locked lockAndFind(Handle h, Dialect dialect, long[] keys, java.util.Collection<String> ids) {
        if (dialect != Dialect.POSTGRESQL) return new Locked(lock(h, dialect, keys), transfersByIds(h, dialect, ids));
        Long[] sorted = java.util.Arrays.stream(keys).distinct().sorted().boxed().toArray(Long[]::new);
        Map<Long, Account> accounts = new java.util.LinkedHashMap<>();
        Map<String, Transfer> existing = new java.util.HashMap<>();
        java.sql.Connection c = h.getConnection();
        try (java.sql.PreparedStatement st = Plans.eachTime(c, """
                SELECT * FROM fund_accounts WHERE account_key = ANY (?::bigint[]) ORDER BY account_key FOR UPDATE;
                SELECT * FROM fund_transfers WHERE transfer_id = ANY (?::text[])""")) {
            st.setArray(1, c.createArrayOf("bigint", sorted));
            st.setArray(2, c.createArrayOf("text", ids.toArray(String[]::new)));
            st.execute();
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    Account a = account(rs);
                    accounts.put(a.key(), a);
                }
            }
            if (!st.getMoreResults()) throw new IllegalStateException("the transfers' lookup returned nothing");
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    Transfer t = transfer(rs);
                    existing.put(t.id(), t);
                }
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        return new Locked(accounts, existing);
    }

    /**
     * Writes the balances of locked accounts and inserts new transfers; returns the transfers'
     * keys by id. On PostgreSQL one round trip: an UPDATE from arrays, then the INSERT from arrays.
     */
    public Map<String, Long> write(Handle h, Dialect dialect, java.util.Collection<Account> accounts,
                                   List<Transfer> transfers) {
        if (dialect != Dialect.POSTGRESQL || accounts.isEmpty() || transfers.isEmpty()) {
            updateBalances(h, accounts);
            return insertTransfers(h, dialect, transfers);
        }
        int n = accounts.size();
        Long[] keys = new Long[n];
        Long[] dp = new Long[n];
        Long[] dd = new Long[n];
        Long[] cp = new Long[n];
        Long[] cc = new Long[n];
        int i = 0;
        for (Account a : accounts) {
            keys[i] = a.key();
            dp[i] = a.balance().debitsPending();
            dd[i] = a.balance().debitsPosted();
            cp[i] = a.balance().creditsPending();
            cc[i] = a.balance().creditsPosted();
            i++;
        }
        Map<String, Long> out = new java.util.HashMap<>();
        java.sql.Connection c = h.getConnection();
        try (java.sql.PreparedStatement st = Plans.eachTime(c, """
                UPDATE fund_accounts a SET debits_pending = v.dp, debits_posted = v.dd, credits_pending = v.cp,
                  credits_posted = v.cc
                FROM UNNEST(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS v(k, dp, dd, cp, cc)
                WHERE a.account_key = v.k;
                """ + INSERT_FROM_ARRAYS)) {
            st.setArray(1, c.createArrayOf("bigint", keys));
            st.setArray(2, c.createArrayOf("bigint", dp));
            st.setArray(3, c.createArrayOf("bigint", dd));
            st.setArray(4, c.createArrayOf("bigint", cp));
            st.setArray(5, c.createArrayOf("bigint", cc));
            bindTransferArrays(c, st, 6, transfers);
            boolean isResult = st.execute();
            if (isResult || st.getUpdateCount() != n) {
                throw new IllegalStateException("an account vanished while locked (" + st.getUpdateCount() + " of "
                        + n + ")");
            }
            if (!st.getMoreResults()) throw new IllegalStateException("the transfers' insert returned nothing");
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) out.put(rs.getString(2), rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        return checked(out, transfers);
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
            // one array parameter: one statement text whatever the number of ids, planned for them
            java.sql.Connection c = h.getConnection();
            try (java.sql.PreparedStatement st = Plans.eachTime(c,
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

package org.quartermaster.access;

import static org.quartermaster.access.AccessMatrixTest.holds;
import static org.quartermaster.access.AccessMatrixTest.own;
import static org.quartermaster.access.AccessMatrixTest.platform;
import static org.quartermaster.access.AccessMatrixTest.signedIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.AccessMatrixTest.Caller;
import org.quartermaster.access.AccessMatrixTest.Entry;
import org.quartermaster.access.model.Role;
import org.quartermaster.funds.FundCommands;
import org.quartermaster.funds.MakeTransfer;
import org.quartermaster.funds.OpenAccount;
import org.quartermaster.funds.TransferOutcome;
import org.quartermaster.funds.model.Account;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/**
 * The access matrix's record-level entries for funds: the ledger (accounts, transfers, batches,
 * posting and voiding), the funds (key, calls, measures, commitments, payments and their
 * approval, claims, bilateral fundings, the approval threshold), exchange rates and the funds
 * pages. The fund under test is run by the owner, with the owner and the partner as members and
 * the unrelated organisation not one; other funds are run by the unrelated organisation and by the
 * platform (with the partner as member), so that lists show any leak. Every write cell acts on a
 * record made for it (a new id, measure, contract, offer or fund). The reference, written here from
 * the funds rules (FundsReadFilterTest, FundsWriteRulesTest, PaymentFourEyesTest) and DESIGN.md's
 * Access section, not from the policy's code:
 * <ul>
 *   <li>a fund is seen by the organisation running it and its members;
 *   <li>an account by its owner and by the organisation running its fund; a transfer by whoever
 *       sees its debit or its credit account; a payment by whoever sees its fund;
 *   <li>a fund's money is moved (key, calls, measures, commitments, payments, claims, threshold)
 *       by fund officers of the organisation running it;
 *   <li>money leaves an account (a transfer, posting or voiding one) on the word of a fund
 *       officer of its owner or of the organisation running its fund; the same opens an account;
 *   <li>a payment waiting for four eyes is approved or rejected by an approver of the requester's
 *       organisation (another person);
 *   <li>a state records its own bilateral fundings; a fund is created by a fund officer of the
 *       organisation that will run it; the shared reference rates are kept by the platform's fund officers.
 * </ul>
 */
final class MatrixFundsEntries {
    static final String OWN = AccessWorld.OWN;
    static final String PARTNER = AccessWorld.PARTNER;
    static final String UNRELATED = AccessWorld.UNRELATED;
    static final String PLATFORM = AccessWorld.PLATFORM;
    /** The fund under test: run by the owner, the owner and the partner its members. */
    static final String FUND = "MXF";
    static final String MEASURE = "MXM";
    /** Payments above this wait for a second person. */
    static final long THRESHOLD_MINOR = 10_000;
    static final Pattern FUND_ROW = Pattern.compile("data-fund=\"([^\"]+)\"");

    /** The reference's own record of who runs each fund and who its members are. */
    private final Map<String, String> runBy = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();

    private final TestServer server;
    private final Quartermaster app;
    private final AtomicInteger unique;
    private final String partnerAccount;
    private final String ownAccount;
    private final String payment;

    private MatrixFundsEntries(AccessMatrixTest matrix) {
        this.server = matrix.server;
        this.app = server.app();
        this.unique = matrix.unique;
        fund(FUND, OWN, Map.of(OWN, 6000, PARTNER, 4000));
        fund("MXU", UNRELATED, Map.of(UNRELATED, 10_000));
        fund("MXQ", PLATFORM, Map.of(PARTNER, 10_000));
        // A fund created over HTTP is named after the organisation that runs it (POST /api/v1/funds).
        runBy.put(OWN, OWN);
        members.put(OWN, Set.of());
        var funds = app.funds();
        for (String fund : List.of(FUND, "MXU", "MXQ")) {
            funds.call(new FundCommands.CallContributions(fund + "-CALL", fund, "NON_LETHAL", 10_000_000), Actor.SYSTEM);
        }
        for (String share : List.of(FUND + "-CALL." + OWN, FUND + "-CALL." + PARTNER, "MXU-CALL." + UNRELATED)) {
            done(app.ledger().post(share, Actor.SYSTEM));
        }
        funds.setApprovalThreshold(new FundCommands.SetApprovalThreshold(FUND, THRESHOLD_MINOR), Actor.SYSTEM);
        funds.createMeasure(new FundCommands.CreateMeasure(MEASURE, FUND, "NON_LETHAL", 9_000_000), Actor.SYSTEM);
        done(funds.commit(new FundCommands.Commit("MXCOM", MEASURE, 5_000_000), Actor.SYSTEM));
        done(app.ledger().post("MXCOM", Actor.SYSTEM));
        payment = "MXPAY";
        done(funds.pay(new FundCommands.PayMilestone(payment, MEASURE, "MXK-0", "M1", PARTNER, 1000, false, 10_000, 0),
                Actor.SYSTEM));
        // Plain ledger accounts in the fund: the partner's (money leaves it) and the owner's.
        partnerAccount = app.ledger().open(new OpenAccount(PARTNER, FUND, "LEDGER", "EUR", false), Actor.SYSTEM)
                .publicId();
        ownAccount = app.ledger().open(new OpenAccount(OWN, FUND, "LEDGER", "EUR", true), Actor.SYSTEM).publicId();
    }

    /** Adds the entries of funds to {@code e}. */
    static void addTo(AccessMatrixTest matrix, Map<String, Entry> e) {
        new MatrixFundsEntries(matrix).add(e);
    }

    // ---- the reference --------------------------------------------------------------------------

    private boolean seesFund(Caller c, String fund) {
        return signedIn(c) && (c.org().equals(runBy.get(fund)) || members.getOrDefault(fund, Set.of()).contains(c.org()));
    }

    private boolean seesAccount(Caller c, String owner, String fund) {
        return signedIn(c) && (c.org().equals(owner) || c.org().equals(runBy.get(fund)));
    }

    private boolean seesAccount(Caller c, String id) {
        Account a = app.ledger().account(id);
        return seesAccount(c, a.owner(), a.fund());
    }

    /** A fund officer of the organisation running {@code fund}. */
    private boolean manages(Caller c, String fund) {
        return own(c, runBy.get(fund), Role.FUND_OFFICER);
    }

    /** Money leaves the partner's account in the fund: its own fund officers or the fund's. */
    private boolean debits(Caller c) {
        return holds(c, Role.FUND_OFFICER) && (c.org().equals(PARTNER) || c.org().equals(runBy.get(FUND)));
    }

    // ---- the entries ----------------------------------------------------------------------------

    private void add(Map<String, Entry> e) {
        reads(e);
        ledgerWrites(e);
        fundWrites(e);
        payments(e);
    }

    private void reads(Map<String, Entry> e) {
        e.put("GET /api/v1/accounts", MatrixCells.read("/api/v1/accounts?limit=500", AccessMatrixTest::signedIn,
                this::foreignAccounts));
        String contributions = app.ledger().accounts(FUND, null, 500).items().stream()
                .filter(a -> a.owner().equals(PARTNER) && a.purpose().equals("CONTRIBUTIONS")).findFirst().orElseThrow()
                .publicId();
        e.put("GET /api/v1/accounts/{id}", MatrixCells.read("/api/v1/accounts/" + contributions,
                c -> seesAccount(c, PARTNER, FUND), null));
        e.put("GET /api/v1/transfers", MatrixCells.read("/api/v1/transfers?limit=500", AccessMatrixTest::signedIn,
                this::foreignTransfers));
        // The partner's share of the call: from its contributions account into the fund's envelope.
        e.put("GET /api/v1/transfers/{id}", MatrixCells.read("/api/v1/transfers/" + FUND + "-CALL." + PARTNER,
                c -> seesAccount(c, PARTNER, FUND), null));
        // The ledger-wide check is for auditors and administrators.
        e.put("GET /api/v1/ledger/verify", MatrixCells.read("/api/v1/ledger/verify",
                c -> holds(c, Role.AUDITOR, Role.ADMIN), null));
        e.put("GET /api/v1/funds", MatrixCells.read("/api/v1/funds", AccessMatrixTest::signedIn, this::foreignFunds));
        e.put("GET /api/v1/funds/{code}", MatrixCells.read("/api/v1/funds/" + FUND, c -> seesFund(c, FUND),
                (c, r) -> foreignAccountRows(c, r.json().get("accounts"), null)));
        e.put("GET /api/v1/funds/{code}/balances", MatrixCells.read("/api/v1/funds/" + FUND + "/balances",
                c -> seesFund(c, FUND), (c, r) -> foreignAccountRows(c, r.json().get("lines"), "account")));
        e.put("GET /api/v1/payments/{id}", MatrixCells.read("/api/v1/payments/" + payment, c -> seesFund(c, FUND),
                null));
        e.put("GET /funds", MatrixCells.read("/funds", AccessMatrixTest::signedIn, (c, r) ->
                MatrixCells.foreignIds(FUND_ROW, r.body(), code -> seesFund(c, code))));
        e.put("GET /funds/{code}", MatrixCells.read("/funds/" + FUND, c -> seesFund(c, FUND), null));
        // A member's part of the fund is shown to whoever sees the fund (its report is by member).
        e.put("GET /funds/{code}/members/{member}", MatrixCells.read("/funds/" + FUND + "/members/" + OWN,
                c -> seesFund(c, FUND), null));
    }

    private void ledgerWrites(Map<String, Entry> e) {
        // The shared reference rates: the platform's fund officers.
        e.put("POST /api/v1/exchange-rates", MatrixCells.json("POST", c -> "/api/v1/exchange-rates",
                c -> "{\"csv\":\"base,quote,date,rate\\nEUR,USD,2026-11-20,1.0800\\n\"}",
                c -> platform(c, Role.FUND_OFFICER)));
        // An account of the partner in the fund: the partner's fund officers or the fund's.
        e.put("POST /api/v1/accounts", MatrixCells.json("POST", c -> "/api/v1/accounts",
                c -> "{\"owner\":\"%s\",\"fund\":\"%s\",\"purpose\":\"MX-%d\",\"currency\":\"EUR\",\"noNegative\":true}"
                        .formatted(PARTNER, FUND, unique.incrementAndGet()), this::debits));
        e.put("POST /api/v1/transfers", MatrixCells.json("POST", c -> "/api/v1/transfers", c -> transferBody(false),
                this::debits));
        e.put("POST /api/v1/transfer-batches", MatrixCells.json("POST", c -> "/api/v1/transfer-batches",
                c -> "{\"transfers\":[" + transferBody(false) + "," + transferBody(true) + "]}", this::debits));
        for (String step : List.of("post", "void")) {
            e.put("POST /api/v1/transfers/{id}/" + step, MatrixCells.json("POST",
                    c -> "/api/v1/transfers/" + pendingTransfer() + "/" + step, c -> "{}", this::debits));
        }
    }

    private void fundWrites(Map<String, Entry> e) {
        e.put("POST /api/v1/funds", MatrixCells.json("POST", c -> "/api/v1/funds",
                c -> "{\"code\":\"%s\",\"name\":\"The owner's fund\",\"currency\":\"EUR\"}".formatted(OWN),
                c -> own(c, OWN, Role.FUND_OFFICER)));
        e.put("PUT /api/v1/funds/{code}/approval-threshold", MatrixCells.json("PUT",
                c -> "/api/v1/funds/" + FUND + "/approval-threshold", c -> "{\"thresholdMinor\":" + THRESHOLD_MINOR + "}",
                c -> manages(c, FUND)));
        // A fund of its own per cell, its key already the one sent (so membership does not move).
        e.put("PUT /api/v1/funds/{code}/key", MatrixCells.json("PUT", c -> "/api/v1/funds/" + keyedFund() + "/key",
                c -> "{\"shares\":[{\"member\":\"%s\",\"basisPoints\":5000},{\"member\":\"%s\",\"basisPoints\":5000}]}"
                        .formatted(OWN, PARTNER), c -> manages(c, FUND)));
        e.put("POST /api/v1/funds/{code}/calls", MatrixCells.json("POST", c -> "/api/v1/funds/" + FUND + "/calls",
                c -> "{\"id\":\"MXC-%d\",\"envelope\":\"NON_LETHAL\",\"totalMinor\":1000}".formatted(unique.incrementAndGet()),
                c -> manages(c, FUND)));
        e.put("POST /api/v1/funds/{code}/measures", MatrixCells.json("POST", c -> "/api/v1/funds/" + FUND + "/measures",
                c -> "{\"code\":\"MXM-%d\",\"envelope\":\"NON_LETHAL\",\"ceilingMinor\":1000}"
                        .formatted(unique.incrementAndGet()), c -> manages(c, FUND)));
        e.put("POST /api/v1/commitments", MatrixCells.json("POST", c -> "/api/v1/commitments",
                c -> "{\"id\":\"MXCM-%d\",\"measure\":\"%s\",\"amountMinor\":1}".formatted(unique.incrementAndGet(),
                        MEASURE), c -> manages(c, FUND)));
        e.put("POST /api/v1/claims", MatrixCells.json("POST", c -> "/api/v1/claims",
                c -> "{\"id\":\"MXCL-%d\",\"measure\":\"%s\",\"offer\":\"%s\",\"valuationMinor\":1000,\"rateBasisPoints\":5000}"
                        .formatted(unique.incrementAndGet(), MEASURE, deliveredDonation()), c -> manages(c, FUND)));
        // The owner records its own bilateral funding of a delivery.
        e.put("POST /api/v1/bilateral-fundings", MatrixCells.json("POST", c -> "/api/v1/bilateral-fundings",
                c -> "{\"offer\":\"%s\",\"funder\":\"%s\",\"amountMinor\":500}".formatted(deliveredDonation(), OWN),
                c -> own(c, OWN, Role.FUND_OFFICER)));
    }

    private void payments(Map<String, Entry> e) {
        // Below the fund's threshold: paid at once.
        e.put("POST /api/v1/payments", MatrixCells.json("POST", c -> "/api/v1/payments", c -> """
                {"id":"MXP-%1$d","measure":"%2$s","contract":"MXK-%1$d","milestone":"M1","payee":"%3$s",
                 "amountMinor":100,"contractValueMinor":1000}""".formatted(unique.incrementAndGet(), MEASURE, PARTNER),
                c -> manages(c, FUND)));
        // Above it, requested by a fund officer of the owner: an approver of the owner completes it.
        for (String step : List.of("approve", "reject")) {
            e.put("POST /api/v1/payments/{id}/" + step, MatrixCells.json("POST",
                    c -> "/api/v1/payments/" + awaitingPayment() + "/" + step, c -> "{}",
                    c -> own(c, OWN, Role.APPROVER)));
        }
    }

    // ---- records --------------------------------------------------------------------------------

    private void fund(String code, String runner, Map<String, Integer> key) {
        runBy.put(code, runner);
        members.put(code, Set.copyOf(key.keySet()));
        app.funds().create(new FundCommands.CreateFund(code, "Fund " + code, "EUR", runner), Actor.SYSTEM);
        app.funds().setKey(new FundCommands.SetKey(code, key.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(s -> new FundCommands.KeyShare(s.getKey(), s.getValue(), false)).toList()), Actor.SYSTEM);
    }

    /** A fresh fund run by the owner, its key already the owner's and the partner's halves. */
    private String keyedFund() {
        String code = "MXK" + unique.incrementAndGet();
        fund(code, OWN, Map.of(OWN, 5000, PARTNER, 5000));
        return code;
    }

    private String transferBody(boolean pending) {
        return "{\"id\":\"MXT-%d\",\"debit\":\"%s\",\"credit\":\"%s\",\"amountMinor\":1,\"currency\":\"EUR\",\"pending\":%s}"
                .formatted(unique.incrementAndGet(), partnerAccount, ownAccount, pending);
    }

    /** A fresh pending transfer out of the partner's account. */
    private String pendingTransfer() {
        String id = "MXPT-" + unique.incrementAndGet();
        done(app.ledger().transfer(new MakeTransfer(id, partnerAccount, ownAccount, 1, "EUR", true, null), Actor.SYSTEM));
        return id;
    }

    /** A fresh payment above the threshold, requested by a fund officer (a person) of the owner. */
    private String awaitingPayment() {
        String user = "mx-payer-" + unique.incrementAndGet();
        server.addUser(user, OWN, Role.FUND_OFFICER);
        Actor payer = new Actor(user, OWN, Set.of(AccessWorld.GROUP), Set.of(Role.FUND_OFFICER.name()));
        String id = "MXAP-" + unique.get();
        done(app.funds().pay(new FundCommands.PayMilestone(id, MEASURE, "MXKA-" + unique.get(), "M1", PARTNER,
                THRESHOLD_MINOR * 2, false, THRESHOLD_MINOR * 4, 0), payer));
        return id;
    }

    /** A fresh delivered donation of the partner, released to the group. */
    private String deliveredDonation() {
        Offer o = AccessWorld.offer(app, PARTNER, AccessMatrixTest.RELEASED, null);
        for (OfferRules.Action step : List.of(OfferRules.Action.ACCEPT, OfferRules.Action.COMMIT,
                OfferRules.Action.SHIP, OfferRules.Action.DELIVER)) {
            o = app.offers().act(o.publicId(), step, o.version(), Actor.SYSTEM);
        }
        return o.publicId();
    }

    private static void done(TransferOutcome o) {
        if (!(o instanceof TransferOutcome.Created)) throw new IllegalStateException("fixture step not done: " + o);
    }

    // ---- row checks -----------------------------------------------------------------------------

    private List<String> foreignAccounts(Caller c, Reply reply) {
        return foreignAccountRows(c, reply.json().get("items"), null);
    }

    /** Account rows ({@code field} null: the row is the account) the caller may not see. */
    private List<String> foreignAccountRows(Caller c, JsonNode rows, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode a = field == null ? row : row.get(field);
            String id = a.get("id").asText();
            if (!seesAccount(c, id)) out.add("account " + id + " of " + a.get("owner").asText());
        }
        return out;
    }

    private List<String> foreignTransfers(Caller c, Reply reply) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            if (!seesAccount(c, row.get("debit").asText()) && !seesAccount(c, row.get("credit").asText())) {
                out.add("transfer " + row.get("id").asText());
            }
        }
        return out;
    }

    private List<String> foreignFunds(Caller c, Reply reply) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            String code = row.get("code").asText();
            if (!seesFund(c, code)) out.add("fund " + code);
        }
        return out;
    }
}

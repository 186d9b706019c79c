package org.quartermaster.funds.web;

import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Role;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import org.quartermaster.funds.Conversion;
import org.quartermaster.funds.ExchangeRates;
import org.quartermaster.funds.FundCommands;
import org.quartermaster.funds.FundEvents.CallLine;
import org.quartermaster.funds.Funds;
import org.quartermaster.funds.Ledger;
import org.quartermaster.funds.MakeTransfer;
import org.quartermaster.funds.OpenAccount;
import org.quartermaster.funds.TransferOutcome;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.Funding;
import org.quartermaster.funds.model.Measure;
import org.quartermaster.funds.model.MilestonePayment;
import org.quartermaster.funds.model.Transfer;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Role;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.Refused;

/** JSON routes of the ledger (accounts, transfers), the funds and exchange rates. Amounts in minor units. */
public final class FundsApi {
    /** The body of a step on a pending transfer: an optional note (the step itself is the path). */
    public record StepRequest(String note) {}

    private FundsApi() {}

    public record AccountRequest(String owner, String fund, String purpose, String currency, Boolean noNegative) {}

    public record AccountResponse(String id, String owner, String fund, String purpose, String currency,
                                  boolean noNegative, long balanceMinor, long availableMinor, long debitsPendingMinor,
                                  long debitsPostedMinor, long creditsPendingMinor, long creditsPostedMinor) {}

    public record AccountPage(List<AccountResponse> items, String next) {}

    public record TransferRequest(String id, String debit, String credit, Long amountMinor, String currency,
                                  Boolean pending, String reference) {}

    public record TransferResponse(String id, String debit, String credit, long amountMinor, String currency,
                                   boolean twoPhase, String status, String reference, String outcome) {}

    public record TransferPage(List<TransferResponse> items, String next) {}

    public record BatchRequest(List<TransferRequest> transfers) {}

    /**
     * One entry's outcome in a batch: the status it would have had alone, the transfer when
     * there is one, and for a refusal or conflict its type, field and reason.
     */
    public record BatchItem(int status, String outcome, TransferResponse transfer, String type, String field,
                            String detail) {}

    public record BatchResponse(List<BatchItem> items) {}

    public record Verification(int accounts, int transfers, boolean sound, List<String> problems) {}

    public record FundRequest(String code, String name, String currency) {}

    public record KeyRequest(List<ShareRequest> shares) {}

    public record ShareRequest(String member, Integer basisPoints, Boolean abstainsLethal) {}

    public record CallRequest(String id, String envelope, Long totalMinor) {}

    public record CallResponse(String id, boolean replayed, List<CallLine> lines) {}

    public record MeasureRequest(String code, String envelope, Long ceilingMinor) {}

    public record CommitRequest(String id, String measure, Long amountMinor, String item, String contributor) {}

    public record PaymentRequest(String id, String measure, String contract, String milestone, String payee,
                                 Long amountMinor, Boolean prepayment, Long contractValueMinor, Long guaranteeMinor) {}

    public record ClaimRequest(String id, String measure, String offer, Long valuationMinor, Integer rateBasisPoints,
                               String contributor) {}

    public record ThresholdRequest(Long thresholdMinor) {}

    public record ThresholdResponse(String fund, Long fundThresholdMinor, long effectiveThresholdMinor) {}

    public record BilateralRequest(String offer, String funder, Long amountMinor) {}

    public record BilateralResponse(String offer, String funder, long amountMinor) {}

    public record MeasureResponse(String code, String fund, String envelope, long ceilingMinor, long committedMinor,
                                  long postedMinor, long availableMinor) {}

    public record FundResponse(String code, String name, String currency, List<ShareRequest> key,
                               List<MeasureResponse> measures, List<AccountResponse> accounts,
                               List<FundingResponse> fundings, List<PaymentResponse> payments) {}

    public record FundSummary(String code, String name, String currency) {}

    public record FundList(List<FundSummary> items) {}

    public record FundingResponse(String offer, String kind, String measure, String donor, long valuationMinor,
                                  int rateBasisPoints, long amountMinor, String transfer, String item) {}

    public record PaymentResponse(String transfer, String measure, String contract, String milestone, String payee,
                                  boolean prepayment, long amountMinor, long contractValueMinor, long guaranteeMinor,
                                  String status, String approval, String requestedBy, String decidedBy) {}

    public record CreatedMeasure(String code, String fund, String envelope, long ceilingMinor) {}

    public record RatesRequest(String csv) {}

    public record RatesResponse(int imported) {}

    public record BalanceLine(AccountResponse account, Conversion converted) {}

    public record BalanceReport(String fund, String reportCurrency, LocalDate date, List<BalanceLine> lines) {}

    /**
     * The access policy of every funds route, the pages' included: reads need a signed-in role
     * (the facade then filters by owner, releasability and membership), money moves need
     * MANAGE_FUNDS of the record's organisation, approvals APPROVE, the ledger-wide verify an
     * auditor or administrator, the shared reference rates a fund officer of the platform.
     */
    public static void policies(RoutePolicies p) {
        RoutePolicy read = RoutePolicy.anyRole();
        RoutePolicy manage = RoutePolicy.forAction(Action.MANAGE_FUNDS);
        p.declare("POST", "/api/v1/exchange-rates", RoutePolicy.forPlatformAction(Action.IMPORT_EXCHANGE_RATES));
        p.declare("GET", "/api/v1/exchange-rates/convert", read);
        p.declare("POST", "/api/v1/accounts", manage);
        p.declare("GET", "/api/v1/accounts", read);
        p.declare("GET", "/api/v1/accounts/{id}", read);
        p.declare("POST", "/api/v1/transfers", manage);
        p.declare("POST", "/api/v1/transfer-batches", manage);
        p.declare("GET", "/api/v1/transfers", read);
        p.declare("GET", "/api/v1/transfers/{id}", read);
        p.declare("POST", "/api/v1/transfers/{id}/post", manage);
        p.declare("POST", "/api/v1/transfers/{id}/void", manage);
        p.declare("GET", "/api/v1/ledger/verify", RoutePolicy.anyOf(Role.AUDITOR, Role.ADMIN));
        p.declare("POST", "/api/v1/funds", manage);
        p.declare("GET", "/api/v1/funds", read);
        p.declare("GET", "/api/v1/funds/{code}", read);
        p.declare("PUT", "/api/v1/funds/{code}/approval-threshold", manage);
        p.declare("PUT", "/api/v1/funds/{code}/key", manage);
        p.declare("POST", "/api/v1/funds/{code}/calls", manage);
        p.declare("POST", "/api/v1/funds/{code}/measures", manage);
        p.declare("GET", "/api/v1/funds/{code}/balances", read);
        p.declare("POST", "/api/v1/commitments", manage);
        p.declare("POST", "/api/v1/payments", manage);
        p.declare("GET", "/api/v1/payments/{id}", read);
        p.declare("POST", "/api/v1/payments/{id}/approve", RoutePolicy.forAction(Action.APPROVE));
        p.declare("POST", "/api/v1/payments/{id}/reject", RoutePolicy.forAction(Action.APPROVE));
        p.declare("POST", "/api/v1/claims", manage);
        p.declare("POST", "/api/v1/bilateral-fundings", manage);
        FundPages.policies(p);
    }

    public static void routes(RouteTable t, Ledger ledger, Funds funds, ExchangeRates rates) {
        ledgerRoutes(t, ledger, funds);
        fundRoutes(t, funds, ledger, rates);
        useCaseRoutes(t, funds);
        t.post("/api/v1/exchange-rates", "funds", "Import reference rates (CSV base,quote,date,rate)",
                RatesRequest.class, RatesResponse.class, 201, ctx -> Http.json(ctx, 201,
                        new RatesResponse(rates.importCsv(Http.body(ctx, RatesRequest.class).csv(), Actors.of(ctx)))));
        t.get("/api/v1/exchange-rates/convert", "funds", "Convert an amount with the newest rate on or before a date",
                Conversion.class, List.of(new Param("amountMinor", "amount in minor units", Long.class),
                        new Param("currency", "ISO 4217 code of the amount", String.class),
                        new Param("reportCurrency", "ISO 4217 code to convert to", String.class),
                        new Param("date", "rate date, e.g. 2026-11-27", LocalDate.class)),
                ctx -> Http.json(ctx, 200, rates.convert(longParam(ctx, "amountMinor"), Http.param(ctx, "currency"),
                        Http.param(ctx, "reportCurrency"), Checks.required("date", Http.dateParam(ctx, "date")))));
    }

    private static void ledgerRoutes(RouteTable t, Ledger ledger, Funds funds) {
        t.post("/api/v1/accounts", "funds", "Open a ledger account", AccountRequest.class, AccountResponse.class, 201,
                ctx -> {
                    AccountRequest r = Http.body(ctx, AccountRequest.class);
                    Account a = ledger.open(new OpenAccount(r.owner(), r.fund(), r.purpose(), r.currency(),
                            Checks.required("noNegative", r.noNegative())), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/accounts/" + a.publicId(), account(a));
                });
        t.get("/api/v1/accounts", "funds", "List accounts", AccountPage.class, List.of(
                new Param("fund", "fund code", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(funds.accounts(Actors.of(ctx), Http.param(ctx, "fund"), Http.param(ctx, "after"),
                    Http.intParam(ctx, "limit")), FundsApi::account);
            Http.json(ctx, 200, new AccountPage(page.items(), page.next()));
        });
        t.get("/api/v1/accounts/{id}", "funds", "Read one account and its balance", AccountResponse.class,
                ctx -> Http.json(ctx, 200, account(funds.account(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post("/api/v1/transfers", "funds", "Make a transfer (201 new, 200 same-id retry, 409 other content)",
                TransferRequest.class, TransferResponse.class, 201, ctx -> {
                    TransferRequest r = Http.body(ctx, TransferRequest.class);
                    MakeTransfer c = new MakeTransfer(r.id(), r.debit(), r.credit(),
                            Checks.required("amountMinor", r.amountMinor()), r.currency(),
                            Boolean.TRUE.equals(r.pending()), r.reference());
                    // An Idempotency-Key is claimed in the request's own transaction: no group commit then.
                    answer(ctx, ctx.header("Idempotency-Key") != null ? ledger.transferAlone(c, Actors.of(ctx))
                            : ledger.transfer(c, Actors.of(ctx)), ledger);
                });
        t.post("/api/v1/transfer-batches", "funds", "Make up to " + Ledger.BATCH_SIZE_MAX + " transfers, each with its "
                        + "own outcome (CREATED 201, REPLAYED 200, CONFLICT 409, REFUSED 422) as if posted alone; "
                        + "a malformed entry refuses the whole request (422 at transfers/i/field)",
                BatchRequest.class, BatchResponse.class, 200, ctx -> {
                    BatchRequest r = Http.body(ctx, BatchRequest.class);
                    List<TransferRequest> entries = Checks.sizeAtMost("transfers", r.transfers(), Ledger.BATCH_SIZE_MAX);
                    List<MakeTransfer> commands = new java.util.ArrayList<>(entries.size());
                    for (int i = 0; i < entries.size(); i++) {
                        TransferRequest e = Checks.required("transfers[" + i + "]", entries.get(i));
                        commands.add(new MakeTransfer(e.id(), e.debit(), e.credit(),
                                Checks.required("transfers[" + i + "].amountMinor", e.amountMinor()), e.currency(),
                                Boolean.TRUE.equals(e.pending()), e.reference()));
                    }
                    List<TransferOutcome> outcomes = ctx.header("Idempotency-Key") != null
                            ? ledger.transferAllAlone(commands, Actors.of(ctx)) : ledger.transferAll(commands, Actors.of(ctx));
                    Http.json(ctx, 200, new BatchResponse(outcomes.stream().map(FundsApi::batchItem).toList()));
                });
        t.get("/api/v1/transfers", "funds", "List transfers", TransferPage.class, List.of(
                new Param("fund", "fund code", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(funds.transfers(Actors.of(ctx), Http.param(ctx, "fund"), Http.param(ctx, "after"),
                    Http.intParam(ctx, "limit")), tr -> transfer(tr, null));
            Http.json(ctx, 200, new TransferPage(page.items(), page.next()));
        });
        t.get("/api/v1/transfers/{id}", "funds", "Read one transfer", TransferResponse.class,
                ctx -> Http.json(ctx, 200, transfer(funds.transfer(ctx.pathParam("id"), Actors.of(ctx)), null)));
        t.post("/api/v1/transfers/{id}/post", "funds", "Post a pending transfer", StepRequest.class,
                TransferResponse.class, 200, ctx -> {
                    Http.body(ctx, StepRequest.class);
                    answer(ctx, ledger.post(ctx.pathParam("id"), Actors.of(ctx)), ledger);
                });
        t.post("/api/v1/transfers/{id}/void", "funds", "Void a pending transfer", StepRequest.class,
                TransferResponse.class, 200, ctx -> {
                    Http.body(ctx, StepRequest.class);
                    answer(ctx, ledger.voidPending(ctx.pathParam("id"), Actors.of(ctx)), ledger);
                });
        t.get("/api/v1/ledger/verify", "funds", "Replay every transfer and compare with the balances",
                Verification.class, ctx -> {
                    Ledger.Verification v = ledger.verify();
                    Http.json(ctx, 200, new Verification(v.accounts(), v.transfers(), v.sound(), v.problems()));
                });
    }

    private static void fundRoutes(RouteTable t, Funds funds, Ledger ledger, ExchangeRates rates) {
        t.post("/api/v1/funds", "funds", "Create a fund with its envelopes", FundRequest.class, FundSummary.class, 201,
                ctx -> {
                    FundRequest r = Http.body(ctx, FundRequest.class);
                    Fund f = funds.create(new FundCommands.CreateFund(r.code(), r.name(), r.currency()), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/funds/" + f.code(), new FundSummary(f.code(), f.name(), f.currency()));
                });
        t.get("/api/v1/funds", "funds", "List the funds the caller owns or is a member of", FundList.class,
                ctx -> Http.json(ctx, 200, new FundList(funds.funds(Actors.of(ctx)).stream()
                .map(f -> new FundSummary(f.code(), f.name(), f.currency())).toList())));
        t.get("/api/v1/funds/{code}", "funds", "A fund: key, measures against ceilings, balances, claims, payments",
                FundResponse.class, ctx -> Http.json(ctx, 200, fund(funds, ledger, ctx.pathParam("code"), Actors.of(ctx))));
        t.put("/api/v1/funds/{code}/approval-threshold", "funds",
                "Set the fund's four-eyes threshold for payments (null: the platform's setting)",
                ThresholdRequest.class, ThresholdResponse.class, ctx -> {
                    ThresholdRequest r = Http.body(ctx, ThresholdRequest.class);
                    String code = ctx.pathParam("code");
                    funds.setApprovalThreshold(new FundCommands.SetApprovalThreshold(code, r.thresholdMinor()),
                            Actors.of(ctx));
                    Http.json(ctx, 200, new ThresholdResponse(code, r.thresholdMinor(), funds.approvalThreshold(code)));
                });
        t.put("/api/v1/funds/{code}/key", "funds", "Set the contribution key (basis points summing to 10000)",
                KeyRequest.class, KeyRequest.class, ctx -> {
                    KeyRequest r = Http.body(ctx, KeyRequest.class);
                    List<ShareRequest> shares = Checks.required("shares", r.shares());
                    List<FundCommands.KeyShare> key = new java.util.ArrayList<>();
                    for (int i = 0; i < shares.size(); i++) {
                        ShareRequest s = Checks.required("shares[" + i + "]", shares.get(i));
                        key.add(new FundCommands.KeyShare(s.member(),
                                Checks.required("shares[" + i + "].basisPoints", s.basisPoints()),
                                Boolean.TRUE.equals(s.abstainsLethal())));
                    }
                    funds.setKey(new FundCommands.SetKey(ctx.pathParam("code"), key), Actors.of(ctx));
                    Http.json(ctx, 200, r);
                });
        t.post("/api/v1/funds/{code}/calls", "funds", "Call contributions by the key (pending until paid)",
                CallRequest.class, CallResponse.class, 201, ctx -> {
                    CallRequest r = Http.body(ctx, CallRequest.class);
                    Funds.CallResult c = funds.call(new FundCommands.CallContributions(r.id(), ctx.pathParam("code"),
                            r.envelope(), Checks.required("totalMinor", r.totalMinor())), Actors.of(ctx));
                    Http.json(ctx, c.replayed() ? 200 : 201, new CallResponse(c.id(), c.replayed(), c.lines()));
                });
        t.post("/api/v1/funds/{code}/measures", "funds", "Create an assistance measure with a ceiling",
                MeasureRequest.class, CreatedMeasure.class, 201, ctx -> {
                    MeasureRequest r = Http.body(ctx, MeasureRequest.class);
                    Measure m = funds.createMeasure(new FundCommands.CreateMeasure(r.code(), ctx.pathParam("code"),
                            r.envelope(), Checks.required("ceilingMinor", r.ceilingMinor())), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/funds/" + m.fund(), new CreatedMeasure(m.code(), m.fund(),
                            m.envelope().name(), m.ceilingMinor()));
                });
        t.get("/api/v1/funds/{code}/balances", "funds", "Balances, optionally converted for a report",
                BalanceReport.class, List.of(new Param("reportCurrency", "ISO 4217 code to convert to", String.class),
                        new Param("date", "rate date (default today)", LocalDate.class)), ctx -> {
                    Fund f = funds.fund(ctx.pathParam("code"), Actors.of(ctx));
                    String report = Http.param(ctx, "reportCurrency");
                    LocalDate date = Http.dateParam(ctx, "date");
                    LocalDate on = date != null ? date : LocalDate.now(java.time.ZoneOffset.UTC);
                    // the accounts of the fund the caller may see (a member: its own; the fund's organisation: all)
                    List<BalanceLine> lines = funds.accounts(Actors.of(ctx), f.code(), null,
                                    org.quartermaster.shared.Limits.PAGE_SIZE_MAX).items().stream().map(a -> new BalanceLine(account(a), report == null ? null
                                    : rates.convert(a.balance().posted(), a.currency(), report, on))).toList();
                    Http.json(ctx, 200, new BalanceReport(f.code(), report, on, lines));
                });
    }

    private static void useCaseRoutes(RouteTable t, Funds funds) {
        t.post("/api/v1/commitments", "funds", "Commit envelope money to a measure (pending, within its ceiling)",
                CommitRequest.class, TransferResponse.class, 201, ctx -> {
                    CommitRequest r = Http.body(ctx, CommitRequest.class);
                    answer(ctx, funds.commit(new FundCommands.Commit(r.id(), r.measure(),
                            Checks.required("amountMinor", r.amountMinor()), r.item(), r.contributor()), Actors.of(ctx)),
                            funds.ledger());
                });
        t.post("/api/v1/payments", "funds",
                "Pay a contract milestone from a measure (202: above the threshold, it waits for a second person)",
                PaymentRequest.class, TransferResponse.class, 201, ctx -> {
                    PaymentRequest r = Http.body(ctx, PaymentRequest.class);
                    TransferOutcome o = funds.pay(new FundCommands.PayMilestone(r.id(), r.measure(), r.contract(),
                            r.milestone(), r.payee(), Checks.required("amountMinor", r.amountMinor()),
                            Boolean.TRUE.equals(r.prepayment()),
                            Checks.required("contractValueMinor", r.contractValueMinor()),
                            r.guaranteeMinor() == null ? 0 : r.guaranteeMinor()), Actors.of(ctx));
                    if (o.transfer() != null && o.transfer().status().name().equals("PENDING")) {
                        ctx.header("Location", "/api/v1/payments/" + o.transfer().id());
                        Http.json(ctx, o instanceof TransferOutcome.Created ? 202 : 200,
                                transfer(o.transfer(), "AWAITING_APPROVAL"));
                    } else {
                        answer(ctx, o, funds.ledger());
                    }
                });
        t.get("/api/v1/payments/{id}", "funds", "Read one payment and its approval status", PaymentResponse.class,
                ctx -> Http.json(ctx, 200, payment(funds.payment(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post("/api/v1/payments/{id}/approve", "funds",
                "Approve a payment waiting for approval, and pay it (a different person from the requester)",
                StepRequest.class, TransferResponse.class, 200, ctx -> {
                    Http.body(ctx, StepRequest.class);
                    answer(ctx, funds.approvePayment(ctx.pathParam("id"), Actors.of(ctx)), funds.ledger());
                });
        t.post("/api/v1/payments/{id}/reject", "funds",
                "Reject a payment waiting for approval, releasing its money (a different person from the requester)",
                StepRequest.class, TransferResponse.class, 200, ctx -> {
                    Http.body(ctx, StepRequest.class);
                    answer(ctx, funds.rejectPayment(ctx.pathParam("id"), Actors.of(ctx)), funds.ledger());
                });
        t.post("/api/v1/claims", "funds", "Claim reimbursement of a delivered donation",
                ClaimRequest.class, TransferResponse.class, 201, ctx -> {
                    ClaimRequest r = Http.body(ctx, ClaimRequest.class);
                    answer(ctx, funds.claim(new FundCommands.ClaimReimbursement(r.id(), r.measure(), r.offer(),
                            Checks.required("valuationMinor", r.valuationMinor()),
                            Checks.required("rateBasisPoints", r.rateBasisPoints()), r.contributor()), Actors.of(ctx)),
                            funds.ledger());
                });
        t.post("/api/v1/bilateral-fundings", "funds", "Record a delivery funded bilaterally (refused if funded already)",
                BilateralRequest.class, BilateralResponse.class, 201, ctx -> {
                    BilateralRequest r = Http.body(ctx, BilateralRequest.class);
                    long amount = Checks.required("amountMinor", r.amountMinor());
                    var refusal = funds.recordBilateral(new FundCommands.RecordBilateral(r.offer(), r.funder(), amount),
                            Actors.of(ctx));
                    if (refusal.isPresent()) throw new Refused(refusal.get().type(), refusal.get().field(),
                            refusal.get().reason());
                    Http.json(ctx, 201, new BilateralResponse(r.offer(), r.funder(), amount));
                });
    }

    /** Created: 201; a same-id retry: 200 with the original; other content: 409; a refused rule: 422. */
    static BatchItem batchItem(TransferOutcome o) {
        return switch (o) {
            // the item's own outcome says what happened; the transfer inside does not repeat it
            case TransferOutcome.Created c -> new BatchItem(201, "CREATED", transfer(c.transfer(), null),
                    null, null, null);
            case TransferOutcome.Replayed r -> new BatchItem(200, "REPLAYED", transfer(r.transfer(), null),
                    null, null, null);
            case TransferOutcome.Conflict c -> new BatchItem(409, "CONFLICT", transfer(c.transfer(), null),
                    "transfer-conflict", "id", c.reason());
            case TransferOutcome.Refused r -> new BatchItem(422, "REFUSED", null, r.type(), r.field(), r.reason());
        };
    }

    private static void answer(Context ctx, TransferOutcome o, Ledger ledger) {
        switch (o) {
            case TransferOutcome.Created c -> Http.created(ctx, "/api/v1/transfers/" + c.transfer().id(),
                    transfer(c.transfer(), "CREATED"));
            case TransferOutcome.Replayed r -> Http.json(ctx, 200, transfer(r.transfer(), "REPLAYED"));
            case TransferOutcome.Conflict c -> throw new Refused("transfer-conflict", "id", c.reason());
            case TransferOutcome.Refused r -> throw new InvalidField(r.field(), r.reason());
        }
    }

    private static long longParam(Context ctx, String name) {
        String raw = Checks.required(name, Http.param(ctx, name));
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number of minor units");
        }
    }

    static FundResponse fund(Funds funds, Ledger ledger, String code, org.quartermaster.shared.Actor viewer) {
        Fund f = funds.fund(code, viewer);
        List<Account> accounts = ledger.accounts(f.code(), null, org.quartermaster.shared.Limits.PAGE_SIZE_MAX).items();
        List<ShareRequest> key = funds.key(f.code()).map(k -> k.shares().stream()
                .map(s -> new ShareRequest(s.member(), s.basisPoints(), s.abstainsLethal())).toList()).orElse(List.of());
        List<MeasureResponse> measures = funds.measures(f.code()).stream().map(m -> {
            Account a = accounts.stream().filter(x -> x.purpose().equals(Fund.measurePurpose(m.code())))
                    .findFirst().orElseThrow();
            return new MeasureResponse(m.code(), m.fund(), m.envelope().name(), m.ceilingMinor(),
                    a.balance().creditsPending() + a.balance().creditsPosted(), a.balance().creditsPosted(),
                    a.balance().available());
        }).toList();
        // measures are the fund's own figures; the accounts listed are those the viewer may see
        List<Account> visible = funds.accounts(viewer, f.code(), null, org.quartermaster.shared.Limits.PAGE_SIZE_MAX)
                .items();
        return new FundResponse(f.code(), f.name(), f.currency(), key, measures,
                visible.stream().map(FundsApi::account).toList(),
                funds.fundings(f.code()).stream().map(FundsApi::funding).toList(),
                funds.payments(f.code()).stream().map(FundsApi::payment).toList());
    }

    static FundingResponse funding(Funding f) {
        return new FundingResponse(f.offer(), f.kind().name(), f.measure(), f.donor(), f.valuationMinor(),
                f.rateBasisPoints(), f.amountMinor(), f.transfer(), f.item());
    }

    static PaymentResponse payment(MilestonePayment p) {
        return new PaymentResponse(p.transfer(), p.measure(), p.contract(), p.milestone(), p.payee(), p.prepayment(),
                p.amountMinor(), p.contractValueMinor(), p.guaranteeMinor(), p.status().name(), p.approval(),
                p.requestedBy(), p.decidedBy());
    }

    static AccountResponse account(Account a) {
        var b = a.balance();
        return new AccountResponse(a.publicId(), a.owner(), a.fund(), a.purpose(), a.currency(), a.noNegative(),
                b.posted(), b.available(), b.debitsPending(), b.debitsPosted(), b.creditsPending(), b.creditsPosted());
    }

    static TransferResponse transfer(Transfer t, String outcome) {
        return new TransferResponse(t.id(), PublicIds.format(Account.ID_PREFIX, t.debit()),
                PublicIds.format(Account.ID_PREFIX, t.credit()), t.amountMinor(), t.currency(), t.twoPhase(),
                t.status().name(), t.reference(), outcome);
    }
}

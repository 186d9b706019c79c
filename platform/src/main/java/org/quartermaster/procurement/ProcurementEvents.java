package org.quartermaster.procurement;

import java.util.List;

/**
 * Journal payloads of the procurement context. A sealed bid is journalled by its commitment
 * only; its content enters the journal with {@link BidOpened}, after the opening.
 */
public final class ProcurementEvents {
    private ProcurementEvents() {}

    public record ProcedureOpened(String id, String leadBuyer, String title, String kind, String evaluation,
                                  String currency, long commitUntil, long bidsUntil, List<String> lots) {}

    public record BuyerJoined(String id, String buyer, long budgetMinor, String fundingSource) {}

    public record DemandCommitted(String id, String buyer, int lot, long quantity, long committedValueMinor) {}

    public record NoticePublished(String id, List<String> lotQuantities, long version) {}

    public record QuestionAsked(String id, String question, String supplier) {}

    public record QuestionAnswered(String id, String question) {}

    public record SupplierVetted(String supplier, boolean verified, boolean excluded, String reason) {}

    public record BidSubmitted(String id, String procedure, int lot, String supplier, String commitment) {}

    public record OpeningRequested(String id, String requestedBy, long version) {}

    public record BidsOpened(String id, String requestedBy, String confirmedBy, int bids, long version) {}

    public record BidOpened(String id, String procedure, int lot, String supplier, String commitment, String salt,
                            long unitPriceMinor, int deliveryWeeks) {}

    public record BidScored(String id, String evaluator, String criterion, int score) {}

    public record BidDisqualified(String id, String reason) {}

    public record ProcedureEvaluated(String id, List<String> winners, long version) {}

    public record AwardNotified(String id, long standstillUntil, long version) {}

    public record ComplaintLodged(String id, String procedure, String complainant, String grounds) {}

    public record ComplaintDecided(String id, String procedure, String status, String decision) {}

    public record ContractsSigned(String id, List<String> contracts, long version) {}

    public record ContractChanged(String id, String what, String rationale, long version) {}

    public record MilestonePaid(String id, String milestone, long amountMinor) {}

    public record CallOffPlaced(String id, String contract, String buyer, long quantity, long valueMinor) {}

    public record DeliveryRecorded(String id, long quantity, String deliveredOn, String reference, long delivered) {}

    /** An attempt the rules refused (bid after the deadline, beyond funding, above the ceiling...). */
    public record ProcurementRefused(String subject, String refusal, String reason) {}
}

package org.quartermaster.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The commands of the procurement use cases (what a caller asks for; checked by the facade). */
public final class ProcurementCommands {
    private ProcurementCommands() {}

    public record LotSpec(String item, String title, Long estimateMinor) {}

    public record CriterionSpec(String name, Integer weightBasisPoints) {}

    /** Opens a joint procedure led by {@code leadBuyer}; demand is committed until {@code commitUntil}. */
    public record OpenProcedure(String leadBuyer, String title, String kind, String evaluation,
                                List<CriterionSpec> criteria, String currency, Boolean groupContract,
                                Integer prepaymentCapBasisPoints, Integer standstillDays, Instant commitUntil,
                                Instant bidsUntil, List<LotSpec> lots, List<String> invited) {}

    public record Join(String buyer, Long budgetMinor, String fundingSource) {}

    public record Commit(String buyer, Integer lot, Long quantity) {}

    public record Publish(String notice, Long version) {}

    public record Ask(String supplier, String question) {}

    public record Answer(String answer) {}

    public record Eligibility(Boolean verified, Boolean excluded, String reason) {}

    public record SubmitBid(String supplier, Integer lot, Long unitPriceMinor, Integer deliveryWeeks, String note) {}

    public record Score(String bid, String criterion, Integer score) {}

    public record Disqualify(String bid, String reason) {}

    public record LodgeComplaint(String complainant, String grounds) {}

    public record DecideComplaint(Boolean upheld, String decision) {}

    public record WeekSpec(LocalDate weekStart, Long quantity) {}

    public record MilestoneSpec(String kind, Long amountMinor, LocalDate dueOn) {}

    /** A change of a contract: every field optional but the rationale, which is always recorded. */
    public record ChangeContract(List<WeekSpec> schedule, List<MilestoneSpec> milestones, Long guaranteeMinor,
                                 String rationale, Long version) {}

    public record PlaceCallOff(String buyer, Long quantity, LocalDate dueOn) {}

    public record RecordDelivery(Long quantity, LocalDate deliveredOn, String reference) {}

    /** What a supplier gets back for a sealed bid: the commitment it can check after the opening. */
    public record BidReceipt(String bid, String procedure, int lot, String supplier, String commitment,
                             Instant submittedAt) {}
}

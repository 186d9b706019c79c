package org.quartermaster.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quartermaster.funds.FundCommands;

/**
 * The demo's collective fund as plain commands: the European Peace Facility run by
 * {@link DemoWorld#FUND}, financed by the 27 EU member states by a key from their gross national
 * income (basis points, apportioned exactly), a non-lethal and a lethal contribution call that
 * most members have paid, a measure per envelope with a ceiling and commitments, reimbursement
 * claims for delivered donations and milestone payments below the approval threshold. Amounts
 * are minor units of EUR.
 */
public record FundPlan(FundCommands.CreateFund fund, long approvalThresholdMinor, List<FundCommands.KeyShare> key,
                       List<FundCommands.CallContributions> calls, List<String> paidShares,
                       List<FundCommands.CreateMeasure> measures, List<PlannedCommitment> commitments,
                       List<PlannedClaim> claims, List<FundCommands.PayMilestone> payments, String ratesCsv) {
    public static final String CODE = "EPF";

    public FundPlan {
        key = List.copyOf(key);
        calls = List.copyOf(calls);
        paidShares = List.copyOf(paidShares);
        measures = List.copyOf(measures);
        commitments = List.copyOf(commitments);
        claims = List.copyOf(claims);
        payments = List.copyOf(payments);
    }

    /**
     * A commitment of {@code shareBasisPoints} of what the measure's envelope has available when it
     * is made (so it always fits), posted at once unless {@code post} is false.
     */
    public record PlannedCommitment(String id, String measure, int shareBasisPoints, boolean post) {}

    /** A reimbursement claim for the delivered donation {@code offers().get(offerIndex)}. */
    public record PlannedClaim(String id, int offerIndex, long valuationMinor, int rateBasisPoints) {}

    /** EU member states' GNI, in billions of euro (rounded, 2023), and whether each abstains constructively. */
    private record Member(String code, int gniBillions, boolean abstains) {}

    private static final List<Member> MEMBERS = List.of(
            new Member("DEU-MOD", 4186, false), new Member("FRA-MOD", 2870, false), new Member("ITA-MOD", 2118, false),
            new Member("ESP-MOD", 1473, false), new Member("NLD-MOD", 1011, false), new Member("POL-MOD", 790, false),
            new Member("SWE-MOD", 535, false), new Member("BEL-MOD", 590, false), new Member("IRL-DOD", 415, true),
            new Member("AUT-MOD", 467, true), new Member("DNK-MOD", 401, false), new Member("ROU-MOD", 318, false),
            new Member("CZE-MOD", 297, false), new Member("FIN-MOD", 281, false), new Member("PRT-MOD", 259, false),
            new Member("GRC-MOD", 214, false), new Member("HUN-MOD", 187, false), new Member("SVK-MOD", 124, false),
            new Member("BGR-MOD", 92, false), new Member("LUX-MOD", 56, false), new Member("HRV-MOD", 75, false),
            new Member("LTU-MOD", 70, false), new Member("SVN-MOD", 62, false), new Member("LVA-MOD", 39, false),
            new Member("EST-MOD", 36, false), new Member("CYP-MOD", 30, false), new Member("MLT-MOD", 18, true));

    /** The 27 members' key: GNI shares in basis points, remainders to the largest fractions so they add to 10,000. */
    static List<FundCommands.KeyShare> gniKey() {
        long total = MEMBERS.stream().mapToLong(Member::gniBillions).sum();
        int[] bp = new int[MEMBERS.size()];
        long[] remainder = new long[MEMBERS.size()];
        int given = 0;
        for (int i = 0; i < bp.length; i++) {
            long scaled = MEMBERS.get(i).gniBillions() * 10_000L;
            bp[i] = (int) (scaled / total);
            remainder[i] = scaled % total;
            given += bp[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bp.length; i++) order.add(i);
        order.sort((a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a]) : a - b);
        for (int k = 0; k < 10_000 - given; k++) bp[order.get(k)]++;
        List<FundCommands.KeyShare> key = new ArrayList<>();
        for (int i = 0; i < bp.length; i++) {
            key.add(new FundCommands.KeyShare(MEMBERS.get(i).code(), bp[i], MEMBERS.get(i).abstains()));
        }
        return key;
    }

    /**
     * The plan of {@code seed}: which members have paid is drawn from it; claims go to
     * {@code deliveredDonations} (offer indexes of donations the scenario delivers), at most 6.
     */
    static FundPlan generate(Random random, java.time.LocalDate today, List<Integer> deliveredDonations) {
        List<FundCommands.KeyShare> key = gniKey();
        List<FundCommands.CallContributions> calls = List.of(
                new FundCommands.CallContributions("EPF-2026-NL", CODE, "NON_LETHAL", 50_000_000_000L),
                new FundCommands.CallContributions("EPF-2026-L", CODE, "LETHAL", 100_000_000_000L));
        List<String> paid = new ArrayList<>();
        for (FundCommands.CallContributions call : calls) {
            for (FundCommands.KeyShare s : key) {
                if (random.nextInt(100) < 78) paid.add(call.id() + "." + s.member());
            }
        }
        List<FundCommands.CreateMeasure> measures = List.of(
                new FundCommands.CreateMeasure("UA-2026-NL", CODE, "NON_LETHAL", 40_000_000_000L),
                new FundCommands.CreateMeasure("UA-2026-L", CODE, "LETHAL", 80_000_000_000L));
        List<PlannedCommitment> commitments = List.of(
                new PlannedCommitment("EPF-C-01", "UA-2026-NL", 3_000, true),
                new PlannedCommitment("EPF-C-02", "UA-2026-NL", 2_500, true),
                new PlannedCommitment("EPF-C-03", "UA-2026-NL", 1_500, false),
                new PlannedCommitment("EPF-C-04", "UA-2026-L", 4_000, true),
                new PlannedCommitment("EPF-C-05", "UA-2026-L", 3_000, true),
                new PlannedCommitment("EPF-C-06", "UA-2026-L", 1_000, false));
        List<PlannedClaim> claims = new ArrayList<>();
        for (int i = 0; i < Math.min(6, deliveredDonations.size()); i++) {
            long valuation = (2 + random.nextInt(18)) * 100_000_000L;  // 2 to 19 million euro
            claims.add(new PlannedClaim("EPF-R-%02d".formatted(i + 1), deliveredDonations.get(i), valuation,
                    7_000 + 500 * random.nextInt(7)));
        }
        List<FundCommands.PayMilestone> payments = List.of(
                new FundCommands.PayMilestone("EPF-P-01", "UA-2026-NL", "EPF-CT-2026-014", "M1 prepayment",
                        "SUP-DEMINING", 450_000_000L, true, 3_000_000_000L, 0),
                new FundCommands.PayMilestone("EPF-P-02", "UA-2026-NL", "EPF-CT-2026-014", "M2 delivery",
                        "SUP-DEMINING", 900_000_000L, false, 3_000_000_000L, 0),
                new FundCommands.PayMilestone("EPF-P-03", "UA-2026-L", "EPF-CT-2026-031", "M1 delivery",
                        "SUP-AMMUNITION", 980_000_000L, false, 4_900_000_000L, 0));
        String rates = "base,quote,date,rate\n"
                + "EUR,USD," + today.minusDays(7) + ",1.0791\n" + "EUR,USD," + today.minusDays(1) + ",1.0842\n"
                + "EUR,GBP," + today.minusDays(1) + ",0.8467\n" + "EUR,PLN," + today.minusDays(1) + ",4.2731\n"
                + "EUR,UAH," + today.minusDays(1) + ",45.1180\n";
        return new FundPlan(new FundCommands.CreateFund(CODE, "European Peace Facility", "EUR", DemoWorld.FUND),
                1_000_000_000L, key, calls, paid, measures, commitments, claims, payments, rates);
    }
}

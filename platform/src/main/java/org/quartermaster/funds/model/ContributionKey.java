package org.quartermaster.funds.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;

/**
 * A fund's contribution key: each member's share in basis points (from GNI), summing to
 * 10,000, and whether the member abstains constructively from lethal measures.
 */
public record ContributionKey(List<Share> shares) {
    public static final int BASIS_POINTS_TOTAL = 10_000;
    public static final int MEMBERS_MAX = 100;

    public record Share(String member, int basisPoints, boolean abstainsLethal) {
        public Share {
            Checks.text("member", member, Account.CODE_LENGTH_MAX);
            if (basisPoints < 0 || basisPoints > BASIS_POINTS_TOTAL) {
                throw new InvalidField("basisPoints", "must be between 0 and " + BASIS_POINTS_TOTAL);
            }
        }
    }

    public ContributionKey {
        Checks.sizeAtMost("shares", shares, MEMBERS_MAX);
        if (shares.isEmpty()) throw new InvalidField("shares", "must name at least one member");
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (int i = 0; i < shares.size(); i++) {
            Share s = Checks.required("shares[" + i + "]", shares.get(i));
            if (!seen.add(s.member())) throw new InvalidField("shares[" + i + "].member", "appears twice: " + s.member());
            sum += s.basisPoints();
        }
        if (sum != BASIS_POINTS_TOTAL) {
            throw new InvalidField("shares", "must add up to " + BASIS_POINTS_TOTAL + " basis points, not " + sum);
        }
        shares = List.copyOf(shares);
    }
}

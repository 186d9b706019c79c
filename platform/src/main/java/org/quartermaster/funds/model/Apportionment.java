package org.quartermaster.funds.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount by a contribution key by largest remainder (Hamilton): each member first
 * gets the floor of its exact share, then the minor units left over go one each to the largest
 * remainders, ties broken by member code. The shares always add up to the total exactly.
 */
public final class Apportionment {
    private Apportionment() {}

    /** Shares of {@code totalMinor} by {@code key}, in the key's member order. */
    public static Map<String, Long> apportion(ContributionKey key, long totalMinor) {
        if (totalMinor < 0) throw new IllegalArgumentException("totalMinor must not be negative");
        record Part(String member, long floor, long remainder) {}
        BigInteger total = BigInteger.valueOf(totalMinor);
        BigInteger whole = BigInteger.valueOf(ContributionKey.BASIS_POINTS_TOTAL);
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (ContributionKey.Share s : key.shares()) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(s.basisPoints())).divideAndRemainder(whole);
            parts.add(new Part(s.member(), qr[0].longValueExact(), qr[1].longValueExact()));
            given += qr[0].longValueExact();
        }
        long left = totalMinor - given;
        if (left < 0 || left >= parts.size() + 1) throw new IllegalStateException("largest remainder left " + left);
        List<Part> byRemainder = new ArrayList<>(parts);
        byRemainder.sort(Comparator.comparingLong(Part::remainder).reversed().thenComparing(Part::member));
        Map<String, Long> shares = new LinkedHashMap<>();
        for (Part p : parts) shares.put(p.member(), p.floor());
        for (int i = 0; i < left; i++) shares.merge(byRemainder.get(i).member(), 1L, Long::sum);
        long sum = shares.values().stream().mapToLong(Long::longValue).sum();
        if (sum != totalMinor) throw new IllegalStateException("shares add up to " + sum + ", not " + totalMinor);
        return shares;
    }
}

package org.quartermaster.procurement.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A weighted criterion in basis points. {@code price} is scored by formula (lowest price / this
 * price x 100); every other criterion is scored 0..100 by each evaluator and averaged.
 */
public record Criterion(String name, int weightBasisPoints) {
    public static final String PRICE = "price";
    public static final int CRITERIA_MAX = 10;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public Criterion {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("criterion name must be lower-case letters, digits or '-', up to 40");
        }
        if (weightBasisPoints <= 0 || weightBasisPoints > 10_000) {
            throw new IllegalArgumentException("criterion weight must be 1 to 10000 basis points");
        }
    }

    /** Checks a full set: at most {@link #CRITERIA_MAX}, names unique, weights summing to 10000, price included. */
    public static List<Criterion> validSet(List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty()) throw new IllegalArgumentException("criteria are required");
        if (criteria.size() > CRITERIA_MAX) throw new IllegalArgumentException("at most 10 criteria");
        Map<String, Criterion> byName = new LinkedHashMap<>();
        int sum = 0;
        for (Criterion c : criteria) {
            if (byName.put(c.name(), c) != null) throw new IllegalArgumentException("criterion " + c.name() + " is listed twice");
            sum += c.weightBasisPoints();
        }
        if (sum != 10_000) throw new IllegalArgumentException("criteria weights must sum to 10000 basis points, not " + sum);
        if (!byName.containsKey(PRICE)) throw new IllegalArgumentException("criteria must include price");
        return List.copyOf(criteria);
    }

    /** {@code price:6000,quality:4000}. */
    public static String format(List<Criterion> criteria) {
        return String.join(",", criteria.stream().map(c -> c.name() + ":" + c.weightBasisPoints()).toList());
    }

    public static List<Criterion> parse(String text) {
        List<Criterion> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String part : text.split(",")) {
            String[] kv = part.split(":");
            out.add(new Criterion(kv[0], Integer.parseInt(kv[1])));
        }
        return out;
    }
}

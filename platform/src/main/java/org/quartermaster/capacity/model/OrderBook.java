package org.quartermaster.capacity.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quartermaster.shared.InvalidField;

/**
 * Per item and week, the capacity, reserved and free units summed over every line (and so every
 * supplier) the reader may see, for {@code weeks} weeks from Monday {@code from}.
 */
public record OrderBook(LocalDate from, int weeks, List<ItemRow> items) {
    /** Weeks one order book spans: the longest horizon a line may have. */
    public static final int WEEKS_MAX = LineTerms.HORIZON_WEEKS_MAX;
    public static final int WEEKS_DEFAULT = 26;

    public OrderBook {
        items = List.copyOf(items);
    }

    /** One item's weeks, in order, and how many lines feed it. */
    public record ItemRow(String item, int lines, List<WeekCell> weeks) {
        public ItemRow {
            weeks = List.copyOf(weeks);
        }
    }

    /** Checks a window: {@code weeks} within 1..{@link #WEEKS_MAX}. */
    public static int checkWeeks(String field, Integer weeks) {
        int w = weeks == null ? WEEKS_DEFAULT : weeks;
        if (w < 1 || w > WEEKS_MAX) throw new InvalidField(field, "must be between 1 and " + WEEKS_MAX);
        return w;
    }

    /**
     * One line's weeks over the window: capacity from its terms, reserved from
     * {@code reservedByWeek} (active reservations only).
     */
    public static List<WeekCell> lineWeeks(LineTerms terms, Map<LocalDate, Long> reservedByWeek, LocalDate from,
                                           int weeks) {
        List<WeekCell> cells = new ArrayList<>(weeks);
        for (int w = 0; w < weeks; w++) {
            LocalDate week = from.plusWeeks(w);
            long capacity = terms.capacityIn(week);
            long reserved = reservedByWeek.getOrDefault(week, 0L);
            cells.add(new WeekCell(week, capacity, reserved, capacity - reserved));
        }
        return cells;
    }

    /**
     * The order book of {@code lines} with their reserved units ({@code reserved}: line key to
     * week to units), items in code order.
     */
    public static OrderBook of(LocalDate from, int weeks, List<ProductionLine> lines,
                               Map<Long, Map<LocalDate, Long>> reserved) {
        Weeks.requireMonday("from", from);
        Map<String, long[][]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (ProductionLine line : lines) {
            long[][] s = sums.computeIfAbsent(line.item(), k -> new long[weeks][2]);
            counts.merge(line.item(), 1, Integer::sum);
            List<WeekCell> cells = lineWeeks(line.terms(), reserved.getOrDefault(line.key(), Map.of()), from, weeks);
            for (int w = 0; w < weeks; w++) {
                s[w][0] = Math.addExact(s[w][0], cells.get(w).capacity());
                s[w][1] = Math.addExact(s[w][1], cells.get(w).reserved());
            }
        }
        List<ItemRow> rows = new ArrayList<>(sums.size());
        sums.forEach((item, s) -> {
            List<WeekCell> cells = new ArrayList<>(weeks);
            for (int w = 0; w < weeks; w++) cells.add(new WeekCell(from.plusWeeks(w), s[w][0], s[w][1], s[w][0] - s[w][1]));
            rows.add(new ItemRow(item, counts.get(item), cells));
        });
        return new OrderBook(from, weeks, rows);
    }
}

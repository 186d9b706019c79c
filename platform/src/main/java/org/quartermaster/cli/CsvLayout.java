package org.quartermaster.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.shared.Limits;

/**
 * The columns of an import/export file. {@code required} columns must be in the header,
 * {@code optional} ones may be, and {@code exportOnly} ones (id, status, ...) are written by
 * {@code qm export} and ignored by {@code qm import}, so that an export imports back as it is.
 * Columns may come in any order; unknown or repeated columns are refused.
 */
record CsvLayout(List<String> required, List<String> optional, List<String> exportOnly) {

    static final CsvLayout NEEDS = new CsvLayout(
            List.of("requester", "item", "quantity", "priority", "due_date", "destination", "justification"),
            List.of(),
            List.of("id", "status", "covered_quantity", "delivered_quantity"));

    static final CsvLayout OFFERS = new CsvLayout(
            List.of("donor", "item", "quantity", "condition", "origin", "available_from", "terms", "non_lethal_only",
                    "reimbursement_requested", "need"),
            List.of("restrictions"),
            List.of("id", "status"));

    /** Every column, in the order export writes them. */
    List<String> all() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        all.addAll(exportOnly);
        return all;
    }

    /** Column positions of {@code header}; its problems go to {@code errors} (line 1). */
    Map<String, Integer> positions(List<String> header, Errors errors) {
        Map<String, Integer> positions = new HashMap<>();
        Set<String> known = Set.copyOf(all());
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (!known.contains(name)) {
                errors.add(1, name, "is not a column of this file; the columns are " + String.join(",", all()));
            } else if (positions.putIfAbsent(name, i) != null) {
                errors.add(1, name, "appears twice in the header");
            }
        }
        for (String name : required) {
            if (!positions.containsKey(name)) errors.add(1, name, "is a required column but missing from the header");
        }
        return positions;
    }

    /** The cells of one data row, read by column name, each problem recorded with line and column. */
    static final class Cells {
        private final int line;
        private final List<String> fields;
        private final Map<String, Integer> positions;
        private final Errors errors;

        Cells(int line, List<String> fields, Map<String, Integer> positions, Errors errors) {
            this.line = line;
            this.fields = fields;
            this.positions = positions;
            this.errors = errors;
        }

        int line() {
            return line;
        }

        /** The trimmed cell, or null when blank or the column is absent. */
        String text(String column) {
            Integer at = positions.get(column);
            if (at == null) return null;
            String value = fields.get(at).strip();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = text(column);
            if (value == null) fail(column, "is required");
            return value;
        }

        String optionalText(String column) {
            String value = text(column);
            if (value != null && value.length() > Limits.TEXT_LENGTH_MAX) {
                fail(column, "must be at most " + Limits.TEXT_LENGTH_MAX + " characters");
                return null;
            }
            return value;
        }

        /** A whole number from 1 to {@link Limits#QUANTITY_MAX}; 0 after an error. */
        long quantity(String column) {
            String value = required(column);
            if (value == null) return 0;
            try {
                long q = Long.parseLong(value);
                if (q >= 1 && q <= Limits.QUANTITY_MAX) return q;
            } catch (NumberFormatException e) {
                // reported below, with what must hold
            }
            fail(column, "must be a whole number from 1 to " + Limits.QUANTITY_MAX + ", not '" + value + "'");
            return 0;
        }

        LocalDate date(String column) {
            String value = required(column);
            if (value == null) return null;
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                fail(column, "must be a date such as 2026-12-31, not '" + value + "'");
                return null;
            }
        }

        /** {@code true} or {@code false} (any case); blank means false. */
        boolean flag(String column) {
            String value = text(column);
            if (value == null || value.equalsIgnoreCase("false")) return false;
            if (value.equalsIgnoreCase("true")) return true;
            fail(column, "must be true or false, not '" + value + "'");
            return false;
        }

        /** One of {@code allowed}; null after an error. */
        String oneOf(String column, List<String> allowed) {
            String value = required(column);
            if (value == null) return null;
            if (allowed.contains(value)) return value;
            fail(column, "must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
            return null;
        }

        void fail(String column, String detail) {
            errors.add(line, column, detail);
        }
    }

    /** Every problem of a file, by line and column, in the order found. */
    static final class Errors {
        /** Problems printed in full; past this only their number is reported. */
        static final int SHOWN_MAX = 1_000;
        private final List<String> messages = new ArrayList<>();

        void add(int line, String column, String detail) {
            String where = line > 0 ? "line " + line : "while writing (row unknown)";
            messages.add(where + (column == null ? "" : ", " + column) + ": " + detail);
        }

        boolean any() {
            return !messages.isEmpty();
        }

        int count() {
            return messages.size();
        }

        List<String> shown() {
            return messages.subList(0, Math.min(SHOWN_MAX, messages.size()));
        }
    }
}

package org.quartermaster.catalog.model;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;

/**
 * A catalogue item. {@code unit} is a UN/CEFACT Rec 20 code and {@code cpv} a CPV 2008 code;
 * both are checked against the official lists by the catalogue before an item is built.
 */
public record Item(
        long key,
        String code,
        String name,
        String unit,
        Nsn nsn,
        String cpv,
        Category category,
        boolean lethal,
        List<Compatibility> compatibleWith,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final Pattern CPV_SHAPE = Pattern.compile("\\d{8}-\\d");

    public Item {
        Checks.matches("code", code, Compatibility.ItemCode.SHAPE, Compatibility.ItemCode.DESCRIPTION);
        name = Checks.text("name", name, Limits.NAME_LENGTH_MAX);
        Checks.required("unit", unit);
        if (cpv != null) Checks.matches("cpv", cpv, CPV_SHAPE, "NNNNNNNN-D");
        Checks.required("category", category);
        compatibleWith = List.copyOf(Checks.sizeAtMost("compatibleWith", compatibleWith, Limits.COMPATIBLE_ITEMS_MAX));
        for (Compatibility c : compatibleWith) {
            if (c.servesItem().equals(code)) {
                throw new InvalidField("compatibleWith", "must not name the item itself");
            }
        }
        if (compatibleWith.stream().map(Compatibility::servesItem).distinct().count() != compatibleWith.size()) {
            throw new InvalidField("compatibleWith", "must name each item once");
        }
    }
}

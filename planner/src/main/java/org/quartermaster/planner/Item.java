package org.quartermaster.planner;

/** A kind of materiel, e.g. an NSN. */
public record Item(String id) {
    public Item {
        Checks.id(id, "item id");
    }
}

package org.quartermaster.needs;

/** Quantities asked, covered and delivered for one item and priority, over live needs. */
public record CoverageRow(String item, int priority, long needs, long quantity, long covered, long delivered) {
}

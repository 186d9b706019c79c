package org.quartermaster.funds;

/**
 * How funds learns whether a catalogue item is lethal: wired to the catalog facade in
 * {@code Quartermaster}, so the funds context never reads the catalogue's tables. Throws
 * {@code NotFound} for an unknown item.
 */
@FunctionalInterface
public interface ItemLookup {
    boolean lethal(String itemCode);

    /** For a platform without a catalogue: any named item is refused, since it cannot be checked. */
    ItemLookup NONE = code -> {
        throw new org.quartermaster.shared.InvalidField("item", "cannot be checked: no catalogue is wired");
    };
}

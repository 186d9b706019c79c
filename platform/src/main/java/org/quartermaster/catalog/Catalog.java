package org.quartermaster.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.jdbc.ItemsTable;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.catalog.model.Nsn;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/** The catalogue's use cases. Other contexts resolve item codes through {@link #keyOf}. */
public final class Catalog {
    private final Database db;
    private final Journal journal;
    private final ItemsTable items = new ItemsTable();
    private final Classifiers classifiers = Classifiers.get();

    public Catalog(Database db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /**
     * Defines a new item. Throws {@link InvalidField} for a bad or duplicate code, a unit or CPV
     * code not in the official lists, or a compatibility link to an unknown item.
     */
    public Item define(DefineItem command, Actor actor) {
        requirePlatform(actor);
        return db.write(actor, tx -> {
            Item item = build(tx, 0, command, 1);
            if (items.keyOf(tx.handle(), item.code()).isPresent()) {
                throw new InvalidField("code", "is already used by another item");
            }
            items.insert(tx.handle(), item);
            Item stored = items.byCode(tx.handle(), item.code()).orElseThrow();
            journal.record(tx, "ItemDefined", item.code(), payload(stored), Journal.EventMarking.PUBLIC);
            return stored;
        });
    }

    /** Changes an item; {@code expectedVersion} must be current or {@code StaleRecord} is thrown. */
    public Item change(String code, DefineItem command, long expectedVersion, Actor actor) {
        requirePlatform(actor);
        return db.write(actor, tx -> {
            Item current = items.byCode(tx.handle(), code).orElseThrow(() -> new NotFound("item", code));
            if (command.code() != null && !command.code().equals(code)) {
                throw new InvalidField("code", "cannot be changed");
            }
            DefineItem withCode = new DefineItem(code, command.name(), command.unit(), command.nsn(), command.cpv(),
                    command.category(), command.lethal(), command.compatibleWith());
            Item changed = build(tx, current.key(), withCode, expectedVersion + 1);
            changed = new Item(changed.key(), changed.code(), changed.name(), changed.unit(), changed.nsn(),
                    changed.cpv(), changed.category(), changed.lethal(), changed.compatibleWith(),
                    changed.version(), current.createdAt(), tx.now());
            items.update(tx.handle(), changed, expectedVersion);
            Item stored = items.byCode(tx.handle(), code).orElseThrow();
            journal.record(tx, "ItemChanged", code, payload(stored), Journal.EventMarking.PUBLIC);
            return stored;
        });
    }

    private Item build(Tx tx, long key, DefineItem c, long version) {
        if (c.unit() != null && !classifiers.isUnit(c.unit())) {
            throw new InvalidField("unit", "must be a UN/CEFACT Recommendation 20 unit code (e.g. H87 for piece)");
        }
        if (c.cpv() != null && !c.cpv().isBlank() && !classifiers.isCpv(c.cpv())) {
            throw new InvalidField("cpv", "must be a code of the CPV 2008 list (e.g. 35331000-3)");
        }
        List<Compatibility> links = c.compatibleWith() == null ? List.of() : c.compatibleWith();
        Item item = new Item(key, c.code(), c.name(), c.unit(), Nsn.ofNullable(c.nsn()),
                c.cpv() == null || c.cpv().isBlank() ? null : c.cpv(), c.category(), c.lethal(), links,
                version, tx.now(), tx.now());
        for (Compatibility link : item.compatibleWith()) {
            if (items.keyOf(tx.handle(), link.servesItem()).isEmpty()) {
                throw new InvalidField("compatibleWith", "names unknown item " + link.servesItem());
            }
        }
        return item;
    }

    private static ItemDefined payload(Item i) {
        return new ItemDefined(i.code(), i.name(), i.unit(), i.nsn() == null ? null : i.nsn().value(), i.cpv(),
                i.category().name(), i.lethal(), i.compatibleWith(), i.version());
    }

    /** Items for the journal verifier's replay. */
    public org.quartermaster.audit.StateContribution state() {
        return new org.quartermaster.catalog.jdbc.ItemsState();
    }

    public Item get(String code) {
        return db.read(h -> items.byCode(h, code)).orElseThrow(() -> new NotFound("item", code));
    }

    public Page<Item> list(ItemFilter filter, String after, Integer limit) {
        int size = Cursor.limit(limit);
        List<Item> rows = db.read(h -> items.list(h, filter, Cursor.decode(after), size + 1));
        return Page.cut(rows, size, Item::key);
    }

    /** The row key of item {@code code}, for another context's write; unknown codes fail on {@code field}. */
    public long keyOf(Tx tx, String field, String code) {
        if (code == null || code.isBlank()) throw new InvalidField(field, "is required");
        return items.keyOf(tx.handle(), code)
                .orElseThrow(() -> new InvalidField(field, "names no item of the catalogue: " + code));
    }

    /** The facts of item {@code code} for another context's write; unknown codes fail on {@code field}. */
    public ItemFacts facts(Tx tx, String field, String code) {
        long key = keyOf(tx, field, code);
        Item item = items.byKeys(tx.handle(), List.of(key)).get(key);
        return new ItemFacts(key, item.code(), item.lethal(), item.compatibleWith().stream()
                .map(Compatibility::servesItem).collect(java.util.stream.Collectors.toSet()));
    }

    /** Items by row key, for display by other contexts. */
    public Map<Long, Item> byKeys(Collection<Long> keys) {
        return db.read(h -> items.byKeys(h, keys));
    }

    public Map<Long, Item> byKeys(Tx tx, Collection<Long> keys) {
        return items.byKeys(tx.handle(), keys);
    }

    /** Item names by code, in catalogue order, for lists that show names beside codes. */
    public Map<String, String> names(List<Item> items) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (Item i : items) names.put(i.code(), i.name());
        return names;
    }

    /** Every item, for dashboards and generators (the catalogue is small: hundreds of items). */
    public List<Item> all() {
        return db.read(h -> items.list(h, ItemFilter.ALL, 0, Integer.MAX_VALUE));
    }


    /** The catalogue is shared reference data: only the platform's coordinators and admins keep it. */
    private static void requirePlatform(Actor actor) {
        org.quartermaster.access.Permissions.requireWrite(actor, org.quartermaster.access.model.WriteRule.PLATFORM_ORGANISATION,
                java.util.Set.of(), org.quartermaster.access.model.Action.DEFINE_ITEM);
    }
}

package org.quartermaster.shared;

/** Limits on everything a caller can make the platform do. Each one is checked where used. */
public final class Limits {
    private Limits() {}

    /** Largest request body accepted, in bytes. */
    public static final int BODY_BYTES_MAX = 1 << 20;
    /** Default and largest page of a list or feed. */
    public static final int PAGE_SIZE_DEFAULT = 50;
    public static final int PAGE_SIZE_MAX = 500;
    /** Rows in one CSV import. */
    public static final int IMPORT_ROWS_MAX = 100_000;
    /** Largest quantity of one need or offer line. */
    public static final long QUANTITY_MAX = 1_000_000_000L;
    /** Lengths of free text. */
    public static final int NAME_LENGTH_MAX = 200;
    public static final int TEXT_LENGTH_MAX = 4_000;
    /** Groups an organisation may belong to, and releasability entries on one record. */
    public static final int GROUPS_MAX = 32;
    /** Compatibility links from one item. */
    public static final int COMPATIBLE_ITEMS_MAX = 64;
    /** An idempotency key's length. */
    public static final int IDEMPOTENCY_KEY_LENGTH_MAX = 200;
}

package org.quartermaster.needs;

/** What another context may know of a need without reaching into its model: key, public id, item. */
public record NeedRef(long key, String id, String item) {}

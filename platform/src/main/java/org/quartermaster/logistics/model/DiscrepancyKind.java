package org.quartermaster.logistics.model;

/** What was wrong on arrival: missing units, damaged, a wrong item, unserviceable. */
public enum DiscrepancyKind { SHORT, DAMAGED, WRONG_ITEM, UNSERVICEABLE }

package org.quartermaster.logistics.model;

/** The steps of the custody chain. {@code RECEIVED} is taken only by a signed receipt. */
public enum CustodyKind { HANDED_OVER, DEPARTED, ARRIVED_AT_HUB, ARRIVED, RECEIVED }

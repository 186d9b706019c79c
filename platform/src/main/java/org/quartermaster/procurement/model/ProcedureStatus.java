package org.quartermaster.procurement.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The stages of a procedure, in order. {@link #allows} is the whole transition table: a step not
 * listed there is refused.
 */
public enum ProcedureStatus {
    /** Buyers join and commit quantities until the cut-off. */
    AGGREGATING,
    /** The notice is out; suppliers ask questions and submit sealed bids until the deadline. */
    PUBLISHED,
    /** One person asked to open after the deadline; a second must confirm. */
    OPENING_REQUESTED,
    /** Bids are open; evaluators score and disqualify. */
    OPENED,
    /** Winners ranked per lot. */
    EVALUATED,
    /** Award notified; standstill runs and complaints may be lodged. */
    STANDSTILL,
    /** Contracts signed. */
    CONTRACTED,
    CANCELLED;

    private static final Map<ProcedureStatus, Set<ProcedureStatus>> NEXT = Map.of(
            AGGREGATING, EnumSet.of(PUBLISHED, CANCELLED),
            PUBLISHED, EnumSet.of(OPENING_REQUESTED, CANCELLED),
            OPENING_REQUESTED, EnumSet.of(OPENED, CANCELLED),
            OPENED, EnumSet.of(EVALUATED, CANCELLED),
            EVALUATED, EnumSet.of(OPENED, STANDSTILL, CANCELLED),
            STANDSTILL, EnumSet.of(CONTRACTED, EVALUATED, CANCELLED),
            CONTRACTED, EnumSet.noneOf(ProcedureStatus.class),
            CANCELLED, EnumSet.noneOf(ProcedureStatus.class));

    public boolean allows(ProcedureStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Complaints may be lodged once bids are open and until contracts are signed. */
    public boolean acceptsComplaints() {
        return this == OPENED || this == EVALUATED || this == STANDSTILL;
    }
}

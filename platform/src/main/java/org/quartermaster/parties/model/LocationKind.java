package org.quartermaster.parties.model;

/** What a location is: where goods come from, pass through, or go to. */
public enum LocationKind {
    DEPOT,
    HUB,
    PORT,
    AIRFIELD,
    FACTORY,
    FRONT_UNIT
}

package org.quartermaster.catalog.model;

/** What kind of materiel an item is; the dashboard groups coverage by it. */
public enum Category {
    AMMUNITION,
    AIR_DEFENCE,
    VEHICLES,
    DRONES,
    DEMINING,
    MEDICAL,
    FUEL,
    SPARE_PARTS,
    COMMUNICATIONS,
    PROTECTIVE_EQUIPMENT,
    OTHER
}

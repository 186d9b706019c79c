package org.quartermaster.parties.model;

/** What an organisation does on the platform (DESIGN.md, "Actors"). */
public enum OrganisationKind {
    RECIPIENT,
    PROCUREMENT_AGENCY,
    DONOR_STATE,
    COORDINATION_BODY,
    FUND,
    SUPPLIER,
    AUDITOR,
    PUBLIC
}

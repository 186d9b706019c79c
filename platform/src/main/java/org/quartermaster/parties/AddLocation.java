package org.quartermaster.parties;

import org.quartermaster.parties.model.LocationKind;

/** Add a location, optionally held by an organisation (by code). */
public record AddLocation(String code, String name, String country, LocationKind kind, String organisation) {
}

package org.quartermaster.parties;

import java.util.Set;
import org.quartermaster.parties.model.OrganisationKind;

/** Register an organisation. */
public record RegisterOrganisation(String code, String name, OrganisationKind kind, String country,
                                   Set<String> groups, String ncage) {
}

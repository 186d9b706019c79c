/**
 * Organisations (kind, country, groups such as NATO or EU, identifiers) and the locations they
 * hold. Depends on: shared, store, audit. Others resolve codes through
 * {@link org.quartermaster.parties.Parties}.
 */
package org.quartermaster.parties;

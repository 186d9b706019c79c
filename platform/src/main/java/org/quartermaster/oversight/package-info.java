/**
 * Oversight: questions and answers on any record, assigned to an organisation (the answer closes
 * the question). Depends on: shared, store, audit, access, parties; record visibility is given by the wiring.
 */
package org.quartermaster.oversight;

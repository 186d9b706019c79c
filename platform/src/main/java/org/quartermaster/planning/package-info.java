/**
 * Planning: computes the best use of all offers (and, later, production) against all open needs
 * with the planner library, keeps each plan as a versioned, immutable record with the digest of
 * its inputs, explains every allocation and shortfall, and has a second person approve a plan.
 * Depends on: shared, store, audit, catalog, parties, needs, offers (facades), planner (library).
 */
package org.quartermaster.planning;

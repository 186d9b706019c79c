/**
 * Donor offers from stock: OFFERED, ACCEPTED, COMMITTED, SHIPPED, DELIVERED (or WITHDRAWN,
 * DECLINED). An offer pledged to a need moves the need's coverage and deliveries through the
 * needs facade. Depends on: shared, store, audit, catalog, parties, needs.
 */
package org.quartermaster.offers;

/**
 * The industrial order book: suppliers' production lines (weekly capacity with ramp-up steps,
 * price, lead time), reservations of weekly slots by contracts and call-offs, and alerts on idle
 * framework capacity. Depends on: shared, store, audit, access, catalog and parties (by code).
 */
package org.quartermaster.capacity;

/**
 * Need lines: what a recipient asks for, with priority, due date and destination, through the
 * lifecycle DRAFT, OPEN, PARTLY_COVERED, COVERED, DELIVERED, CLOSED (or CANCELLED).
 * Depends on: shared, store, audit, catalog and parties (by code, through their facades).
 */
package org.quartermaster.needs;

/**
 * The journal of every state change: one event per change, written in the change's own
 * transaction, chained by SHA-256, and served as a cursor-paged change feed.
 * Depends on: shared, store. Every other context depends on it to record its changes.
 */
package org.quartermaster.audit;

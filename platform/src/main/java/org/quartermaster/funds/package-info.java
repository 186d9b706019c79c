/**
 * Funds: a double-entry ledger in integer minor units (accounts, idempotent two-phase transfers,
 * never negative where forbidden), exchange rates, and the fund rules on top (keys, calls,
 * envelopes, measures, payments, reimbursements). Depends on: shared, store, audit; offers via OfferLookup.
 */
package org.quartermaster.funds;

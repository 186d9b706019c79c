/**
 * Funds: a double-entry ledger in integer minor units (accounts, idempotent two-phase transfers,
 * never negative where forbidden), exchange rates, and the fund rules on top (keys, calls,
 * envelopes, measures, four-eyes payments, reimbursements, the lethal check). Depends on: shared,
 * store, audit, access (read filters, write rules); offers, catalogue and approvals via OfferLookup,
 * ItemLookup and PaymentApprovals.
 */
package org.quartermaster.funds;

/**
 * Joint procurement: demand aggregation, procedures with lots, sealed bids opened by two people
 * after the deadline, evaluation, award, standstill and complaints, contracts, call-offs, red flags.
 * Depends on: shared, store, audit, access (Permissions), catalog and parties (through their facades).
 */
package org.quartermaster.procurement;

/**
 * Shipments (consignments): lines tied to what they fulfil, stops through hubs, the custody
 * chain, proof of delivery signed per organisation, discrepancies, field ratings, absorption.
 * Depends on: shared, store, audit, access, parties and needs (by code, through their facades).
 */
package org.quartermaster.logistics;

/**
 * Verifiable append-only journal: an RFC 9162 Merkle tree over event bytes, inclusion and
 * consistency proofs, Ed25519 signed tree heads, a bundle format and an offline verifier.
 * Depends on the JDK only; knows nothing of the platform (the platform maps its records here).
 */
package org.quartermaster.journal;

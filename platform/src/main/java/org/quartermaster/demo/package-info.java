/**
 * The demo scenario: a deterministic generator (seed, sizes) of a realistic coordination world,
 * and a loader that puts it into a database through the contexts' facades, as any client would.
 * Depends on: shared and the base-package APIs of catalog, parties, needs and offers.
 */
package org.quartermaster.demo;

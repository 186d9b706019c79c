/**
 * Seeded random planning instances for tests, benchmarks and demos. Depends on the planner API
 * only; the same seed and shape always give the same input.
 */
package org.quartermaster.planner.generate;

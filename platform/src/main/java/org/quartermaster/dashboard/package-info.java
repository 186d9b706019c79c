/**
 * The dashboard: what a coordinator looks at first. Coverage of needs by category and priority,
 * needs by status, pledged against delivered offers, and the most critical uncovered needs.
 * Read-only; depends on the catalog, needs and offers facades (never their tables), and server.
 */
package org.quartermaster.dashboard;

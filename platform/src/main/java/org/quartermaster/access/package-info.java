/**
 * Identity and access: who acts (users, sessions, API tokens, second factor), what they may
 * read and write (one releasability policy, also as a SQL filter), four-eyes approvals and the
 * security log. Depends on: shared, store, audit, parties (organisation groups, by code).
 */
package org.quartermaster.access;

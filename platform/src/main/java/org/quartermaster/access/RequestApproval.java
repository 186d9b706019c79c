package org.quartermaster.access;

/**
 * Ask a second person to approve a step on a record, e.g. ({@code Need}, {@code N-000042},
 * "lower releasability to UKR-MOD only").
 */
public record RequestApproval(String subjectType, String subjectId, String summary) {}

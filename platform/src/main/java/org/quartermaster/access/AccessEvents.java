package org.quartermaster.access;

import java.time.Instant;
import java.util.List;

/** Journal payloads of the access context. Secrets and hashes never appear in them. */
public final class AccessEvents {
    private AccessEvents() {}

    public record UserAdded(String userName, String personId, String organisation, List<String> roles,
                            boolean secondFactor) {}

    public record UserDisabled(String userName, long version) {}

    public record PasswordReset(String userName, long version) {}

    public record ApiTokenIssued(long id, String name, String organisation, List<String> roles, Instant expiresAt) {}

    public record ApiTokenRevoked(long id) {}

    public record ApprovalRequested(String id, String subjectType, String subjectId, String summary,
                                    String requestedBy) {}

    public record ApprovalDecided(String id, String status, String decidedBy, long version) {}

    /** A granted approval authorised the change it was asked for, and is spent. */
    public record ApprovalUsed(String id, String subjectType, String subjectId, String usedBy, long version) {}
}

package org.quartermaster.access;

import java.time.Instant;
import java.util.Set;
import org.quartermaster.access.model.Role;

/** Issue an API token for a machine client of {@code organisation} with {@code roles}; {@code expiresAt} optional. */
public record IssueApiToken(String name, String organisation, Set<Role> roles, Instant expiresAt) {}

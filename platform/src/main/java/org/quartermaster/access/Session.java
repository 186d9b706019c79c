package org.quartermaster.access;

import java.time.Instant;
import org.quartermaster.access.model.Principal;

/** A live session: who it is, and when it ends if unused ({@code idleExpiresAt}) or anyway. */
public record Session(Principal principal, String personId, Instant createdAt, Instant lastSeenAt,
                      Instant idleExpiresAt, Instant absoluteExpiresAt) {}

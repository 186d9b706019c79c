package org.quartermaster.oversight;

import org.quartermaster.shared.Actor;

/**
 * Whether a viewer may see a record named by its public id (N-..., O-..., SH-...): wired in
 * {@code Quartermaster} to the owning contexts, so oversight reads no one's tables. False for an
 * unknown id, so that asking never reveals whether a record exists.
 */
@FunctionalInterface
public interface RecordAccess {
    boolean canSee(Actor viewer, String recordId);
}

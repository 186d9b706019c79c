package org.quartermaster.logistics.model;

import java.time.Instant;

/** One step of the custody chain: by a named person of the holding organisation, at a stop. */
public record CustodyEvent(int seq, CustodyKind kind, String location, String organisation, String person,
                           String to, Instant occurredAt, Instant recordedAt) {}

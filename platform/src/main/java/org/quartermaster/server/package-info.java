/**
 * The HTTP edge: Javalin bootstrap, the route table every context registers into, strict JSON
 * bodies, problem+json errors (the one place exceptions become statuses), idempotency keys,
 * health, metrics, the OpenAPI document and streamed downloads (CSV, JSON lines). Wires
 * contexts; holds no business rule.
 */
package org.quartermaster.server;

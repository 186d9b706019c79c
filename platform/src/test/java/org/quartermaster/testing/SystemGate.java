package org.quartermaster.testing;

import io.javalin.http.Context;
import java.util.List;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Gate;
import org.quartermaster.shared.Actor;

/**
 * For suites about the domain rather than about access (test sources only, never in the
 * application): every request acts as the platform's system actor. Every route must still
 * have a policy, as with the real gate, so these suites also catch an undeclared route.
 * The access suites use {@link TestServer#secured} and the real gate.
 */
public final class SystemGate implements Gate {
    private final RoutePolicies policies;

    public SystemGate(RoutePolicies policies) {
        this.policies = policies;
    }

    @Override
    public void requireAll(List<Endpoint> endpoints) {
        policies.requireAll(endpoints.stream().map(e -> new RoutePolicies.RouteKey(e.method(), e.path())).toList());
    }

    @Override
    public void before(Context ctx, Endpoint endpoint) {
        Actors.set(ctx, Actor.SYSTEM);
    }
}

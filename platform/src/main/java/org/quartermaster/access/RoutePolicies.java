package org.quartermaster.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The route policy of every route, declared in one place. The server hands its route list to
 * {@link #requireAll} at start and refuses to start when a route has no policy, or a policy
 * names a route that does not exist (a renamed route would otherwise silently lose its rule).
 */
public final class RoutePolicies {

    /** A route by method and path pattern, e.g. {@code GET /api/v1/needs/{id}}. */
    public record RouteKey(String method, String path) {
        public RouteKey {
            if (method == null || method.isBlank()) throw new IllegalArgumentException("method is required");
            if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("path must start with /");
            method = method.toUpperCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Thrown by {@link #requireAll}: the routes without a policy and the policies without a route. */
    public static final class Undeclared extends IllegalStateException {
        private final List<RouteKey> missing;
        private final List<RouteKey> unknown;

        Undeclared(List<RouteKey> missing, List<RouteKey> unknown) {
            super("routes without an access policy: " + missing + "; policies for no route: " + unknown);
            this.missing = List.copyOf(missing);
            this.unknown = List.copyOf(unknown);
        }

        public List<RouteKey> missing() {
            return missing;
        }

        public List<RouteKey> unknown() {
            return unknown;
        }
    }

    private final Map<RouteKey, RoutePolicy> policies = new LinkedHashMap<>();

    /** Declares the policy of one route; declaring a route twice is a wiring error. */
    public RoutePolicies declare(String method, String path, RoutePolicy policy) {
        if (policy == null) throw new IllegalArgumentException("a policy is required for " + method + " " + path);
        RouteKey key = new RouteKey(method, path);
        if (policies.putIfAbsent(key, policy) != null) {
            throw new IllegalStateException("access policy declared twice for " + key);
        }
        return this;
    }

    /** The declared policy of a route, if any. */
    public Optional<RoutePolicy> policyOf(String method, String path) {
        return Optional.ofNullable(policies.get(new RouteKey(method, path)));
    }

    /**
     * Checks that every one of {@code routes} has a policy and every policy a route.
     *
     * @throws Undeclared naming every route and policy at fault
     */
    public void requireAll(List<RouteKey> routes) {
        List<RouteKey> missing = new ArrayList<>();
        for (RouteKey route : routes) if (!policies.containsKey(route)) missing.add(route);
        List<RouteKey> unknown = new ArrayList<>();
        for (RouteKey declared : policies.keySet()) if (!routes.contains(declared)) unknown.add(declared);
        if (!missing.isEmpty() || !unknown.isEmpty()) throw new Undeclared(missing, unknown);
    }

    public Map<RouteKey, RoutePolicy> all() {
        return java.util.Collections.unmodifiableMap(policies);
    }
}

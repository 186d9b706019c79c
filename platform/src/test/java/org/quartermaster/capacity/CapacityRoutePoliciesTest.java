package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.testing.TestDatabases;

/** Every capacity route declares its access policy, and writes are decided by the capacity actions. */
class CapacityRoutePoliciesTest {

    @Test
    void everyCapacityRouteHasAPolicyAndEveryPolicyARoute() {
        try (Quartermaster app = new Quartermaster(TestDatabases.sqlite())) {
            List<RoutePolicies.RouteKey> routes = app.routes().routes().stream()
                    .filter(r -> r.path().startsWith("/api/v1/capacity") || r.path().startsWith("/capacity"))
                    .map(r -> new RoutePolicies.RouteKey(r.method().name(), r.path())).toList();
            assertThat(routes).hasSize(12);
            RoutePolicies capacity = new RoutePolicies();
            org.quartermaster.capacity.web.CapacityApi.policies(capacity);
            org.quartermaster.capacity.web.CapacityPages.policies(capacity);
            capacity.requireAll(routes);
            assertThat(capacity.policyOf("POST", "/api/v1/capacity/reservations"))
                    .contains(RoutePolicy.forAction(Action.RESERVE_CAPACITY));
            assertThat(capacity.policyOf("PATCH", "/api/v1/capacity/lines/{id}"))
                    .contains(RoutePolicy.forAction(Action.PUBLISH_CAPACITY));
            assertThat(app.routePolicies().all().keySet()).containsAll(capacity.all().keySet());
        }
    }
}

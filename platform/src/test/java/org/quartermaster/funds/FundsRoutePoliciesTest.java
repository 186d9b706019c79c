package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicies.RouteKey;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.funds.web.FundPages;
import org.quartermaster.funds.web.FundsApi;
import org.quartermaster.server.RouteTable;
import org.quartermaster.testing.TestDatabases;

/** Every funds route, pages included, declares exactly one access policy, and the platform collects them. */
class FundsRoutePoliciesTest {
    @Test
    void everyFundsRouteHasAPolicyAndEveryPolicyARoute() {
        try (Quartermaster app = new Quartermaster(TestDatabases.sqlite())) {
            RouteTable t = new RouteTable();
            FundsApi.routes(t, app.ledger(), app.funds(), app.rates());
            FundPages.routes(t, app.funds(), app.rates());
            List<RouteKey> routes = t.routes().stream().map(r -> new RouteKey(r.method().name(), r.path())).toList();
            RoutePolicies p = new RoutePolicies();
            FundsApi.policies(p);
            p.requireAll(routes);  // throws naming any route without a policy or policy without a route
            assertThat(routes).hasSizeGreaterThan(25).contains(new RouteKey("GET", "/funds/{code}"));

            RoutePolicies platform = app.routePolicies();
            for (RouteKey r : routes) assertThat(platform.policyOf(r.method(), r.path())).as(r.toString()).isPresent();
            assertThat(platform.policyOf("POST", "/api/v1/payments/{id}/approve")).get()
                    .isEqualTo(new RoutePolicy.ForAction(Action.APPROVE));
            assertThat(platform.policyOf("POST", "/api/v1/payments")).get()
                    .isEqualTo(new RoutePolicy.ForAction(Action.MANAGE_FUNDS));
            assertThat(platform.policyOf("GET", "/funds")).get().isInstanceOf(RoutePolicy.AnyRole.class);
        }
    }
}

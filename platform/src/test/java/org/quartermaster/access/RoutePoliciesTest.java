package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.RoutePolicies.RouteKey;
import org.quartermaster.access.model.AccessPolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;

class RoutePoliciesTest {
    final AccessPolicy policy = AccessPolicy.standard();
    final Principal requester = new Principal("olena", "UKR-MOD", Set.of(), Set.of(Role.REQUESTER));
    final Principal viewer = new Principal("ivan", "UKR-MOD", Set.of(), Set.of(Role.VIEWER));

    @Test
    void refusesWhenARouteHasNoPolicyNamingEveryOne() {
        RoutePolicies p = new RoutePolicies().declare("GET", "/health", RoutePolicy.publicRoute());
        List<RouteKey> routes = List.of(new RouteKey("GET", "/health"), new RouteKey("GET", "/api/v1/needs"),
                new RouteKey("POST", "/api/v1/needs"));
        assertThatThrownBy(() -> p.requireAll(routes)).isInstanceOf(RoutePolicies.Undeclared.class)
                .satisfies(e -> assertThat(((RoutePolicies.Undeclared) e).missing())
                        .containsExactly(new RouteKey("GET", "/api/v1/needs"), new RouteKey("POST", "/api/v1/needs")));
    }

    @Test
    void refusesAPolicyForARouteThatDoesNotExist() {
        RoutePolicies p = new RoutePolicies().declare("GET", "/health", RoutePolicy.publicRoute())
                .declare("GET", "/api/v1/old", RoutePolicy.anyRole());
        assertThatThrownBy(() -> p.requireAll(List.of(new RouteKey("get", "/health"))))
                .isInstanceOf(RoutePolicies.Undeclared.class).hasMessageContaining("/api/v1/old");
    }

    @Test
    void passesWhenEveryRouteIsDeclaredAndRefusesDuplicates() {
        RoutePolicies p = new RoutePolicies().declare("GET", "/health", RoutePolicy.publicRoute())
                .declare("POST", "/api/v1/needs", RoutePolicy.forAction(Action.FILE_NEED));
        p.requireAll(List.of(new RouteKey("GET", "/health"), new RouteKey("POST", "/api/v1/needs")));
        assertThat(p.policyOf("post", "/api/v1/needs")).contains(new RoutePolicy.ForAction(Action.FILE_NEED));
        assertThatThrownBy(() -> p.declare("GET", "/health", RoutePolicy.anyRole()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachKindOfPolicyAdmitsWhomItShould() {
        assertThat(RoutePolicy.publicRoute().admits(Principal.ANONYMOUS, policy)).isTrue();
        assertThat(RoutePolicy.anyRole().admits(Principal.ANONYMOUS, policy)).isFalse();
        assertThat(RoutePolicy.anyRole().admits(viewer, policy)).isTrue();
        assertThat(RoutePolicy.anyOf(Role.AUDITOR).admits(viewer, policy)).isFalse();
        assertThat(RoutePolicy.forAction(Action.FILE_NEED).admits(requester, policy)).isTrue();
        assertThat(RoutePolicy.forAction(Action.FILE_NEED).admits(viewer, policy)).isFalse();
        assertThat(RoutePolicy.forAction(Action.FILE_NEED).admits(null, policy)).isFalse();
    }
}

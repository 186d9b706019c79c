package org.quartermaster.offers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.offers.model.OfferRules.Action;
import org.quartermaster.offers.model.OfferRules.Outcome;

/** Every step from every state of an offer: the allowed ones move, all others are refused. */
class OfferRulesTest {
    /** The lifecycle of DESIGN.md, written out independently of the implementation. */
    static final Map<String, Map<Action, String>> ALLOWED = Map.of(
            "OFFERED", Map.of(Action.ACCEPT, "ACCEPTED", Action.DECLINE, "DECLINED", Action.WITHDRAW, "WITHDRAWN"),
            "ACCEPTED", Map.of(Action.COMMIT, "COMMITTED", Action.WITHDRAW, "WITHDRAWN"),
            "COMMITTED", Map.of(Action.SHIP, "SHIPPED", Action.WITHDRAW, "WITHDRAWN"),
            "SHIPPED", Map.of(Action.DELIVER, "DELIVERED"),
            "DELIVERED", Map.of(),
            "WITHDRAWN", Map.of(),
            "DECLINED", Map.of());

    @Test
    void theTableNamesEveryStateTheTypesDeclare() {
        assertThat(leafNames(OfferStatus.class)).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        assertThat(OfferStatus.ALL).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void takesEveryAllowedStepAndRefusesEveryOther() {
        int moved = 0;
        int refused = 0;
        for (String state : OfferStatus.ALL) {
            for (Action action : Action.values()) {
                Outcome o = OfferRules.apply(OfferStatus.of(state), action);
                String expected = ALLOWED.get(state).get(action);
                if (expected != null) {
                    assertThat(o).as("%s from %s", action, state).isInstanceOf(Outcome.Moved.class);
                    assertThat(((Outcome.Moved) o).next().name()).as("%s from %s", action, state).isEqualTo(expected);
                    moved++;
                } else {
                    assertThat(o).as("%s from %s", action, state).isInstanceOf(Outcome.Refused.class);
                    assertThat(((Outcome.Refused) o).reason()).as("the reason names the state").contains(state);
                    refused++;
                }
            }
        }
        // 7 states x 6 actions = 42 pairs; the table above allows 8 of them.
        assertThat(moved).isEqualTo(8);
        assertThat(refused).isEqualTo(34);
    }

    @Test
    void countsAsAPledgeExactlyFromAcceptanceToShipping() {
        Set<String> pledged = new HashSet<>();
        for (String state : OfferStatus.ALL) {
            if (OfferStatus.of(state) instanceof OfferStatus.Pledged) pledged.add(state);
        }
        assertThat(pledged).containsExactlyInAnyOrder("ACCEPTED", "COMMITTED", "SHIPPED");
    }

    static Set<String> leafNames(Class<?> root) {
        Set<String> out = new HashSet<>();
        for (Class<?> c : root.getPermittedSubclasses()) {
            if (c.isRecord()) {
                try {
                    out.add((String) c.getMethod("name").invoke(c.getDeclaredConstructor().newInstance()));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            } else if (c.isSealed()) {
                out.addAll(leafNames(c));
            }
        }
        return out;
    }
}

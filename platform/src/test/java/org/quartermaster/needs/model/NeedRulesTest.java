package org.quartermaster.needs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.needs.model.NeedRules.Action;

/** Every named step from every state of a need: the allowed ones move, all others are refused. */
class NeedRulesTest {
    /** The lifecycle of DESIGN.md, written out independently of the implementation. */
    static final Map<String, Map<Action, String>> ALLOWED = Map.of(
            "DRAFT", Map.of(Action.SUBMIT, "OPEN", Action.CANCEL, "CANCELLED"),
            "OPEN", Map.of(Action.CANCEL, "CANCELLED"),
            "PARTLY_COVERED", Map.of(Action.CANCEL, "CANCELLED"),
            "COVERED", Map.of(Action.CANCEL, "CANCELLED"),
            "DELIVERED", Map.of(Action.CLOSE, "CLOSED"),
            "CLOSED", Map.of(),
            "CANCELLED", Map.of());

    @Test
    void theTableNamesEveryStateTheTypesDeclare() {
        assertThat(leafNames(NeedStatus.class)).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        assertThat(NeedStatus.ALL).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void takesEveryAllowedStepAndRefusesEveryOther() {
        int moved = 0;
        int refused = 0;
        for (String state : NeedStatus.ALL) {
            for (Action action : Action.values()) {
                Transition t = NeedRules.apply(NeedStatus.of(state), action);
                String expected = ALLOWED.get(state).get(action);
                if (expected != null) {
                    assertThat(t).as("%s from %s", action, state).isInstanceOf(Transition.Moved.class);
                    assertThat(((Transition.Moved) t).next().name()).as("%s from %s", action, state).isEqualTo(expected);
                    moved++;
                } else {
                    assertThat(t).as("%s from %s", action, state).isInstanceOf(Transition.Refused.class);
                    assertThat(((Transition.Refused) t).reason()).as("the reason names the state").contains(state);
                    refused++;
                }
            }
        }
        // 7 states x 3 actions = 21 pairs; the table above allows 6 of them.
        assertThat(moved).isEqualTo(6);
        assertThat(refused).isEqualTo(15);
    }

    @Test
    void coverageMovesBetweenOpenPartlyCoveredAndCovered() {
        assertThat(next(NeedRules.cover(new NeedStatus.Open(), 1, 10))).isEqualTo("PARTLY_COVERED");
        assertThat(next(NeedRules.cover(new NeedStatus.PartlyCovered(), 10, 10))).isEqualTo("COVERED");
        assertThat(next(NeedRules.cover(new NeedStatus.Covered(), 0, 10))).as("withdrawing everything uncovers")
                .isEqualTo("OPEN");
        assertThat(next(NeedRules.cover(new NeedStatus.Covered(), 4, 10))).isEqualTo("PARTLY_COVERED");
    }

    @Test
    void refusesOverCoverageNegativeCoverageAndCoveringAnUncoverableNeed() {
        assertThat(NeedRules.cover(new NeedStatus.Open(), 11, 10)).isInstanceOf(Transition.Refused.class);
        assertThat(NeedRules.cover(new NeedStatus.PartlyCovered(), -1, 10)).isInstanceOf(Transition.Refused.class);
        for (String state : Set.of("DRAFT", "DELIVERED", "CLOSED", "CANCELLED")) {
            assertThat(NeedRules.cover(NeedStatus.of(state), 1, 10)).as(state).isInstanceOf(Transition.Refused.class);
        }
    }

    @Test
    void deliveringCountsAndDeliversTheNeedWhenComplete() {
        assertThat(next(NeedRules.deliver(new NeedStatus.Covered(), 4, 10))).isEqualTo("COVERED");
        assertThat(next(NeedRules.deliver(new NeedStatus.Covered(), 10, 10))).isEqualTo("DELIVERED");
        assertThat(NeedRules.deliver(new NeedStatus.Covered(), 11, 10)).isInstanceOf(Transition.Refused.class);
        assertThat(NeedRules.deliver(new NeedStatus.Draft(), 1, 10)).isInstanceOf(Transition.Refused.class);
    }

    private static String next(Transition t) {
        assertThat(t).isInstanceOf(Transition.Moved.class);
        return ((Transition.Moved) t).next().name();
    }

    /** The names of the record types that implement {@code root}, however deep the sealed tree. */
    static Set<String> leafNames(Class<?> root) {
        Set<String> out = new HashSet<>();
        for (Class<?> c : root.getPermittedSubclasses()) {
            if (c.isRecord()) {
                try {
                    var instance = c.getDeclaredConstructor().newInstance();
                    out.add((String) c.getMethod("name").invoke(instance));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            } else if (c.isSealed()) {
                out.addAll(leafNames(c));
            }
        }
        return out;
    }

    @Test
    void parsesPrioritiesAndRefusesOthers() {
        assertThat(Arrays.stream(Priority.values()).map(p -> Priority.parse(p.name()))).containsExactly(Priority.values());
        assertThat(Priority.parse("3")).isEqualTo(Priority.P3);
        assertThat(Priority.ofRank(1)).isEqualTo(Priority.P1);
        for (String bad : new String[] {"P0", "P6", "p1", "", "high"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Priority.parse(bad)).as(bad)
                    .isInstanceOf(org.quartermaster.shared.InvalidField.class).hasMessageStartingWith("priority");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Priority.ofRank(6))
                .isInstanceOf(org.quartermaster.shared.InvalidField.class);
    }
}

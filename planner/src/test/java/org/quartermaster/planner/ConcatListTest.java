package org.quartermaster.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConcatListTest {

    @Test
    void viewsPartsInOrderAcrossEmptyParts() {
        List<Integer> view = new ConcatList<>(List.of(List.of(), List.of(1, 2), List.of(), List.of(), List.of(3), List.of()));
        assertThat(view).containsExactly(1, 2, 3);
        assertThat(view.get(2)).isEqualTo(3);
        assertThat(view).isEqualTo(List.of(1, 2, 3));
        assertThatThrownBy(() -> view.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.add(4)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ConcatList<Integer>(List.of())).isEmpty();
    }

    @Test
    void equalsTheCopiedConcatenationOnRandomParts() {
        Random r = new Random(7);
        for (int k = 0; k < 200; k++) {
            List<List<Integer>> parts = new ArrayList<>();
            List<Integer> copy = new ArrayList<>();
            for (int j = r.nextInt(6); j > 0; j--) {
                List<Integer> part = new ArrayList<>();
                for (int e = r.nextInt(4); e > 0; e--) {
                    part.add(r.nextInt(100));
                }
                parts.add(part);
                copy.addAll(part);
            }
            List<Integer> view = new ConcatList<>(parts);
            assertThat(view.size()).isEqualTo(copy.size());
            for (int i = 0; i < copy.size(); i++) {
                assertThat(view.get(i)).as("case %d index %d", k, i).isEqualTo(copy.get(i));
            }
        }
    }
}

package org.quartermaster.planner;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable view of several lists one after another. A plan's allocations are the
 * concatenation of its components' lists; viewing them instead of copying keeps a re-plan from
 * copying a million references (and allocating a humongous array) when it redid one component.
 * The parts must not change afterwards (they are the components' own, never-mutated results).
 */
final class ConcatList<T> extends AbstractList<T> implements RandomAccess {

    private final List<? extends T>[] parts;
    /** {@code starts[j]} is the index of part j's first element; {@code starts[parts.length]} the size. */
    private final int[] starts;

    ConcatList(List<? extends List<? extends T>> parts) {
        @SuppressWarnings("unchecked")
        List<? extends T>[] array = parts.toArray(new List[0]);
        this.parts = array;
        starts = new int[array.length + 1];
        for (int j = 0; j < array.length; j++) {
            starts[j + 1] = Math.addExact(starts[j], array[j].size());
        }
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " must be in [0, " + size() + ")");
        }
        int j = Arrays.binarySearch(starts, index);
        // An exact hit may be the start of empty parts too: take the last part starting there.
        if (j >= 0) {
            while (j + 1 < parts.length && starts[j + 1] == index) {
                j++;
            }
        } else {
            j = -j - 2;
        }
        return parts[j].get(index - starts[j]);
    }

    @Override
    public int size() {
        return starts[parts.length];
    }
}

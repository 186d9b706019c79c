package org.quartermaster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a guard refuses with an {@link InvalidField} naming the field. */
public final class Guards {
    private Guards() {}

    public static void refuses(String field, ThrowingCallable build) {
        Throwable thrown = catchThrowable(build);
        assertThat(thrown).as("a guard on %s", field).isInstanceOf(InvalidField.class);
        assertThat(((InvalidField) thrown).field()).isEqualTo(field);
        assertThat(((InvalidField) thrown).detail()).isNotBlank();
    }
}

package org.survkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Work started on another core gives its result, or throws its own exception (not a wrapper) where collected. */
class ConcurrentlyTest {
    @Test
    void resultAndUnwrappedFailure() {
        assertThat(Concurrently.start(() -> 6 * 7).result()).isEqualTo(42);
        Concurrently<Integer> failing = Concurrently.start(() -> {
            throw new IllegalArgumentException("time of observation 3 must be finite and >= 0, got -1.0");
        });
        assertThatThrownBy(failing::result).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("time of observation 3 must be finite and >= 0, got -1.0");
    }
}

package org.survkit.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A computation of a command that does not depend on the ones after it (a Kaplan–Meier fit beside the log-rank
 * test), started on another core (the common fork-join pool) and collected where the command needs it. The engines
 * are immutable and their inputs are not changed, so the results are the same as one after the other; a failure is
 * thrown, unwrapped, when it is collected, so a command reports the same first mistake as when it ran in order.
 *
 * @param <T> the result
 */
final class Concurrently<T> {
    private final CompletableFuture<T> future;

    private Concurrently(Supplier<T> work) {
        this.future = CompletableFuture.supplyAsync(work);
    }

    /** {@return the work, started} */
    static <T> Concurrently<T> start(Supplier<T> work) {
        return new Concurrently<>(work);
    }

    /** {@return the result, once it is there; the work's exception if it failed} */
    T result() {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}

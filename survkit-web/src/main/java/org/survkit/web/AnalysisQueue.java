package org.survkit.web;

import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line in front of the work that needs memory (analyses, figures, Table 1, reports, exports, the checks of an
 * upload): a budget of heap bytes ({@link HeapBudget}) shared by the requests that run, each taking the bytes
 * {@link HeapBudget} estimates for it. A request runs when its bytes fit beside those of the running ones, else
 * waits, first come first served; when {@code maxWaiting} requests already wait, or it has waited
 * {@code maxWaitSeconds}, it is refused with 503 and {@code Retry-After}. A request estimated above the whole
 * budget runs alone. Should the estimate still be short and the heap run out, the request that met it is
 * answered 503 with a sentence and the server goes on.
 */
final class AnalysisQueue {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisQueue.class);
    private static final int KIB = 1024;

    private final int budgetKib;
    private final Semaphore memory;
    private final int maxWaiting;
    private final int maxWaitSeconds;
    private final AtomicInteger waiting = new AtomicInteger();

    AnalysisQueue(long budgetBytes, int maxWaiting, int maxWaitSeconds) {
        this.budgetKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / KIB));
        this.memory = new Semaphore(budgetKib, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitSeconds = maxWaitSeconds;
    }

    /** {@return how many requests wait for memory now} */
    int waiting() {
        return waiting.get();
    }

    /** {@return the budget in bytes} */
    long budgetBytes() {
        return (long) budgetKib * KIB;
    }

    /**
     * Runs work when its memory is free.
     *
     * @param estimateBytes the heap the work needs, at most
     * @param what          what it is, for the messages ("the analysis")
     * @param work          the work
     * @return its result
     * @throws ApiError 503 with Retry-After when the line is full, the wait too long, or the heap ran out
     */
    <T> T run(long estimateBytes, String what, Supplier<T> work) {
        int permits = (int) Math.max(1, Math.min(budgetKib, estimateBytes / KIB));
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw busy(what);
        }
        boolean acquired;
        try {
            acquired = memory.tryAcquire(permits, maxWaitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!acquired) {
            throw busy(what);
        }
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            LOG.warn("out of memory in {} (estimated {} MB of a {} MB budget)", what, estimateBytes >> 20,
                    budgetBytes() >> 20);
            throw ApiError.unavailable("the server ran out of memory during " + what + ". Try again when fewer"
                    + " analyses run, or " + HeapBudget.MORE_MEMORY + "; nothing was lost.", 30);
        } finally {
            memory.release(permits);
        }
    }

    private ApiError busy(String what) {
        return ApiError.unavailable(String.format(Locale.ROOT, "the server is busy with other analyses (at most %,d MB"
                + " of memory for them, and %d waiting): %s was not started. Try again in a few seconds.",
                budgetBytes() >> 20, maxWaiting, what), 5);
    }
}

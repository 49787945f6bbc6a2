package org.edgeai.plugins.algorithms.decentralized;

import java.util.function.LongSupplier;

/**
 * Optional profiling of the synchronous decentralized algorithms, for benchmarks: when a run is built with
 * {@code Engine.builder(..).extension(PhaseTimes.class, new PhaseTimes(System::nanoTime))}, {@code dsgd} and
 * {@code choco-sgd} add the wall time of each phase of their rounds here. The clock comes from the caller, so
 * the algorithms themselves never read the wall clock (DESIGN.md, determinism); without the extension they do
 * not call any clock. Time spent in the engine (events, message delivery) is what the caller measures around
 * the run minus {@link #totalNanos()}.
 */
public final class PhaseTimes {

    /** The measured phases of a round. */
    public enum Phase {
        /** The batched gradient call. */
        GRADIENTS,
        /** Snapshot or compression of what each node sends. */
        SNAPSHOT,
        /** Handing the messages and compute jobs to the engine. */
        SEND,
        /** The mixing pass (and, for choco-sgd, the public-copy update). */
        MIX,
        /** Loss, accuracy and consensus error of the round. */
        METRICS
    }

    private final LongSupplier clock;
    private final long[] nanos = new long[Phase.values().length];

    /** @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime} */
    public PhaseTimes(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    long now() {
        return clock.getAsLong();
    }

    void add(Phase p, long since) {
        nanos[p.ordinal()] += clock.getAsLong() - since;
    }

    /** Nanoseconds spent in {@code p} so far. */
    public long nanos(Phase p) {
        return nanos[p.ordinal()];
    }

    /** Nanoseconds of all phases. */
    public long totalNanos() {
        long s = 0;
        for (long v : nanos) {
            s += v;
        }
        return s;
    }

    /** Sets every phase back to 0. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
    }
}

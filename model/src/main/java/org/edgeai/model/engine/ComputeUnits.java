package org.edgeai.model.engine;

import java.util.Arrays;
import java.util.Objects;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.engine.trace.SimObserver;

/**
 * The nodes' processors. Computing F FLOPs on node i in round r takes
 * <pre>  F / (computeGflops_i · 1e9 · speedFactor_i) · (stragglerSlowdown if i straggles in r, else 1)</pre>
 * seconds. A node computes one thing at a time, first come first served: a piece of work starts when the
 * node has finished everything given to it before. Since work is given in event order, the start and end
 * are known at once ({@link #compute} returns the end) and each piece costs one event, its completion.
 *
 * <p>Single-threaded; no allocation per call unless an observer is attached or the job pool grows.
 */
public final class ComputeUnits implements EventHandler {

    private final Simulator sim;
    private final int simId;
    private final double[] flopsPerSecond;
    private final Faults faults;
    private final double[] freeAt;
    private double busySeconds;

    private ComputeHandler[] jHandler = new ComputeHandler[64];
    private int[] jTag = new int[64];
    private int[] jNode = new int[64];
    private int[] jRound = new int[64];
    private int[] free = new int[64];
    private int freeTop;

    private SimObserver observer;

    /**
     * @param computeGflops per node, finite and &gt; 0
     * @param faults        speed factors and stragglers
     */
    public ComputeUnits(Simulator sim, double[] computeGflops, Faults faults) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.simId = sim.register(this);
        int n = computeGflops.length;
        flopsPerSecond = new double[n];
        for (int i = 0; i < n; i++) {
            double g = computeGflops[i];
            if (!(g > 0) || Double.isInfinite(g)) {
                throw new IllegalArgumentException("compute: node index " + i + ": computeGflops must be finite and > 0, got " + g);
            }
            flopsPerSecond[i] = g * 1e9 * faults.speedFactor(i);
        }
        freeAt = new double[n];
        Arrays.fill(freeAt, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < 64; i++) {
            free[i] = 63 - i;
        }
        freeTop = 64;
    }

    /**
     * Seconds {@code flops} FLOPs take on {@code node} in {@code round} (speed factor and straggling included),
     * not counting any wait for earlier work.
     */
    public double duration(int node, double flops, int round) {
        double s = flops / flopsPerSecond[node];
        return faults.isStraggler(round, node) ? s * faults.computeSlowdown(round, node) : s;
    }

    /**
     * Queues {@code flops} FLOPs on {@code node}; {@code handler.onComputeDone(node, tag)} runs when they are
     * done.
     *
     * @param flops &ge; 0 and finite
     * @param round the round the work belongs to (decides straggling)
     * @return the virtual time at which the work finishes, seconds
     * @throws IllegalArgumentException for a bad node or FLOP count
     */
    public double compute(int node, double flops, int round, ComputeHandler handler, int tag) {
        if (node < 0 || node >= freeAt.length) {
            throw new IllegalArgumentException("compute: node must be a node index in [0, " + freeAt.length + "), got " + node);
        }
        if (!(flops >= 0) || Double.isInfinite(flops)) {
            throw new IllegalArgumentException("compute: flops must be a finite number >= 0, got " + flops);
        }
        Objects.requireNonNull(handler, "handler");
        double now = sim.now();
        double start = Math.max(now, freeAt[node]);
        double d = duration(node, flops, round);
        double end = start + d;
        freeAt[node] = end;
        busySeconds += d;
        if (freeTop == 0) {
            grow();
        }
        int j = free[--freeTop];
        jHandler[j] = handler;
        jTag[j] = tag;
        jNode[j] = node;
        jRound[j] = round;
        sim.scheduleAt(end, simId, 0, j, 0);
        if (observer != null) {
            observer.onSimEvent(new SimEvent.ComputeStarted(node, round, flops, start, end));
        }
        return end;
    }

    @Override
    public void onEvent(int code, int j, int unused) {
        ComputeHandler h = jHandler[j];
        int node = jNode[j];
        int tag = jTag[j];
        jHandler[j] = null;
        free[freeTop++] = j;
        if (observer != null) {
            observer.onSimEvent(new SimEvent.ComputeFinished(node, jRound[j], sim.now()));
        }
        h.onComputeDone(node, tag);
    }

    /** When {@code node} will have finished all work given so far (-Infinity if it was never given any). */
    public double freeAt(int node) {
        return freeAt[node];
    }

    /** Compute seconds requested so far, summed over nodes. */
    public double busySeconds() {
        return busySeconds;
    }

    public Faults faults() {
        return faults;
    }

    public void setObserver(SimObserver obs) {
        this.observer = obs;
    }

    private void grow() {
        int old = jHandler.length;
        int cap = old * 2;
        jHandler = Arrays.copyOf(jHandler, cap);
        jTag = Arrays.copyOf(jTag, cap);
        jNode = Arrays.copyOf(jNode, cap);
        jRound = Arrays.copyOf(jRound, cap);
        free = Arrays.copyOf(free, cap);
        for (int i = cap - 1; i >= old; i--) {
            free[freeTop++] = i;
        }
    }
}

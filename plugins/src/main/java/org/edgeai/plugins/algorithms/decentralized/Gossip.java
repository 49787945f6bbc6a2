package org.edgeai.plugins.algorithms.decentralized;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.FreeIds;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.net.ExchangeHandler;

/**
 * Randomized gossip (Boyd et al. 2006), ALGORITHMS.md "gossip-avg" and "gossip-sgd".
 *
 * <p>Wake-ups form one Poisson process of rate N (each node at rate 1; one exponential gap per wake-up from
 * stream {@code algorithm.gossip}, then a uniform node i and a uniform neighbour j of i from the same
 * stream). At a wake-up i and j send each other their current values [model] at once
 * ({@link org.edgeai.model.engine.net.Network#exchange(int, int, long, long, MessageKind, int, ExchangeHandler, int)});
 * when both messages have arrived both set their
 * value to the mean m of the two values sent. In {@code gossip-sgd} node i first takes one local SGD step
 * x_i ← x_i − η g_i(x_i) ({@code flopsPerGradient} FLOPs on its processor) and the exchange starts when the
 * step is done.
 *
 * <h2>Overlapping exchanges</h2>
 * An exchange takes time (with rate N and latency L about N·L wake-ups happen while one is in flight), and
 * Boyd et al.'s pairwise average is atomic. So a node is <em>busy</em> from the wake-up that involves it
 * (as i or as j) until that exchange has completed, and a wake-up whose i or chosen j is busy does nothing
 * (it still counts as one of the round's N wake-ups). The values sent are then still the nodes' values when
 * the exchange completes, both nodes set their value to the mean of the two values sent, and the sum of the
 * values is preserved exactly (up to the rounding of one float addition). Without this rule an averaging
 * that lands on a value changed meanwhile either loses the other exchange's effect (and the sum) or, applied
 * as a difference, over-corrects and diverges when a node is in several exchanges at once. With compression
 * the values sent are C(x_i) and C(x_j) and both nodes take their mean, as ALGORITHMS.md states (the sum then
 * moves by the compression error).
 *
 * <h2>Rounds</h2>
 * A metrics round is N wake-ups: round r holds wake-ups rN .. (r+1)N − 1, and it finishes when the last of
 * them has been applied (its last exchange has completed) and round r − 1 has finished; the metrics are those
 * of the values at that instant. The process stops after rounds · N wake-ups. A device that drops out of
 * round r neither wakes nor answers in it: a wake-up that picks it (as i or as j) does nothing.
 *
 * <h2>Cost</h2>
 * Per wake-up: three draws (made 64 wake-ups ahead, with their memory fetched together), no queue operation when
 * it is the next event anyway (it then runs inline, from the previous wake-up, if need be after the exchange
 * arrivals due before it, which then run inline too: decision 15), one exchange delivered as a unit
 * ({@link ExchangeHandler}: without a trace it is one event and no message record; exchanges are int slots recycled
 * through a FIFO free ring, the values sent are kept in one float array, 2d per slot), O(d) arithmetic at completion.
 */
final class Gossip extends DecentralizedAlgorithm implements ExchangeHandler {

    private static final int EV_WAKE = 0;
    // Exchange record, stride 4 ints: i, j, round, j's position among i's neighbours.
    private static final int X_I = 0;
    private static final int X_J = 1;
    private static final int X_ROUND = 2;
    private static final int X_K = 3;

    private final boolean sgd;
    private final float eta;
    private final SplittableRandom rng;
    private final double rate;
    private final int simId;
    private final long total;
    private final long bitsPerMessage;
    private final int[] open;
    private final float[] step;
    /** Nodes in an exchange (from its wake-up to its completion), one bit each (small enough to stay cached). */
    private final long[] busy;
    private final int rounds;

    private long woken;
    private int wakeRound;
    private int leftInRound;
    private int finished;
    private boolean started;

    // Wake-ups drawn ahead, in the stream's order (the stream serves nothing else, so the values are those the
    // wake-ups would draw one by one): per wake-up its node i, neighbour position k (-1 without neighbours) and the
    // gap to the next wake-up. Drawing a batch at once lets the CPU fetch the batch's graph records and values
    // from memory in parallel (see prefetch), which on a graph far larger than the caches is what a wake-up costs.
    private static final int BATCH = 64;
    private final int[] aheadI = new int[BATCH];
    private final int[] aheadK = new int[BATCH];
    private final double[] aheadGap = new double[BATCH];
    private int aheadPos;
    private int aheadLen;
    private long drawn; // wake-ups drawn so far (those in the batch included)
    private long sink;  // keeps the prefetching loads alive

    private int[] ex;
    private float[] vals;
    // Free slots, oldest-freed first: exchanges complete in about the order they started, so the slot records are
    // written and read in sequence (FreeIds).
    private final FreeIds free;

    Gossip(String id, SimulationContext ctx, boolean sgd, double learningRate) {
        super(id, ctx, ctx.graph().nodeCount());
        this.sgd = sgd && hasGradient;
        this.eta = (float) learningRate;
        this.rng = ctx.streams().stream("algorithm.gossip");
        this.rate = n;
        this.simId = sim.register(this);
        this.rounds = ctx.rounds();
        this.total = (long) rounds * n;
        this.bitsPerMessage = bits(d);
        this.open = new int[rounds + 1];
        this.step = new float[d];
        this.busy = new long[(n + 63) >>> 6];
        this.leftInRound = n;
        int cap = 256;
        ex = new int[4 * cap];
        vals = new float[2 * d * cap];
        free = new FreeIds(cap);
    }

    @Override
    public void onRoundStart(int round) {
        if (!started) {
            started = true;
            sim.scheduleAt(sim.now() + Draws.exponential(rng, rate), simId, EV_WAKE, 0, 0);
        }
    }

    /**
     * Draws the next wake-ups (at most {@link #BATCH}) exactly as they would be drawn one at a time: for wake-up w,
     * the gap to wake-up w + 1 (none after the last), its node, then its neighbour position. Then touches each one's
     * direction record (all an exchange reads of the graph) and both values, independent loads the CPU overlaps.
     */
    private void drawAhead() {
        int len = (int) Math.min(BATCH, total - drawn);
        for (int t = 0; t < len; t++) {
            long w = drawn + t;
            aheadGap[t] = w + 1 < total ? Draws.exponential(rng, rate) : Double.NaN;
            int i = Draws.uniformInt(rng, n);
            int deg = net.degree(i);
            aheadI[t] = i;
            aheadK[t] = deg > 0 ? Draws.uniformInt(rng, deg) : -1;
        }
        drawn += len;
        aheadLen = len;
        aheadPos = 0;
        long s = 0;
        float[] xs = x;
        int dd = d;
        for (int t = 0; t < len; t++) {
            int k = aheadK[t];
            if (k < 0) {
                continue;
            }
            int i = aheadI[t];
            int dir = net.firstDirection(i) + k;
            int j = net.directionTarget(dir);
            s += Float.floatToRawIntBits(xs[i * dd]) + Float.floatToRawIntBits(xs[j * dd]);
        }
        sink += s;
    }

    @Override
    public void onEvent(int code, int a, int b) {
        if (code != EV_WAKE) {
            return;
        }
        while (wakeUp()) {
            // the next wake-up was due before anything else pending: it runs here, without a queue round trip
        }
    }

    /**
     * One wake-up, then its successor is scheduled or, when it would be the very next event anyway, run inline
     * ({@link org.edgeai.model.engine.core.Simulator#runInline}): the order of events is the same either way. The
     * successor is decided on after this wake-up's own sends, so that an exchange arriving before it still runs
     * first. At the end of a round's wake-ups it is always scheduled, before the round can finish.
     *
     * @return true when the next wake-up is to run now
     */
    private boolean wakeUp() {
        int r = wakeRound;
        if (aheadPos == aheadLen) {
            drawAhead();
        }
        int t = aheadPos++;
        boolean last = ++woken >= total;
        int i = aheadI[t];
        int k = aheadK[t];
        if (k >= 0) {
            int j = net.directionTarget(net.firstDirection(i) + k);
            long[] bz = busy;
            if ((bz[i >>> 6] & (1L << i)) == 0 && (bz[j >>> 6] & (1L << j)) == 0
                    && !faults.isDropped(r, i) && !faults.isDropped(r, j)) {
                bz[i >>> 6] |= 1L << i;
                bz[j >>> 6] |= 1L << j;
                int s = alloc();
                int e = s << 2;
                ex[e + X_I] = i;
                ex[e + X_J] = j;
                ex[e + X_ROUND] = r;
                ex[e + X_K] = k;
                open[r]++;
                if (sgd && gradientFlops[i] > 0) {
                    cpu.compute(i, gradientFlops[i], r, this, s);
                } else {
                    exchange(s);
                }
            }
        }
        double next = last ? Double.NaN : sim.now() + aheadGap[t];
        if (--leftInRound == 0) {
            leftInRound = n;
            wakeRound++;
            if (!last) {
                sim.scheduleAt(next, simId, EV_WAKE, 0, 0);
            }
            tryFinish();
            return false;
        }
        if (last) {
            return false;
        }
        if (sim.runInline(next)) {
            return true;
        }
        // Something is due first, most often an exchange's arrival: the next wake-up takes its place in the order
        // now, the arrivals before it run here, then the wake-up, unless a round has finished meanwhile (the engine
        // must see that between two events) or something else is next.
        sim.hold(next);
        int f = finished;
        while (finished == f) {
            if (sim.runHeld()) {
                return true;
            }
            if (!net.deliverNextExchangeInline()) {
                break;
            }
        }
        sim.queueHeld(simId, EV_WAKE, 0, 0);
        return false;
    }

    @Override
    public void onComputeDone(int node, int s) {
        // gossip-sgd: the local step at x_i as it is now, then the exchange.
        int o = node * d;
        learning.gradient(node, x, o, step, 0);
        float e = eta;
        for (int k = 0; k < d; k++) {
            x[o + k] -= e * step[k];
        }
        exchange(s);
    }

    /**
     * Captures the two values sent (compressed, or as they are) and puts both messages on the link. Reading x
     * here, not at completion, also means that the completion only writes x (no second cache miss).
     */
    private void exchange(int s) {
        int e = s << 2;
        int i = ex[e + X_I];
        int j = ex[e + X_J];
        int dd = d;
        int v = s * 2 * dd;
        if (!identity) {
            compress(i, x, i * dd, vals, v, dd);
            compress(j, x, j * dd, vals, v + dd, dd);
        } else if (dd == 1) {
            vals[v] = x[i];
            vals[v + 1] = x[j];
        } else {
            System.arraycopy(x, i * dd, vals, v, dd);
            System.arraycopy(x, j * dd, vals, v + dd, dd);
        }
        net.exchange(i, ex[e + X_K], bitsPerMessage, bitsPerMessage, MessageKind.MODEL, ex[e + X_ROUND],
                (ExchangeHandler) this, s);
    }

    /** Gossip sends only exchanges, which arrive through {@link #onExchanged}. */
    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        throw new IllegalStateException("gossip: unexpected single message from node " + src + " to " + dst);
    }

    /** Both values have crossed: i and j take their mean and are free again. */
    @Override
    public void onExchanged(int s) {
        int e = s << 2;
        int i = ex[e + X_I];
        int j = ex[e + X_J];
        int io = i * d;
        int jo = j * d;
        float[] xs = x;
        float[] vs = vals;
        int v = s * 2 * d;
        // Both were busy since the wake-up: without compression their values are still the values sent.
        for (int k = 0, dd = d; k < dd; k++) {
            float m = (vs[v + k] + vs[v + dd + k]) * 0.5f;
            xs[io + k] = m;
            xs[jo + k] = m;
        }
        busy[i >>> 6] &= ~(1L << i);
        busy[j >>> 6] &= ~(1L << j);
        int r = ex[e + X_ROUND];
        free.give(s);
        if (--open[r] == 0 && r == finished) {
            tryFinish();
        }
    }

    /** Finishes, in order, every round whose wake-ups are all done and whose exchanges have all completed. */
    private void tryFinish() {
        while (finished < rounds && finished < wakeRound && open[finished] == 0) {
            finishRound(finished++);
        }
    }

    private int alloc() {
        if (free.isEmpty()) {
            int cap = free.grow();
            ex = Arrays.copyOf(ex, 4 * cap);
            vals = Arrays.copyOf(vals, 2 * d * cap);
        }
        return free.take();
    }
}

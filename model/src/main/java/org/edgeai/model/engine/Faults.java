package org.edgeai.model.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.SeedStreams;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.NodeKind;

/**
 * Heterogeneity and faults, all derived from the experiment seed.
 *
 * <ul>
 *   <li><b>Speed factors</b>: one per node (every kind), drawn once, in node order, from stream
 *       {@code engine.compute-speed}: {@code exp(computeSpread * Z)}, Z standard normal (Box–Muller with
 *       {@link StrictMath}), so the median is 1; exactly 1 when the spread is 0.</li>
 *   <li><b>Stragglers and dropouts</b>: per (round, device), independent; device i straggles in round r when
 *       {@code SeedStreams.uniform(seed("engine.straggler"), r, i) < stragglerProbability}, and drops out
 *       when {@code uniform(seed("engine.dropout"), r, i) < dropoutProbability}. These are counter-based
 *       draws: a pure function of (seed, round, node), so the answer never depends on who asks first or how
 *       often. Servers and clouds never straggle nor drop out.</li>
 *   <li><b>Deadline</b>: an optional per-round deadline ({@link #roundDeadlineS()}), used by synchronous
 *       algorithms to close a round without late devices.</li>
 * </ul>
 * Immutable after construction; queries are O(1) except {@link #activeDevices(int)} (O(n)).
 */
public final class Faults {

    private final NodeKind[] kinds;
    private final double[] speed;
    private final long stragglerSeed;
    private final long dropoutSeed;
    private final double pStraggle;
    private final double slowdown;
    private final double pDrop;
    private final Double deadline;
    private final int[] devices;

    public Faults(IndexedGraph graph, NetworkEffects effects, SeedStreams streams) {
        int n = graph.nodeCount();
        kinds = new NodeKind[n];
        int dev = 0;
        for (int i = 0; i < n; i++) {
            kinds[i] = graph.kind(i);
            if (kinds[i] == NodeKind.DEVICE) {
                dev++;
            }
        }
        devices = new int[dev];
        for (int i = 0, k = 0; i < n; i++) {
            if (kinds[i] == NodeKind.DEVICE) {
                devices[k++] = i;
            }
        }
        speed = new double[n];
        SplittableRandom r = streams.stream("engine.compute-speed");
        for (int i = 0; i < n; i++) {
            speed[i] = Draws.lognormalMedianOne(r, effects.computeSpread());
        }
        stragglerSeed = streams.seed("engine.straggler");
        dropoutSeed = streams.seed("engine.dropout");
        pStraggle = effects.stragglerProbability();
        slowdown = effects.stragglerSlowdown();
        pDrop = effects.dropoutProbability();
        deadline = effects.roundDeadlineS();
    }

    /** Node i's compute speed factor (&gt; 0, median 1): its effective speed is computeGflops · factor. */
    public double speedFactor(int node) {
        return speed[node];
    }

    /** A copy of all speed factors, in node order. */
    public double[] speedFactors() {
        return speed.clone();
    }

    /** True when device {@code node} drops out of round {@code round}; never for servers and clouds. */
    public boolean isDropped(int round, int node) {
        return pDrop > 0 && kinds[node] == NodeKind.DEVICE && SeedStreams.uniform(dropoutSeed, round, node) < pDrop;
    }

    /** True unless {@code node} is a device that drops out of {@code round}. */
    public boolean isActive(int round, int node) {
        return !isDropped(round, node);
    }

    /** True when device {@code node} straggles in round {@code round} (independent of dropout). */
    public boolean isStraggler(int round, int node) {
        return pStraggle > 0 && kinds[node] == NodeKind.DEVICE && SeedStreams.uniform(stragglerSeed, round, node) < pStraggle;
    }

    /** The factor multiplying {@code node}'s compute time in {@code round}: the slowdown, or 1. */
    public double computeSlowdown(int round, int node) {
        return isStraggler(round, node) ? slowdown : 1.0;
    }

    /** The devices that take part in {@code round}, ascending. O(number of devices). */
    public int[] activeDevices(int round) {
        if (pDrop == 0) {
            return devices.clone();
        }
        int[] out = new int[devices.length];
        int k = 0;
        for (int d : devices) {
            if (SeedStreams.uniform(dropoutSeed, round, d) >= pDrop) {
                out[k++] = d;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** All device nodes, ascending. */
    public int[] devices() {
        return devices.clone();
    }

    public boolean hasRoundDeadline() {
        return deadline != null;
    }

    /** The per-round deadline in seconds after a round's start, or +Infinity when there is none. */
    public double roundDeadlineS() {
        return deadline == null ? Double.POSITIVE_INFINITY : deadline;
    }
}

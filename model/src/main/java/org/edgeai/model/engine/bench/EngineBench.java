package org.edgeai.model.engine.bench;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.MessageHandler;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.engine.trace.TraceSink;
import org.edgeai.model.engine.trace.TraceSinks;
import org.edgeai.model.topology.IndexedGraph;

/**
 * Throughput benchmarks of the engine, for the app's {@code bench} command. Each method warms up, repeats its
 * measurement and reports the median.
 *
 * <p>The model never reads the wall clock (DESIGN.md, determinism rule), so the caller passes the clock:
 * {@code EngineBench.gossip(System::nanoTime, ...)}. {@link #all(LongSupplier)} runs the three standard
 * measurements with the sizes of the performance targets.
 *
 * <ol>
 *   <li>{@link #rawEvents}: schedule + run of events on the bare {@link Simulator}, with a steady number of
 *       pending events (each event schedules one successor at a pseudo-random delay).</li>
 *   <li>{@link #gossip}: randomized gossip on a random 4-regular graph of 10^6 nodes built by a seeded pairing
 *       (configuration model with edge switches to remove loops and double edges). Wake-ups form a Poisson
 *       process of rate N (one exponential draw per wake-up, {@link Draws#exponential}); at a wake-up node i
 *       picks a uniform neighbour j, both send their value (32 bits, one hop each, on links of 20 Mbit/s and
 *       10 ms), and when both messages have arrived both take the mean of the two values sent.
 *       {@code --trace none}. Target: 3·10^6 wake-ups per second.</li>
 *   <li>{@link #neighbourRounds}: a random graph of 1,000 nodes and 5,000 links; each round every node sends
 *       650·32 bits to every neighbour (10^4 messages) and the round ends when all have arrived. Reports rounds
 *       per second of the network part, with no trace and with the CSV trace written to a discarding stream.
 *       Target: well under 2 ms per round.</li>
 * </ol>
 */
public final class EngineBench {

    private EngineBench() {
    }

    /**
     * A measured figure.
     *
     * @param name    what was measured
     * @param median  median over the repetitions
     * @param unit    unit of the figure
     * @param samples every repetition's figure, in run order
     */
    public record Result(String name, double median, String unit, double[] samples) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: median %.4g %s (samples %s)", name, median, unit,
                    Arrays.toString(Arrays.stream(samples).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
        }
    }

    /** Runs the three standard benchmarks at their target sizes. Takes about a minute and ~1.5 GB of heap. */
    public static List<Result> all(LongSupplier nanoClock) {
        List<Result> out = new ArrayList<>();
        out.add(rawEvents(nanoClock, 10_000_000, 20_000, true, 5));
        out.add(rawEvents(nanoClock, 10_000_000, 20_000, false, 5));
        out.add(gossip(nanoClock, 1_000_000, 3_000_000, 5));
        out.addAll(neighbourRounds(nanoClock, 1000, 5000, 200, 5));
        return out;
    }

    // ================================================================ (1) raw events

    /**
     * Events per second of schedule + run on the bare simulator: {@code pending} events are kept pending, and
     * every event run schedules one successor (a "hold" model).
     *
     * @param events        events run per repetition (e.g. 10^7)
     * @param pending       steady number of pending events
     * @param randomDelays  successors at {@code now + U[0, 1)} (every event lands at a random place: heap-bound,
     *                      the worst case) or at {@code now + 1} (times in scheduling order: the FIFO lane, the
     *                      common case of fixed latencies)
     * @param reps          measured repetitions (one more runs first as warm-up)
     */
    public static Result rawEvents(LongSupplier nanoClock, int events, int pending, boolean randomDelays, int reps) {
        double[] samples = new double[reps];
        for (int r = -1; r < reps; r++) {
            Simulator sim = new Simulator();
            HoldModel h = new HoldModel(sim, randomDelays, r + 17L);
            for (int i = 0; i < pending; i++) {
                sim.schedule(randomDelays ? h.delay() : i / (double) pending, h, 0, 0, 0);
            }
            long t0 = nanoClock.getAsLong();
            long ran = sim.run(events);
            long t1 = nanoClock.getAsLong();
            if (r >= 0) {
                samples[r] = ran / ((t1 - t0) / 1e9);
            }
        }
        return new Result("raw events (schedule+run, " + pending + " pending, "
                + (randomDelays ? "random delays: heap" : "constant delay: FIFO lane") + ")", median(samples), "events/s", samples);
    }

    private static final class HoldModel implements EventHandler {
        private final Simulator sim;
        private final boolean random;
        private long state;

        HoldModel(Simulator sim, boolean random, long seed) {
            this.sim = sim;
            this.random = random;
            this.state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        double delay() {
            if (!random) {
                return 1.0;
            }
            // xorshift64*: cheap pseudo-random delays in [0, 1)
            long x = state;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            state = x;
            return ((x * 0x2545F4914F6CDD1DL) >>> 11) * 0x1.0p-53;
        }

        @Override
        public void onEvent(int code, int a, int b) {
            sim.schedule(delay(), this, code, a + 1, b);
        }
    }

    // ================================================================ (2) gossip

    /**
     * Gossip wake-ups per second on a random 4-regular graph.
     *
     * @param nodes   number of nodes (even), e.g. 10^6
     * @param wakeups wake-ups measured per repetition
     * @param reps    measured repetitions (after one warm-up)
     */
    public static Result gossip(LongSupplier nanoClock, int nodes, int wakeups, int reps) {
        int[][] edges = randomRegular(nodes, 4, 42);
        IndexedGraph g = IndexedGraph.ofEdges(nodes, edges[0], edges[1]);
        double[] bw = new double[edges[0].length];
        double[] lat = new double[edges[0].length];
        Arrays.fill(bw, 20);
        Arrays.fill(lat, 10);
        double[] samples = new double[reps];
        for (int r = -1; r < reps; r++) {
            Simulator sim = new Simulator();
            Network net = Network.builder(sim, g, bw, lat).trace(TraceSinks.none()).build();
            Gossip gossip = new Gossip(sim, net, wakeups, 1000L + r);
            gossip.begin();
            long t0 = nanoClock.getAsLong();
            sim.run();
            long t1 = nanoClock.getAsLong();
            if (gossip.completed != wakeups) {
                throw new IllegalStateException("gossip bench: " + gossip.completed + " of " + wakeups + " exchanges completed");
            }
            if (r >= 0) {
                samples[r] = wakeups / ((t1 - t0) / 1e9);
            }
        }
        return new Result("gossip on random 4-regular, n=" + nodes + " (trace none)", median(samples), "wake-ups/s", samples);
    }

    /** The bench's gossip-avg: the minimum an algorithm does per wake-up. */
    static final class Gossip implements EventHandler, MessageHandler {
        private final Simulator sim;
        private final Network net;
        private final SplittableRandom rng;
        private final int n;
        private final double rate;
        private final int target;
        final double[] x;
        private int woken;
        int completed;
        // One 32-byte record per exchange in flight: i | j << 32, the sum of the two values sent (double
        // bits), messages still to arrive; recycled through a free list.
        private long[] ex = new long[4 * 1024];
        private int[] exFree = new int[1024];
        private int exTop;

        Gossip(Simulator sim, Network net, int wakeups, long seed) {
            this.sim = sim;
            this.net = net;
            this.n = net.nodeCount();
            this.rate = n; // each node wakes at rate 1
            this.target = wakeups;
            this.rng = new SplittableRandom(seed);
            this.x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble();
            }
            for (int i = 0; i < exFree.length; i++) {
                exFree[i] = exFree.length - 1 - i;
            }
            exTop = exFree.length;
        }

        void begin() {
            sim.schedule(Draws.exponential(rng, rate), this, 0, 0, 0);
        }

        @Override
        public void onEvent(int code, int a, int b) {
            if (++woken < target) {
                sim.schedule(Draws.exponential(rng, rate), this, 0, 0, 0);
            }
            int i = Draws.uniformInt(rng, n);
            int k = Draws.uniformInt(rng, net.degree(i));
            if (exTop == 0) {
                growExchanges();
            }
            int w = exFree[--exTop];
            int j = net.exchange(i, k, 32, 32, MessageKind.MODEL, 0, this, w, w);
            int r = w << 2;
            ex[r] = (i & 0xFFFFFFFFL) | ((long) j << 32);
            ex[r + 1] = Double.doubleToRawLongBits(x[i] + x[j]); // the two values sent, read at this instant
            ex[r + 2] = 2;
        }

        @Override
        public void onMessage(int msg, int src, int dst, long tag) {
            int r = (int) tag << 2;
            if (--ex[r + 2] == 0) {
                double mean = 0.5 * Double.longBitsToDouble(ex[r + 1]);
                long ij = ex[r];
                x[(int) ij] = mean;
                x[(int) (ij >>> 32)] = mean;
                exFree[exTop++] = (int) tag;
                completed++;
            }
        }

        private void growExchanges() {
            int old = exFree.length;
            int cap = old * 2;
            ex = Arrays.copyOf(ex, 4 * cap);
            exFree = Arrays.copyOf(exFree, cap);
            for (int k = cap - 1; k >= old; k--) {
                exFree[exTop++] = k;
            }
        }
    }

    // ================================================================ (3) neighbour rounds

    /**
     * Rounds per second of the network part of a D-PSGD-like round: every node sends {@code 650 * 32} bits to
     * every neighbour, and the round ends when the last message has arrived. Two results: without trace, and
     * with the CSV trace (formatting and SHA-256 included) written to a stream that discards the bytes.
     *
     * @param nodes  e.g. 1,000
     * @param links  e.g. 5,000 (so a round has 2 · links messages)
     * @param rounds rounds per repetition
     */
    public static List<Result> neighbourRounds(LongSupplier nanoClock, int nodes, int links, int rounds, int reps) {
        int[][] edges = randomGraph(nodes, links, 7);
        IndexedGraph g = IndexedGraph.ofEdges(nodes, edges[0], edges[1]);
        double[] bw = new double[links];
        double[] lat = new double[links];
        Arrays.fill(bw, 20);
        Arrays.fill(lat, 10);
        List<Result> out = new ArrayList<>();
        for (boolean traced : new boolean[] {false, true}) {
            double[] samples = new double[reps];
            for (int r = -1; r < reps; r++) {
                Simulator sim = new Simulator();
                TraceSink sink = traced ? new MessageTraceCsv(OutputStream.nullOutputStream(), g.ids(), true, true) : TraceSinks.none();
                Network net = Network.builder(sim, g, bw, lat).trace(sink).build();
                Rounds rr = new Rounds(sim, net, rounds, 650 * 32);
                rr.begin();
                long t0 = nanoClock.getAsLong();
                sim.run();
                long t1 = nanoClock.getAsLong();
                sink.close();
                if (rr.round != rounds) {
                    throw new IllegalStateException("neighbour-round bench: " + rr.round + " of " + rounds + " rounds completed");
                }
                if (r >= 0) {
                    samples[r] = rounds / ((t1 - t0) / 1e9);
                }
            }
            out.add(new Result("neighbour rounds, n=" + nodes + ", m=" + links + ", " + (2 * links) + " msgs/round, "
                    + (traced ? "messages.csv (background writer) to a null stream" : "trace none"), median(samples), "rounds/s", samples));
        }
        return out;
    }

    private static final class Rounds implements EventHandler, MessageHandler {
        private final Simulator sim;
        private final Network net;
        private final int rounds;
        private final long bits;
        private final int perRound;
        int round;
        private int arrived;

        Rounds(Simulator sim, Network net, int rounds, long bits) {
            this.sim = sim;
            this.net = net;
            this.rounds = rounds;
            this.bits = bits;
            this.perRound = net.directionCount();
        }

        void begin() {
            sim.schedule(0, this, 0, 0, 0);
        }

        @Override
        public void onEvent(int code, int a, int b) {
            arrived = 0;
            for (int d = 0, end = net.directionCount(); d < end; d++) {
                net.sendVia(d, bits, MessageKind.MODEL, round, this, 0);
            }
        }

        @Override
        public void onMessage(int msg, int src, int dst, long tag) {
            if (++arrived == perRound) {
                round++;
                if (round < rounds) {
                    sim.schedule(0, this, 0, 0, 0);
                }
            }
        }
    }

    // ================================================================ graphs

    /**
     * A random d-regular simple graph on n nodes: a seeded random pairing of the n·d stubs, then random edge
     * switches ((a,b),(c,e) → (a,c),(b,e)) until no loop or double edge is left. Deterministic in the seed.
     *
     * @return {edgeU, edgeV}
     */
    public static int[][] randomRegular(int n, int d, long seed) {
        if ((long) n * d % 2 != 0 || d >= n) {
            throw new IllegalArgumentException("randomRegular: n * d must be even and d < n, got n=" + n + ", d=" + d);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int stubs = n * d;
        int[] s = new int[stubs];
        for (int i = 0; i < stubs; i++) {
            s[i] = i / d;
        }
        for (int i = stubs - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = s[i];
            s[i] = s[k];
            s[k] = t;
        }
        int m = stubs / 2;
        int[] u = new int[m];
        int[] v = new int[m];
        for (int e = 0; e < m; e++) {
            u[e] = s[2 * e];
            v[e] = s[2 * e + 1];
        }
        for (int pass = 0; pass < 1000; pass++) {
            int[] bad = badEdges(n, u, v);
            if (bad.length == 0) {
                return new int[][] {u, v};
            }
            for (int e : bad) {
                int f = rng.nextInt(m);
                int t = v[e];
                v[e] = u[f];
                u[f] = t;
            }
        }
        throw new IllegalStateException("randomRegular: could not remove loops and double edges");
    }

    /** Edges that are loops or repeat an earlier edge (after sorting by endpoints). */
    private static int[] badEdges(int n, int[] u, int[] v) {
        int m = u.length;
        long[] keys = new long[m];
        for (int e = 0; e < m; e++) {
            int a = Math.min(u[e], v[e]);
            int b = Math.max(u[e], v[e]);
            keys[e] = ((long) a * n + b) * m + e; // fits: n^2 * m < 2^63 for n <= 2^20
        }
        Arrays.sort(keys);
        int[] bad = new int[m];
        int k = 0;
        long prevPair = -1;
        for (long key : keys) {
            long pair = key / m;
            int e = (int) (key % m);
            if (u[e] == v[e] || pair == prevPair) {
                bad[k++] = e;
            }
            prevPair = pair;
        }
        return Arrays.copyOf(bad, k);
    }

    /** A uniformly random simple graph with n nodes and m edges (G(n, M)), seeded. @return {edgeU, edgeV} */
    public static int[][] randomGraph(int n, int m, long seed) {
        if ((long) n * (n - 1) / 2 < m) {
            throw new IllegalArgumentException("randomGraph: at most n(n-1)/2 edges, got n=" + n + ", m=" + m);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        java.util.TreeSet<Long> seen = new java.util.TreeSet<>();
        int[] u = new int[m];
        int[] v = new int[m];
        int e = 0;
        while (e < m) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            if (a == b) {
                continue;
            }
            long key = (long) Math.min(a, b) * n + Math.max(a, b);
            if (seen.add(key)) {
                u[e] = a;
                v[e++] = b;
            }
        }
        return new int[][] {u, v};
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int k = s.length;
        return k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
    }
}

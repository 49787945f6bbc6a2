package org.edgeai.plugins.algorithms.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.Engine;
import org.edgeai.model.learning.ConsensusWorkload;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.TopologyBuilder;
import org.edgeai.plugins.algorithms.decentralized.DsgdProvider;
import org.edgeai.plugins.algorithms.decentralized.GossipAvgProvider;
import org.edgeai.plugins.algorithms.decentralized.PhaseTimes;
import org.edgeai.plugins.generators.Generators;

/**
 * Throughput of the decentralized algorithms through the real {@link org.edgeai.model.engine.Algorithm} API
 * (engine, network timing, learning state, metrics every round), for the app's {@code bench} command. The
 * caller passes the clock ({@code DecentralizedBench.all(System::nanoTime)}): plugin code never reads the wall
 * clock on its own. Each figure is the median over repetitions after a warm-up; the engine thread's CPU time
 * is reported beside the wall time because the machines are shared.
 *
 * <ol>
 *   <li>{@link #dsgd}: D-PSGD on Erdős–Rényi(1000, p = 0.01, connected), digits / softmax (d = 650), iid,
 *       batch 32, metropolis, no compression, trace none. Target: 80 rounds/s. The result's details give the
 *       time per round of each phase ({@link PhaseTimes}): batched gradients, snapshot of the models sent,
 *       handing 2m messages and N compute jobs to the engine, the engine's events (message and compute
 *       deliveries), the mixing pass and the metrics.</li>
 *   <li>{@link #gossip}: gossip-avg on a random 4-regular graph of 10^6 nodes (generator
 *       {@code random-regular}), consensus of dimension 1, trace none. Target: 3 rounds/s (3·10^6 wake-ups/s).
 *       Building the topology and the engine is not part of the measured loop; its time is in the details.</li>
 * </ol>
 */
public final class DecentralizedBench {

    private DecentralizedBench() {
    }

    /**
     * A measured figure.
     *
     * @param name    what was measured
     * @param median  median over the repetitions
     * @param unit    unit of the figure
     * @param samples every repetition's figure, in run order
     * @param details breakdown and context (phase times, CPU time, set-up times)
     */
    public record Result(String name, double median, String unit, double[] samples, String details) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: median %.4g %s (samples %s)%n    %s", name, median, unit,
                    Arrays.toString(Arrays.stream(samples).map(v -> Math.round(v * 100) / 100.0).toArray()), details);
        }
    }

    /** Both standard measurements at their target sizes (about a minute; the gossip graph needs ~3 GB of heap). */
    public static List<Result> all(LongSupplier nanoClock) {
        List<Result> out = new ArrayList<>();
        out.add(dsgd(nanoClock, 1000, 0.01, 200, 5, Runtime.getRuntime().availableProcessors()));
        out.add(gossip(nanoClock, 1_000_000, 4, 3, 5));
        return out;
    }

    // ================================================================ (a) dsgd

    /**
     * D-PSGD rounds per second on Erdős–Rényi(nodes, p, connected), digits / softmax, batch 32.
     *
     * @param rounds      rounds timed per repetition
     * @param reps        repetitions (after one warm-up repetition)
     * @param parallelism threads of the batched gradients and of the mixing pass
     */
    public static Result dsgd(LongSupplier nanoClock, int nodes, double p, int rounds, int reps, int parallelism) {
        return dsgd(nanoClock, nanoClock, nodes, p, rounds, reps, parallelism);
    }

    /**
     * As {@link #dsgd(LongSupplier, int, double, int, int, int)}, timing the phases with {@code phaseClock}
     * (e.g. the engine thread's CPU time, {@code ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime},
     * which a loaded machine disturbs less; parallel phases then count the engine thread's share only).
     */
    public static Result dsgd(LongSupplier nanoClock, LongSupplier phaseClock, int nodes, double p, int rounds, int reps,
                              int parallelism) {
        Topology t = generate("erdos-renyi", Map.of("nodes", nodes, "p", p, "connected", true), 1);
        Workload w = Workloads.create(Map.of("task", "classification", "batchSize", 32), nodes, 1, null);
        AlgorithmProvider dsgd = new DsgdProvider();
        Parameters params = dsgd.validate(Map.of("mixing", "metropolis"));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] samples = new double[reps];
        double[] cpuMs = new double[reps];
        double[] procMs = new double[reps];
        long[][] phases = new long[reps][];
        double[] eventsMs = new double[reps];
        for (int r = -1; r < reps; r++) {
            LearningState ls = w.newState(parallelism);
            PhaseTimes prof = new PhaseTimes(phaseClock);
            int warm = r < 0 ? 100 : 10;
            Engine e = Engine.builder(t, 1).rounds(warm + rounds)
                    .extension(RunSetup.class, setup(ls))
                    .extension(PhaseTimes.class, prof).build();
            e.start(dsgd, params);
            for (int k = 0; k < warm; k++) {
                e.runRound();
            }
            prof.reset();
            long p0 = processCpuNanos();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = nanoClock.getAsLong();
            for (int k = 0; k < rounds; k++) {
                e.runRound();
            }
            long t1 = nanoClock.getAsLong();
            long c1 = mx.getCurrentThreadCpuTime();
            long p1 = processCpuNanos();
            if (!e.isComplete()) {
                throw new IllegalStateException("dsgd bench: the run did not complete");
            }
            if (r >= 0) {
                samples[r] = rounds / ((t1 - t0) / 1e9);
                cpuMs[r] = (c1 - c0) / 1e6 / rounds;
                procMs[r] = (p1 - p0) / 1e6 / rounds;
                phases[r] = new long[PhaseTimes.Phase.values().length];
                for (PhaseTimes.Phase ph : PhaseTimes.Phase.values()) {
                    phases[r][ph.ordinal()] = prof.nanos(ph);
                }
                long whole = phaseClock == nanoClock ? t1 - t0 : c1 - c0;
                eventsMs[r] = (whole - prof.totalNanos()) / 1e6 / rounds;
            }
            e.close();
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "per round (median ms): process CPU %.2f (all threads: %.0f rounds/s if %d cores were free), engine-thread"
                        + " CPU %.2f; phases (%s): ", median(procMs), 1000.0 * parallelism / median(procMs), parallelism,
                median(cpuMs), phaseClock == nanoClock ? "wall" : "phase clock"));
        for (PhaseTimes.Phase ph : PhaseTimes.Phase.values()) {
            double[] v = new double[reps];
            for (int r = 0; r < reps; r++) {
                v[r] = phases[r][ph.ordinal()] / 1e6 / rounds;
            }
            sb.append(String.format(Locale.ROOT, "%s %.2f, ", ph.name().toLowerCase(Locale.ROOT), median(v)));
        }
        sb.append(String.format(Locale.ROOT, "engine events %.2f; links %d, parallelism %d",
                median(eventsMs), t.linkCount(), parallelism));
        return new Result("dsgd on erdos-renyi(" + nodes + ", p=" + p + ", connected), digits/softmax, batch 32, metropolis,"
                + " trace none", median(samples), "rounds/s", samples, sb.toString());
    }

    // ================================================================ (b) gossip

    /**
     * gossip-avg rounds per second (one round = N wake-ups) on a random regular graph, consensus of dimension 1.
     *
     * @param rounds rounds timed per repetition (each sample is one repetition's rounds per second)
     * @param reps   repetitions (after one warm-up repetition of one round)
     */
    public static Result gossip(LongSupplier nanoClock, int nodes, int degree, int rounds, int reps) {
        long g0 = nanoClock.getAsLong();
        GeneratedGraph g = generator("random-regular").generate(Parameters.of(Map.of("nodes", nodes, "degree", degree)), 1);
        long g1 = nanoClock.getAsLong();
        Topology t = TopologyBuilder.build(g, TopologyDefaults.standard(), 1);
        long g2 = nanoClock.getAsLong();
        Workload w = new ConsensusWorkload(nodes, 1, 1);
        AlgorithmProvider gossip = new GossipAvgProvider();
        Parameters params = gossip.validate(Map.of());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] samples = new double[reps];
        double[] cpu = new double[reps];
        double[] build = new double[reps + 1];
        double ce = Double.NaN;
        for (int r = -1; r < reps; r++) {
            int timed = r < 0 ? 1 : rounds;
            long b0 = nanoClock.getAsLong();
            LearningState ls = w.newState(1);
            Engine e = Engine.builder(t, 1 + r).rounds(timed).extension(RunSetup.class, setup(ls)).build();
            e.start(gossip, params);
            long b1 = nanoClock.getAsLong();
            build[r + 1] = (b1 - b0) / 1e9;
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = nanoClock.getAsLong();
            Engine.Status s = e.run();
            long t1 = nanoClock.getAsLong();
            long c1 = mx.getCurrentThreadCpuTime();
            if (s != Engine.Status.ALL_ROUNDS_DONE) {
                throw new IllegalStateException("gossip bench: run ended with " + s);
            }
            if (r >= 0) {
                samples[r] = timed / ((t1 - t0) / 1e9);
                cpu[r] = timed / ((c1 - c0) / 1e9);
                ce = e.history().get(timed - 1).values().get(RunSetup.CONSENSUS_ERROR);
            }
            e.close();
        }
        String details = String.format(Locale.ROOT, "engine-thread CPU: median %.3g rounds/s (%.3g wake-ups/s); set-up,"
                        + " not timed: generate %.1f s, TopologyBuilder.build %.1f s, engine + state %.1f s (median);"
                        + " last consensus error %.3g",
                median(cpu), median(cpu) * nodes, (g1 - g0) / 1e9, (g2 - g1) / 1e9, median(build), ce);
        return new Result("gossip-avg on random-regular(" + nodes + ", degree " + degree + "), consensus d=1, trace none",
                median(samples), "rounds/s", samples, details);
    }

    // ================================================================ helpers

    /** CPU time of the whole process (all threads, JIT and GC included), nanoseconds; 0 where unsupported. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static GeneratorProvider generator(String id) {
        return Generators.registry(DecentralizedBench.class.getClassLoader()).get(id);
    }

    private static Topology generate(String id, Map<String, Object> params, long seed) {
        return TopologyBuilder.build(generator(id).generate(Parameters.of(params), seed), TopologyDefaults.standard(), seed);
    }

    /** Every node a peer: row i = node i, no compression. */
    private static RunSetup setup(LearningState ls) {
        int[] ids = new int[ls.nodes()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new RunSetup(ls, ids, ids.clone(), Compressors.none(), false);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int k = s.length;
        return k == 0 ? Double.NaN : k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
    }
}

package org.edgeai.plugins.generators.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.TopologyBuilder;
import org.edgeai.plugins.generators.ErdosRenyiGenerator;
import org.edgeai.plugins.generators.RandomGeometricGenerator;
import org.edgeai.plugins.generators.RandomRegularGenerator;

/**
 * Benchmark of the large generator cases (not a unit test; wall-clock timing is confined to this package).
 * Each case is run {@code warmup} times unmeasured, then {@code reps} times; the figures are medians.
 *
 * <ul>
 * <li>erdos-renyi(100,000 nodes, mean degree 12, connected = true) generated and built into a {@link Topology}
 * (target: under 10 s). Mean degree 12 rather than 10: connected=true needs p above ln(n)/n, i.e. a mean
 * degree above ln(100,000) = 11.5; at mean degree 10 only about 1% of draws are connected (n e^-10 = 4.5
 * isolated nodes are expected), so most seeds exhaust the 100 tries. {@link #erdosRenyi} takes any mean degree.</li>
 * <li>random-geometric(100,000 nodes, radius for mean degree 10, i.e. sqrt(10 / (pi n))) generated and built
 * (target: under 10 s).</li>
 * <li>random-regular(1,000,000 nodes, degree 4) generated (target: a few seconds), and built.</li>
 * </ul>
 *
 * Run: {@code java -cp <plugins+model classpath> org.edgeai.plugins.generators.bench.GeneratorBench [warmup reps]}.
 */
public final class GeneratorBench {

    /**
     * One measured case.
     *
     * @param name        generator id
     * @param params      the parameters used
     * @param nodes       nodes generated
     * @param links       links generated
     * @param generateS   median seconds of {@code generate}
     * @param buildS      median seconds of {@link TopologyBuilder#build} on the generated graph (0 when not built)
     * @param totalS      median seconds of generate plus build, measured together
     * @param totalCpuS   median CPU seconds of the measuring thread for generate plus build (excludes GC
     *                    threads; on a shared machine closer to the unloaded wall time than totalS)
     * @param reps        measured repetitions
     */
    public record Figure(String name, Map<String, Object> params, int nodes, int links, double generateS, double buildS,
                         double totalS, double totalCpuS, int reps) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-16s %-55s nodes=%-8d links=%-8d generate %.3f s  build %.3f s  total %.3f s"
                            + "  (cpu %.3f s)  median of %d", name, params, nodes, links, generateS, buildS, totalS, totalCpuS, reps);
        }
    }

    private GeneratorBench() {
    }

    /** The three standard cases above; prints each figure as it is measured and returns them. */
    public static List<Figure> run(int warmup, int reps) {
        List<Figure> out = new ArrayList<>();
        out.add(print(erdosRenyi(100_000, 12, true, 1, warmup, reps)));
        out.add(print(randomGeometric(100_000, 10, 1, warmup, reps)));
        out.add(print(randomRegular(1_000_000, 4, 1, true, warmup, reps)));
        return out;
    }

    /** erdos-renyi with p = meanDegree / (n - 1), generated and built. */
    public static Figure erdosRenyi(int n, double meanDegree, boolean connected, long seed, int warmup, int reps) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nodes", n);
        p.put("p", meanDegree / (n - 1));
        p.put("connected", connected);
        return measure(new ErdosRenyiGenerator(), p, seed, true, warmup, reps);
    }

    /** random-geometric with radius sqrt(meanDegree / (pi n)), generated and built. */
    public static Figure randomGeometric(int n, double meanDegree, long seed, int warmup, int reps) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nodes", n);
        p.put("radius", Math.sqrt(meanDegree / (Math.PI * n)));
        return measure(new RandomGeometricGenerator(), p, seed, true, warmup, reps);
    }

    /** random-regular, generated and optionally built. */
    public static Figure randomRegular(int n, int degree, long seed, boolean build, int warmup, int reps) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nodes", n);
        p.put("degree", degree);
        return measure(new RandomRegularGenerator(), p, seed, build, warmup, reps);
    }

    /** Times {@code generate} (and {@code TopologyBuilder.build} when asked) over warm-up plus measured runs. */
    public static Figure measure(GeneratorProvider provider, Map<String, Object> params, long seed, boolean build,
                                 int warmup, int reps) {
        if (reps < 1 || warmup < 0) {
            throw new IllegalArgumentException("reps must be >= 1 and warmup >= 0, got reps=" + reps + ", warmup=" + warmup);
        }
        var validated = provider.validate(params);
        double[] gen = new double[reps];
        double[] bld = new double[reps];
        double[] tot = new double[reps];
        double[] cpu = new double[reps];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int nodes = 0;
        int links = 0;
        for (int r = -warmup; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime(); // wall-clock ok: benchmark
            GeneratedGraph g = provider.generate(validated, seed);
            long t1 = System.nanoTime(); // wall-clock ok: benchmark
            if (build) {
                Topology t = TopologyBuilder.build(g, TopologyDefaults.standard(), seed);
                if (t.linkCount() != g.edgeCount()) {
                    throw new IllegalStateException("built topology lost links");
                }
            }
            long t2 = System.nanoTime(); // wall-clock ok: benchmark
            long c2 = threads.getCurrentThreadCpuTime();
            nodes = g.n();
            links = g.edgeCount();
            if (r >= 0) {
                gen[r] = (t1 - t0) / 1e9;
                bld[r] = (t2 - t1) / 1e9;
                tot[r] = (t2 - t0) / 1e9;
                cpu[r] = (c2 - c0) / 1e9;
            }
        }
        return new Figure(provider.id(), params, nodes, links, median(gen), median(bld), median(tot), median(cpu), reps);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Figure print(Figure f) {
        System.out.println(f);
        return f;
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        run(warmup, reps);
    }
}

package org.edgeai.model.topology.analysis.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.analysis.MixingMatrix;
import org.edgeai.model.topology.analysis.MixingRule;
import org.edgeai.model.topology.analysis.Spectrum;
import org.edgeai.model.topology.analysis.TopologyAnalysis;

/**
 * Benchmarks of the topology analysis (a plain class, for the lead's {@code bench} command). Wall-clock
 * timing is this class's purpose, so it alone in the module reads {@link System#nanoTime()}.
 */
public final class AnalysisBench {

    /** Seed of the benchmark graphs. */
    public static final long SEED = 2000;

    private AnalysisBench() {
    }

    /**
     * Median wall time in seconds of {@code TopologyAnalysis.analyze} + the metropolis {@code MixingMatrix}
     * + {@code Spectrum.of} on a seeded, connected G(2000, 0.005) (what {@code topology info} computes), after
     * {@code repetitions / 2 + 1} warm-up runs.
     *
     * @param repetitions timed runs, &ge; 1
     */
    public static double run(int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
        }
        Topology t = connectedGnp(2000, 0.005, SEED);
        double[] times = new double[repetitions];
        for (int r = -(repetitions / 2 + 1); r < repetitions; r++) {
            long t0 = System.nanoTime(); // wall-clock ok: benchmark
            Topology copy = t.copy(); // a fresh indexed view each time, as a command would build it
            TopologyAnalysis a = TopologyAnalysis.analyze(copy);
            Spectrum s = Spectrum.of(MixingMatrix.of(copy, MixingRule.METROPOLIS));
            long t1 = System.nanoTime(); // wall-clock ok: benchmark
            if (!a.connected() || !(s.rho() < 1)) {
                throw new IllegalStateException("benchmark graph should be connected: " + a + ", " + s);
            }
            if (r >= 0) {
                times[r] = (t1 - t0) / 1e9;
            }
        }
        return median(times);
    }

    /**
     * Median seconds of {@link Spectrum#full} and {@link Spectrum#rhoOnly} on the metropolis matrix of a
     * seeded connected G(n, meanDegree / (n − 1)), after one warm-up run of each.
     *
     * @return {dense seconds, Lanczos seconds, |rho_dense − rho_Lanczos|, Lanczos products with W}
     */
    public static double[] spectrumMethods(int n, double meanDegree, int repetitions) {
        MixingMatrix w = MixingMatrix.of(connectedGnp(n, meanDegree / (n - 1), SEED + n), MixingRule.METROPOLIS);
        double[] dense = new double[repetitions];
        double[] lanczos = new double[repetitions];
        Spectrum d = null;
        Spectrum l = null;
        for (int r = -1; r < repetitions; r++) {
            long t0 = System.nanoTime(); // wall-clock ok: benchmark
            d = Spectrum.full(w);
            long t1 = System.nanoTime(); // wall-clock ok: benchmark
            l = Spectrum.rhoOnly(w);
            long t2 = System.nanoTime(); // wall-clock ok: benchmark
            if (r >= 0) {
                dense[r] = (t1 - t0) / 1e9;
                lanczos[r] = (t2 - t1) / 1e9;
            }
        }
        return new double[] {median(dense), median(lanczos), Math.abs(d.rho() - l.rho()), l.iterations()};
    }

    /** Prints the figures: {@code java ... AnalysisBench [repetitions]}. */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "topology info work on G(2000, 0.005): median %.3f s over %d runs%n", run(reps), reps);
        for (int n : new int[] {1000, 2000, 5000}) {
            double[] f = spectrumMethods(n, 10, n >= 5000 ? 1 : Math.max(1, reps / 2));
            System.out.printf(Locale.ROOT, "n=%d mean degree 10: dense %.3f s, Lanczos %.3f s (%d products), |rho diff| %.1e%n",
                    n, f[0], f[1], (long) f[3], f[2]);
        }
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int k = s.length;
        return k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
    }

    /** G(n, p) as a topology of devices n0..n(n-1), regenerated with seed + 1, ... until connected. */
    static Topology connectedGnp(int n, double p, long seed) {
        for (long s = seed; ; s++) {
            Topology t = gnp(n, p, s);
            if (TopologyAnalysis.analyze(t.indexed(), 0, 1, 1).connected()) {
                return t;
            }
        }
    }

    private static Topology gnp(int n, double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Topology t = new Topology();
        for (int i = 0; i < n; i++) {
            t.putNode(new Node("n" + i, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextDouble() < p) {
                    t.putLink(new Link("n" + i, "n" + j, 20, 10, null));
                }
            }
        }
        return t;
    }
}

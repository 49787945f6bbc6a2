package org.edgeai.plugins.algorithms.decentralized;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimObserver;
import org.edgeai.model.learning.ConsensusWorkload;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.TopologyBuilder;
import org.edgeai.plugins.generators.Generators;

/** Builds runs for the decentralized tests: topology, learning state, RunSetup extension, engine, provider. */
final class Fixture {

    private Fixture() {
    }

    /** A generated topology with the standard defaults (devices 5 GFLOP/s, links 20 Mbit/s and 10 ms). */
    static Topology generated(String type, Map<String, Object> params, long seed) {
        var gen = Generators.registry(Fixture.class.getClassLoader()).get(type);
        return TopologyBuilder.build(gen.generate(Parameters.of(params), seed), TopologyDefaults.standard(), seed);
    }

    static Topology ring(int n) {
        return generated("ring", Map.of("nodes", n), 1);
    }

    /** A path n0 - n1 - ... - n(n-1). */
    static Topology path(int n) {
        return generated("grid", Map.of("rows", 1, "cols", n), 1);
    }

    static Topology star(int n) {
        return generated("star", Map.of("nodes", n), 1);
    }

    /** The exact one-round SGD step with the mean gradient of all nodes, from a twin state (same minibatches). */
    static double[] meanGradientStep(Workload w, double eta) {
        LearningState twin = w.newState(1);
        int n = twin.nodes();
        int d = twin.dimension();
        float[] g = twin.newMatrix();
        twin.gradients(g);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += (double) g[i * d + k] / n;
            }
        }
        float[] x = twin.x();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                out[i * d + k] = x[i * d + k] - eta * mean[k];
            }
        }
        return out;
    }

    static Topology complete(int n) {
        return generated("complete", Map.of("nodes", n), 1);
    }

    /** Every link set to {@code mbps} and {@code ms}; every node to {@code gflops}. */
    static Topology uniform(Topology t, double mbps, double ms, double gflops) {
        Topology u = t.copy();
        u.updateLinks(l -> new Link(l.source(), l.target(), mbps, ms, l.weight()));
        u.updateNodes(nd -> nd.withCompute(gflops));
        return u;
    }

    static ConsensusWorkload consensus(int n, int dim) {
        return new ConsensusWorkload(n, dim, 11);
    }

    static Workload digits(int n) {
        return Workloads.create(Map.of("task", "classification", "batchSize", 8), n, 5, null);
    }

    static RunSetup setup(LearningState ls, CompressionScheme c) {
        int n = ls.nodes();
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return new RunSetup(ls, ids, ids.clone(), c, false);
    }

    /** A started engine running {@code provider} with {@code params} (string/number values). */
    static Run run(Topology t, Workload w, CompressionScheme c, AlgorithmProvider provider, Map<String, Object> params,
                   int rounds, NetworkEffects fx) {
        return run(t, w, c, provider, params, rounds, fx, null);
    }

    /** As above with an observer of the engine's events (null for none). */
    static Run run(Topology t, Workload w, CompressionScheme c, AlgorithmProvider provider, Map<String, Object> params,
                   int rounds, NetworkEffects fx, SimObserver observer) {
        LearningState ls = w.newState(2);
        Engine e = Engine.builder(t, 3).rounds(rounds).effects(fx).observer(observer)
                .extension(RunSetup.class, setup(ls, c)).build();
        e.start(provider, provider.validate(params));
        return new Run(e, ls);
    }

    static Run run(Topology t, Workload w, AlgorithmProvider provider, Map<String, Object> params, int rounds) {
        return run(t, w, Compressors.none(), provider, params, rounds, NetworkEffects.DEFAULTS);
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** An engine and the learning state it works on. */
    record Run(Engine engine, LearningState learning) {
        RoundMetrics round() {
            Engine.Status s = engine.runRound();
            if (s != Engine.Status.ROUND_FINISHED && s != Engine.Status.ALL_ROUNDS_DONE) {
                throw new AssertionError("round did not finish: " + s);
            }
            List<RoundMetrics> h = engine.history();
            return h.get(h.size() - 1);
        }

        double[] x() {
            float[] f = learning.x();
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
    }

    /** Adjacency of a topology as index lists (test-side, from the topology's links). */
    static int[][] neighbours(Topology t) {
        List<String> ids = t.nodes().stream().map(Node::id).toList();
        int n = ids.size();
        List<List<Integer>> adj = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new java.util.ArrayList<>());
        }
        for (Link l : t.links()) {
            int a = ids.indexOf(l.source());
            int b = ids.indexOf(l.target());
            adj.get(a).add(b);
            adj.get(b).add(a);
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Metropolis W in double, dense, computed here from degrees (independent of MixingMatrix). */
    static double[][] metropolis(int[][] adj) {
        int n = adj.length;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j : adj[i]) {
                w[i][j] = 1.0 / (1 + Math.max(adj[i].length, adj[j].length));
                s += w[i][j];
            }
            w[i][i] = 1 - s;
        }
        return w;
    }

    /** W x for N x d row-major x, in double. */
    static double[] multiply(double[][] w, double[] x, int d) {
        int n = w.length;
        double[] y = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (w[i][j] != 0) {
                    for (int k = 0; k < d; k++) {
                        y[i * d + k] += w[i][j] * x[j * d + k];
                    }
                }
            }
        }
        return y;
    }

    static double consensusError(double[] x, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k] / n;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double e = x[i * d + k] - mean[k];
                s += e * e;
            }
        }
        return s / n;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}

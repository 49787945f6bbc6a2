package org.edgeai.plugins.algorithms.centralized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.TraceSink;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/** Topologies, workloads and engines for the centralized algorithm tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Node device(String id, double gflops) {
        return new Node(id, NodeKind.DEVICE, gflops, 4096, 0, 0, "", null);
    }

    static Node server(String id, Double accessMbps) {
        return new Node(id, NodeKind.SERVER, 200, 65536, 0, 0, "", accessMbps);
    }

    /** Server "s" first (index 0), then devices d1..dk (indices 1..k), each linked to s. */
    static Topology star(int devices, double mbps, double latencyMs, double deviceGflops, Double serverAccessMbps) {
        Topology t = new Topology();
        t.putNode(server("s", serverAccessMbps));
        for (int i = 1; i <= devices; i++) {
            t.putNode(device("d" + i, deviceGflops));
            t.putLink(new Link("s", "d" + i, mbps, latencyMs, null));
        }
        return t;
    }

    static Map<String, Object> digits(String partition, double alpha) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("task", "classification");
        w.put("dataset", Map.of("type", "digits"));
        w.put("model", Map.of("type", "softmax"));
        w.put("partition", partition.equals("dirichlet") ? Map.of("type", "dirichlet", "alpha", alpha) : Map.of("type", partition));
        w.put("batchSize", 32);
        w.put("testFraction", 0.2);
        return w;
    }

    static Map<String, Object> leastSquares(int features, int samplesPerNode, double noise, int batchSize) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("task", "least-squares");
        w.put("features", features);
        w.put("samplesPerNode", samplesPerNode);
        w.put("noise", noise);
        w.put("batchSize", batchSize);
        return w;
    }

    /** The devices of a topology in topology order: the learning rows of a centralized run. */
    static int[] devices(Topology t) {
        IndexedGraph g = t.indexed();
        int[] out = new int[g.nodeCount()];
        int k = 0;
        for (int i = 0; i < g.nodeCount(); i++) {
            if (g.kind(i) == NodeKind.DEVICE) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    static Workload workload(Topology t, Map<String, Object> section, long seed) {
        return Workloads.create(section, devices(t).length, seed, null);
    }

    static RunSetup setup(Topology t, Workload w, CompressionScheme c, boolean compressDownlink) {
        int[] holders = devices(t);
        int[] rowOf = new int[t.nodeCount()];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < holders.length; r++) {
            rowOf[holders[r]] = r;
        }
        LearningState s = w.newState(1);
        return new RunSetup(s, holders, rowOf, c == null ? Compressors.none() : c, compressDownlink);
    }

    /** A run: engine with the setup, not yet started. */
    static Engine engine(Topology t, RunSetup setup, NetworkEffects fx, int rounds, long seed, TraceSink trace) {
        Engine.Builder b = Engine.builder(t, seed).rounds(rounds).extension(RunSetup.class, setup);
        if (fx != null) {
            b.effects(fx);
        }
        if (trace != null) {
            b.trace(trace);
        }
        return b.build();
    }

    static Parameters params(AlgorithmProvider p, Object... kv) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            raw.put((String) kv[i], kv[i + 1]);
        }
        return p.validate(raw);
    }

    /** One traced hop. */
    record Hop(int round, double tSend, double tArrive, int src, int dst, long bits, MessageKind kind) {
    }

    /** A sink that keeps every hop. */
    static final class Hops implements TraceSink {
        final List<Hop> hops = new ArrayList<>();

        @Override
        public void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind) {
            hops.add(new Hop(round, tSendS, tArriveS, src, dst, bits, kind));
        }

        List<Hop> of(int round) {
            return hops.stream().filter(h -> h.round() == round).toList();
        }
    }
}

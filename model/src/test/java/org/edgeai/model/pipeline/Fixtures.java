package org.edgeai.model.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.pipeline.layers.LayerSpec;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.layers.ModelSpec;
import org.edgeai.model.pipeline.layers.Shape;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/** Small topologies and models for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Node node(String id, double gflops) {
        return new Node(id, NodeKind.DEVICE, gflops, 1024, 0, 0, "", null);
    }

    /** A chain s0 - s1 - ... of k nodes of {@code gflops}, links of {@code mbps} and {@code latencyMs}. */
    public static Topology chain(int k, double gflops, double mbps, double latencyMs) {
        Topology t = new Topology();
        for (int i = 0; i < k; i++) {
            t.putNode(node("s" + i, gflops));
        }
        for (int i = 0; i + 1 < k; i++) {
            t.putLink(new Link("s" + i, "s" + (i + 1), mbps, latencyMs, null));
        }
        return t;
    }

    public static List<String> ids(int k) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ids.add("s" + i);
        }
        return ids;
    }

    /** Custom layers with the given forward FLOPs per sample, 1000 params and {@code outElems} outputs each. */
    public static ModelProfile customModel(long outElems, double... forwardFlops) {
        List<LayerSpec> layers = new ArrayList<>();
        for (double f : forwardFlops) {
            layers.add(LayerSpec.of("custom", "forwardFlops", f, "params", 1000, "outputElements", (int) outElems));
        }
        return new ModelSpec("test", Shape.of(10), layers).build();
    }
}

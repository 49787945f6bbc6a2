package org.edgeai.model.topology.generate;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.layout.Layouts;

/** Turns a {@link GeneratedGraph} into a {@link Topology}: names n0.., per-kind defaults, positions. */
public final class TopologyBuilder {

    private TopologyBuilder() {
    }

    /** Node id of generated node i: {@code n<i>}. */
    public static String nodeId(int i) {
        return "n" + i;
    }

    /**
     * Builds the topology in O(n + m). Positions come from the generator when it defines them, else from
     * its preferred layout (seeded with {@code layoutSeed} where the layout is random).
     */
    public static Topology build(GeneratedGraph g, TopologyDefaults defaults, long layoutSeed) {
        double[][] pos;
        if (g.hasPositions()) {
            pos = new double[][] {g.x(), g.y()};
        } else {
            IndexedGraph ig = IndexedGraph.ofEdges(g.n(), g.edgeU(), g.edgeV());
            pos = Layouts.layout(g.layout(), ig, layoutSeed);
        }
        Topology t = new Topology();
        for (int i = 0; i < g.n(); i++) {
            NodeKind kind = g.kinds() == null ? NodeKind.DEVICE : g.kinds()[i];
            t.putNode(Node.of(nodeId(i), kind, defaults).withPosition(pos[0][i], pos[1][i]));
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            t.putLink(Link.of(nodeId(g.edgeU()[e]), nodeId(g.edgeV()[e]), defaults));
        }
        return t;
    }
}

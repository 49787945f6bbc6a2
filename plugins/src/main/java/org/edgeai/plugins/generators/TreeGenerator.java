package org.edgeai.plugins.generators;

import java.util.Arrays;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code tree}: a complete b-ary tree in breadth-first numbering. The root n0 is a server, every other node
 * a device; the children of node i are b*i+1 .. b*i+b, so the parent of node c &gt; 0 is (c-1)/b and the
 * last level is filled from the left. n-1 links, connected. Deterministic; O(n). Drawn with the layered
 * {@link LayoutKind#TREE} layout.
 */
public final class TreeGenerator extends AbstractGenerator {

    public TreeGenerator() {
        super("tree", "Tree", "A complete tree with the edge server n0 at the root and devices below, "
                        + "numbered level by level (children of n0 are n1..nb).",
                nodes(15, 1, "number of nodes, root included"),
                ParameterDescriptor.integer("branching", 2L, 1L, MAX_NODES, "children per inner node"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        long b = p.getLong("branching");
        int[] u = new int[n - 1];
        int[] v = new int[n - 1];
        for (int c = 1; c < n; c++) {
            u[c - 1] = (int) ((c - 1) / b);
            v[c - 1] = c;
        }
        NodeKind[] kinds = new NodeKind[n];
        Arrays.fill(kinds, NodeKind.DEVICE);
        kinds[0] = NodeKind.SERVER;
        return new GeneratedGraph(n, u, v, kinds, null, null, LayoutKind.TREE);
    }
}

package org.edgeai.plugins.generators;

import java.util.Arrays;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.layout.Layouts;

/**
 * {@code star}: the edge server n0 in the centre linked to every device n1..n(n-1). n-1 links.
 * Deterministic; O(n). Positions: the centre at the origin, the devices evenly on a circle around it
 * (n1 at the top, clockwise) whose circumference is (n-1) * {@link Layouts#SPACING}, at least SPACING in
 * radius.
 */
public final class StarGenerator extends AbstractGenerator {

    public StarGenerator() {
        super("star", "Star", "An edge server n0 in the centre linked to every device; devices are not linked to each other.",
                nodes(16, 2, "number of nodes, centre included"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        int leaves = n - 1;
        int[] u = new int[leaves];
        int[] v = new int[leaves];
        double[] x = new double[n];
        double[] y = new double[n];
        double r = Math.max(Layouts.SPACING, Layouts.SPACING * leaves / (2 * Math.PI));
        for (int i = 1; i < n; i++) {
            u[i - 1] = 0;
            v[i - 1] = i;
            double a = 2 * Math.PI * (i - 1) / leaves - Math.PI / 2;
            x[i] = r * Math.cos(a);
            y[i] = r * Math.sin(a);
        }
        NodeKind[] kinds = new NodeKind[n];
        Arrays.fill(kinds, NodeKind.DEVICE);
        kinds[0] = NodeKind.SERVER;
        return new GeneratedGraph(n, u, v, kinds, x, y, LayoutKind.CIRCLE);
    }
}

package org.edgeai.model.topology.layout;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * Drawing layouts. Coordinates are in layout units: a layout of n nodes spans roughly a square of side
 * {@code 100 * sqrt(n)} so that glyphs keep the same spacing at any size; the canvas fits it to the view.
 */
public final class Layouts {

    /** Spacing between neighbouring nodes, in layout units. */
    public static final double SPACING = 100;

    private Layouts() {
    }

    /** Positions {x[], y[]} for every node of {@code g} under {@code kind}. */
    public static double[][] layout(LayoutKind kind, IndexedGraph g, long seed) {
        return switch (kind) {
            case CIRCLE -> circle(g.nodeCount());
            case GRID -> grid(g.nodeCount());
            case TREE -> circle(g.nodeCount()); // TODO layered tree layout
            case FORCE -> circle(g.nodeCount()); // TODO force-directed layout
        };
    }

    /** Applies a layout to a topology in place. */
    public static void apply(LayoutKind kind, Topology t, long seed) {
        double[][] p = layout(kind, t.indexed(), seed);
        int[] i = {0};
        t.updateNodes(n -> {
            Node moved = n.withPosition(p[0][i[0]], p[1][i[0]]);
            i[0]++;
            return moved;
        });
    }

    /** Nodes evenly on a circle, n0 at the top, clockwise; circumference n * SPACING. O(n). */
    public static double[][] circle(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        double r = n <= 1 ? 0 : SPACING * n / (2 * Math.PI);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n - Math.PI / 2;
            x[i] = r * Math.cos(a);
            y[i] = r * Math.sin(a);
        }
        return new double[][] {x, y};
    }

    /** Nodes row by row on a square grid of ceil(sqrt(n)) columns. O(n). */
    public static double[][] grid(int n) {
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % cols) * SPACING;
            y[i] = (i / cols) * SPACING;
        }
        return new double[][] {x, y};
    }
}

package org.edgeai.plugins.generators;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.layout.Layouts;

/**
 * {@code grid}: a rows x cols lattice; node r*cols + c sits at (c, r) * {@link Layouts#SPACING} and is
 * linked to its right and lower neighbours: r(c-1) + c(r-1) links. With {@code torus} the last column
 * wraps to the first and the last row to the first: 2rc links, every degree 4 (needs rows, cols &ge; 3,
 * since with 2 the wrap-around link duplicates an existing one and with 1 it is a self loop).
 * Deterministic; O(rc). Written here because JGraphT's {@code GridGraphGenerator} has no torus.
 */
public final class GridGenerator extends AbstractGenerator {

    public GridGenerator() {
        super("grid", "Grid", "Nodes on a rectangular lattice, each linked to its horizontal and vertical "
                        + "neighbours; optionally wrapped around into a torus.",
                ParameterDescriptor.integer("rows", 4L, 1L, MAX_NODES, "number of rows"),
                ParameterDescriptor.integer("cols", 4L, 1L, MAX_NODES, "number of columns"),
                ParameterDescriptor.bool("torus", false, "wrap the last row and column around to the first "
                        + "(needs rows >= 3 and cols >= 3)"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int rows = p.getInt("rows");
        int cols = p.getInt("cols");
        boolean torus = p.getBoolean("torus");
        long n = (long) rows * cols;
        if (n > MAX_NODES) {
            throw invalid("rows * cols must be at most " + MAX_NODES + " nodes, got rows=" + rows + ", cols=" + cols
                    + " (" + n + " nodes)");
        }
        if (torus && (rows < 3 || cols < 3)) {
            throw invalid("torus needs rows >= 3 and cols >= 3 (with 2 the wrap-around link would duplicate an "
                    + "existing link, with 1 it would be a self loop); got rows=" + rows + ", cols=" + cols);
        }
        long m = torus ? 2 * n : (long) rows * (cols - 1) + (long) cols * (rows - 1);
        checkLinks(m, "rows=" + rows + ", cols=" + cols);
        int[] u = new int[(int) m];
        int[] v = new int[(int) m];
        double[] x = new double[(int) n];
        double[] y = new double[(int) n];
        int e = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                x[i] = c * Layouts.SPACING;
                y[i] = r * Layouts.SPACING;
                if (c + 1 < cols) {
                    u[e] = i;
                    v[e++] = i + 1;
                } else if (torus) {
                    u[e] = i;
                    v[e++] = r * cols;
                }
                if (r + 1 < rows) {
                    u[e] = i;
                    v[e++] = i + cols;
                } else if (torus) {
                    u[e] = i;
                    v[e++] = c;
                }
            }
        }
        return new GeneratedGraph((int) n, u, v, null, x, y, LayoutKind.GRID);
    }
}

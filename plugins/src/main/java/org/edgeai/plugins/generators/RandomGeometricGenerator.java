package org.edgeai.plugins.generators;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.layout.Layouts;

/**
 * {@code random-geometric}: n nodes placed uniformly at random in the unit square (x then y drawn for n0,
 * then n1, ...), two nodes linked when their Euclidean distance is at most {@code radius}. Mean degree is
 * about n pi r^2 away from the border. The positions are kept for drawing, scaled by
 * {@code Layouts.SPACING * sqrt(n)} so the glyph spacing matches the other layouts.
 *
 * <p>Written here (JGraphT has no geometric generator): points are bucketed into a grid of cells of side
 * at least r, so only the 3 x 3 cells around a point are searched; O(n + m) expected time. Links are
 * ordered by (smaller endpoint, larger endpoint). Deterministic given the seed (one {@link SplittableRandom}).
 */
public final class RandomGeometricGenerator extends AbstractGenerator {

    public RandomGeometricGenerator() {
        super("random-geometric", "Random geometric", "Nodes scattered uniformly over a square; two nodes are "
                        + "linked when they are within the radius of each other, like radios in range.",
                nodes(16, 1, "number of nodes"),
                ParameterDescriptor.real("radius", 0.3, 0.0, 1.5, "link range as a fraction of the square's side "
                        + "(> 0); mean degree is about nodes * pi * radius^2"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        double r = p.getDouble("radius");
        if (!(r > 0)) {
            throw invalid("radius: expected a number > 0, got " + r);
        }
        // expected pairs within r, ignoring the border (an over-estimate)
        checkLinks((double) n * (n - 1) / 2 * Math.min(1.0, Math.PI * r * r), "nodes=" + n + " and radius=" + r + " on average");
        SplittableRandom rng = new SplittableRandom(seed);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = rng.nextDouble();
            py[i] = rng.nextDouble();
        }
        EdgeList edges = linksWithin(px, py, r);
        double scale = Layouts.SPACING * Math.sqrt(n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = px[i] * scale;
            y[i] = py[i] * scale;
        }
        return new GeneratedGraph(n, edges.us(), edges.vs(), null, x, y, LayoutKind.FORCE);
    }

    /**
     * All pairs (i, j), i &lt; j, of points in [0, 1)^2 at distance &le; r, ordered by i then j. Cell grid of
     * side &ge; r: O(n + pairs examined), the latter about 9 n (mean points per cell) in expectation.
     */
    static EdgeList linksWithin(double[] px, double[] py, double r) {
        int n = px.length;
        // cells per side: side 1/c >= r, and no more cells than about n (tiny r would only waste memory)
        int c = (int) Math.max(1, Math.min(Math.floor(1 / r), Math.ceil(Math.sqrt(n))));
        int[] cellOf = new int[n];
        int[] start = new int[c * c + 1];
        for (int i = 0; i < n; i++) {
            int cx = Math.min(c - 1, (int) (px[i] * c));
            int cy = Math.min(c - 1, (int) (py[i] * c));
            cellOf[i] = cy * c + cx;
            start[cellOf[i] + 1]++;
        }
        for (int k = 0; k < c * c; k++) {
            start[k + 1] += start[k];
        }
        int[] members = new int[n]; // counting sort: each cell's points in increasing index
        int[] fill = Arrays.copyOf(start, c * c);
        for (int i = 0; i < n; i++) {
            members[fill[cellOf[i]]++] = i;
        }
        double r2 = r * r;
        EdgeList out = new EdgeList((int) Math.min(AbstractGenerator.MAX_LINKS, (long) n * 4));
        int[] found = new int[16];
        for (int i = 0; i < n; i++) {
            int cx = cellOf[i] % c;
            int cy = cellOf[i] / c;
            int k = 0;
            for (int yy = Math.max(0, cy - 1); yy <= Math.min(c - 1, cy + 1); yy++) {
                for (int xx = Math.max(0, cx - 1); xx <= Math.min(c - 1, cx + 1); xx++) {
                    int cell = yy * c + xx;
                    for (int s = start[cell]; s < start[cell + 1]; s++) {
                        int j = members[s];
                        if (j > i) {
                            double dx = px[i] - px[j];
                            double dy = py[i] - py[j];
                            if (dx * dx + dy * dy <= r2) {
                                if (k == found.length) {
                                    found = Arrays.copyOf(found, k * 2);
                                }
                                found[k++] = j;
                            }
                        }
                    }
                }
            }
            Arrays.sort(found, 0, k);
            for (int t = 0; t < k; t++) {
                out.add(i, found[t]);
            }
        }
        return out;
    }
}

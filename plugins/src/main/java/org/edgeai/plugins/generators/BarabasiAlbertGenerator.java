package org.edgeai.plugins.generators;

import java.util.Random;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;

/**
 * {@code barabasi-albert}: preferential attachment (Barabási and Albert, Science 286, 1999) as JGraphT
 * defines it with m0 = m: start from the complete graph on n0..n(m-1); each further node links to m
 * distinct earlier nodes drawn with probability proportional to degree. m(m-1)/2 + (n-m) m links.
 *
 * <p>The draws are exactly those of JGraphT's {@code BarabasiAlbertGraphGenerator(m, m, n, new
 * Random(seed))} (the same endpoint list and {@code nextInt} calls, including its quirks: the seed nodes
 * start with multiplicity max(1, m-1), and for m = 1 the second node's target is not added to the list), so
 * both give the same edge set, which the tests check. Reimplemented on an int array because JGraphT's
 * builds a full {@code Graph} and checks duplicates through it; here a stamp per node marks the
 * targets of the node being added. O(n m) expected time and memory.
 */
public final class BarabasiAlbertGenerator extends AbstractGenerator {

    public BarabasiAlbertGenerator() {
        super("barabasi-albert", "Barabási–Albert scale free", "Grows from a complete graph of m nodes; each new "
                        + "node links to m existing nodes chosen with probability proportional to their degree.",
                nodes(16, 2, "number of nodes"),
                ParameterDescriptor.integer("m", 2L, 1L, MAX_NODES - 1, "links added with each new node "
                        + "(also the size of the complete seed graph); less than nodes"));
    }

    @Override
    GeneratedGraph build(Parameters p, long seed) {
        int n = p.getInt("nodes");
        int m = p.getInt("m");
        if (m >= n) {
            throw invalid("m must be less than nodes, got m=" + m + ", nodes=" + n);
        }
        long links = (long) m * (m - 1) / 2 + (long) (n - m) * m;
        checkLinks(links, "nodes=" + n + ", m=" + m);
        int[] u = new int[(int) links];
        int[] v = new int[(int) links];
        int e = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                u[e] = i;
                v[e++] = j;
            }
        }
        // the endpoint list: each node appears about as often as its degree
        int seedCopies = Math.max(1, m - 1);
        long listSize = (long) m * seedCopies + 2L * (n - m) * m;
        if (listSize > Integer.MAX_VALUE - 8) {
            throw invalid("nodes=" + n + ", m=" + m + " is too large for the endpoint list");
        }
        int[] list = new int[(int) listSize];
        int size = 0;
        for (int c = 0; c < seedCopies; c++) {
            for (int i = 0; i < m; i++) {
                list[size++] = i;
            }
        }
        Random rng = new Random(seed);
        int[] linkedTo = new int[n]; // linkedTo[t] == node: node already links to t (0 is never a node being added: they start at m >= 1)
        for (int node = m; node < n; node++) {
            int grown = size; // new endpoints are appended only after the node is done (JGraphT's order)
            int added = 0;
            while (added < m) {
                int target = list[rng.nextInt(size)];
                if (linkedTo[target] != node) {
                    linkedTo[target] = node;
                    u[e] = node;
                    v[e++] = target;
                    added++;
                    list[grown++] = node;
                    if (node > 1) {
                        list[grown++] = target;
                    }
                }
            }
            size = grown;
        }
        return new GeneratedGraph(n, u, v, null, null, null, LayoutKind.FORCE);
    }
}

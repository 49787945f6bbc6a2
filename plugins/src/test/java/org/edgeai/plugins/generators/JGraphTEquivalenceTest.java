package org.edgeai.plugins.generators;

import static org.edgeai.plugins.generators.GraphChecks.edgeSet;
import static org.edgeai.plugins.generators.GraphChecks.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.edgeai.model.topology.generate.GeneratedGraph;
import org.jgrapht.Graph;
import org.jgrapht.generate.BarabasiAlbertGraphGenerator;
import org.jgrapht.generate.CompleteGraphGenerator;
import org.jgrapht.generate.HyperCubeGraphGenerator;
import org.jgrapht.generate.RingGraphGenerator;
import org.jgrapht.generate.WattsStrogatzGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our array-based generators against JGraphT's (the independent computation): the same edge sets for the
 * same seed (Watts–Strogatz, Barabási–Albert draw from {@code new Random(seed)} exactly as JGraphT does) or
 * for the same size (ring, complete, hypercube).
 */
class JGraphTEquivalenceTest {

    private static Graph<Integer, DefaultEdge> graph() {
        return new SimpleGraph<>(SupplierUtil.createIntegerSupplier(), SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
    }

    private static TreeSet<Long> edges(Graph<Integer, DefaultEdge> g) {
        TreeSet<Long> s = new TreeSet<>();
        for (DefaultEdge e : g.edgeSet()) {
            s.add(GraphChecks.key(g.getEdgeSource(e), g.getEdgeTarget(e)));
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"10,2,0.5,1", "30,4,0.2,2", "30,4,1.0,3", "101,6,0.7,4", "500,10,0.05,5", "9,8,0.9,6", "2000,4,0.3,7"})
    void wattsStrogatzMatchesJGraphT(int n, int k, double beta, long seed) {
        Graph<Integer, DefaultEdge> ref = graph();
        new WattsStrogatzGraphGenerator<Integer, DefaultEdge>(n, k, beta, false, new Random(seed)).generateGraph(ref);
        GeneratedGraph ours = gen(new WattsStrogatzGenerator(), Map.of("nodes", n, "k", k, "beta", beta), seed);
        assertEquals(edges(ref), edgeSet(ours));
    }

    @ParameterizedTest
    @CsvSource({"2,1,1", "10,1,2", "10,2,3", "50,3,4", "200,5,5", "12,11,6", "3000,4,7"})
    void barabasiAlbertMatchesJGraphTWithM0EqualToM(int n, int m, long seed) {
        Graph<Integer, DefaultEdge> ref = graph();
        new BarabasiAlbertGraphGenerator<Integer, DefaultEdge>(m, m, n, new Random(seed)).generateGraph(ref);
        GeneratedGraph ours = gen(new BarabasiAlbertGenerator(), Map.of("nodes", n, "m", m), seed);
        assertEquals(edges(ref), edgeSet(ours));
    }

    @ParameterizedTest
    @CsvSource({"3", "8", "57"})
    void ringAndCompleteMatchJGraphT(int n) {
        Graph<Integer, DefaultEdge> ring = graph();
        new RingGraphGenerator<Integer, DefaultEdge>(n).generateGraph(ring);
        assertEquals(edges(ring), edgeSet(gen(new RingGenerator(), Map.of("nodes", n), 0)));
        Graph<Integer, DefaultEdge> complete = graph();
        new CompleteGraphGenerator<Integer, DefaultEdge>(n).generateGraph(complete);
        assertEquals(edges(complete), edgeSet(gen(new CompleteGenerator(), Map.of("nodes", n), 0)));
    }

    @ParameterizedTest
    @CsvSource({"1", "3", "7"})
    void hypercubeMatchesJGraphT(int d) {
        Graph<Integer, DefaultEdge> ref = graph();
        new HyperCubeGraphGenerator<Integer, DefaultEdge>(d).generateGraph(ref);
        assertEquals(edges(ref), edgeSet(gen(new HypercubeGenerator(), Map.of("dimension", d), 0)));
    }
}

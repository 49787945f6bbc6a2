package org.edgeai.model.topology.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class TopologyAnalysisTest {

    private static final TopologyAnalysis.Engine[] ENGINES = {
        TopologyAnalysis.Engine.AUTO, TopologyAnalysis.Engine.SINGLE, TopologyAnalysis.Engine.MULTI};

    private static TopologyAnalysis exact(IndexedGraph g, TopologyAnalysis.Engine engine) {
        return TopologyAnalysis.analyze(g, Integer.MAX_VALUE, 1, 1, engine);
    }

    @Test
    void pathOfFiveByHand() {
        // P5: distances 1 (4 pairs), 2 (3), 3 (2), 4 (1): sum 20 over 10 pairs = 2
        for (TopologyAnalysis.Engine e : ENGINES) {
            TopologyAnalysis a = exact(TestGraphs.path(5), e);
            assertEquals(5, a.nodes());
            assertEquals(4, a.links());
            assertEquals(1, a.minDegree());
            assertEquals(2, a.maxDegree());
            assertEquals(1.6, a.meanDegree(), 1e-15);
            assertEquals(1, a.components());
            assertTrue(a.connected());
            assertEquals(4, a.diameter());
            assertEquals(4, a.diameterUpperBound());
            assertTrue(a.diameterExact());
            assertEquals(2.0, a.meanShortestPath(), 1e-15);
            assertFalse(a.estimated());
            assertEquals("4", a.diameterText());
            assertEquals("2.0000", a.meanShortestPathText());
        }
    }

    @Test
    void disconnectedGraphByHand() {
        // P3 (0-1-2) + K2 (3-4) + isolated 5: distances P3 {1, 1, 2}, K2 {1}: (4 + 1) / 4 pairs = 1.25
        IndexedGraph g = new TestGraphs.Edges().add(0, 1).add(1, 2).add(3, 4).graph(6);
        for (TopologyAnalysis.Engine e : ENGINES) {
            TopologyAnalysis a = exact(g, e);
            assertEquals(3, a.components());
            assertEquals(3, a.largestComponent());
            assertFalse(a.connected());
            assertEquals(2, a.diameter());
            assertEquals(1.25, a.meanShortestPath(), 1e-15);
            assertEquals(0, a.minDegree());
            assertEquals(1.0, a.meanDegree(), 1e-15);
            assertEquals("2 (largest component; the graph is disconnected)", a.diameterText());
        }
        // ties between largest components: the one with the lowest node goes first (a path of 3 before a star)
        IndexedGraph tie = new TestGraphs.Edges().add(0, 1).add(1, 2).add(3, 4).add(3, 5).add(5, 6).graph(7);
        TopologyAnalysis a = exact(tie, TopologyAnalysis.Engine.AUTO);
        assertEquals(4, a.largestComponent());
        assertEquals(3, a.diameter()); // 4-3-5-6
    }

    @Test
    void degenerateGraphs() {
        TopologyAnalysis empty = TopologyAnalysis.analyze(TestGraphs.path(0));
        assertEquals(0, empty.nodes());
        assertEquals(0, empty.components());
        assertFalse(empty.connected());
        assertTrue(Double.isNaN(empty.meanShortestPath()));
        assertEquals("n/a", empty.meanShortestPathText());
        TopologyAnalysis one = TopologyAnalysis.analyze(TestGraphs.path(1));
        assertTrue(one.connected());
        assertEquals(0, one.diameter());
        assertTrue(Double.isNaN(one.meanShortestPath()));
        TopologyAnalysis noLinks = TopologyAnalysis.analyze(new TestGraphs.Edges().graph(4));
        assertEquals(4, noLinks.components());
        assertEquals(0, noLinks.diameter());
        assertTrue(Double.isNaN(noLinks.meanShortestPath()));
    }

    @Test
    void closedFormsOfRingsHypercubesCompleteGraphsAndStars() {
        for (int n : new int[] {3, 4, 9, 10, 101, 400}) {
            // even n: n^2 / (4 (n - 1)); odd n: (n + 1) / 4
            double mean = n % 2 == 0 ? (double) n * n / (4.0 * (n - 1)) : (n + 1) / 4.0;
            for (TopologyAnalysis.Engine e : ENGINES) {
                TopologyAnalysis a = exact(TestGraphs.ring(n), e);
                assertEquals(n / 2, a.diameter(), "ring " + n);
                assertEquals(mean, a.meanShortestPath(), 1e-12, "ring " + n);
            }
        }
        for (int d = 1; d <= 8; d++) {
            // sum of distances from a node: d 2^(d-1), over 2^d - 1 others
            TopologyAnalysis a = TopologyAnalysis.analyze(TestGraphs.hypercube(d));
            assertEquals(d, a.diameter());
            assertEquals(d * Math.pow(2, d - 1) / (Math.pow(2, d) - 1), a.meanShortestPath(), 1e-12);
            assertEquals(d, a.minDegree());
            assertEquals(d, a.maxDegree());
        }
        TopologyAnalysis k = TopologyAnalysis.analyze(TestGraphs.complete(12));
        assertEquals(1, k.diameter());
        assertEquals(1.0, k.meanShortestPath(), 0);
        // star of n: n - 1 leaf-centre pairs at 1, (n - 1)(n - 2)/2 leaf pairs at 2
        int n = 30;
        TopologyAnalysis s = TopologyAnalysis.analyze(TestGraphs.star(n));
        double pairs = n * (n - 1) / 2.0;
        assertEquals(((n - 1) + 2.0 * (n - 1) * (n - 2) / 2) / pairs, s.meanShortestPath(), 1e-12);
        assertEquals(2, s.diameter());
        assertEquals(n - 1, s.maxDegree());
    }

    /** Mean shortest path and diameter by a plain all-pairs search written here, for comparison. */
    private static double[] bruteForce(IndexedGraph g) {
        int n = g.nodeCount();
        long sum = 0;
        long pairs = 0;
        int[] compSize = new int[n];
        int[] dist = new int[n];
        int[] queue = new int[n];
        int[] ecc = new int[n];
        int[] reach = new int[n];
        for (int s = 0; s < n; s++) {
            java.util.Arrays.fill(dist, -1);
            dist[s] = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            while (head < tail) {
                int u = queue[head++];
                for (int k = 0; k < g.degree(u); k++) {
                    int v = g.neighbour(u, k);
                    if (dist[v] < 0) {
                        dist[v] = dist[u] + 1;
                        queue[tail++] = v;
                        sum += dist[v];
                        pairs++;
                    }
                }
            }
            ecc[s] = dist[queue[tail - 1]];
            reach[s] = tail;
        }
        int maxReach = 0;
        for (int s = 0; s < n; s++) {
            maxReach = Math.max(maxReach, reach[s]);
        }
        // the largest component: reach == maxReach and containing the lowest such node
        int first = -1;
        for (int s = 0; s < n && first < 0; s++) {
            if (reach[s] == maxReach) {
                first = s;
            }
        }
        // nodes in first's component
        java.util.Arrays.fill(dist, -1);
        dist[first] = 0;
        int head = 0;
        int tail = 0;
        queue[tail++] = first;
        int diameter = 0;
        while (head < tail) {
            int u = queue[head++];
            diameter = Math.max(diameter, ecc[u]);
            for (int k = 0; k < g.degree(u); k++) {
                int v = g.neighbour(u, k);
                if (dist[v] < 0) {
                    dist[v] = 0;
                    queue[tail++] = v;
                }
            }
        }
        return new double[] {pairs == 0 ? Double.NaN : (double) sum / pairs, diameter};
    }

    @Test
    void randomGraphsAgreeWithAPlainAllPairsSearch() {
        double[][] cases = {{50, 0.02}, {120, 0.03}, {200, 0.01}, {300, 0.05}, {150, 0.2}};
        long seed = 31;
        for (double[] c : cases) {
            IndexedGraph g = TestGraphs.gnp((int) c[0], c[1], seed++);
            double[] expected = bruteForce(g);
            for (TopologyAnalysis.Engine e : ENGINES) {
                TopologyAnalysis a = exact(g, e);
                assertEquals(expected[0], a.meanShortestPath(), 1e-12, e + " G" + java.util.Arrays.toString(c));
                assertEquals((int) expected[1], a.diameter(), e + " G" + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void aboveTheExactBoundTheDiameterComesFromIfubAndTheMeanFromASample() {
        // exactMaxNodes = 0 forces the large-graph path on graphs small enough to check exactly
        long seed = 71;
        for (double[] c : new double[][] {{400, 0.015}, {600, 0.006}, {500, 0.05}}) {
            IndexedGraph g = TestGraphs.gnp((int) c[0], c[1], seed++);
            double[] expected = bruteForce(g);
            for (TopologyAnalysis.Engine e : ENGINES) {
                TopologyAnalysis a = TopologyAnalysis.analyze(g, 0, 64, 9, e);
                String what = e + " G" + java.util.Arrays.toString(c);
                assertTrue(a.estimated(), what);
                assertTrue(a.diameterExact(), what + ": " + a);
                assertEquals((int) expected[1], a.diameter(), what);
                // the estimate is within 4 standard errors of the truth (and its error is not zero)
                assertTrue(a.meanShortestPathStdErr() > 0, what);
                assertEquals(expected[0], a.meanShortestPath(), 4 * a.meanShortestPathStdErr(), what);
                // and the same seed gives the same estimate
                assertEquals(a, TopologyAnalysis.analyze(g, 0, 64, 9, e), what);
            }
        }
        // a vertex-transitive graph: every source has the same distance sum, so the estimate is exact
        TopologyAnalysis ring = TopologyAnalysis.analyze(TestGraphs.ring(1001), 0, 20, 3);
        assertTrue(ring.estimated());
        assertEquals(1002 / 4.0, ring.meanShortestPath(), 1e-9);
        assertEquals(0.0, ring.meanShortestPathStdErr(), 1e-9);
        assertEquals(500, ring.diameter());
        TopologyAnalysis cube = TopologyAnalysis.analyze(TestGraphs.hypercube(9), 0, 100, 3);
        assertEquals(9, cube.diameter());
        assertTrue(cube.diameterExact());
        assertEquals(9 * 256 / 511.0, cube.meanShortestPath(), 1e-12);
    }

    @Test
    void ifubIsExactFromEveryStartingNode() {
        // iFUB must be exact wherever it starts; from peripheral nodes it has to check several fringe levels
        for (long seed = 1; seed <= 40; seed++) {
            int n = 30 + (int) (seed % 30);
            IndexedGraph g = TestGraphs.gnp(n, (seed % 2 == 0 ? 1.5 : 2.5) / n, seed);
            int[][] dist = new int[n][];
            for (int s = 0; s < n; s++) {
                dist[s] = bfs(g, s);
            }
            for (int u = 0; u < n; u++) {
                int diameter = 0; // of u's component
                for (int x = 0; x < n; x++) {
                    if (dist[u][x] >= 0) {
                        for (int y = 0; y < n; y++) {
                            diameter = Math.max(diameter, dist[x][y]);
                        }
                    }
                }
                for (TopologyAnalysis.Engine e : new TopologyAnalysis.Engine[] {
                        TopologyAnalysis.Engine.SINGLE, TopologyAnalysis.Engine.MULTI}) {
                    int[] bounds = TopologyAnalysis.ifubFrom(g, u, e);
                    assertEquals(diameter, bounds[0], e + " seed " + seed + " from " + u);
                    assertEquals(diameter, bounds[1], e + " seed " + seed + " from " + u);
                }
            }
        }
    }

    private static int[] bfs(IndexedGraph g, int s) {
        int n = g.nodeCount();
        int[] dist = new int[n];
        java.util.Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        dist[s] = 0;
        queue[tail++] = s;
        while (head < tail) {
            int u = queue[head++];
            for (int k = 0; k < g.degree(u); k++) {
                int v = g.neighbour(u, k);
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
        return dist;
    }

    @Test
    void sampleCoveringEveryNodeIsExact() {
        IndexedGraph g = TestGraphs.gnp(100, 0.05, 4);
        TopologyAnalysis sampled = TopologyAnalysis.analyze(g, 0, 100, 1);
        assertFalse(sampled.estimated());
        assertEquals(bruteForce(g)[0], sampled.meanShortestPath(), 1e-12);
    }

    @Test
    void analyzesATopologyOfNodesAndLinks() {
        Topology t = new Topology();
        for (String id : new String[] {"a", "b", "c", "d"}) {
            t.putNode(new Node(id, NodeKind.DEVICE, 1, 1, 0, 0, "", null));
        }
        t.putLink(new Link("a", "b", 10, 1, null));
        t.putLink(new Link("b", "c", 10, 1, null));
        t.putLink(new Link("c", "d", 10, 1, null));
        t.putLink(new Link("d", "a", 10, 1, null));
        t.putLink(new Link("a", "c", 10, 1, null));
        TopologyAnalysis a = TopologyAnalysis.analyze(t);
        // a and c have degree 3, b and d degree 2; only b-d is at distance 2: (5 + 2) / 6
        assertEquals(2, a.minDegree());
        assertEquals(3, a.maxDegree());
        assertEquals(2.5, a.meanDegree(), 0);
        assertEquals(2, a.diameter());
        assertEquals(7.0 / 6, a.meanShortestPath(), 1e-15);
    }
}

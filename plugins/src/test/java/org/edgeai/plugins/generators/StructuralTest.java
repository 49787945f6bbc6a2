package org.edgeai.plugins.generators;

import static org.edgeai.plugins.generators.GraphChecks.assertAllDegrees;
import static org.edgeai.plugins.generators.GraphChecks.assertSimple;
import static org.edgeai.plugins.generators.GraphChecks.connected;
import static org.edgeai.plugins.generators.GraphChecks.degrees;
import static org.edgeai.plugins.generators.GraphChecks.edgeSet;
import static org.edgeai.plugins.generators.GraphChecks.gen;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.layout.Layouts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Closed forms of the structured families. */
class StructuralTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 16, 1001})
    void ringHasNLinksAndEveryDegreeTwo(int n) {
        GeneratedGraph g = gen(new RingGenerator(), Map.of("nodes", n), 0);
        assertEquals(n, g.n());
        assertEquals(n, g.edgeCount());
        assertSimple(g);
        assertAllDegrees(g, 2);
        assertTrue(connected(g));
        for (int e = 0; e < n; e++) { // consecutive indices are neighbours
            assertEquals(1, Math.floorMod(g.edgeV()[e] - g.edgeU()[e], n), "edge " + e);
        }
        assertEquals(LayoutKind.CIRCLE, g.layout());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 50})
    void completeHasAllPairs(int n) {
        GeneratedGraph g = gen(new CompleteGenerator(), Map.of("nodes", n), 0);
        assertEquals((long) n * (n - 1) / 2, g.edgeCount());
        assertSimple(g);
        assertAllDegrees(g, n - 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 100})
    void starHasServerCentreAndDeviceLeaves(int n) {
        GeneratedGraph g = gen(new StarGenerator(), Map.of("nodes", n), 0);
        assertEquals(n - 1, g.edgeCount());
        assertSimple(g);
        int[] d = degrees(g);
        assertEquals(n - 1, d[0]);
        for (int i = 1; i < n; i++) {
            assertEquals(1, d[i], "leaf n" + i);
            assertEquals(NodeKind.DEVICE, g.kinds()[i]);
        }
        assertEquals(NodeKind.SERVER, g.kinds()[0]);
        // positions: centre at the origin, leaves on one circle at least SPACING out, all distinct
        assertEquals(0, g.x()[0]);
        assertEquals(0, g.y()[0]);
        double r = Math.hypot(g.x()[1], g.y()[1]);
        assertTrue(r >= Layouts.SPACING - 1e-9);
        Set<String> pts = new HashSet<>();
        for (int i = 1; i < n; i++) {
            assertEquals(r, Math.hypot(g.x()[i], g.y()[i]), 1e-6);
            assertTrue(pts.add(Math.round(g.x()[i] * 1000) + "," + Math.round(g.y()[i] * 1000)));
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,2", "7,1", "15,2", "40,3", "13,12", "100,7"})
    void treeIsAConnectedBfsNumberedTreeWithServerRoot(int n, int b) {
        GeneratedGraph g = gen(new TreeGenerator(), Map.of("nodes", n, "branching", b), 0);
        assertEquals(n - 1, g.edgeCount());
        assertSimple(g);
        assertTrue(connected(g));
        assertEquals(NodeKind.SERVER, g.kinds()[0]);
        for (int i = 1; i < n; i++) {
            assertEquals(NodeKind.DEVICE, g.kinds()[i], "n" + i);
        }
        // BFS numbering: children of n0 are n1..nb, children of n1 are n(b+1)..n(2b), ...
        int[] parent = new int[n];
        for (int e = 0; e < g.edgeCount(); e++) {
            assertTrue(g.edgeU()[e] < g.edgeV()[e]);
            parent[g.edgeV()[e]] = g.edgeU()[e];
        }
        for (int c = 1; c < n; c++) {
            assertEquals((c - 1) / b, parent[c], "parent of n" + c);
        }
        int[] d = degrees(g);
        assertEquals(Math.min(b, n - 1), d[0]);
        assertEquals(LayoutKind.TREE, g.layout());
    }

    @Test
    void treeOfFifteenIsTheCompleteBinaryTree() {
        GeneratedGraph g = gen(new TreeGenerator(), Map.of(), 0); // defaults: 15 nodes, branching 2
        assertEquals("0-1 0-2 1-3 1-4 2-5 2-6 3-7 3-8 4-9 4-10 5-11 5-12 6-13 6-14", GraphChecks.edgeList(g));
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,5", "5,1", "2,3", "4,4", "7,13"})
    void gridHasTheLatticeLinkCount(int rows, int cols) {
        GeneratedGraph g = gen(new GridGenerator(), Map.of("rows", rows, "cols", cols), 0);
        assertEquals(rows * cols, g.n());
        assertEquals(rows * (cols - 1) + cols * (rows - 1), g.edgeCount());
        assertSimple(g);
        assertTrue(connected(g));
        for (int e = 0; e < g.edgeCount(); e++) { // every link joins lattice neighbours one SPACING apart
            int a = g.edgeU()[e];
            int b = g.edgeV()[e];
            assertEquals(1, Math.abs(a / cols - b / cols) + Math.abs(a % cols - b % cols), "edge " + a + "-" + b);
            assertEquals(Layouts.SPACING, Math.hypot(g.x()[a] - g.x()[b], g.y()[a] - g.y()[b]), 1e-9);
        }
        assertEquals((cols - 1) * Layouts.SPACING, g.x()[cols - 1]);
        assertEquals((rows - 1) * Layouts.SPACING, g.y()[rows * cols - 1]);
    }

    @ParameterizedTest
    @CsvSource({"3,3", "3,5", "4,4", "10,7"})
    void torusHasTwoRcLinksAndEveryDegreeFour(int rows, int cols) {
        GeneratedGraph g = gen(new GridGenerator(), Map.of("rows", rows, "cols", cols, "torus", true), 0);
        assertEquals(2 * rows * cols, g.edgeCount());
        assertSimple(g);
        assertAllDegrees(g, 4);
        for (int e = 0; e < g.edgeCount(); e++) { // neighbours modulo the wrap
            int a = g.edgeU()[e];
            int b = g.edgeV()[e];
            int dr = Math.floorMod(a / cols - b / cols, rows);
            int dc = Math.floorMod(a % cols - b % cols, cols);
            boolean rowStep = dc == 0 && (dr == 1 || dr == rows - 1);
            boolean colStep = dr == 0 && (dc == 1 || dc == cols - 1);
            assertTrue(rowStep || colStep, "edge " + a + "-" + b);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 10})
    void hypercubeHasDTimesTwoToDMinusOneLinksAndDegreeD(int d) {
        GeneratedGraph g = gen(new HypercubeGenerator(), Map.of("dimension", d), 0);
        int n = 1 << d;
        assertEquals(n, g.n());
        assertEquals(d * (n / 2), g.edgeCount());
        assertSimple(g);
        assertAllDegrees(g, d);
        for (int e = 0; e < g.edgeCount(); e++) {
            assertEquals(1, Integer.bitCount(g.edgeU()[e] ^ g.edgeV()[e]), "labels differ in one bit");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 17, 24, 31, 32, 33, 100, 1000})
    void exponentialLinksEveryNodeToItsPlusMinusPowerOfTwoNeighbours(int n) {
        GeneratedGraph g = gen(new ExponentialGenerator(), Map.of("nodes", n), 0);
        assertSimple(g);
        // independent construction from the definition, with a set to drop duplicates
        TreeSet<Long> expected = new TreeSet<>();
        Set<Integer> offsets = new HashSet<>();
        for (long p = 1; p < n; p *= 2) {
            offsets.add((int) (p % n));
            offsets.add((int) ((n - p % n) % n));
            for (int i = 0; i < n; i++) {
                int a = (int) ((i + p) % n);
                int b = (int) Math.floorMod(i - p, (long) n);
                if (a != i) {
                    expected.add(GraphChecks.key(i, a));
                }
                if (b != i) {
                    expected.add(GraphChecks.key(i, b));
                }
            }
        }
        offsets.remove(0);
        assertEquals(expected, edgeSet(g));
        assertAllDegrees(g, offsets.size()); // circulant: degree = number of distinct offsets
        assertTrue(connected(g));
    }

    @Test
    void exponentialDegreesForKnownSizes() {
        // n = 16: offsets ±1, ±2, ±4 and 8 (= -8): degree 7; n = 6: ±1, ±2, 4 = -2: degree 4; n = 2: degree 1
        assertAllDegrees(gen(new ExponentialGenerator(), Map.of("nodes", 16), 0), 7);
        assertAllDegrees(gen(new ExponentialGenerator(), Map.of("nodes", 6), 0), 4);
        assertAllDegrees(gen(new ExponentialGenerator(), Map.of("nodes", 2), 0), 1);
        assertAllDegrees(gen(new ExponentialGenerator(), Map.of("nodes", 17), 0), 8); // ±1, ±2, ±4, ±8
    }

    @ParameterizedTest
    @CsvSource({"3,2", "10,4", "11,10", "100,6"})
    void wattsStrogatzWithBetaZeroIsTheRingLattice(int n, int k) {
        GeneratedGraph g = gen(new WattsStrogatzGenerator(), Map.of("nodes", n, "k", k, "beta", 0.0), 99);
        assertSimple(g);
        assertEquals(n * k / 2, g.edgeCount());
        assertAllDegrees(g, k);
        for (int e = 0; e < g.edgeCount(); e++) {
            int dist = Math.floorMod(g.edgeV()[e] - g.edgeU()[e], n);
            assertTrue(dist >= 1 && dist <= k / 2, "lattice edge spans " + dist);
        }
    }

    @ParameterizedTest
    @CsvSource({"50,4,0.3", "200,6,1.0", "31,2,0.5"})
    void wattsStrogatzKeepsTheLinkCountAndOneEndOfEachLink(int n, int k, double beta) {
        GeneratedGraph g = gen(new WattsStrogatzGenerator(), Map.of("nodes", n, "k", k, "beta", beta), 5);
        assertSimple(g);
        assertEquals(n * k / 2, g.edgeCount());
        // link i*k/2 + r starts at node i whether rewired or not, so every node keeps degree >= k/2
        for (int e = 0; e < g.edgeCount(); e++) {
            assertEquals(e / (k / 2), g.edgeU()[e]);
        }
        for (int d : degrees(g)) {
            assertTrue(d >= k / 2);
        }
    }

    @ParameterizedTest
    @CsvSource({"2,1", "10,1", "10,3", "100,2", "300,5", "20,19"})
    void barabasiAlbertHasTheSeedGraphPlusMLinksPerNewNode(int n, int m) {
        GeneratedGraph g = gen(new BarabasiAlbertGenerator(), Map.of("nodes", n, "m", m), 17);
        assertSimple(g);
        assertEquals(m * (m - 1) / 2 + (n - m) * m, g.edgeCount());
        assertTrue(connected(g));
        // the first m(m-1)/2 links are the complete seed graph; node i >= m owns exactly m links to earlier nodes
        int seedLinks = m * (m - 1) / 2;
        for (int e = 0; e < seedLinks; e++) {
            assertTrue(g.edgeU()[e] < m && g.edgeV()[e] < m);
        }
        for (int e = seedLinks; e < g.edgeCount(); e++) {
            int node = m + (e - seedLinks) / m;
            assertEquals(node, g.edgeU()[e]);
            assertTrue(g.edgeV()[e] < node);
        }
        for (int d : degrees(g)) {
            assertTrue(d >= m);
        }
    }

    @Test
    void deterministicFamiliesIgnoreTheSeedAndAreAllDevices() {
        for (AbstractGenerator p : new AbstractGenerator[] {new RingGenerator(), new CompleteGenerator(),
                new HypercubeGenerator(), new ExponentialGenerator(), new GridGenerator()}) {
            GeneratedGraph a = p.generate(p.validate(Map.of()), 1);
            GeneratedGraph b = p.generate(p.validate(Map.of()), 2);
            assertArrayEquals(a.edgeU(), b.edgeU(), p.id());
            assertArrayEquals(a.edgeV(), b.edgeV(), p.id());
            assertNull(a.kinds(), p.id() + ": all devices");
        }
    }
}

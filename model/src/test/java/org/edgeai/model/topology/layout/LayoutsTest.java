package org.edgeai.model.topology.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.generate.LayoutKind;
import org.junit.jupiter.api.Test;

class LayoutsTest {

    // ------------------------------------------------------------ graphs built here, independently of the plugins

    /** Complete b-ary tree in BFS numbering: parent of c is (c-1)/b. */
    private static IndexedGraph karyTree(int n, int b) {
        int[] u = new int[n - 1];
        int[] v = new int[n - 1];
        for (int c = 1; c < n; c++) {
            u[c - 1] = (c - 1) / b;
            v[c - 1] = c;
        }
        return IndexedGraph.ofEdges(n, u, v);
    }

    /** A random tree (each node c > 0 hangs below a uniformly chosen earlier node): uneven subtrees. */
    private static IndexedGraph randomTree(int n, long seed) {
        Random r = new Random(seed);
        int[] u = new int[n - 1];
        int[] v = new int[n - 1];
        for (int c = 1; c < n; c++) {
            u[c - 1] = r.nextInt(c);
            v[c - 1] = c;
        }
        return IndexedGraph.ofEdges(n, u, v);
    }

    /** G(n, m): m distinct random pairs. */
    private static IndexedGraph randomGraph(int n, int m, long seed) {
        Random r = new Random(seed);
        Set<Long> seen = new HashSet<>();
        int[] u = new int[m];
        int[] v = new int[m];
        int e = 0;
        while (e < m) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a == b || !seen.add((long) Math.min(a, b) * n + Math.max(a, b))) {
                continue;
            }
            u[e] = a;
            v[e++] = b;
        }
        return IndexedGraph.ofEdges(n, u, v);
    }

    private static double minPairDistance(double[][] p) {
        double best = Double.POSITIVE_INFINITY;
        int n = p[0].length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                best = Math.min(best, Math.hypot(p[0][i] - p[0][j], p[1][i] - p[1][j]));
            }
        }
        return best;
    }

    // ------------------------------------------------------------ tree

    @Test
    void treePutsEveryChildOneLayerBelowItsParent() {
        IndexedGraph g = randomTree(300, 5);
        double[][] p = Layouts.tree(g);
        for (int e = 0; e < g.linkCount(); e++) {
            int parent = g.linkSource(e);
            int child = g.linkTarget(e);
            assertEquals(p[1][parent] + Layouts.LAYER_GAP, p[1][child], 1e-9, "child n" + child + " of n" + parent);
        }
        assertEquals(0.0, p[1][0], "root on top");
        for (int i = 1; i < 300; i++) {
            assertTrue(p[1][i] > p[1][0], "n" + i + " below the root");
        }
    }

    @Test
    void treeSubtreesOfSiblingsOccupyDisjointColumnRanges() {
        int n = 200;
        IndexedGraph g = randomTree(n, 11);
        double[][] p = Layouts.tree(g);
        // subtree x-extent computed bottom-up (parents have smaller index in randomTree)
        int[] parent = new int[n];
        parent[0] = -1;
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kids.add(new ArrayList<>());
        }
        for (int e = 0; e < g.linkCount(); e++) {
            parent[g.linkTarget(e)] = g.linkSource(e);
            kids.get(g.linkSource(e)).add(g.linkTarget(e));
        }
        double[] lo = p[0].clone();
        double[] hi = p[0].clone();
        for (int i = n - 1; i > 0; i--) {
            lo[parent[i]] = Math.min(lo[parent[i]], lo[i]);
            hi[parent[i]] = Math.max(hi[parent[i]], hi[i]);
        }
        int pairs = 0;
        for (List<Integer> sib : kids) {
            for (int a = 0; a < sib.size(); a++) {
                for (int b = a + 1; b < sib.size(); b++) {
                    int s = sib.get(a);
                    int t = sib.get(b);
                    boolean disjoint = hi[s] + Layouts.SPACING - 1e-9 <= lo[t] || hi[t] + Layouts.SPACING - 1e-9 <= lo[s];
                    assertTrue(disjoint, "subtrees of siblings n" + s + " [" + lo[s] + ", " + hi[s] + "] and n" + t
                            + " [" + lo[t] + ", " + hi[t] + "] overlap");
                    pairs++;
                }
            }
        }
        assertTrue(pairs > 100, "the random tree has many sibling pairs to compare: " + pairs);
        assertTrue(minPairDistance(p) >= Layouts.SPACING - 1e-9, "nodes at least SPACING apart");
    }

    @Test
    void treeOfBinaryTreeIsSymmetricWithParentsCentred() {
        double[][] p = Layouts.tree(karyTree(7, 2));
        // leaves n3..n6 in columns 0..3, centred on 0
        assertArrayEquals(new double[] {-150, -50, 50, 150}, Arrays.copyOfRange(p[0], 3, 7), 1e-9);
        assertEquals(-100, p[0][1], 1e-9);
        assertEquals(100, p[0][2], 1e-9);
        assertEquals(0, p[0][0], 1e-9);
        assertArrayEquals(new double[] {0, 150, 150, 300, 300, 300, 300}, p[1], 1e-9);
    }

    @Test
    void treeOfAGraphWithCyclesAndComponentsUsesBfsTreesAndSeparatesComponents() {
        // 0-1, 0-2, 1-2 (cycle), 1-3; then a separate component 4-5
        IndexedGraph g = IndexedGraph.ofEdges(6, new int[] {0, 0, 1, 1, 4}, new int[] {1, 2, 2, 3, 5});
        double[][] p = Layouts.tree(g);
        assertEquals(0, p[1][0], 1e-9);
        assertEquals(Layouts.LAYER_GAP, p[1][1], 1e-9);
        assertEquals(Layouts.LAYER_GAP, p[1][2], 1e-9, "n2 is a child of n0 in the BFS tree, not of n1");
        assertEquals(2 * Layouts.LAYER_GAP, p[1][3], 1e-9);
        assertEquals(0, p[1][4], 1e-9, "second component rooted at n4");
        assertTrue(p[0][4] > Math.max(p[0][2], p[0][3]), "second component to the right");
        assertTrue(minPairDistance(p) >= Layouts.SPACING - 1e-9);
    }

    @Test
    void treeOfDeepPathNeedsNoRecursion() {
        int n = 200_000;
        int[] u = new int[n - 1];
        int[] v = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            u[i] = i;
            v[i] = i + 1;
        }
        double[][] p = Layouts.tree(IndexedGraph.ofEdges(n, u, v));
        assertEquals((n - 1) * Layouts.LAYER_GAP, p[1][n - 1], 1e-6);
        assertEquals(0, p[0][n - 1], 1e-9);
    }

    // ------------------------------------------------------------ force

    @Test
    void forceIsDeterministicForASeedAndDiffersAcrossSeeds() {
        IndexedGraph g = randomGraph(120, 300, 3);
        double[][] a = Layouts.force(g, 42);
        double[][] b = Layouts.force(g, 42);
        double[][] c = Layouts.force(g, 43);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
        assertFalse(Arrays.equals(a[0], c[0]), "another seed gives another drawing");
        assertArrayEquals(a[0], Layouts.layout(LayoutKind.FORCE, g, 42)[0], "layout(FORCE) is force()");
    }

    @Test
    void forceKeepsNodesApartAndLinksNearTheIdealLength() {
        for (long seed = 0; seed < 5; seed++) {
            IndexedGraph g = randomGraph(150, 300, seed);
            double[][] p = Layouts.force(g, seed);
            assertTrue(minPairDistance(p) > 0.1 * Layouts.SPACING, "seed " + seed + ": min distance " + minPairDistance(p));
            double sum = 0;
            for (int e = 0; e < g.linkCount(); e++) {
                sum += Math.hypot(p[0][g.linkSource(e)] - p[0][g.linkTarget(e)], p[1][g.linkSource(e)] - p[1][g.linkTarget(e)]);
            }
            double mean = sum / g.linkCount();
            assertTrue(mean > 0.5 * Layouts.SPACING && mean < 3 * Layouts.SPACING, "seed " + seed + ": mean link length " + mean);
        }
    }

    @Test
    void forceSpreadsOverASquareOfSideAboutSpacingTimesSqrtN() {
        int n = 400;
        double[][] p = Layouts.force(randomGraph(n, 800, 9), 1);
        double w = Arrays.stream(p[0]).max().getAsDouble() - Arrays.stream(p[0]).min().getAsDouble();
        double h = Arrays.stream(p[1]).max().getAsDouble() - Arrays.stream(p[1]).min().getAsDouble();
        double side = Layouts.SPACING * Math.sqrt(n);
        assertTrue(w > 0.4 * side && w < 3 * side, "width " + w + " vs " + side);
        assertTrue(h > 0.4 * side && h < 3 * side, "height " + h + " vs " + side);
    }

    @Test
    void forceDoesNotCollapseRandomGraphsSoTheGridStaysSparse() {
        // a random graph pulls every region towards every other; without the density feedback the drawing
        // shrank to a clump with ~270 others within 2k of each node (and an O(n^2) iteration)
        int n = 2000;
        IndexedGraph g = randomGraph(n, 3 * n, 21);
        double[][] p = Layouts.force(g, 4);
        double cut = 2 * Layouts.SPACING;
        long close = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.hypot(p[0][i] - p[0][j], p[1][i] - p[1][j]) < cut) {
                    close++;
                }
            }
        }
        double perNode = 2.0 * close / n;
        assertTrue(perNode < 2.5 * 4 * Math.PI, "others within 2k per node: " + perNode + " (4 pi = 12.6 at the target density)");
        // and linked nodes are still much closer than random pairs
        double link = 0;
        for (int e = 0; e < g.linkCount(); e++) {
            link += Math.hypot(p[0][g.linkSource(e)] - p[0][g.linkTarget(e)], p[1][g.linkSource(e)] - p[1][g.linkTarget(e)]);
        }
        link /= g.linkCount();
        double any = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            any += Math.hypot(p[0][i] - p[0][i + 1], p[1][i] - p[1][i + 1]);
        }
        any /= n / 2;
        assertTrue(link < 0.8 * any, "mean link length " + link + " vs mean distance of unrelated pairs " + any);
    }

    @Test
    void forceSeparatesNodesThatAreLinkedToTheSameHubs() {
        // complete bipartite K(2, 30): the 30 leaves have identical forces from the hubs; only repulsion separates them
        int[] u = new int[60];
        int[] v = new int[60];
        for (int i = 0; i < 30; i++) {
            u[2 * i] = 0;
            v[2 * i] = i + 2;
            u[2 * i + 1] = 1;
            v[2 * i + 1] = i + 2;
        }
        double[][] p = Layouts.force(IndexedGraph.ofEdges(32, u, v), 7);
        assertTrue(minPairDistance(p) > 0.1 * Layouts.SPACING, "min distance " + minPairDistance(p));
    }

    @Test
    void forceFallsBackToTheBfsGridAboveTheLimit() {
        int n = Layouts.FORCE_MAX_NODES + 1;
        int[] u = new int[n - 1];
        int[] v = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) { // a path listed backwards from n0's point of view is still a BFS path
            u[i] = i;
            v[i] = i + 1;
        }
        IndexedGraph g = IndexedGraph.ofEdges(n, u, v);
        double[][] p = Layouts.force(g, 1);
        assertArrayEquals(Layouts.bfsGrid(g)[0], p[0]);
        // snake order: consecutive path nodes exactly one SPACING apart, all positions distinct
        for (int i = 0; i + 1 < n; i++) {
            assertEquals(Layouts.SPACING, Math.hypot(p[0][i] - p[0][i + 1], p[1][i] - p[1][i + 1]), 1e-9, "n" + i);
        }
        Set<Long> cells = new HashSet<>();
        for (int i = 0; i < n; i++) {
            cells.add(Math.round(p[0][i]) * 1_000_000_000L + Math.round(p[1][i]));
        }
        assertEquals(n, cells.size());
    }

    @Test
    void tinyGraphsAreHandled() {
        IndexedGraph empty = IndexedGraph.ofEdges(0, new int[0], new int[0]);
        IndexedGraph one = IndexedGraph.ofEdges(1, new int[0], new int[0]);
        for (LayoutKind k : LayoutKind.values()) {
            assertEquals(0, Layouts.layout(k, empty, 1)[0].length, k.id());
            double[][] p = Layouts.layout(k, one, 1);
            assertTrue(Double.isFinite(p[0][0]) && Double.isFinite(p[1][0]), k.id());
        }
        double[][] two = Layouts.force(IndexedGraph.ofEdges(2, new int[] {0}, new int[] {1}), 3);
        assertTrue(Math.hypot(two[0][0] - two[0][1], two[1][0] - two[1][1]) > 0.5 * Layouts.SPACING);
    }
}

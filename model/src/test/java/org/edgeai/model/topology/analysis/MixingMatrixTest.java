package org.edgeai.model.topology.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class MixingMatrixTest {

    @Test
    void ruleIdsRoundTripAndUnknownIdListsTheValidOnes() {
        assertSame(MixingRule.METROPOLIS, MixingRule.fromId("metropolis"));
        assertSame(MixingRule.MAX_DEGREE, MixingRule.fromId("max-degree"));
        assertSame(MixingRule.CUSTOM, MixingRule.fromId("custom"));
        for (MixingRule r : MixingRule.values()) {
            assertSame(r, MixingRule.fromId(r.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixingRule.fromId("maxdegree"));
        assertEquals("unknown mixing rule 'maxdegree'; valid mixing rules: metropolis, max-degree, custom", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MixingRule.fromId(null));
    }

    @Test
    void metropolisOnAPathHasTheHandComputedEntries() {
        // path 0-1-2-3: degrees 1,2,2,1; every link touches a degree-2 node, so W_ij = 1/3
        MixingMatrix w = MixingMatrix.metropolis(TestGraphs.path(4));
        double t = 1.0 / 3;
        double[][] expected = {
            {1 - t, t, 0, 0},
            {t, 1 - 2 * t, t, 0},
            {0, t, 1 - 2 * t, t},
            {0, 0, t, 1 - t},
        };
        double[][] dense = w.toDense();
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], dense[i], 1e-15, "row " + i);
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[i][j], w.get(i, j), 1e-15);
            }
        }
        assertEquals(MixingRule.METROPOLIS, w.rule());
    }

    @Test
    void metropolisOnAStarUsesTheLargerDegree() {
        // star with 5 nodes: centre degree 4, leaves degree 1 -> W_0j = 1/5, W_00 = 1/5, W_jj = 4/5
        MixingMatrix w = MixingMatrix.metropolis(TestGraphs.star(5));
        assertEquals(0.2, w.get(0, 3), 1e-15);
        assertEquals(0.2, w.get(3, 0), 1e-15);
        assertEquals(0.2, w.diagonal(0), 1e-15);
        assertEquals(0.8, w.get(2, 2), 1e-15);
        assertEquals(0.0, w.get(1, 2), 0.0);
    }

    @Test
    void maxDegreeUsesTheGraphsLargestDegreeEverywhere() {
        // path 0-1-2-3 plus 1-3: degrees 1,3,2,2; d_max = 3 -> 1/4 on every link
        IndexedGraph g = new TestGraphs.Edges().add(0, 1).add(1, 2).add(2, 3).add(1, 3).graph(4);
        MixingMatrix w = MixingMatrix.of(g, MixingRule.MAX_DEGREE);
        assertEquals(0.25, w.get(0, 1), 0);
        assertEquals(0.25, w.get(2, 3), 0);
        assertEquals(0.75, w.diagonal(0), 1e-15);
        assertEquals(0.25, w.diagonal(1), 1e-15);
        assertEquals(0.5, w.diagonal(2), 1e-15);
    }

    @Test
    void randomGraphsGiveSymmetricDoublyStochasticNonnegativeMatrices() {
        for (long seed = 1; seed <= 5; seed++) {
            IndexedGraph g = TestGraphs.gnp(40, 0.15, seed);
            for (MixingRule rule : new MixingRule[] {MixingRule.METROPOLIS, MixingRule.MAX_DEGREE}) {
                double[][] a = MixingMatrix.of(g, rule).toDense();
                for (int i = 0; i < 40; i++) {
                    double row = 0;
                    for (int j = 0; j < 40; j++) {
                        assertTrue(a[i][j] >= 0, rule + " entry " + i + "," + j);
                        assertEquals(a[i][j], a[j][i], 0, "symmetry");
                        row += a[i][j];
                    }
                    assertEquals(1.0, row, 1e-14, rule + " row " + i);
                }
            }
        }
    }

    @Test
    void multiplyMatchesTheDenseProductAndAccessorsAgree() {
        IndexedGraph g = TestGraphs.gnp(30, 0.2, 11);
        MixingMatrix w = MixingMatrix.metropolis(g);
        double[][] a = w.toDense();
        double[] flat = w.toDenseRowMajor();
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = r.nextDouble() - 0.5;
        }
        double[] out = new double[30];
        w.multiply(x, out);
        for (int i = 0; i < 30; i++) {
            double s = 0;
            for (int j = 0; j < 30; j++) {
                s += a[i][j] * x[j];
                assertEquals(a[i][j], flat[i * 30 + j], 0);
                assertEquals(a[i][j], w.get(i, j), 0);
            }
            assertEquals(s, out[i], 1e-14);
            for (int k = 0; k < g.degree(i); k++) {
                assertEquals(a[i][g.neighbour(i, k)], w.weight(i, k), 0);
            }
        }
        // the average is preserved by a doubly stochastic matrix
        double before = 0;
        double after = 0;
        for (int i = 0; i < 30; i++) {
            before += x[i];
            after += out[i];
        }
        assertEquals(before, after, 1e-13);
        assertThrows(IllegalArgumentException.class, () -> w.multiply(x, x));
        assertThrows(IllegalArgumentException.class, () -> w.multiply(new double[29], out));
    }

    @Test
    void repeatedLinksAndSelfLoopsAreRejected() {
        IndexedGraph twice = new TestGraphs.Edges().add(0, 1).add(1, 2).add(2, 1).graph(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixingMatrix.metropolis(twice));
        assertEquals("mixing matrix: link n1 -- n2 appears more than once; at most one link may join two nodes",
                e.getMessage());
        IndexedGraph loop = new TestGraphs.Edges().add(0, 1).add(1, 1).graph(2);
        e = assertThrows(IllegalArgumentException.class, () -> MixingMatrix.maxDegree(loop));
        assertTrue(e.getMessage().contains("n1 -- n1 is a self-loop"), e.getMessage());
    }

    // ------------------------------------------------------------------ custom weights

    private static Topology triangleWithTail(Double w01, Double w12, Double w02, Double w23) {
        Topology t = new Topology();
        for (int i = 0; i < 4; i++) {
            t.putNode(new Node("n" + i, NodeKind.DEVICE, 1, 1, 0, 0, "", null));
        }
        t.putLink(new Link("n0", "n1", 10, 1, w01));
        t.putLink(new Link("n1", "n2", 10, 1, w12));
        t.putLink(new Link("n0", "n2", 10, 1, w02));
        t.putLink(new Link("n2", "n3", 10, 1, w23));
        return t;
    }

    @Test
    void validCustomWeightsAreUsedAsGiven() {
        Topology t = triangleWithTail(0.5, 0.25, 0.25, 0.5);
        MixingMatrix w = MixingMatrix.of(t, MixingRule.CUSTOM);
        assertEquals(MixingRule.CUSTOM, w.rule());
        assertEquals(0.5, w.get(0, 1), 0);
        assertEquals(0.25, w.get(2, 1), 0);
        assertEquals(0.25, w.diagonal(0), 0);   // 1 - 0.5 - 0.25
        assertEquals(0.25, w.diagonal(1), 0);   // 1 - 0.5 - 0.25
        assertEquals(0.0, w.diagonal(2), 0);    // 1 - 0.25 - 0.25 - 0.5
        assertEquals(0.5, w.diagonal(3), 0);
        for (double[] row : w.toDense()) {
            double s = 0;
            for (double x : row) {
                assertTrue(x >= 0);
                s += x;
            }
            assertEquals(1.0, s, 0);
        }
    }

    @Test
    void customWeightsSummingToOneUpToRoundingGiveAZeroDiagonal() {
        // 1/3 three times at n0 sums to 1 up to rounding: W_00 is exactly 0, not -1e-16
        IndexedGraph g = TestGraphs.star(4);
        double third = 1.0 / 3;
        MixingMatrix w = MixingMatrix.custom(g, new double[] {third, third, third});
        assertEquals(0.0, w.diagonal(0), 0);
        assertEquals(1 - third, w.diagonal(1), 1e-16);
    }

    @Test
    void aMissingWeightIsRejectedNamingTheLink() {
        Topology t = triangleWithTail(0.5, 0.25, null, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixingMatrix.of(t, MixingRule.CUSTOM));
        assertEquals("custom mixing: link n0 -- n2 has no weight; the custom rule needs a weight on every link",
                e.getMessage());
    }

    @Test
    void aNegativeDiagonalIsRejectedNamingTheNodeAndItsRowSum() {
        // n2's weights sum to 0.5 + 0.25 + 0.5 = 1.25 > 1
        Topology t = triangleWithTail(0.25, 0.5, 0.25, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixingMatrix.of(t, MixingRule.CUSTOM));
        assertTrue(e.getMessage().startsWith("custom mixing: node n2 has link weights summing to 1.25 > 1,"
                + " so W_ii = 1 - 1.25 = -0.25 < 0;"), e.getMessage());
        assertTrue(e.getMessage().contains("doubly stochastic"), e.getMessage());
    }

    @Test
    void aNegativeWeightIsRejectedNamingTheLink() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixingMatrix.custom(TestGraphs.path(3), new double[] {0.5, -0.1}));
        assertEquals("custom mixing: link n1 -- n2 has weight -0.1; weights must be finite and >= 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MixingMatrix.custom(TestGraphs.path(3), new double[] {0.5}));
        assertTrue(e.getMessage().contains("expected one weight per link (2), got 1"), e.getMessage());
    }

    @Test
    void customNeedsWeightsSoTheIndexedOverloadRefusesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixingMatrix.of(TestGraphs.ring(5), MixingRule.CUSTOM));
        assertTrue(e.getMessage().contains("needs link weights"), e.getMessage());
    }

    @Test
    void topologyRulesIgnoreWeightsExceptCustom() {
        Topology t = triangleWithTail(0.9, 0.9, 0.9, 0.9); // invalid as custom weights, irrelevant otherwise
        MixingMatrix w = MixingMatrix.of(t, MixingRule.METROPOLIS);
        // degrees 2,2,3,1: W_01 = 1/3, W_12 = 1/4, W_23 = 1/4
        assertEquals(1.0 / 3, w.get(0, 1), 1e-15);
        assertEquals(0.25, w.get(1, 2), 1e-15);
        assertEquals(0.25, w.get(3, 2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MixingMatrix.of(t, MixingRule.CUSTOM));
    }
}

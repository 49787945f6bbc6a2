package org.edgeai.model.topology.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.edgeai.model.topology.IndexedGraph;
import org.junit.jupiter.api.Test;

class SpectrumTest {

    private static double ringRho(int n) {
        return (1 + 2 * Math.cos(2 * Math.PI / n)) / 3;
    }

    @Test
    void ringMetropolisRhoMatchesTheClosedForm() {
        for (int n : new int[] {4, 5, 6, 7, 10, 15, 16, 33, 64, 101}) {
            Spectrum s = Spectrum.full(MixingMatrix.metropolis(TestGraphs.ring(n)));
            assertEquals(ringRho(n), s.rho(), 1e-13, "ring " + n);
            assertEquals(1 - ringRho(n), s.spectralGap(), 1e-13, "ring " + n);
            // every eigenvalue: (1 + 2 cos(2 pi k / n)) / 3
            double[] expected = new double[n];
            for (int k = 0; k < n; k++) {
                expected[k] = (1 + 2 * Math.cos(2 * Math.PI * k / n)) / 3;
            }
            Arrays.sort(expected);
            reverse(expected);
            assertArrayEquals(expected, s.eigenvalues(), 1e-13, "ring " + n);
            assertEquals(Spectrum.Method.DENSE, s.method());
            assertTrue(s.converged());
        }
    }

    @Test
    void ringRhoByLanczosMatchesTheClosedForm() {
        for (int n : new int[] {4, 5, 9, 50, 301, 700}) {
            Spectrum s = Spectrum.rhoOnly(MixingMatrix.metropolis(TestGraphs.ring(n)));
            assertEquals(Spectrum.Method.LANCZOS, s.method());
            assertTrue(s.converged(), "ring " + n + ": " + s);
            assertEquals(ringRho(n), s.rho(), 1e-10, "ring " + n);
            assertEquals(n % 2 == 0 ? -1.0 / 3 : (1 + 2 * Math.cos(Math.PI * (n - 1) / n)) / 3, s.lambdaMin(), 1e-10);
            assertFalse(s.hasEigenvalues());
            assertEquals(0, s.eigenvalues().length);
        }
    }

    @Test
    void maxDegreeOnARingEqualsMetropolis() {
        for (int n : new int[] {5, 8, 13}) {
            IndexedGraph ring = TestGraphs.ring(n);
            MixingMatrix metropolis = MixingMatrix.metropolis(ring);
            MixingMatrix maxDegree = MixingMatrix.maxDegree(ring);
            double[][] a = metropolis.toDense();
            double[][] b = maxDegree.toDense();
            for (int i = 0; i < n; i++) {
                assertArrayEquals(a[i], b[i], 0);
            }
            assertArrayEquals(Spectrum.full(metropolis).eigenvalues(), Spectrum.full(maxDegree).eigenvalues(), 0);
            assertEquals(ringRho(n), Spectrum.full(maxDegree).rho(), 1e-13);
        }
    }

    @Test
    void completeGraphMixesInOneRound() {
        for (int n : new int[] {2, 3, 7, 20}) {
            MixingMatrix w = MixingMatrix.metropolis(TestGraphs.complete(n));
            for (double[] row : w.toDense()) {
                for (double x : row) {
                    assertEquals(1.0 / n, x, 1e-15);
                }
            }
            Spectrum s = Spectrum.full(w);
            assertEquals(0.0, s.rho(), 1e-14);
            assertEquals(1.0, s.eigenvalues()[0], 1e-14);
            for (int k = 1; k < n; k++) {
                assertEquals(0.0, s.eigenvalues()[k], 1e-14);
            }
            assertEquals(1, s.predictedRounds(3));
            assertEquals(0.0, Spectrum.rhoOnly(w).rho(), 1e-12);
        }
    }

    @Test
    void hypercubeSpectrumHasTheBinomialMultiplicities() {
        for (int d = 1; d <= 7; d++) {
            Spectrum s = Spectrum.full(MixingMatrix.metropolis(TestGraphs.hypercube(d)));
            double[] expected = new double[1 << d];
            int idx = 0;
            for (int k = 0; k <= d; k++) {
                long mult = binomial(d, k);
                for (long t = 0; t < mult; t++) {
                    expected[idx++] = (1.0 + d - 2.0 * k) / (d + 1);
                }
            }
            assertArrayEquals(expected, s.eigenvalues(), 1e-13, "hypercube " + d);
            assertEquals((d - 1.0) / (d + 1), s.rho(), 1e-13, "hypercube " + d);
            if (d >= 2) {
                assertEquals((d - 1.0) / (d + 1), Spectrum.rhoOnly(MixingMatrix.metropolis(TestGraphs.hypercube(d))).rho(),
                        1e-10, "Lanczos hypercube " + d);
            }
        }
    }

    @Test
    void starSpectrumAndRho() {
        for (int n : new int[] {3, 4, 10, 25}) {
            Spectrum s = Spectrum.full(MixingMatrix.metropolis(TestGraphs.star(n)));
            double[] expected = new double[n];
            expected[0] = 1;
            for (int k = 1; k <= n - 2; k++) {
                expected[k] = 1 - 1.0 / n;
            }
            expected[n - 1] = 0;
            assertArrayEquals(expected, s.eigenvalues(), 1e-13, "star " + n);
            assertEquals(1 - 1.0 / n, s.rho(), 1e-13);
            assertEquals(1 - 1.0 / n, Spectrum.rhoOnly(MixingMatrix.metropolis(TestGraphs.star(n))).rho(), 1e-10);
        }
    }

    @Test
    void lanczosRhoAgreesWithTheDenseRhoOnRandomGraphs() {
        double[][] cases = {{60, 0.1}, {150, 0.04}, {300, 0.02}, {400, 0.05}};
        long seed = 100;
        for (double[] c : cases) {
            IndexedGraph g = TestGraphs.connectedGnp((int) c[0], c[1], seed++);
            for (MixingRule rule : new MixingRule[] {MixingRule.METROPOLIS, MixingRule.MAX_DEGREE}) {
                MixingMatrix w = MixingMatrix.of(g, rule);
                Spectrum dense = Spectrum.full(w);
                Spectrum lanczos = Spectrum.rhoOnly(w);
                String what = rule + " G(" + (int) c[0] + ", " + c[1] + ")";
                assertTrue(lanczos.converged(), what);
                assertEquals(dense.rho(), lanczos.rho(), 1e-9, what);
                assertEquals(dense.lambda2(), lanczos.lambda2(), 1e-9, what);
                assertEquals(dense.lambdaMin(), lanczos.lambdaMin(), 1e-9, what);
                assertTrue(lanczos.residual() <= Spectrum.LANCZOS_TOLERANCE, what);
            }
        }
    }

    @Test
    void ofUsesLanczosAboveTheDenseBoundAndAgreesWithTheFullSpectrum() {
        IndexedGraph g = TestGraphs.connectedGnp(Spectrum.AUTO_DENSE_MAX_NODES + 100, 0.01, 5);
        MixingMatrix w = MixingMatrix.metropolis(g);
        Spectrum auto = Spectrum.of(w);
        assertEquals(Spectrum.Method.LANCZOS, auto.method());
        assertTrue(auto.converged());
        assertEquals(Spectrum.full(w).rho(), auto.rho(), 1e-9);
        assertEquals(Spectrum.Method.DENSE, Spectrum.of(MixingMatrix.metropolis(TestGraphs.ring(50))).method());
    }

    @Test
    void disconnectedGraphHasRhoExactlyOne() {
        // two triangles: eigenvalue 1 twice
        IndexedGraph g = new TestGraphs.Edges().add(0, 1).add(1, 2).add(2, 0).add(3, 4).add(4, 5).add(5, 3).graph(6);
        MixingMatrix w = MixingMatrix.metropolis(g);
        for (Spectrum s : new Spectrum[] {Spectrum.full(w), Spectrum.rhoOnly(w)}) {
            assertEquals(1.0, s.rho(), 0.0, s.method().toString());
            assertEquals(1.0, s.lambda2(), 0.0);
            assertEquals(0.0, s.spectralGap(), 0.0);
            assertEquals(Long.MAX_VALUE, s.predictedRounds(3));
            assertTrue(s.reading().startsWith("consensus error does not shrink (rho = 1"), s.reading());
        }
        assertEquals(1.0, Spectrum.full(w).eigenvalues()[1], 1e-14);
        // an isolated node is a component too
        IndexedGraph withIsolated = new TestGraphs.Edges().add(0, 1).add(1, 2).graph(4);
        assertEquals(1.0, Spectrum.full(MixingMatrix.metropolis(withIsolated)).rho(), 0.0);
    }

    @Test
    void bipartiteWeightsWithZeroDiagonalOscillate() {
        // ring of 4 with weight 1/2 on each link: W_ii = 0, eigenvalues 1, 0, 0, -1
        MixingMatrix w = MixingMatrix.custom(TestGraphs.ring(4), new double[] {0.5, 0.5, 0.5, 0.5});
        Spectrum s = Spectrum.full(w);
        assertArrayEquals(new double[] {1, 0, 0, -1}, s.eigenvalues(), 1e-14);
        assertEquals(1.0, s.rho(), 0.0);
        assertEquals(-1.0, s.lambdaMin(), 0.0);
        assertEquals(1.0, Spectrum.rhoOnly(w).rho(), 0.0);
        // the same weights on a triangle (not bipartite): W = A/2, eigenvalues 1, -1/2, -1/2
        MixingMatrix tri = MixingMatrix.custom(TestGraphs.ring(3), new double[] {0.5, 0.5, 0.5});
        assertArrayEquals(new double[] {1, -0.5, -0.5}, Spectrum.full(tri).eigenvalues(), 1e-14);
        assertEquals(0.5, Spectrum.full(tri).rho(), 1e-14);
        assertEquals(0.5, Spectrum.rhoOnly(tri).rho(), 1e-12);
    }

    @Test
    void predictedRoundsFromKnownRho() {
        // ceil(k ln 10 / (-2 ln rho))
        assertEquals(2, Spectrum.predictedRounds(0.1, 3));     // 1.5
        assertEquals(5, Spectrum.predictedRounds(0.5, 3));     // 4.98
        assertEquals(3, Spectrum.predictedRounds(Math.sqrt(0.1), 3)); // exactly 3 up to rounding
        assertEquals(1, Spectrum.predictedRounds(Math.sqrt(0.1), 1));
        assertEquals(33, Spectrum.predictedRounds(0.9, 3));    // 32.78
        assertEquals(66, Spectrum.predictedRounds(0.9, 6));    // 65.57
        assertEquals(3453, Spectrum.predictedRounds(0.999, 3)); // 3452.6
        assertEquals(1, Spectrum.predictedRounds(0.0, 3));
        assertEquals(1, Spectrum.predictedRounds(1e-300, 3));
        assertEquals(0, Spectrum.predictedRounds(0.9, 0));
        assertEquals(Long.MAX_VALUE, Spectrum.predictedRounds(1.0, 3));
        // rho = 1 - 2^-40 (exact in binary): 3 ln 10 / (-2 ln rho) = 3 ln 10 / 2^-39 = 3.797578625535e12, finite
        assertEquals(3.797578625535e12, Spectrum.predictedRounds(1 - Math.pow(2, -40), 3), 1e3);
        Spectrum star = Spectrum.full(MixingMatrix.metropolis(TestGraphs.star(10))); // rho = 0.9
        assertEquals(33, star.predictedRounds(3));
        assertThrows(IllegalArgumentException.class, () -> star.predictedRounds(-1));
        assertThrows(IllegalArgumentException.class, () -> star.predictedRounds(Double.NaN));
    }

    @Test
    void readingStatesTheFactorAndTheRounds() {
        Spectrum star = Spectrum.full(MixingMatrix.metropolis(TestGraphs.star(10))); // rho = 0.9, 1/rho^2 = 1.2346
        assertEquals("consensus error shrinks ~1.23× per round; 10^-3 in about 33 rounds", star.reading());
        Spectrum ring = Spectrum.full(MixingMatrix.metropolis(TestGraphs.ring(100))); // rho = 0.998684
        assertEquals("consensus error shrinks ~1.0026× per round; 10^-3 in about 2624 rounds", ring.reading());
        Spectrum complete = Spectrum.full(MixingMatrix.metropolis(TestGraphs.complete(4)));
        assertTrue(complete.reading().contains("10^-3 in about 1 round"), complete.reading());
    }

    @Test
    void tinyGraphs() {
        Spectrum one = Spectrum.of(MixingMatrix.metropolis(TestGraphs.path(1)));
        assertEquals(0.0, one.rho(), 0.0);
        assertArrayEquals(new double[] {1.0}, one.eigenvalues(), 0);
        assertEquals(Spectrum.Method.TRIVIAL, one.method());
        Spectrum none = Spectrum.of(MixingMatrix.metropolis(TestGraphs.path(0)));
        assertEquals(0, none.eigenvalues().length);
        // two nodes, one link: W = [[1/2, 1/2], [1/2, 1/2]], eigenvalues 1, 0
        Spectrum two = Spectrum.rhoOnly(MixingMatrix.metropolis(TestGraphs.path(2)));
        assertEquals(0.0, two.rho(), 1e-15);
        assertEquals(0.0, two.lambda2(), 1e-15);
        // path of 3: degrees 1,2,1, W_ij = 1/3: eigenvalues 1, 2/3, 0 (computed by hand)
        MixingMatrix p3 = MixingMatrix.metropolis(TestGraphs.path(3));
        assertArrayEquals(new double[] {1, 2.0 / 3, 0}, Spectrum.full(p3).eigenvalues(), 1e-15);
        assertEquals(2.0 / 3, Spectrum.rhoOnly(p3).rho(), 1e-13);
    }

    @Test
    void fullRefusesHugeMatrices() {
        IndexedGraph big = TestGraphs.ring(Spectrum.FULL_MAX_NODES + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spectrum.full(MixingMatrix.metropolis(big)));
        assertTrue(e.getMessage().contains("use Spectrum.rhoOnly"), e.getMessage());
    }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}

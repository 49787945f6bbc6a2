package org.edgeai.plugins.generators;

import static org.edgeai.plugins.generators.GraphChecks.assertAllDegrees;
import static org.edgeai.plugins.generators.GraphChecks.assertSimple;
import static org.edgeai.plugins.generators.GraphChecks.connected;
import static org.edgeai.plugins.generators.GraphChecks.edgeSet;
import static org.edgeai.plugins.generators.GraphChecks.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GenerationException;
import org.edgeai.model.topology.layout.Layouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Erdős–Rényi, random regular and random geometric: structure, statistics and constraints. */
class RandomFamiliesTest {

    // ---------------------------------------------------------------- erdos-renyi

    @Test
    void gnpIncludesEveryPairWithProbabilityP() {
        // 5 nodes, 10 pairs; over 4000 draws each pair must appear about p * 4000 times (binomial sd ~ 29)
        int n = 5;
        double p = 0.3;
        int draws = 4000;
        int[][] count = new int[n][n];
        SplittableRandom rng = new SplittableRandom(123);
        EdgeList out = new EdgeList(16);
        long total = 0;
        for (int t = 0; t < draws; t++) {
            ErdosRenyiGenerator.gnp(n, p, rng, out);
            for (int e = 0; e < out.size(); e++) {
                int a = Math.min(out.u(e), out.v(e));
                int b = Math.max(out.u(e), out.v(e));
                assertTrue(a != b);
                count[a][b]++;
            }
            total += out.size();
        }
        double mean = p * draws;
        double sd = Math.sqrt(draws * p * (1 - p));
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                assertTrue(Math.abs(count[a][b] - mean) < 5 * sd, "pair " + a + "-" + b + " drawn " + count[a][b] + " times, expected ~" + mean);
            }
        }
        assertEquals(10 * mean, total, 5 * Math.sqrt(10) * sd);
    }

    @Test
    void gnpEdgeCountAndSimplicityAtScale() {
        int n = 20_000;
        double p = 8.0 / (n - 1);
        GeneratedGraph g = gen(new ErdosRenyiGenerator(), Map.of("nodes", n, "p", p), 8);
        assertSimple(g);
        double mean = p * n * (n - 1) / 2.0;
        double sd = Math.sqrt(mean * (1 - p));
        assertEquals(mean, g.edgeCount(), 5 * sd);
    }

    @Test
    void gnpExtremes() {
        assertEquals(0, gen(new ErdosRenyiGenerator(), Map.of("nodes", 30, "p", 0.0), 1).edgeCount());
        GeneratedGraph full = gen(new ErdosRenyiGenerator(), Map.of("nodes", 30, "p", 1.0), 1);
        assertEquals(435, full.edgeCount());
        assertSimple(full);
        assertEquals(0, gen(new ErdosRenyiGenerator(), Map.of("nodes", 1, "p", 0.5, "connected", true), 1).edgeCount());
    }

    @Test
    void connectedTrueGivesConnectedGraphsWhereUnconditionedDrawsAreOftenNot() {
        int n = 60;
        double p = 0.06; // ln(60)/60 = 0.068: a single draw is connected only now and then
        int disconnected = 0;
        for (long seed = 0; seed < 20; seed++) {
            if (!connected(gen(new ErdosRenyiGenerator(), Map.of("nodes", n, "p", p), seed))) {
                disconnected++;
            }
            GeneratedGraph g = gen(new ErdosRenyiGenerator(), Map.of("nodes", n, "p", p, "connected", true), seed);
            assertTrue(connected(g), "seed " + seed);
            assertSimple(g);
        }
        assertTrue(disconnected >= 5, "the case is a real test: " + disconnected + " of 20 plain draws disconnected");
    }

    @Test
    void connectedTrueWithTheFirstDrawConnectedEqualsThePlainDraw() {
        // redraws continue the same stream, so when the first draw is connected both settings agree
        Map<String, Object> plain = Map.of("nodes", 40, "p", 0.5);
        GeneratedGraph a = gen(new ErdosRenyiGenerator(), plain, 3);
        assertTrue(connected(a));
        GeneratedGraph b = gen(new ErdosRenyiGenerator(), Map.of("nodes", 40, "p", 0.5, "connected", true), 3);
        assertEquals(GraphChecks.edgeList(a), GraphChecks.edgeList(b));
    }

    @Test
    void impossibleConnectivityFailsNamingTheTriesAndTheThreshold() {
        GenerationException ex = assertThrows(GenerationException.class,
                () -> gen(new ErdosRenyiGenerator(), Map.of("nodes", 10, "p", 0.0, "connected", true), 1));
        assertTrue(ex.getMessage().contains("100 tries"), ex.getMessage());
        assertTrue(ex.getMessage().contains("ln(n)/n"), ex.getMessage());
        assertTrue(ex.getMessage().contains("0.2303"), "ln(10)/10 = 0.2303: " + ex.getMessage());
        assertTrue(ex.getMessage().startsWith("erdos-renyi"), ex.getMessage());
    }

    // ---------------------------------------------------------------- random-regular

    @ParameterizedTest
    @CsvSource({"4,1", "10,3", "16,3", "7,2", "6,4", "8,6", "9,8", "10,8", "12,9", "1000,4", "1001,6", "500,31", "200,190", "100000,4"})
    void randomRegularIsSimpleAndRegular(int n, int d) {
        for (long seed = 0; seed < (n < 100 ? 20 : 2); seed++) {
            GeneratedGraph g = gen(new RandomRegularGenerator(), Map.of("nodes", n, "degree", d), seed);
            assertEquals((long) n * d / 2, g.edgeCount());
            assertSimple(g);
            assertAllDegrees(g, d);
        }
    }

    @Test
    void randomRegularDrawsManyDifferentGraphs() {
        Set<TreeSet<Long>> distinct = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            distinct.add(edgeSet(gen(new RandomRegularGenerator(), Map.of("nodes", 8, "degree", 3), seed)));
        }
        // there are 19,355 labelled cubic graphs on 8 nodes; 50 draws should rarely repeat
        assertTrue(distinct.size() >= 45, distinct.size() + " distinct of 50");
    }

    @Test
    void randomRegularUsesEveryPairAboutEqually() {
        // n = 6, d = 2: a pair is linked with probability d/(n-1) = 0.4 in any exchangeable model
        int n = 6;
        int draws = 3000;
        int[][] count = new int[n][n];
        for (long seed = 0; seed < draws; seed++) {
            GeneratedGraph g = gen(new RandomRegularGenerator(), Map.of("nodes", n, "degree", 2), seed);
            for (int e = 0; e < g.edgeCount(); e++) {
                count[Math.min(g.edgeU()[e], g.edgeV()[e])][Math.max(g.edgeU()[e], g.edgeV()[e])]++;
            }
        }
        double mean = 0.4 * draws;
        double sd = Math.sqrt(draws * 0.4 * 0.6);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                assertEquals(mean, count[a][b], 5 * sd, "pair " + a + "-" + b);
            }
        }
    }

    // ---------------------------------------------------------------- random-geometric

    @Test
    void cellGridFindsExactlyThePairsWithinTheRadius() {
        SplittableRandom rng = new SplittableRandom(77);
        for (double r : new double[] {0.01, 0.05, 0.13, 0.34, 0.5, 0.99, 1.2}) {
            int n = 400;
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = rng.nextDouble();
                py[i] = rng.nextDouble();
            }
            // two points exactly r apart (dx = r, dy = 0, exact in floating point): must be linked (distance <= r)
            px[0] = 0.0;
            py[0] = 0.5;
            px[1] = r <= 1 ? r : 0.5;
            py[1] = 0.5;
            EdgeList got = RandomGeometricGenerator.linksWithin(px, py, r);
            TreeSet<Long> brute = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = px[i] - px[j];
                    double dy = py[i] - py[j];
                    if (dx * dx + dy * dy <= r * r) {
                        brute.add(GraphChecks.key(i, j));
                    }
                }
            }
            TreeSet<Long> ours = new TreeSet<>();
            long prev = -1;
            for (int e = 0; e < got.size(); e++) {
                assertTrue(got.u(e) < got.v(e));
                long k = GraphChecks.key(got.u(e), got.v(e));
                assertTrue(k > prev, "ordered by (u, v)");
                prev = k;
                ours.add(k);
            }
            assertEquals(brute, ours, "r=" + r);
            if (r <= 1) {
                assertTrue(ours.contains(GraphChecks.key(0, 1)), "boundary pair at exactly r");
            }
        }
    }

    @Test
    void randomGeometricKeepsScaledPositionsAndLinksWithinTheRadius() {
        int n = 500;
        double r = 0.08;
        GeneratedGraph g = gen(new RandomGeometricGenerator(), Map.of("nodes", n, "radius", r), 4);
        assertNotNull(g.x());
        double scale = Layouts.SPACING * Math.sqrt(n);
        TreeSet<Long> brute = new TreeSet<>();
        int ambiguous = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(g.x()[i] >= 0 && g.x()[i] < scale && g.y()[i] >= 0 && g.y()[i] < scale);
            for (int j = i + 1; j < n; j++) {
                double d = Math.hypot(g.x()[i] - g.x()[j], g.y()[i] - g.y()[j]) / scale;
                if (Math.abs(d - r) < 1e-9) {
                    ambiguous++;
                } else if (d < r) {
                    brute.add(GraphChecks.key(i, j));
                }
            }
        }
        assertEquals(0, ambiguous);
        assertEquals(brute, edgeSet(g));
        // mean degree near n pi r^2 (a bit less: the border)
        double meanDegree = 2.0 * g.edgeCount() / n;
        assertTrue(meanDegree > 0.75 * n * Math.PI * r * r && meanDegree < 1.05 * n * Math.PI * r * r, "mean degree " + meanDegree);
    }

    @Test
    void randomGeometricRejectsZeroRadius() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> gen(new RandomGeometricGenerator(), Map.of("radius", 0.0), 1));
        assertTrue(ex.getMessage().contains("radius") && ex.getMessage().contains("> 0"), ex.getMessage());
    }

    // ---------------------------------------------------------------- internal edge set

    @Test
    void longHashSetAgreesWithHashSetUnderRandomAddsAndRemoves() {
        LongHashSet ours = new LongHashSet(4);
        Set<Long> ref = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(9);
        for (int step = 0; step < 200_000; step++) {
            long k = rng.nextInt(3000); // small key range: many collisions, removals inside probe chains
            int op = rng.nextInt(3);
            if (op == 0) {
                assertEquals(ref.add(k), ours.add(k));
            } else if (op == 1) {
                assertEquals(ref.remove(k), ours.remove(k));
            } else {
                assertEquals(ref.contains(k), ours.contains(k));
            }
            assertEquals(ref.size(), ours.size());
        }
        for (long k = 0; k < 3000; k++) {
            assertEquals(ref.contains(k), ours.contains(k), "key " + k);
        }
        assertFalse(ours.contains(5000));
    }
}

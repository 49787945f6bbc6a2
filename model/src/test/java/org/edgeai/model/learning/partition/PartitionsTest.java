package org.edgeai.model.learning.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.data.Datasets;
import org.edgeai.model.learning.data.SplitData;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    private static final Dataset TRAIN = SplitData.split(Datasets.digits(), 0.2, 1).train();
    private static final int[] Y = TRAIN.labels();

    private static void assertEverySampleOnce(Partition p) {
        int[] times = new int[p.samples()];
        for (int i = 0; i < p.nodes(); i++) {
            int[] s = p.shard(i);
            for (int k = 0; k < s.length; k++) {
                times[s[k]]++;
                if (k > 0) {
                    assertTrue(s[k - 1] < s[k], "shards are increasing");
                }
            }
        }
        for (int t : times) {
            assertEquals(1, t);
        }
        assertEquals(p.samples(), p.assigned());
    }

    private static void assertSameShards(Partition a, Partition b) {
        assertEquals(a.nodes(), b.nodes());
        for (int i = 0; i < a.nodes(); i++) {
            assertArrayEquals(a.shard(i), b.shard(i));
        }
    }

    private static boolean differ(Partition a, Partition b) {
        for (int i = 0; i < a.nodes(); i++) {
            if (!Arrays.equals(a.shard(i), b.shard(i))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void iidDealsAShuffleRoundRobin() {
        Partition p = Partitions.iid(Y.length, 16, 3);
        assertEverySampleOnce(p);
        for (int i = 0; i < 16; i++) {
            assertEquals(Y.length / 16 + (i < Y.length % 16 ? 1 : 0), p.size(i));
        }
        assertSameShards(p, Partitions.iid(Y.length, 16, 3));
        assertTrue(differ(p, Partitions.iid(Y.length, 16, 4)));
        // Close to the full label entropy ln 10.
        assertTrue(p.meanLabelEntropy(Y, 10) > 0.9 * Math.log(10));
    }

    @Test
    void dirichletAssignsEverySampleAndSmallAlphaIsSkewed() {
        Partition skewed = Partitions.dirichlet(Y, 10, 20, 0.05, 5);
        Partition mild = Partitions.dirichlet(Y, 10, 20, 1.0, 5);
        Partition flat = Partitions.dirichlet(Y, 10, 20, 1000, 5);
        assertEverySampleOnce(skewed);
        assertEverySampleOnce(mild);
        assertEverySampleOnce(flat);
        double hs = skewed.meanLabelEntropy(Y, 10);
        double hm = mild.meanLabelEntropy(Y, 10);
        double hf = flat.meanLabelEntropy(Y, 10);
        assertTrue(hs < hm && hm < hf, "entropy grows with alpha: " + hs + " " + hm + " " + hf);
        assertTrue(hs < 0.6, "alpha 0.05: most nodes see one or two classes, " + hs);
        assertTrue(hf > 0.95 * Math.log(10), "alpha 1000: nearly iid, " + hf);
        assertSameShards(skewed, Partitions.dirichlet(Y, 10, 20, 0.05, 5));
        assertTrue(differ(skewed, Partitions.dirichlet(Y, 10, 20, 0.05, 6)));
    }

    @Test
    void dirichletSplitsEachClassInTheDrawnProportions() {
        // With one class the proportions are a single Dirichlet draw: check the cut rule against it.
        int n = 1000;
        int[] y = new int[n];
        Partition p = Partitions.dirichlet(y, 1, 4, 2.0, 9);
        double[] prop = GammaSampler.dirichlet(2.0, 4, new java.util.SplittableRandom(9));
        double cum = 0;
        int from = 0;
        for (int j = 0; j < 4; j++) {
            cum += prop[j];
            int to = j == 3 ? n : (int) Math.round(n * cum);
            assertEquals(to - from, p.size(j), "node " + j);
            from = to;
        }
    }

    @Test
    void dirichletWithTinyAlphaStaysFinite() {
        Partition p = Partitions.dirichlet(Y, 10, 50, 1e-4, 1);
        assertEverySampleOnce(p);
        int[][] counts = p.classCounts(Y, 10);
        int[] total = TRAIN.classCounts();
        for (int c = 0; c < 10; c++) {
            int max = 0;
            for (int[] row : counts) {
                max = Math.max(max, row[c]);
            }
            assertTrue(max >= 0.99 * total[c], "class " + c + " goes (almost) entirely to one node: " + max + " of " + total[c]);
        }
    }

    @Test
    void shardsGiveEachNodeAtMostItsShardCountOfClasses() {
        // 10 classes x 60 samples, 30 nodes x 2 shards of 10: every shard is one class.
        int[] y = new int[600];
        for (int i = 0; i < 600; i++) {
            y[i] = (i * 7) % 10; // interleaved labels: the partition must sort them
        }
        Partition p = Partitions.shards(y, 10, 30, 2, 4);
        assertEverySampleOnce(p);
        int[][] counts = p.classCounts(y, 10);
        int twoClassNodes = 0;
        for (int i = 0; i < 30; i++) {
            assertEquals(20, p.size(i));
            int classes = 0;
            for (int c : counts[i]) {
                assertTrue(c % 10 == 0, "whole shards of one class");
                classes += c > 0 ? 1 : 0;
            }
            assertTrue(classes >= 1 && classes <= 2, "node " + i + " has " + classes + " classes");
            twoClassNodes += classes == 2 ? 1 : 0;
        }
        assertTrue(twoClassNodes > 15, "most nodes get two different classes: " + twoClassNodes);
        assertSameShards(p, Partitions.shards(y, 10, 30, 2, 4));
    }

    @Test
    void shardsOnDigitsCoverEverySampleWithNearEqualSizes() {
        Partition p = Partitions.shards(Y, 10, 100, 2, 8);
        assertEverySampleOnce(p);
        int total = 200;
        int min = Y.length / total;
        for (int i = 0; i < 100; i++) {
            assertTrue(p.size(i) >= 2 * min && p.size(i) <= 2 * (min + 1));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Partitions.shards(Y, 10, 1000, 2, 1));
        assertTrue(e.getMessage().contains("2000 shards"), e.getMessage());
    }

    @Test
    void byLabelGivesEachNodeExactlyItsClassesInEqualShares() {
        Partition p = Partitions.byLabel(Y, 10, 20, 2, 7);
        assertEverySampleOnce(p); // 20 nodes x 2 = 40 slots cover all 10 classes
        int[][] counts = p.classCounts(Y, 10);
        int[] holders = new int[10];
        for (int i = 0; i < 20; i++) {
            int classes = 0;
            for (int c = 0; c < 10; c++) {
                if (counts[i][c] > 0) {
                    classes++;
                    holders[c]++;
                }
            }
            assertEquals(2, classes, "node " + i);
        }
        int[] total = TRAIN.classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(4, holders[c], "round-robin: every class is held by 40/10 nodes");
            for (int i = 0; i < 20; i++) {
                if (counts[i][c] > 0) {
                    assertTrue(Math.abs(counts[i][c] - total[c] / 4.0) < 1, "equal share of class " + c);
                }
            }
        }
        assertSameShards(p, Partitions.byLabel(Y, 10, 20, 2, 7));
        assertTrue(differ(p, Partitions.byLabel(Y, 10, 20, 2, 8)));
    }

    @Test
    void byLabelLeavesUncoveredClassesOut() {
        Partition p = Partitions.byLabel(Y, 10, 3, 2, 1); // 6 of 10 classes held
        int[][] counts = p.classCounts(Y, 10);
        boolean[] held = new boolean[10];
        for (int[] row : counts) {
            for (int c = 0; c < 10; c++) {
                held[c] |= row[c] > 0;
            }
        }
        int heldClasses = 0;
        int expected = 0;
        for (int c = 0; c < 10; c++) {
            if (held[c]) {
                heldClasses++;
                expected += TRAIN.classCounts()[c];
            }
        }
        assertEquals(6, heldClasses);
        assertEquals(expected, p.assigned());
        assertFalse(p.assigned() == p.samples());
        assertThrows(IllegalArgumentException.class, () -> Partitions.byLabel(Y, 10, 3, 11, 1));
    }

    @Test
    void entropyOfExtremes() {
        int[] y = {0, 1, 0, 1};
        Partition pure = new Partition("pure", new int[][] {{0, 2}, {1, 3}}, 4);
        Partition mixed = new Partition("mixed", new int[][] {{0, 1}, {2, 3}, {}}, 4);
        assertEquals(0, pure.meanLabelEntropy(y, 2), 1e-12);
        assertEquals(Math.log(2), mixed.meanLabelEntropy(y, 2), 1e-12, "empty nodes are not counted");
    }
}

package org.edgeai.model.pipeline.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.edgeai.model.pipeline.Fixtures;
import org.edgeai.model.pipeline.layers.LayerSpec;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.layers.ModelSpec;
import org.edgeai.model.pipeline.layers.Shape;
import org.edgeai.model.topology.Node;
import org.junit.jupiter.api.Test;

class PartitionersTest {

    /** A random small instance: layers with random FLOPs, params and activation sizes; nodes of random speed. */
    private static CostModel randomCase(Random rnd, int layers, int nodes, boolean remat) {
        List<LayerSpec> ls = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            ls.add(LayerSpec.of("custom", "forwardFlops", (double) (1 + rnd.nextInt(50)) * 1e7,
                    "params", 1000 * (1 + rnd.nextInt(100)), "outputElements", 1 + rnd.nextInt(5000)));
        }
        ModelProfile m = new ModelSpec("r", Shape.of(1 + rnd.nextInt(5000)), ls).build();
        List<Node> path = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            path.add(Fixtures.node("s" + i, 1 + rnd.nextInt(8)));
        }
        double[] bw = new double[nodes * nodes];
        for (int i = 0; i < bw.length; i++) {
            bw[i] = (1 + rnd.nextInt(100)) * 1e6;
        }
        CostModel.Bandwidth b = (x, y) -> {
            int i = Integer.parseInt(x.substring(1));
            int j = Integer.parseInt(y.substring(1));
            return bw[Math.min(i, j) * nodes + Math.max(i, j)];
        };
        return new CostModel(m, path, b, 1 + rnd.nextInt(8), 32, remat, 4);
    }

    /** All ways to cut n items into k non-empty contiguous groups, as group sizes. */
    private static List<int[]> compositions(int n, int k) {
        List<int[]> out = new ArrayList<>();
        compose(n, k, new int[k], 0, out);
        return out;
    }

    private static void compose(int n, int k, int[] cur, int i, List<int[]> out) {
        if (i == k - 1) {
            if (n >= 1) {
                cur[i] = n;
                out.add(cur.clone());
            }
            return;
        }
        for (int c = 1; c <= n - (k - 1 - i); c++) {
            cur[i] = c;
            compose(n - c, k, cur, i + 1, out);
        }
    }

    private static Partition build(int[] layerCounts, int[] nodeCounts, List<Node> path) {
        List<StagePlan> st = new ArrayList<>();
        int l = 0;
        int n = 0;
        for (int s = 0; s < layerCounts.length; s++) {
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < nodeCounts[s]; j++) {
                ids.add(path.get(n + j).id());
            }
            st.add(new StagePlan(l, l + layerCounts[s] - 1, ids));
            l += layerCounts[s];
            n += nodeCounts[s];
        }
        return new Partition(st);
    }

    @Test
    void balancedIsOptimalByExhaustiveSearch() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rnd.nextInt(4);
            int l = k + rnd.nextInt(6);
            CostModel c = randomCase(rnd, l, k, rnd.nextBoolean());
            double best = Double.POSITIVE_INFINITY;
            int[] ones = new int[k];
            java.util.Arrays.fill(ones, 1);
            for (int[] comp : compositions(l, k)) {
                best = Math.min(best, c.maxComputeSeconds(build(comp, ones, c.path())));
            }
            Partition p = Partitioners.balanced(c);
            assertEquals(k, p.stageCount());
            assertEquals(best, c.maxComputeSeconds(p), 0, "trial " + trial);
        }
    }

    @Test
    void pipedreamIsOptimalByExhaustiveSearch() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rnd.nextInt(4);
            int l = k + rnd.nextInt(5);
            CostModel c = randomCase(rnd, l, k, false);
            double best = Double.POSITIVE_INFINITY;
            int[] ones = new int[k];
            java.util.Arrays.fill(ones, 1);
            for (int[] comp : compositions(l, k)) {
                best = Math.min(best, c.bottleneckSeconds(build(comp, ones, c.path())));
            }
            Partition p = Partitioners.pipedream(c, false);
            assertEquals(k, p.stageCount());
            assertEquals(best, c.bottleneckSeconds(p), 0, "trial " + trial);
        }
    }

    @Test
    void pipedreamWithReplicationIsOptimalByExhaustiveSearch() {
        Random rnd = new Random(13);
        int replicated = 0;
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rnd.nextInt(5);
            int l = 1 + rnd.nextInt(6);
            CostModel c = randomCase(rnd, l, k, false);
            double best = Double.POSITIVE_INFINITY;
            for (int stages = 1; stages <= Math.min(l, k); stages++) {
                for (int[] lc : compositions(l, stages)) {
                    for (int[] nc : compositions(k, stages)) {
                        best = Math.min(best, c.bottleneckSeconds(build(lc, nc, c.path())));
                    }
                }
            }
            Partition p = Partitioners.pipedream(c, true);
            assertEquals(best, c.bottleneckSeconds(p), 0, "trial " + trial);
            if (p.stages().stream().anyMatch(s -> s.replicas() > 1)) {
                replicated++;
            }
        }
        assertTrue(replicated > 10, "the random cases should exercise replication, got " + replicated);
    }

    @Test
    void replicationHelpsWhenOneLayerDominates() {
        // a compute-heavy layer with few weights, a light layer with many, 3 equal nodes. Without replication
        // the heavy layer alone bounds the pipeline (3 s per micro-batch); replicating everything pays the
        // light layer's weight all-reduce (1.1 s + 0.53 s); best: the heavy layer on two replicas (1.5 s)
        List<LayerSpec> ls = List.of(
                LayerSpec.of("custom", "forwardFlops", 1e9, "params", 10, "outputElements", 1),
                LayerSpec.of("custom", "forwardFlops", 1e8, "params", 100_000_000, "outputElements", 1));
        ModelProfile m = new ModelSpec("r", Shape.of(1), ls).build();
        List<Node> path = List.of(Fixtures.node("s0", 1), Fixtures.node("s1", 1), Fixtures.node("s2", 1));
        CostModel c = new CostModel(m, path, (x, y) -> 1e9, 1, 32, false, 8);
        Partition plain = Partitioners.pipedream(c, true);
        assertEquals(2, plain.stageCount());
        assertEquals(List.of("s0", "s1"), plain.stage(0).nodes());
        assertEquals(1.5, c.bottleneckSeconds(plain), 1e-6);
        assertTrue(c.bottleneckSeconds(plain) < c.bottleneckSeconds(Partitioners.balanced(
                new CostModel(m, path.subList(0, 2), (x, y) -> 1e9, 1, 32, false, 8))));
    }

    @Test
    void uniformAndUser() {
        CostModel c = randomCase(new Random(1), 10, 4, false);
        assertArrayEquals(new int[] {3, 3, 2, 2}, Partitioners.uniform(c).layersPerStage());
        assertArrayEquals(new int[] {1, 2, 3, 4}, Partitioners.user(c, new int[] {1, 2, 3, 4}).layersPerStage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Partitioners.user(c, new int[] {1, 2, 3, 5}));
        assertTrue(e.getMessage().contains("sums to 11"), e.getMessage());
        CostModel small = randomCase(new Random(2), 2, 3, false);
        assertThrows(IllegalArgumentException.class, () -> Partitioners.uniform(small));
    }
}

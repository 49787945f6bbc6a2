package org.edgeai.model.pipeline.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeai.model.topology.Node;

/**
 * The partitioners. All use every node of the path; ties between equally good partitions are broken
 * deterministically (the earliest split point wins).
 */
public final class Partitioners {

    /** The partitioner names of the {@code pipeline.partitioner} key. */
    public static final List<String> NAMES = List.of("uniform", "balanced", "pipedream", "user");

    private Partitioners() {
    }

    private static List<String> ids(List<Node> path) {
        List<String> ids = new ArrayList<>();
        path.forEach(n -> ids.add(n.id()));
        return ids;
    }

    private static void requireFit(int layers, int stages) {
        if (layers < stages) {
            throw new IllegalArgumentException("cannot cut " + layers + " layers into " + stages
                    + " non-empty stages; use fewer nodes or a model with more layers");
        }
    }

    /**
     * Equal layer counts: with L layers on K nodes, the first L mod K stages get ceil(L/K) layers, the others
     * floor(L/K). O(K).
     */
    public static Partition uniform(CostModel cost) {
        int l = cost.layerCount();
        int k = cost.nodeCount();
        requireFit(l, k);
        int[] counts = new int[k];
        for (int s = 0; s < k; s++) {
            counts[s] = l / k + (s < l % k ? 1 : 0);
        }
        return Partition.ofCounts(counts, ids(cost.path()));
    }

    /**
     * GPipe's balanced partition: contiguous stages, stage s on path node s, minimizing the slowest stage's
     * compute time per micro-batch ({@link CostModel#maxComputeSeconds}; node speeds count, communication does
     * not). Exact dynamic programming, O(K L^2).
     */
    public static Partition balanced(CostModel cost) {
        int l = cost.layerCount();
        int k = cost.nodeCount();
        requireFit(l, k);
        // best[s][j]: least max over the first s stages covering layers 0..j-1
        double[][] best = new double[k + 1][l + 1];
        int[][] cut = new int[k + 1][l + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int s = 1; s <= k; s++) {
            for (int j = s; j <= l - (k - s); j++) {
                for (int i = s - 1; i < j; i++) {
                    if (best[s - 1][i] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double v = Math.max(best[s - 1][i], cost.computeSeconds(i, j - 1, s - 1));
                    if (v < best[s][j]) {
                        best[s][j] = v;
                        cut[s][j] = i;
                    }
                }
            }
        }
        int[] counts = new int[k];
        int j = l;
        for (int s = k; s >= 1; s--) {
            int i = cut[s][j];
            counts[s - 1] = j - i;
            j = i;
        }
        return Partition.ofCounts(counts, ids(cost.path()));
    }

    /**
     * The PipeDream planner (Narayanan et al., SOSP 2019, section 3.1) on a path of possibly different nodes:
     * dynamic programming over layer prefixes and node prefixes, A(j, n) = min over the last stage (layers
     * i..j-1 on nodes a..n-1) of max(A(i, a), communication across the boundary after layer i-1 from node a-1
     * to node a, the stage's time per micro-batch). With {@code replication} a stage may take several
     * consecutive nodes as data-parallel replicas; without, every stage has one node. Minimizes
     * {@link CostModel#bottleneckSeconds}. O(L^2 K^2) with replication, O(L^2 K) without.
     */
    public static Partition pipedream(CostModel cost, boolean replication) {
        int l = cost.layerCount();
        int k = cost.nodeCount();
        if (!replication) {
            requireFit(l, k);
        }
        double[][] best = new double[l + 1][k + 1];
        int[][] cutLayer = new int[l + 1][k + 1];
        int[][] cutNode = new int[l + 1][k + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int j = 1; j <= l; j++) {
            for (int n = 1; n <= k; n++) {
                for (int i = 0; i < j; i++) {
                    int aMin = replication ? 0 : n - 1;
                    for (int a = n - 1; a >= aMin; a--) {
                        double prev = best[i][a];
                        if (prev == Double.POSITIVE_INFINITY || (i == 0) != (a == 0)) {
                            continue;
                        }
                        double v = Math.max(prev, cost.stageSeconds(i, j - 1, a, n - 1));
                        if (i > 0) {
                            v = Math.max(v, cost.commSeconds(i - 1, a - 1, a));
                        }
                        if (v < best[j][n]) {
                            best[j][n] = v;
                            cutLayer[j][n] = i;
                            cutNode[j][n] = a;
                        }
                    }
                }
            }
        }
        if (best[l][k] == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("cannot place " + l + " layers on " + k + " nodes");
        }
        List<StagePlan> stages = new ArrayList<>();
        int j = l;
        int n = k;
        while (j > 0) {
            int i = cutLayer[j][n];
            int a = cutNode[j][n];
            stages.add(0, new StagePlan(i, j - 1, ids(cost.path()).subList(a, n)));
            j = i;
            n = a;
        }
        return new Partition(stages);
    }

    /**
     * A partition given by the user as layers per stage, one stage per path node.
     *
     * @throws IllegalArgumentException when the counts do not match the nodes or do not sum to the layers
     */
    public static Partition user(CostModel cost, int[] layersPerStage) {
        if (layersPerStage.length != cost.nodeCount()) {
            throw new IllegalArgumentException("layersPerStage has " + layersPerStage.length + " entries; expected one per node ("
                    + cost.nodeCount() + ")");
        }
        int sum = Arrays.stream(layersPerStage).sum();
        if (sum != cost.layerCount()) {
            throw new IllegalArgumentException("layersPerStage sums to " + sum + "; expected the model's " + cost.layerCount()
                    + " layers");
        }
        return Partition.ofCounts(layersPerStage, ids(cost.path()));
    }
}

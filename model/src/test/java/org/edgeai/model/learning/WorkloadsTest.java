package org.edgeai.model.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreFilledIn() {
        Map<String, Object> r = Workloads.resolve(Map.of());
        assertEquals(List.of("task", "batchSize", "testFraction", "dataset", "model", "partition"), List.copyOf(r.keySet()));
        assertEquals("classification", r.get("task"));
        assertEquals(32L, r.get("batchSize"));
        assertEquals(0.2, r.get("testFraction"));
        assertEquals(Map.of("type", "digits"), r.get("dataset"));
        assertEquals(Map.of("type", "softmax"), r.get("model"));
        assertEquals(Map.of("type", "iid"), r.get("partition"));
        assertEquals(Map.of("type", "dirichlet", "alpha", 0.5),
                Workloads.resolve(Map.of("partition", Map.of("type", "dirichlet"))).get("partition"));
        assertEquals(Map.of("type", "blobs", "samples", 300L, "classes", 3L, "spread", 1.0),
                Workloads.resolve(Map.of("dataset", Map.of("type", "blobs"))).get("dataset"));
        Map<String, Object> c = Workloads.resolve(Map.of("task", "consensus"));
        assertEquals(Map.of("task", "consensus", "dimension", 5L), c);
        Map<String, Object> ls = Workloads.resolve(Map.of("task", "least-squares", "noise", 0.5));
        assertEquals(Map.of("task", "least-squares", "features", 20L, "samplesPerNode", 50L, "noise", 0.5, "batchSize", 32L), ls);
    }

    @Test
    void errorsNameThePathAndTheAlternatives() {
        IllegalArgumentException task = assertThrows(IllegalArgumentException.class, () -> Workloads.resolve(Map.of("task", "regression")));
        assertEquals("workload.task: unknown 'regression'; expected one of classification, consensus, least-squares", task.getMessage());
        IllegalArgumentException ds = assertThrows(IllegalArgumentException.class,
                () -> Workloads.resolve(Map.of("dataset", Map.of("type", "mnist"))));
        assertEquals("workload.dataset.type: unknown 'mnist'; expected one of digits, blobs, moons, circles, xor, spirals, csv", ds.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> Workloads.resolve(Map.of("dataset", Map.of("type", "moons", "sampels", 10))));
        assertEquals("workload.dataset: unknown parameter 'sampels'; expected one of samples, noise", key.getMessage());
        IllegalArgumentException val = assertThrows(IllegalArgumentException.class, () -> Workloads.resolve(Map.of("batchSize", 0)));
        assertTrue(val.getMessage().startsWith("workload: batchSize: expected a value in [1, "), val.getMessage());
        IllegalArgumentException req = assertThrows(IllegalArgumentException.class,
                () -> Workloads.resolve(Map.of("dataset", Map.of("type", "csv"))));
        assertTrue(req.getMessage().contains("missing required parameter 'path'"), req.getMessage());
        IllegalArgumentException part = assertThrows(IllegalArgumentException.class,
                () -> Workloads.resolve(Map.of("partition", Map.of("type", "random"))));
        assertTrue(part.getMessage().contains("iid, dirichlet, shards, by-label"), part.getMessage());
        IllegalArgumentException notObj = assertThrows(IllegalArgumentException.class, () -> Workloads.resolve(Map.of("model", "softmax")));
        assertTrue(notObj.getMessage().startsWith("workload.model: expected an object"), notObj.getMessage());
    }

    @Test
    void buildsEachTask() {
        Workload c = Workloads.create(Map.of("task", "consensus", "dimension", 7), 12, 1, null);
        assertInstanceOf(ConsensusWorkload.class, c);
        assertEquals(7, c.dimension());
        assertEquals(12, c.nodes());

        Workload ls = Workloads.create(Map.of("task", "least-squares", "features", 4, "samplesPerNode", 10), 3, 1, null);
        assertInstanceOf(LeastSquaresWorkload.class, ls);
        assertEquals(5, ls.dimension());
        assertEquals(10, ls.samples(2));

        Map<String, Object> sec = new LinkedHashMap<>();
        sec.put("dataset", Map.of("type", "spirals", "samples", 200, "classes", 4));
        sec.put("model", Map.of("type", "mlp", "hidden", 16));
        sec.put("partition", Map.of("type", "by-label", "labelsPerNode", 2));
        sec.put("batchSize", 8);
        SupervisedWorkload w = (SupervisedWorkload) Workloads.create(sec, 6, 2, null);
        assertEquals(2 * 16 + 16 + 16 * 4 + 4, w.dimension());
        assertEquals(8, w.batchSize());
        assertEquals(160, w.train().size());
        assertEquals(40, w.test().size());
        assertEquals("mlp", w.model().type());

        SupervisedWorkload digits = (SupervisedWorkload) Workloads.create(Map.of(), 100, 3, null);
        assertEquals(650, digits.dimension());
        assertEquals(100, digits.nodes());
    }

    @Test
    void seedsMakeWorkloadsReproducible() {
        Map<String, Object> sec = Map.of("dataset", Map.of("type", "moons"), "partition", Map.of("type", "dirichlet"));
        SupervisedWorkload a = (SupervisedWorkload) Workloads.create(sec, 5, 9, null);
        SupervisedWorkload b = (SupervisedWorkload) Workloads.create(sec, 5, 9, null);
        SupervisedWorkload c = (SupervisedWorkload) Workloads.create(sec, 5, 10, null);
        assertEquals(a.train(), b.train());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(a.partition().shard(i), b.partition().shard(i));
        }
        assertFalse(a.train().equals(c.train()));
        float[] ga = a.newState(1).newMatrix();
        float[] gb = b.newState(1).newMatrix();
        LearningState sa = a.newState(1);
        LearningState sb = b.newState(1);
        sa.gradients(ga);
        sb.gradients(gb);
        assertArrayEquals(ga, gb);
    }

    @Test
    void csvPathsAreResolvedAgainstTheBaseDirectory() throws IOException {
        Files.createDirectories(dir.resolve("exp"));
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 40; i++) {
            sb.append(i % 5).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(dir.resolve("exp/data.csv"), sb.toString());
        Map<String, Object> sec = Map.of("dataset", Map.of("type", "csv", "path", "data.csv", "header", true),
                "model", Map.of("type", "linear"));
        SupervisedWorkload w = (SupervisedWorkload) Workloads.create(sec, 4, 1, dir.resolve("exp"));
        assertEquals(List.of("a", "b"), w.train().featureNames());
        assertEquals(List.of("no", "yes"), w.train().classNames());
        assertEquals(3, w.dimension());
        assertEquals(32, w.train().size());
        int total = Arrays.stream(new int[] {0, 1, 2, 3}).map(w::samples).sum();
        assertEquals(32, total);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.create(Map.of("dataset", Map.of("type", "csv", "path", "data.csv")), 4, 1, dir));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void linearNeedsTwoClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workloads.create(Map.of("model", Map.of("type", "linear")), 4, 1, null));
        assertTrue(e.getMessage().contains("10 classes"), e.getMessage());
    }
}

package org.edgeai.model.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.run.PublicTestRegistries;
import org.edgeai.model.run.RunRegistries;
import org.edgeai.model.run.TraceMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {

    static final RunRegistries REG = PublicTestRegistries.registries();

    @TempDir
    Path dir;

    /** A consensus experiment on a generated ring with the test averaging algorithm, plus {@code sweep}. */
    static String experiment(String sweep) {
        return "{\n"
                + "  \"schemaVersion\": 1,\n"
                + "  \"name\": \"sweep test\",\n"
                + "  \"seed\": 5,\n"
                + "  \"topology\": { \"generator\": { \"type\": \"ring\", \"nodes\": 4 } },\n"
                + "  \"workload\": { \"task\": \"consensus\", \"dimension\": 3 },\n"
                + "  \"algorithm\": { \"type\": \"test-avg\" },\n"
                + "  \"run\": { \"rounds\": 3 }" + (sweep == null ? "" : ",\n  \"sweep\": " + sweep) + "\n"
                + "}\n";
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    SweepSpec load(String sweep) throws IOException {
        return SweepSpec.load(write("s.json", experiment(sweep)), List.of(), REG);
    }

    // ------------------------------------------------------------------ expansion

    @Test
    void pointsAreTheProductInKeyOrderWithTheLastKeyFastest() throws IOException {
        SweepSpec s = load("{ \"grid\": { \"seed\": [1, 2], \"algorithm.learningRate\": [0, 0.1, 0.25] } }");
        assertEquals(List.of("seed", "algorithm.learningRate"), s.paths());
        assertEquals(6, s.size());
        long[] seeds = {1, 1, 1, 2, 2, 2};
        double[] rates = {0, 0.1, 0.25, 0, 0.1, 0.25};
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            SweepPoint p = s.points().get(k);
            assertEquals(k, p.index());
            assertEquals(seeds[k], p.values().get("seed").asLong());
            assertEquals(rates[k], p.values().get("algorithm.learningRate").asDouble());
            // the values are in the point's experiment
            assertEquals(seeds[k], p.experiment().seed());
            assertEquals(rates[k], p.experiment().section("algorithm").orElseThrow().get("learningRate").asDouble());
            assertFalse(p.experiment().section("sweep").isPresent(), "a point is a plain experiment");
            assertEquals("sweep test", p.experiment().name());
            ids.add(p.id());
        }
        assertEquals(List.of("p000-1_0", "p001-1_0.1", "p002-1_0.25", "p003-2_0", "p004-2_0.1", "p005-2_0.25"), ids);
    }

    @Test
    void valuesMayBeWholeObjectsOrNull() throws IOException {
        SweepSpec s = load("{ \"grid\": { \"compression\": [null, { \"type\": \"qsgd\", \"levels\": 4 }], "
                + "\"topology.generator\": [{ \"type\": \"star\", \"nodes\": 5 }] } }");
        assertEquals(2, s.size());
        SweepPoint none = s.points().get(0);
        SweepPoint qsgd = s.points().get(1);
        assertFalse(none.experiment().section("compression").isPresent(), "null means absent: the default, no compression");
        assertEquals("qsgd", qsgd.experiment().section("compression").orElseThrow().get("type").asText());
        assertEquals(4, qsgd.experiment().section("compression").orElseThrow().get("levels").asInt());
        assertEquals("star", qsgd.experiment().topology().generator().orElseThrow().type());
        assertEquals("p000-null_type-star-nodes-5", none.id());
        assertEquals("p001-type-qsgd-levels-4_type-star-nodes-5", qsgd.id());
        assertEquals("compression=null, topology.generator={\"type\":\"star\",\"nodes\":5}", none.describe());
    }

    @Test
    void overridesApplyToTheBaseBeforeExpansion() throws IOException {
        Path f = write("s.json", experiment("{ \"grid\": { \"seed\": [1, 2] } }"));
        SweepSpec s = SweepSpec.load(f, List.of("run.rounds=7", "seed=99"), REG);
        assertEquals(7, s.points().get(0).experiment().rounds());
        assertEquals(1, s.points().get(0).experiment().seed(), "the grid wins over --set on the same path");
        assertEquals(7, s.toJson(TraceMode.NONE).get("experiment").get("run").get("rounds").asInt());
    }

    @Test
    void sweepJsonHasTheExperimentTheGridAndThePoints() throws IOException {
        SweepSpec s = load("{ \"grid\": { \"topology.generator.nodes\": [4, 5], \"seed\": [1] } }");
        ObjectNode j = s.toJson(TraceMode.FULL);
        assertEquals(List.of("experiment", "grid", "trace", "points"), fieldNames(j));
        assertFalse(j.get("experiment").has("sweep"));
        assertEquals("ring", j.get("experiment").get("topology").get("generator").get("type").asText());
        assertEquals("[4,5]", j.get("grid").get("topology.generator.nodes").toString());
        assertEquals("full", j.get("trace").asText());
        assertEquals(2, j.get("points").size());
        JsonNode p1 = j.get("points").get(1);
        assertEquals(1, p1.get("index").asInt());
        assertEquals("p001-5_1", p1.get("id").asText());
        assertEquals(5, p1.get("values").get("topology.generator.nodes").asInt());
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        return l;
    }

    // ------------------------------------------------------------------ ids

    @Test
    void idsArePaddedToTheWidthOfTheCountAndSlugged() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertEquals("p000-ring_dsgd_1", SweepSpec.pointId(0, 12, List.of(f.textNode("ring"), f.textNode("dsgd"), LongNode.valueOf(1))));
        assertEquals("p011-erdos-renyi", SweepSpec.pointId(11, 12, List.of(f.textNode("erdos-renyi"))));
        assertEquals("p0999-x", SweepSpec.pointId(999, 1000, List.of(f.textNode("x"))));
        assertEquals("p0042-x", SweepSpec.pointId(42, 1000, List.of(f.textNode("x"))));
        assertEquals("p00042-x", SweepSpec.pointId(42, 10000, List.of(f.textNode("x"))));
        assertEquals("p005--3_1e-5_true", SweepSpec.pointId(5, 6, List.of(LongNode.valueOf(-3),
                f.numberNode(1e-5), f.booleanNode(true))));
        assertEquals("p000-my-value-with-spaces_empty", SweepSpec.pointId(0, 2,
                List.of(f.textNode("My Value_with  Spaces!"), f.textNode(""))));
        String longId = SweepSpec.pointId(3, 4, List.of(f.textNode("a".repeat(30)), f.textNode("b".repeat(30))));
        assertEquals("p003-" + "a".repeat(30) + "_" + "b".repeat(17), longId);
        assertEquals(5 + SweepSpec.MAX_SLUG, longId.length());
        // a cut right after a separator does not leave it dangling
        assertEquals("p003-" + "a".repeat(47), SweepSpec.pointId(3, 4, List.of(f.textNode("a".repeat(47)), f.textNode("zzz"))));
        assertThrows(IllegalArgumentException.class, () -> SweepSpec.pointId(4, 4, List.of()));
    }

    @Test
    void slugsUseOnlySafeCharacters() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode().put("type", "topk").put("ratio", 0.05).put("errorFeedback", true);
        assertEquals("type-topk-ratio-0.05-errorfeedback-true", SweepSpec.slug(o));
        assertEquals("1-2-3", SweepSpec.slug(f.arrayNode().add(1).add(2).add(3)));
        assertEquals("null", SweepSpec.slug(f.nullNode()));
        assertTrue(SweepSpec.slug(f.textNode("Ünïcode/../path")).matches("[a-z0-9.-]+"), SweepSpec.slug(f.textNode("Ünïcode/../path")));
    }

    // ------------------------------------------------------------------ validation, located

    @Test
    void aMissingSweepSectionIsAnError() throws IOException {
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> load(null));
        assertTrue(e.getMessage().startsWith("s.json: sweep: missing;"), e.getMessage());
    }

    @Test
    void gridErrorsAreLocatedAtTheGrid() throws IOException {
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"seed\": 3 } }"));
        assertTrue(e.getMessage().startsWith("s.json:9:32: sweep.grid.seed: expected an array"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"seed\": [] } }"));
        assertTrue(e.getMessage().contains("sweep.grid.seed: expected at least one value, got an empty array"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { } }"));
        assertTrue(e.getMessage().contains("sweep.grid: expected at least one swept path"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"algoritm.type\": [\"x\"] } }"));
        assertTrue(e.getMessage().contains("sweep.grid.algoritm.type: a swept path must start with a top-level key")
                && e.getMessage().contains("did you mean 'algorithm'"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"sweep.grid\": [1] } }"));
        assertTrue(e.getMessage().contains("unknown key 'sweep'"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"seed\": [1] }, \"grids\": 1 }"));
        assertTrue(e.getMessage().contains("sweep.grids: unknown key 'grids'"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"topology..nodes\": [1] } }"));
        assertTrue(e.getMessage().contains("not a JSON path"), e.getMessage());

        e = assertThrows(ExperimentFileException.class, () -> load("{ \"grid\": { \"compression\": [null], \"compression.type\": [\"qsgd\"] } }"));
        assertTrue(e.getMessage().contains("sweep.grid.compression.type: overlaps the swept path 'compression'"), e.getMessage());
    }

    @Test
    void aBadPointNamesThePointAndWhereItsValueIsWritten() throws IOException {
        // the ring generator needs at least 3 nodes: the second value is wrong
        String sweep = "{ \"grid\": {\n    \"seed\": [1],\n    \"topology.generator.nodes\": [4,\n       2] } }";
        SweepException e = assertThrows(SweepException.class, () -> load(sweep));
        // line 12 col 8: where the 2 is written in the file
        assertTrue(e.getMessage().startsWith("sweep point p001-1_2 (seed=1, topology.generator.nodes=2): s.json:12:8: "
                + "topology.generator.nodes: expected an integer in [3, "), e.getMessage());
        assertTrue(e.getCause() instanceof ExperimentFileException);
    }

    @Test
    void pointsAreCheckedAsARunWouldCheckThem() throws IOException {
        // learningRate is in [0, 10] for test-avg: RunPlan finds it, not the experiment reader
        SweepException e = assertThrows(SweepException.class,
                () -> load("{ \"grid\": { \"algorithm.learningRate\": [0.1, 20] } }"));
        assertTrue(e.getMessage().startsWith("sweep point p001-20 (algorithm.learningRate=20): s.json:9:56: algorithm.learningRate:"),
                e.getMessage());

        e = assertThrows(SweepException.class, () -> load("{ \"grid\": { \"algorithm.learningRat\": [0.1] } }"));
        assertTrue(e.getMessage().contains("sweep point p000-0.1") && e.getMessage().contains("did you mean 'learningRate'"),
                e.getMessage());

        e = assertThrows(SweepException.class, () -> load("{ \"grid\": { \"algorithm.type\": [\"test-avg\", \"nope\"] } }"));
        assertTrue(e.getMessage().contains("sweep point p001-nope") && e.getMessage().contains("test-avg"), e.getMessage());

        e = assertThrows(SweepException.class, () -> load("{ \"grid\": { \"compression\": [{ \"type\": \"qsgd\", \"levels\": 0 }] } }"));
        assertTrue(e.getMessage().contains("compression.levels"), e.getMessage());

        // a path through a value that is not an object
        e = assertThrows(SweepException.class, () -> load("{ \"grid\": { \"seed.x\": [1] } }"));
        assertTrue(e.getMessage().contains("sweep point p000-1 (seed.x=1)") && e.getMessage().contains("not an object"),
                e.getMessage());
    }

    @Test
    void pipelineExperimentsAreRefused() throws IOException {
        String text = "{ \"schemaVersion\": 1, \"topology\": { \"generator\": { \"type\": \"ring\", \"nodes\": 4 } },\n"
                + "  \"pipeline\": { \"model\": { \"preset\": \"vgg16\" } }, \"sweep\": { \"grid\": { \"seed\": [1] } } }";
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> SweepSpec.load(write("p.json", text), List.of(), REG));
        assertTrue(e.getMessage().contains("pipeline: sweeps of pipeline experiments are not supported"), e.getMessage());
    }

    // ------------------------------------------------------------------ shards

    @Test
    void shardsPartitionThePointsRoundRobin() throws IOException {
        SweepSpec s = load("{ \"grid\": { \"seed\": [1, 2, 3, 4, 5, 6, 7], \"topology.generator.nodes\": [4, 5] } }");
        assertEquals(14, s.size());
        for (int n = 1; n <= 5; n++) {
            Set<Integer> seen = new TreeSet<>();
            int total = 0;
            for (int i = 1; i <= n; i++) {
                for (SweepPoint p : s.points(new SweepShard(i, n))) {
                    assertEquals(i, p.index() % n + 1, "point " + p.index() + " of shard " + i + "/" + n);
                    assertTrue(seen.add(p.index()), "point " + p.index() + " in two shards of " + n);
                    total++;
                }
            }
            assertEquals(s.size(), total);
            assertEquals(s.size(), seen.size(), "the shards of " + n + " cover the sweep");
        }
        assertEquals(List.of(2, 5, 8, 11), s.points(SweepShard.parse("3/3")).stream().map(SweepPoint::index).toList());
    }

    @Test
    void shardTextIsValidated() {
        assertEquals(new SweepShard(2, 3), SweepShard.parse(" 2/3 "));
        for (String bad : List.of("0/3", "4/3", "1/0", "a/b", "3", "/3", "2/", "-1/3", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepShard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--shard: expected I/N"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new SweepShard(0, 1));
    }

    @Test
    void pointJsonHoldsIndexIdAndValues() throws IOException {
        SweepSpec s = load("{ \"grid\": { \"compression\": [{ \"type\": \"topk\", \"ratio\": 0.5 }] } }");
        JsonNode j = new ObjectMapper().readTree(SweepRunner.pointJson(s.points().get(0)));
        assertEquals(0, j.get("index").asInt());
        assertEquals("p000-type-topk-ratio-0.5", j.get("id").asText());
        assertEquals(0.5, j.get("values").get("compression").get("ratio").asDouble());
    }
}

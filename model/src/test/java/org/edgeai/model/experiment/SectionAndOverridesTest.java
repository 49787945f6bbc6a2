package org.edgeai.model.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.testing.TestGenerators;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.junit.jupiter.api.Test;

class SectionAndOverridesTest {

    private static final ProviderRegistry<GeneratorProvider> GEN = TestGenerators.registry();

    private static final String TEXT = """
            {
              "schemaVersion": 1,
              "seed": 3,
              "topology": {
                "generator": { "type": "ring", "nodes": 8 },
                "nodes": [ { "id": "n0", "kind": "server" }, { "id": "n1" } ]
              },
              "algorithm": { "type": "dsgd", "learningRate": 0.1, "momentum": "high", "steps": 5,
                             "nesterov": true, "extra": { "a": [1, 2] } },
              "workload": { "task": "consensus", "dimension": 5 }
            }
            """;

    private static int[] where(String text, String needle) {
        int at = text.indexOf(needle);
        int line = 1;
        int start = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, at - start + 1};
    }

    private static Experiment load(String text) {
        return ExperimentFile.fromJson(text, "exp.json", GEN);
    }

    // ------------------------------------------------------------------ Section: the API later code uses

    @Test
    void rawSectionsKeepTheirLocationsForLaterErrors() {
        Section a = load(TEXT).section("algorithm").orElseThrow();
        assertEquals("algorithm", a.path());
        ExperimentFileException e = a.error("algorithm.learningRate", "expected a learning rate below 0.05, got 0.1");
        int[] at = where(TEXT, "0.1");
        assertEquals("exp.json:" + at[0] + ":" + at[1] + ": algorithm.learningRate: expected a learning rate below 0.05, got 0.1",
                e.getMessage());
        assertEquals(at[0], a.errorAt("learningRate", "x").line());
        int[] inner = where(TEXT, "2] }");
        ExperimentFileException deep = a.error("algorithm.extra.a[1]", "too big");
        assertEquals(inner[0], deep.line());
        assertEquals(inner[1], deep.column());
        // a missing value is reported at the object that lacks it
        int[] obj = where(TEXT, "{ \"type\": \"dsgd\"");
        ExperimentFileException missing = a.errorAt("mixing", "missing");
        assertEquals(obj[0], missing.line());
        assertEquals(obj[1], missing.column());
    }

    @Test
    void typedGettersValidateWithLocatedMessages() {
        Section a = load(TEXT).section("algorithm").orElseThrow();
        assertEquals(0.1, a.number("learningRate", 1.0, 0, 10));
        assertEquals(0.7, a.number("missing", 0.7, 0, 10));
        assertEquals(5L, a.integer("steps", 1L, 1, 100));
        assertEquals(Boolean.TRUE, a.bool("nesterov", false));
        assertEquals("dsgd", a.requireString("type"));
        assertEquals("dsgd", a.choice("type", null, List.of("dsgd", "gossip-avg")));
        assertNull(a.string("mixing", null));

        ExperimentFileException range = assertThrows(ExperimentFileException.class, () -> a.number("learningRate", 1.0, 0.5, 1));
        assertEquals("algorithm.learningRate: expected a number in [0.5, 1], got 0.1", range.getMessage().replaceFirst("^exp\\.json:\\d+:\\d+: ", ""));
        ExperimentFileException type = assertThrows(ExperimentFileException.class, () -> a.number("momentum", 0.0, 0, 1));
        int[] at = where(TEXT, "\"high\"");
        assertEquals("exp.json:" + at[0] + ":" + at[1] + ": algorithm.momentum: expected a number in [0, 1], got \"high\"",
                type.getMessage());
        assertThrows(ExperimentFileException.class, () -> a.integer("learningRate", 1L, 0, 10));
        assertEquals("algorithm.steps: expected an integer in [10, 20], got 5",
                assertThrows(ExperimentFileException.class, () -> a.integer("steps", 1L, 10, 20)).getMessage()
                        .replaceFirst("^exp\\.json:\\d+:\\d+: ", ""));
        assertEquals("algorithm.type: expected one of gossip-avg, choco-sgd, got \"dsgd\"",
                assertThrows(ExperimentFileException.class, () -> a.choice("type", null, List.of("gossip-avg", "choco-sgd")))
                        .getMessage().replaceFirst("^exp\\.json:\\d+:\\d+: ", ""));
        assertEquals("algorithm.mixing: missing; expected a string",
                assertThrows(ExperimentFileException.class, () -> a.requireString("mixing")).getMessage()
                        .replaceFirst("^exp\\.json:\\d+:\\d+: ", ""));
        assertEquals("algorithm.extra: expected an array ([ ... ]), got an object",
                assertThrows(ExperimentFileException.class, () -> a.list("extra")).getMessage()
                        .replaceFirst("^exp\\.json:\\d+:\\d+: ", ""));
        Section extra = a.requireSection("extra");
        assertEquals("algorithm.extra", extra.path());
        assertEquals(2, extra.list("a").size());

        ExperimentFileException unknown = assertThrows(ExperimentFileException.class,
                () -> a.checkKeys("type", "learningRate", "momentum", "steps", "nesterov"));
        int[] key = where(TEXT, "\"extra\"");
        assertEquals("exp.json:" + key[0] + ":" + key[1] + ": algorithm.extra: unknown key 'extra'; expected one of type, "
                + "learningRate, momentum, steps, nesterov", unknown.getMessage());
    }

    @Test
    void providerLookupThroughASection() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "star");
        o.put("nodes", 6);
        o.put("centerKind", "cloud");
        Section s = Section.of("topology.generator", o);
        Section.Configured<GeneratorProvider> c = s.provider("type", GEN, "generator");
        assertEquals("star", c.provider().id());
        assertEquals(6L, c.parameters().getLong("nodes"));
        assertEquals("cloud", c.parameters().getString("centerKind"));
        assertEquals(0.5, c.parameters().getDouble("spread"));
        o.put("spread", 2);
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> Section.of("topology.generator", o).provider("type", GEN, "generator"));
        assertEquals("topology.generator.spread: expected a number in [0, 1], got 2", e.getMessage());
    }

    @Test
    void sectionsAreIndependentCopiesAndEditsReturnCopies() {
        Experiment e = load(TEXT);
        Section w = e.section("workload").orElseThrow();
        ObjectNode copy = w.json();
        copy.put("dimension", 99);
        assertEquals(5, e.section("workload").orElseThrow().get("dimension").intValue());
        Section edited = w.with("dimension", JsonNodeFactory.instance.numberNode(7));
        assertEquals(7, edited.get("dimension").intValue());
        assertEquals(5, w.get("dimension").intValue());
        Experiment e2 = e.withSection(edited);
        assertEquals(7, e2.section("workload").orElseThrow().get("dimension").intValue());
        assertTrue(ExperimentFile.toJson(e2).contains("\"dimension\": 7"));
        assertFalse(e2.withoutSection("workload").section("workload").isPresent());
        assertThrows(IllegalArgumentException.class, () -> e.section("algorithmz"));
    }

    // ------------------------------------------------------------------ JsonOverrides

    @Test
    void overridesSetNumbersBooleansStringsNullAndArrayElements() {
        JsonDocument doc = JsonDocument.parse(TEXT, "exp.json");
        JsonOverrides.set(doc, "algorithm.learningRate", "0.05");
        JsonOverrides.set(doc, "algorithm.nesterov", "false");
        JsonOverrides.set(doc, "algorithm.mixing", "metropolis");
        JsonOverrides.set(doc, "algorithm.steps", "null");
        JsonOverrides.set(doc, "algorithm.label", "\"42\"");
        JsonOverrides.set(doc, "topology.nodes[0].kind", "cloud");
        JsonOverrides.set(doc, "topology.nodes[2]", "{\"id\": \"n5\", \"computeGflops\": 0.5}");
        JsonOverrides.apply(doc, "seed=11");
        JsonOverrides.apply(doc, "run.rounds=25");
        JsonOverrides.set(doc, "compression.ratio", "1e-3");

        JsonNode a = doc.root().get("algorithm");
        assertTrue(a.get("learningRate").isDouble());
        assertEquals(0.05, a.get("learningRate").doubleValue());
        assertTrue(a.get("nesterov").isBoolean());
        assertFalse(a.get("nesterov").booleanValue());
        assertEquals("metropolis", a.get("mixing").textValue());
        assertTrue(a.get("steps").isNull());
        assertTrue(a.get("label").isTextual());
        assertEquals("42", a.get("label").textValue());
        assertEquals(0.001, doc.root().get("compression").get("ratio").doubleValue());

        Experiment e = ExperimentFile.read(doc, GEN);
        assertEquals(11, e.seed());
        assertEquals(25, e.rounds());
        assertEquals(NodeKind.CLOUD, e.topology().nodes().get(0).kind());
        assertEquals(3, e.topology().nodes().size());
        Topology t = e.buildTopology(GEN);
        assertEquals(0.5, t.node("n5").computeGflops());
        assertEquals(NodeKind.CLOUD, t.node("n0").kind());
    }

    @Test
    void overriddenValuesAreLocatedAtTheOverride() {
        JsonDocument doc = JsonDocument.parse(TEXT, "exp.json");
        JsonOverrides.set(doc, "topology.generator.nodes", "2");
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(doc, GEN));
        assertEquals("--set topology.generator.nodes=2: topology.generator.nodes: expected an integer in [3, 10000000], got 2",
                e.getMessage());
        // a whole replaced subtree: errors inside it point at the override too
        JsonDocument doc2 = JsonDocument.parse(TEXT, "exp.json");
        JsonOverrides.set(doc2, "topology.generator", "{\"type\": \"ring\", \"nodez\": 4}");
        ExperimentFileException e2 = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(doc2, GEN));
        assertEquals("--set topology.generator={\"type\": \"ring\", \"nodez\": 4}", e2.file());
        assertEquals("topology.generator.nodez", e2.path());
        // untouched values keep their file positions
        JsonDocument doc3 = JsonDocument.parse(TEXT, "exp.json");
        JsonOverrides.set(doc3, "seed", "4");
        JsonOverrides.set(doc3, "topology.nodes[1].kind", "robot");
        ExperimentFileException e3 = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(doc3, GEN));
        assertEquals("--set topology.nodes[1].kind=robot", e3.file());
        int[] at = where(TEXT, "\"dsgd\"");
        assertEquals(at[0], doc3.location("algorithm.type").line());
    }

    @Test
    void overrideErrorsNameThePath() {
        JsonDocument doc = JsonDocument.parse(TEXT, "exp.json");
        ExperimentFileException range = assertThrows(ExperimentFileException.class,
                () -> JsonOverrides.set(doc, "topology.nodes[5].kind", "server"));
        assertEquals("--set topology.nodes[5].kind=server: topology.nodes: index 5 is out of range: the array has 2 "
                + "elements (an index may be at most 2, which appends)", range.getMessage());
        ExperimentFileException notObject = assertThrows(ExperimentFileException.class,
                () -> JsonOverrides.set(doc, "seed.value", "1"));
        assertEquals("--set seed.value=1: seed: cannot set member 'value': this is 3, not an object", notObject.getMessage());
        ExperimentFileException notArray = assertThrows(ExperimentFileException.class,
                () -> JsonOverrides.set(doc, "topology.generator[0]", "1"));
        assertEquals("topology.generator", notArray.path());
        ExperimentFileException malformed = assertThrows(ExperimentFileException.class,
                () -> JsonOverrides.set(doc, "algorithm..rate", "1"));
        assertEquals("--set algorithm..rate=1: malformed JSON path 'algorithm..rate': empty key at position 10",
                malformed.getMessage());
        ExperimentFileException noEq = assertThrows(ExperimentFileException.class, () -> JsonOverrides.apply(doc, "seed"));
        assertEquals("--set seed: expected path=value (e.g. algorithm.learningRate=0.05), got 'seed'", noEq.getMessage());
        ExperimentFileException badJson = assertThrows(ExperimentFileException.class,
                () -> JsonOverrides.set(doc, "algorithm", "{\"type\": }"));
        assertEquals("algorithm", badJson.path());
        assertTrue(badJson.problem().startsWith("the value {\"type\": } looks like JSON but is not"), badJson.problem());
    }

    @Test
    void overrideCannotSneakPastANewerSchemaVersion() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("newer", ".json");
        try {
            java.nio.file.Files.writeString(f, "{\"schemaVersion\": 3, \"topology\": {}}");
            ExperimentFileException e = assertThrows(ExperimentFileException.class,
                    () -> ExperimentFile.load(f, GEN, List.of("schemaVersion=1")));
            assertTrue(e.problem().startsWith("written by a newer version of the workbench (schemaVersion 3;"), e.problem());
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    @Test
    void parseValueReadsJsonWhereItLooksLikeJson() {
        assertTrue(JsonOverrides.parseValue("12").isIntegralNumber());
        assertTrue(JsonOverrides.parseValue("-1.5").isDouble());
        assertTrue(JsonOverrides.parseValue("null").isNull());
        assertEquals("2024-01-01", JsonOverrides.parseValue("2024-01-01").textValue());
        assertEquals("metropolis", JsonOverrides.parseValue("metropolis").textValue());
        assertEquals("True", JsonOverrides.parseValue("True").textValue());
        assertEquals(3, JsonOverrides.parseValue("[3, 224, 224]").size());
        assertEquals("", JsonOverrides.parseValue("").textValue());
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void jsonPathsParseAndCompose() {
        assertEquals(List.of("topology", "nodes", 0, "kind"), JsonPath.parse("topology.nodes[0].kind"));
        assertEquals(List.of("a", 1, 2), JsonPath.parse("a[1][2]"));
        assertEquals("topology.nodes", JsonPath.parent("topology.nodes[0]"));
        assertEquals("topology", JsonPath.parent("topology.nodes"));
        assertEquals("", JsonPath.parent("topology"));
        assertNull(JsonPath.parent(""));
        assertTrue(JsonPath.within("topology.nodes[0].kind", "topology.nodes"));
        assertTrue(JsonPath.within("topology.nodes[0]", "topology.nodes"));
        assertFalse(JsonPath.within("topology.nodesX", "topology.nodes"));
        for (String bad : List.of("a.", ".a", "a[x]", "[0]", "a]", "a[1", "a[1]b")) {
            assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(bad), bad);
        }
    }

    @Test
    void namesSuggestTheNearest() {
        assertEquals(List.of("learningRate"), Names.nearest("learningrate", List.of("type", "learningRate")));
        assertEquals(List.of("ring"), Names.nearest("rnig", List.of("ring", "star", "tree")));
        assertEquals(List.of(), Names.nearest("zzzzz", List.of("ring", "star")));
        assertEquals(2, Names.distance("kitten", "sitten") + 1);
        assertEquals("unknown layout 'sircle' (did you mean 'circle'?); expected one of circle, tree",
                Names.unknown("layout", "sircle", List.of("circle", "tree")));
        assertEquals("unknown generator 'ring'; there are none to choose from", Names.unknown("generator", "ring", List.of()));
    }

    @Test
    void prettyJsonNumbersAndStrings() {
        assertEquals("1e-5", PrettyJson.formatDouble(1e-5));
        assertEquals("1.5e9", PrettyJson.formatDouble(1.5e9));
        assertEquals("0.1", PrettyJson.formatDouble(0.1));
        assertEquals("4.0", PrettyJson.formatDouble(4.0));
        assertEquals("5", PrettyJson.number(PrettyJson.num(5.0)));
        assertEquals("2.5", PrettyJson.number(PrettyJson.num(2.5)));
        assertEquals("1e15", PrettyJson.number(PrettyJson.num(1e15)));
        for (double d : new double[] {0.1, 1e-300, 123456.789, Math.PI, -2.5e-7, 4.9e-324, 1.7976931348623157e308}) {
            assertEquals(d, Double.parseDouble(PrettyJson.formatDouble(d)));
        }
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", PrettyJson.quote("a\"b\\c\n\u0001é"));
        String longArray = PrettyJson.write(JsonDocument.parse("{\"a\": [" + "1234567890, ".repeat(12) + "1]}", "x").root());
        assertEquals(13 + 4, longArray.lines().count(), longArray); // too wide for one line: one element per line
    }

    @Test
    void bigAndSpecialNumbersInFiles() {
        ExperimentFileException inf = assertThrows(ExperimentFileException.class,
                () -> JsonDocument.parse("{\"a\": {\"b\": 1e999}}", "x.json"));
        assertEquals("x.json:1:13: a.b: number out of range: 1e999", inf.getMessage());
        ExperimentFileException nan = assertThrows(ExperimentFileException.class,
                () -> JsonDocument.parse("{\"a\": NaN}", "x.json"));
        assertEquals(1, nan.line());
        String big = "{\"schemaVersion\": 1, \"seed\": 123456789012345678901234567890, \"topology\": {\"nodes\": [{\"id\": \"a\"}]}}";
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> load(big));
        assertEquals("seed", e.path());
        assertEquals("expected an integer, got 123456789012345678901234567890", e.problem());
    }
}

package org.edgeai.model.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.testing.TestGenerators;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTest {

    private static final ProviderRegistry<GeneratorProvider> GEN = TestGenerators.registry();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** 1-based line and column of the first occurrence of {@code needle} in {@code text}. */
    private static int[] where(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }

    private ExperimentFileException loadFails(String name, String text) throws IOException {
        Path p = write(name, text);
        return assertThrows(ExperimentFileException.class, () -> ExperimentFile.load(p, GEN).buildTopology(GEN));
    }

    // ------------------------------------------------------------------ located errors

    @Test
    void generatorParameterOutOfRangeIsLocatedAtTheValue() throws IOException {
        String text = """
                {
                  "schemaVersion": 1,
                  "name": "Ring",
                  "topology": {
                    "generator": { "type": "ring", "nodes": 2 }
                  }
                }
                """;
        ExperimentFileException e = loadFails("ring-16.json", text);
        int[] at = where(text, "2 }");
        assertEquals("ring-16.json:" + at[0] + ":" + at[1]
                + ": topology.generator.nodes: expected an integer in [3, 10000000], got 2", e.getMessage());
        assertEquals("ring-16.json", e.file());
        assertEquals(5, e.line());
        assertEquals(at[1], e.column());
        assertEquals("topology.generator.nodes", e.path());
        assertEquals("expected an integer in [3, 10000000], got 2", e.problem());
    }

    @Test
    void syntaxErrorCarriesJacksonsLineAndColumnAndThePath() throws IOException {
        String text = "{\n  \"schemaVersion\": 1,\n  \"topology\": { \"generator\": { \"type\": \"ring\" \"nodes\": 4 } }\n}\n";
        ExperimentFileException e = loadFails("broken.json", text);
        int[] at = where(text, "\"nodes\"");
        assertEquals(3, e.line());
        assertEquals(at[1], e.column());
        assertTrue(e.getMessage().startsWith("broken.json:3:" + at[1] + ": topology.generator"), e.getMessage());
        assertTrue(e.problem().startsWith("invalid JSON: "), e.problem());
    }

    @Test
    void emptyFileAndNonObjectAreRefused() throws IOException {
        assertEquals("empty.json:1:1: expected a JSON object, got an empty file", loadFails("empty.json", "  ").getMessage());
        assertEquals("array.json:1:1: expected a JSON object ({ ... }), got an array", loadFails("array.json", "[1]").getMessage());
        ExperimentFileException trailing = loadFails("t.json", "{\"schemaVersion\": 1} {}");
        assertTrue(trailing.getMessage().startsWith("t.json:1:22: "), trailing.getMessage());
    }

    @Test
    void duplicateKeyIsASyntaxError() throws IOException {
        String text = "{\n  \"schemaVersion\": 1,\n  \"seed\": 1,\n  \"seed\": 2\n}\n";
        ExperimentFileException e = loadFails("dup.json", text);
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("Duplicate field 'seed'"), e.problem());
    }

    @Test
    void wrongTypeNamesPathExpectedAndGot() throws IOException {
        String text = "{\n  \"schemaVersion\": 1,\n  \"seed\": \"seven\",\n  \"topology\": { \"generator\": { \"type\": \"ring\", \"nodes\": 4 } }\n}\n";
        ExperimentFileException e = loadFails("w.json", text);
        assertEquals("w.json:3:11: seed: expected an integer, got \"seven\"", e.getMessage());

        String kind = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\", \"kind\": \"phone\"}]}}";
        ExperimentFileException k = loadFails("k.json", kind);
        assertEquals("k.json:1:" + where(kind, "\"phone\"")[1]
                + ": topology.nodes[0].kind: expected one of device, server, cloud, got \"phone\"", k.getMessage());

        String neg = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}],"
                + " \"defaults\": {\"link\": {\"bandwidthMbps\": -5}}}}";
        assertEquals("n.json:1:" + where(neg, "-5")[1] + ": topology.defaults.link.bandwidthMbps: expected a number > 0, got -5",
                loadFails("n.json", neg).getMessage());

        String rounds = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}]}, \"run\": {\"rounds\": 2.5}}";
        assertEquals("r.json:1:" + where(rounds, "2.5")[1] + ": run.rounds: expected an integer in [1, 1000000000], got 2.5",
                loadFails("r.json", rounds).getMessage());
    }

    @Test
    void unknownKeysListTheKnownOnesWithSuggestions() throws IOException {
        String text = "{\n  \"schemaVersion\": 1,\n  \"sed\": 3,\n  \"topology\": { \"generator\": { \"type\": \"ring\", \"nodes\": 4 } }\n}\n";
        ExperimentFileException e = loadFails("u.json", text);
        assertEquals("u.json:3:3: sed: unknown key 'sed' (did you mean 'seed'?); expected one of schemaVersion, name, "
                + "description, seed, topology, workload, algorithm, pipeline, split, compression, network, run, sweep", e.getMessage());

        String inNode = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\", \"computeGFlops\": 3}]}}";
        ExperimentFileException n = loadFails("n.json", inNode);
        assertEquals("topology.nodes[0].computeGFlops", n.path());
        assertEquals(where(inNode, "\"computeGFlops\"")[1], n.column());
        assertEquals("unknown key 'computeGFlops' (did you mean 'computeGflops'?); expected one of id, kind, computeGflops, "
                + "memoryMb, x, y, label, accessMbps", n.problem());

        String inTopo = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}], \"lnks\": []}}";
        assertEquals("unknown key 'lnks' (did you mean 'links'?); expected one of generator, defaults, nodes, links, layout",
                loadFails("t.json", inTopo).problem());

        String inRun = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}]}, \"run\": {\"round\": 5}}";
        assertEquals("run.round: unknown key 'round' (did you mean 'rounds'?); expected one of rounds",
                loadFails("r.json", inRun).getMessage().substring("r.json:1:".length() + String.valueOf(where(inRun, "\"round\"")[1]).length() + 2));

        String inDefaults = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}], \"defaults\": {\"devices\": {}}}}";
        assertEquals("unknown key 'devices' (did you mean 'device'?); expected one of device, server, cloud, link",
                loadFails("d.json", inDefaults).problem());

        String param = "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"ring\", \"node\": 5}}}";
        ExperimentFileException p = loadFails("p.json", param);
        assertEquals("topology.generator.node", p.path());
        assertEquals("unknown parameter of ring 'node' (did you mean 'nodes'?); expected one of type, nodes", p.problem());
    }

    @Test
    void unknownGeneratorListsTheIds() throws IOException {
        String text = "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"rnig\", \"nodes\": 5}}}";
        ExperimentFileException e = loadFails("g.json", text);
        assertEquals("g.json:1:" + where(text, "\"rnig\"")[1] + ": topology.generator.type: unknown generator 'rnig' "
                + "(did you mean 'ring'?); expected one of ring, seedprobe, star", e.getMessage());
    }

    @Test
    void missingRequiredValuesAreReportedAtTheirObject() throws IOException {
        String text = "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"ring\"}}}";
        ExperimentFileException e = loadFails("m.json", text);
        assertEquals("m.json:1:" + where(text, "{\"type\"")[1]
                + ": topology.generator.nodes: missing; expected an integer in [3, 10000000]", e.getMessage());
        assertEquals("m.json:1:1: topology: missing; expected an object ({ ... })",
                loadFails("m.json", "{\"schemaVersion\": 1}").getMessage());
        assertEquals("topology: expected a \"generator\" or listed \"nodes\" (or both), got neither",
                loadFails("m.json", "{\"schemaVersion\": 1, \"topology\": {}}").getMessage().substring("m.json:1:35: ".length()));
        assertEquals("topology.links[0].target: missing; expected a string", loadFails("m.json",
                "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\"}]}}")
                .getMessage().replaceFirst("^m\\.json:1:\\d+: ", ""));
    }

    @Test
    void crossParameterCheckOfTheProviderIsLocatedAtTheGenerator() throws IOException {
        String text = "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"star\", \"nodes\": 13}}}";
        ExperimentFileException e = loadFails("s.json", text);
        assertEquals("topology.generator", e.path());
        assertEquals(where(text, "{\"type\"")[1], e.column());
        assertEquals("star: nodes = 13 is unlucky (a cross-parameter check)", e.problem());
    }

    @Test
    void newerSchemaVersionIsRefused() throws IOException {
        String text = "{\n  \"schemaVersion\": 2,\n  \"topology\": { \"quantum\": true }\n}\n";
        ExperimentFileException e = loadFails("new.json", text);
        assertEquals("new.json:2:20: schemaVersion: written by a newer version of the workbench (schemaVersion 2; "
                + "this version reads 1)", e.getMessage());
        assertEquals("m.json:1:1: schemaVersion: missing; an experiment file starts with \"schemaVersion\": 1",
                loadFails("m.json", "{\"topology\": {}}").getMessage());
        assertEquals("schemaVersion: expected the integer 1, got \"1\"", loadFails("q.json",
                "{\"schemaVersion\": \"1\"}").getMessage().replaceFirst("^q\\.json:1:\\d+: ", ""));
    }

    @Test
    void unknownLinkEndpointIsNamedAndLocated() throws IOException {
        String text = """
                {
                  "schemaVersion": 1,
                  "topology": {
                    "generator": { "type": "ring", "nodes": 16 },
                    "links": [ { "source": "n0", "target": "n99" } ]
                  }
                }
                """;
        ExperimentFileException e = loadFails("l.json", text);
        int[] at = where(text, "\"n99\"");
        assertEquals("l.json:" + at[0] + ":" + at[1] + ": topology.links[0].target: no node 'n99' in the topology; "
                + "it has 16 nodes: n0, n1, n2, n3, n4, ..., n14, n15", e.getMessage());
    }

    @Test
    void selfLinkAndDuplicatesAreRefused() throws IOException {
        String self = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\"}]}}";
        assertEquals("a link must join two different nodes, got 'a' at both ends", loadFails("s.json", self).problem());
        String dupNode = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}}";
        ExperimentFileException d = loadFails("d.json", dupNode);
        assertEquals("topology.nodes[1].id", d.path());
        assertEquals("node 'a' is listed twice (first at topology.nodes[0])", d.problem());
        String dupLink = "{\"schemaVersion\": 1, \"topology\": {\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": "
                + "[{\"source\": \"a\", \"target\": \"b\"}, {\"source\": \"b\", \"target\": \"a\"}]}}";
        assertEquals("link b -- a is listed twice (first at topology.links[0])", loadFails("l.json", dupLink).problem());
    }

    @Test
    void unreadableFileIsAnExperimentFileException() {
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> ExperimentFile.load(dir.resolve("nope.json"), GEN));
        assertEquals("nope.json", e.file());
        assertTrue(e.problem().startsWith("cannot read the file: no such file"), e.problem());
    }

    // ------------------------------------------------------------------ defaults and overrides

    @Test
    void defaultsAndOverridesBuildTheExpectedTopology() throws IOException {
        String text = """
                {
                  "schemaVersion": 1,
                  "seed": 7,
                  "topology": {
                    "generator": { "type": "ring", "nodes": 6 },
                    "defaults": {
                      "device": { "computeGflops": 7 },
                      "server": { "memoryMb": 1000 },
                      "link": { "bandwidthMbps": 50 }
                    },
                    "nodes": [
                      { "id": "n3", "computeGflops": 1, "label": "slow" },
                      { "id": "n0", "kind": "server" },
                      { "id": "n1", "x": 12.5 },
                      { "id": "edge", "kind": "cloud", "x": 1000, "y": -20, "accessMbps": 300 }
                    ],
                    "links": [
                      { "source": "n0", "target": "edge", "bandwidthMbps": 1000, "latencyMs": 1, "weight": 0.5 },
                      { "source": "n2", "target": "n1", "latencyMs": 3 }
                    ]
                  }
                }
                """;
        Experiment exp = ExperimentFile.load(write("d.json", text), GEN);
        Topology t = exp.buildTopology(GEN);
        assertEquals(7, exp.topology().nodes().size() + 3); // 4 listed
        assertEquals(7, t.nodeCount());
        assertEquals(7, t.linkCount());
        List<String> ids = new ArrayList<>();
        t.nodes().forEach(n -> ids.add(n.id()));
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4", "n5", "edge"), ids);

        TopologyDefaults std = TopologyDefaults.standard();
        Node n0 = t.node("n0");
        assertEquals(NodeKind.SERVER, n0.kind());
        assertEquals(std.node(NodeKind.SERVER).computeGflops(), n0.computeGflops()); // server defaults, not device
        assertEquals(1000, n0.memoryMb());
        Node n3 = t.node("n3");
        assertEquals(NodeKind.DEVICE, n3.kind());
        assertEquals(1, n3.computeGflops());
        assertEquals(std.node(NodeKind.DEVICE).memoryMb(), n3.memoryMb());
        assertEquals("slow", n3.label());
        Node n4 = t.node("n4");
        assertEquals(7, n4.computeGflops());
        // the ring's circle layout: n1 keeps its generated y, only x is overridden
        Topology plain = TopologySpec.generated("ring", java.util.Map.of("nodes", 6L)).build(GEN, 7);
        assertEquals(plain.node("n1").y(), t.node("n1").y());
        assertEquals(12.5, t.node("n1").x());
        assertEquals(plain.node("n4").x(), n4.x());
        Node edge = t.node("edge");
        assertEquals(NodeKind.CLOUD, edge.kind());
        assertEquals(std.node(NodeKind.CLOUD).computeGflops(), edge.computeGflops());
        assertEquals(1000, edge.x());
        assertEquals(-20, edge.y());
        assertEquals(300.0, edge.accessMbps());

        Link ring = t.findLink("n4", "n5").orElseThrow();
        assertEquals(50, ring.bandwidthMbps());
        assertEquals(std.link().latencyMs(), ring.latencyMs());
        Link over = t.findLink("n1", "n2").orElseThrow();
        assertEquals("n1", over.source()); // generated orientation and place kept
        assertEquals(50, over.bandwidthMbps());
        assertEquals(3, over.latencyMs());
        Link added = t.findLink("edge", "n0").orElseThrow();
        assertEquals(1000, added.bandwidthMbps());
        assertEquals(1, added.latencyMs());
        assertEquals(0.5, added.weight());
        List<Link> links = new ArrayList<>(t.links());
        assertEquals(added, links.get(6));
        assertEquals(over, links.get(1));
    }

    @Test
    void withoutGeneratorTheListIsTheWholeTopologyAndUnplacedNodesAreLaidOut() throws IOException {
        String text = """
                {
                  "schemaVersion": 1,
                  "topology": {
                    "nodes": [ { "id": "a", "kind": "server" }, { "id": "b" }, { "id": "c" } ],
                    "links": [ { "source": "a", "target": "b" }, { "source": "a", "target": "c" } ]
                  }
                }
                """;
        Topology t = ExperimentFile.load(write("l.json", text), GEN).buildTopology(GEN);
        assertEquals(3, t.nodeCount());
        assertEquals(2, t.linkCount());
        assertEquals(NodeKind.SERVER, t.node("a").kind());
        assertEquals(NodeKind.DEVICE, t.node("b").kind());
        // laid out: three distinct positions
        assertNotEquals(t.node("a").x() + "," + t.node("a").y(), t.node("b").x() + "," + t.node("b").y());
        assertNotEquals(t.node("b").x() + "," + t.node("b").y(), t.node("c").x() + "," + t.node("c").y());

        String mixed = """
                {
                  "schemaVersion": 1,
                  "topology": {
                    "nodes": [ { "id": "hub", "x": 0, "y": 0 }, { "id": "p" }, { "id": "q" }, { "id": "lonely" } ],
                    "links": [ { "source": "hub", "target": "p" }, { "source": "hub", "target": "q" } ]
                  }
                }
                """;
        Topology m = ExperimentFile.load(write("m.json", mixed), GEN).buildTopology(GEN);
        assertEquals(0, m.node("hub").x());
        for (String id : List.of("p", "q")) {
            double r = Math.hypot(m.node(id).x(), m.node(id).y());
            assertEquals(75, r, 1e-9, id + " is placed on a circle of 0.75 spacing around its neighbour");
        }
        assertNotEquals(m.node("p").x(), m.node("q").x());
        assertEquals(100, m.node("lonely").y(), 1e-9, "a node with no placed neighbour goes below everything");
    }

    @Test
    void halfAPositionOnAnAddedNodeIsAnError() throws IOException {
        String text = "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"ring\", \"nodes\": 3},"
                + " \"nodes\": [{\"id\": \"extra\", \"x\": 5}]}}";
        ExperimentFileException e = loadFails("h.json", text);
        assertEquals("topology.nodes[0].x", e.path());
        assertEquals("node 'extra' is not generated, so it needs both x and y (or neither), got only x", e.problem());
    }

    @Test
    void explicitLayoutPlacesAllButExplicitPositions() throws IOException {
        String text = "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"ring\", \"nodes\": 9},"
                + " \"layout\": \"grid\", \"nodes\": [{\"id\": \"n8\", \"x\": -1, \"y\": -2}]}}";
        Topology t = ExperimentFile.load(write("g.json", text), GEN).buildTopology(GEN);
        double[][] grid = org.edgeai.model.topology.layout.Layouts.grid(9);
        for (int i = 0; i < 8; i++) {
            assertEquals(grid[0][i], t.node("n" + i).x());
            assertEquals(grid[1][i], t.node("n" + i).y());
        }
        assertEquals(-1, t.node("n8").x());
        assertEquals(-2, t.node("n8").y());
    }

    @Test
    void generatorSeedIsDerivedFromTheExperimentSeed() throws IOException {
        String text = "{\"schemaVersion\": 1, \"seed\": 7, \"topology\": {\"generator\": {\"type\": \"seedprobe\"}}}";
        Topology t = ExperimentFile.load(write("s.json", text), GEN).buildTopology(GEN);
        // independent computation (Python, the formula in Seeds' Javadoc): derive(7, "topology") = 139069299336596668
        assertEquals(67904931316697.0, t.node("n0").x());
        assertEquals(1212.0, t.node("n0").y());
        assertEquals(139069299336596668L, Seeds.derive(7, "topology"));
        assertEquals(-3042915735128407139L, Seeds.derive(0, "topology"));
        assertEquals(-6483486164078459754L, Seeds.derive(7, "layout"));
        assertEquals(7313013743449883908L, Seeds.derive(-1, "topology"));
    }

    @Test
    void defaultsOfTheExperimentItself() throws IOException {
        Path p = write("my-ring.json", "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"ring\", \"nodes\": 5}}}");
        Experiment e = ExperimentFile.load(p, GEN);
        assertEquals("my-ring", e.name());
        assertEquals("", e.description());
        assertEquals(0, e.seed());
        assertEquals(100, e.rounds());
        assertTrue(e.writtenSeed().isEmpty());
        assertTrue(e.sections().isEmpty());
        assertEquals(p, e.source().orElseThrow());
        assertEquals(dir.resolve("data/x.csv").toAbsolutePath().normalize(), e.resolve("data/x.csv"));
    }

    // ------------------------------------------------------------------ saving

    private static final String FULL = """
            {
              "run": { "rounds": 40 },
              "topology": {
                "links": [ { "target": "n8", "source": "n0", "latencyMs": 2, "bandwidthMbps": 100 } ],
                "nodes": [ { "computeGflops": 1, "kind": "device", "id": "n3" } ],
                "defaults": {
                  "link":   { "bandwidthMbps": 20, "latencyMs": 10 },
                  "device": { "computeGflops": 5, "memoryMb": 4096 }
                },
                "generator": { "nodes": 16, "type": "ring" }
              },
              "network": { "computeSpread": 0.0, "stragglerProbability": 0.0, "stragglerSlowdown": 4.0,
                           "dropoutProbability": 0.0, "roundDeadlineS": null, "linkEvents": [] },
              "algorithm": { "type": "dsgd", "mixing": "metropolis", "learningRate": 0.1 },
              "workload": {
                "task": "classification",
                "dataset": { "type": "digits" },
                "model": { "type": "softmax" },
                "partition": { "type": "dirichlet", "alpha": 0.5 },
                "batchSize": 32,
                "testFraction": 0.2
              },
              "compression": { "type": "topk", "ratio": 0.05, "errorFeedback": true, "direction": "uplink" },
              "seed": 7,
              "description": "Shown in the Explorer and the run table: \\"quotes\\", ünïcödé, tab\\t.",
              "name": "Decentralized SGD on a ring",
              "schemaVersion": 1,
              "sweep": { "values": [1e-5, 1.5e9, 3, -0.25] }
            }
            """;

    @Test
    void keysAreWrittenInTheDocumentedOrder() throws IOException {
        Experiment e = ExperimentFile.load(write("full.json", FULL), GEN);
        JsonNode saved = JsonDocument.parse(ExperimentFile.toJson(e), "saved").root();
        List<String> top = new ArrayList<>();
        saved.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("schemaVersion", "name", "description", "seed", "topology", "workload", "algorithm",
                "compression", "network", "run", "sweep"), top);
        List<String> topo = new ArrayList<>();
        saved.get("topology").fieldNames().forEachRemaining(topo::add);
        assertEquals(List.of("generator", "defaults", "nodes", "links"), topo);
        List<String> def = new ArrayList<>();
        saved.get("topology").get("defaults").fieldNames().forEachRemaining(def::add);
        assertEquals(List.of("device", "link"), def);
        List<String> gen = new ArrayList<>();
        saved.get("topology").get("generator").fieldNames().forEachRemaining(gen::add);
        assertEquals(List.of("type", "nodes"), gen);
        List<String> link = new ArrayList<>();
        saved.get("topology").get("links").get(0).fieldNames().forEachRemaining(link::add);
        assertEquals(List.of("source", "target", "bandwidthMbps", "latencyMs"), link);
        List<String> node = new ArrayList<>();
        saved.get("topology").get("nodes").get(0).fieldNames().forEachRemaining(node::add);
        assertEquals(List.of("id", "kind", "computeGflops"), node);
        // raw sections keep their own order and values
        List<String> net = new ArrayList<>();
        saved.get("network").fieldNames().forEachRemaining(net::add);
        assertEquals(List.of("computeSpread", "stragglerProbability", "stragglerSlowdown", "dropoutProbability",
                "roundDeadlineS", "linkEvents"), net);
        assertTrue(saved.get("network").get("roundDeadlineS").isNull());
        assertEquals(JsonDocument.parse(FULL, "x").root().get("workload"), saved.get("workload"));
        assertEquals(JsonDocument.parse(FULL, "x").root().get("sweep"), saved.get("sweep"));
    }

    @Test
    void loadSaveLoadIsByteStableInBothForms() throws IOException {
        for (boolean fill : new boolean[] {false, true}) {
            Experiment e1 = ExperimentFile.load(write("full.json", FULL), GEN);
            Path first = dir.resolve("first-" + fill + ".json");
            ExperimentFile.save(e1, first, fill);
            Experiment e2 = ExperimentFile.load(first, GEN);
            Path second = dir.resolve("second-" + fill + ".json");
            ExperimentFile.save(e2, second, fill);
            assertEquals(Files.readString(first), Files.readString(second), "fillDefaults=" + fill);
            assertTrue(Files.readString(first).endsWith("}\n"));
            // the same experiment, and it builds the same topology
            assertEquals(e1.buildTopology(GEN), e2.buildTopology(GEN));
            if (!fill) {
                assertEquals(e1, e2);
            }
        }
    }

    @Test
    void asWrittenFormIsExactlyTheDesignStyle() throws IOException {
        Experiment e = ExperimentFile.load(write("full.json", FULL), GEN);
        String expected = """
                {
                  "schemaVersion": 1,
                  "name": "Decentralized SGD on a ring",
                  "description": "Shown in the Explorer and the run table: \\"quotes\\", ünïcödé, tab\\t.",
                  "seed": 7,
                  "topology": {
                    "generator": { "type": "ring", "nodes": 16 },
                    "defaults": {
                      "device": { "computeGflops": 5, "memoryMb": 4096 },
                      "link": { "bandwidthMbps": 20, "latencyMs": 10 }
                    },
                    "nodes": [
                      { "id": "n3", "kind": "device", "computeGflops": 1 }
                    ],
                    "links": [
                      { "source": "n0", "target": "n8", "bandwidthMbps": 100, "latencyMs": 2 }
                    ]
                  },
                  "workload": {
                    "task": "classification",
                    "dataset": { "type": "digits" },
                    "model": { "type": "softmax" },
                    "partition": { "type": "dirichlet", "alpha": 0.5 },
                    "batchSize": 32,
                    "testFraction": 0.2
                  },
                  "algorithm": { "type": "dsgd", "mixing": "metropolis", "learningRate": 0.1 },
                  "compression": { "type": "topk", "ratio": 0.05, "errorFeedback": true, "direction": "uplink" },
                  "network": {
                    "computeSpread": 0.0,
                    "stragglerProbability": 0.0,
                    "stragglerSlowdown": 4.0,
                    "dropoutProbability": 0.0,
                    "roundDeadlineS": null,
                    "linkEvents": []
                  },
                  "run": { "rounds": 40 },
                  "sweep": {
                    "values": [1e-5, 1.5e9, 3, -0.25]
                  }
                }
                """;
        assertEquals(expected, ExperimentFile.toJson(e));
    }

    @Test
    void filledFormWritesEveryDefault() throws IOException {
        Path p = write("mini.json", "{\"schemaVersion\": 1, \"topology\": {\"generator\": {\"type\": \"star\", \"nodes\": 4}}}");
        Experiment e = ExperimentFile.load(p, GEN);
        String expected = """
                {
                  "schemaVersion": 1,
                  "name": "mini",
                  "description": "",
                  "seed": 0,
                  "topology": {
                    "generator": { "type": "star", "nodes": 4, "centerKind": "device", "spread": 0.5 },
                    "defaults": {
                      "device": { "computeGflops": 5, "memoryMb": 4096 },
                      "server": { "computeGflops": 200, "memoryMb": 65536 },
                      "cloud": { "computeGflops": 2000, "memoryMb": 1048576 },
                      "link": { "bandwidthMbps": 20, "latencyMs": 10 }
                    }
                  },
                  "run": { "rounds": 100 }
                }
                """;
        assertEquals(expected, ExperimentFile.toJson(e, true));
        assertEquals("{\n  \"schemaVersion\": 1,\n  \"topology\": {\n    \"generator\": { \"type\": \"star\", \"nodes\": 4 }\n  }\n}\n",
                ExperimentFile.toJson(e, false));
        // the same filled form without a validated spec: through the registry
        Experiment made = Experiment.of(TopologySpec.generated("star", java.util.Map.of("nodes", 4L))).withName("mini");
        assertEquals(expected, ExperimentFile.toJson(made.withDefaults(GEN), false));
    }

    @Test
    void experimentMadeInCodeSavesAndLoads() throws IOException {
        Topology t = new Topology();
        t.putNode(Node.of("cloud", NodeKind.CLOUD, TopologyDefaults.standard()).withPosition(0, -100).withLabel("Cloud"));
        t.putNode(Node.of("d1", NodeKind.DEVICE, TopologyDefaults.standard()).withPosition(-50, 0).withCompute(2.5));
        t.putLink(new Link("cloud", "d1", 100, 5, null));
        Experiment e = Experiment.of(TopologySpec.listed(t, TopologyDefaults.standard())).withName("drawn").withSeed(3L);
        Path p = dir.resolve("drawn.json");
        ExperimentFile.save(e, p);
        Experiment back = ExperimentFile.load(p, GEN);
        assertEquals(t, back.buildTopology(GEN));
        assertEquals(e, back);
        assertFalse(Files.readString(p).contains("memoryMb"), "values equal to the defaults are left out");
    }
}

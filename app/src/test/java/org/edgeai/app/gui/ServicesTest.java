package org.edgeai.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesTest {

    @Test
    void ringMetropolisSpectrumMatchesTheClosedForm() {
        // Ring of n, every degree 2: W = I/3 + (shift + shift^T)/3, eigenvalues 1/3 + 2/3 cos(2 pi k / n).
        int n = 12;
        Topology t = BuiltInSamples.ring(n).topology();
        SpectrumSummary s = new AnalysisSpectrumService().compute(t, "metropolis");
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = 1.0 / 3 + 2.0 / 3 * Math.cos(2 * Math.PI * k / n);
        }
        Arrays.sort(expected);
        double[] got = s.eigenvalues().clone();
        Arrays.sort(got);
        assertArrayEquals(expected, got, 1e-12);
        assertEquals(1.0 / 3 + 2.0 / 3 * Math.cos(2 * Math.PI / n), s.rho(), 1e-12);
        assertEquals(1 - s.rho(), s.spectralGap(), 0);
        assertTrue(s.reading().startsWith("Consensus error shrinks ~1.21\u00d7 per round (1/rho\u00b2); ~74 rounds"), s.reading());
    }

    @Test
    void completeGraphWithMaxDegreeMixesInOneRound() {
        Topology t = new Topology();
        TopologyDefaults d = TopologyDefaults.standard();
        for (int i = 0; i < 5; i++) {
            t.putNode(Node.of("n" + i, NodeKind.DEVICE, d));
        }
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                t.putLink(Link.of("n" + i, "n" + j, d));
            }
        }
        SpectrumSummary s = new AnalysisSpectrumService().compute(t, "max-degree"); // W = J/5
        assertEquals(1.0, s.eigenvalues()[0], 1e-12);
        assertEquals(0.0, s.rho(), 1e-12);
        assertTrue(s.reading().contains("one round"), s.reading());
    }

    @Test
    void disconnectedGraphsAndBadCustomWeightsAreExplained() {
        Topology t = BuiltInSamples.ring(4).topology();
        t.removeLink("n0", "n1");
        t.removeLink("n2", "n3");
        SpectrumSummary s = new AnalysisSpectrumService().compute(t, "metropolis");
        assertEquals(1.0, s.rho(), 1e-12);
        assertTrue(s.reading().contains("disconnected"), s.reading());
        SpectrumSummary c = new AnalysisSpectrumService().compute(t, "custom");
        assertFalse(c.ok());
        assertTrue(c.problem().contains("has no weight"), c.problem());
        assertTrue(new AnalysisSpectrumService().compute(t, "uniform").problem().contains("metropolis, max-degree, custom"));
    }

    @Test
    void documentsRoundTripThroughExperimentFilesAndGeneratorsExpand(@TempDir Path dir) throws Exception {
        ExperimentFileStore store = new ExperimentFileStore(FakeRingGenerator.catalog().registry());
        EditorDocumentData campus = new BuiltInSamples().open("edge-campus");
        Path f = dir.resolve("campus.json");
        store.save(campus, f);
        EditorDocumentData back = store.load(f);
        assertEquals(campus.topology(), back.topology());
        assertEquals(campus.settings(), back.settings());

        Path g = dir.resolve("ring.json");
        Files.writeString(g, """
                { "schemaVersion": 1, "name": "r", "seed": 3,
                  "topology": { "generator": { "type": "ring", "nodes": 6 },
                                "defaults": { "link": { "bandwidthMbps": 7 } },
                                "links": [ { "source": "n0", "target": "n3", "latencyMs": 1 } ] },
                  "run": { "rounds": 5 } }""");
        EditorDocumentData r = store.load(g);
        assertEquals(6, r.topology().nodeCount());
        assertEquals(7, r.topology().linkCount());
        assertEquals(7.0, r.topology().findLink("n0", "n1").orElseThrow().bandwidthMbps());
        assertEquals(1.0, r.topology().findLink("n0", "n3").orElseThrow().latencyMs());
        assertEquals(Map.of("rounds", 5L), r.settings().section("run"));

        // unchanged, the generator survives a save; edited, the topology is saved as listed nodes and links
        Path same = dir.resolve("same.json");
        Files.copy(g, same);
        EditorDocumentData s1 = store.load(same);
        store.save(s1, same);
        assertTrue(Files.readString(same).contains("\"generator\""), Files.readString(same));
        s1.topology().removeLink("n0", "n3");
        store.save(s1, same);
        String edited = Files.readString(same);
        assertFalse(edited.contains("\"generator\""), edited);
        assertEquals(6, store.load(same).topology().linkCount());

        Files.writeString(g, "{ \"schemaVersion\": 1, \"topology\": { \"nodes\": [ { \"id\": \"a\", \"kind\": \"phone\" } ] } }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.load(g));
        assertTrue(e.getMessage().contains("ring.json:1:") && e.getMessage().contains("topology.nodes[0].kind")
                && e.getMessage().contains("phone"), e.getMessage());
    }

    @Test
    void generatorCatalogValidatesAndBuilds() {
        GeneratorCatalog c = FakeRingGenerator.catalog();
        Topology t = c.generate("ring", Map.of("nodes", 5), 1, TopologyDefaults.standard());
        assertEquals(5, t.linkCount());
        assertTrue(t.hasLink("n4", "n0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.generate("ring", Map.of("nodes", 2), 1, TopologyDefaults.standard()));
        assertTrue(e.getMessage().startsWith("ring: nodes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.get("tree"));
        assertTrue(e.getMessage().contains("expected one of ring"), e.getMessage());
    }

    @Test
    void builtInSettingsSchemaDefaultsAreValid() {
        BuiltInSettingsSchema s = new BuiltInSettingsSchema();
        for (String section : s.sections()) {
            var types = s.types(section).isEmpty() ? java.util.List.of("") : s.types(section);
            for (String type : types) {
                assertFalse(s.parameters(section, type).isEmpty() && !section.equals("compression")
                        && !section.equals("algorithm"), section + "/" + type);
                s.parameters(section, type).forEach(p -> assertFalse(p.required(), p.name()));
            }
        }
    }
}

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
import java.util.Random;

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
        SpectrumSummary s = new SimpleSpectrumService().compute(t, "metropolis");
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
        SpectrumSummary s = new SimpleSpectrumService().compute(t, "max-degree"); // W = J/5
        assertEquals(1.0, s.eigenvalues()[0], 1e-12);
        assertEquals(0.0, s.rho(), 1e-12);
        assertTrue(s.reading().contains("one round"), s.reading());
    }

    @Test
    void eigenvaluesAgreeWithJacobiOnRandomSymmetricMatrices() {
        Random r = new Random(42);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + r.nextInt(40);
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    a[i][j] = a[j][i] = r.nextGaussian();
                }
            }
            double[] viaJacobi = jacobi(copy(a));
            double[] viaQl = SimpleSpectrumService.symmetricEigenvalues(copy(a));
            assertArrayEquals(viaJacobi, viaQl, 1e-9, "n=" + n);
        }
    }

    @Test
    void disconnectedGraphsAndBadCustomWeightsAreExplained() {
        Topology t = BuiltInSamples.ring(4).topology();
        t.removeLink("n0", "n1");
        t.removeLink("n2", "n3");
        SpectrumSummary s = new SimpleSpectrumService().compute(t, "metropolis");
        assertEquals(1.0, s.rho(), 1e-12);
        assertTrue(s.reading().contains("disconnected"), s.reading());
        SpectrumSummary c = new SimpleSpectrumService().compute(t, "custom");
        assertFalse(c.ok());
        assertTrue(c.problem().contains("has no weight"), c.problem());
        assertTrue(new SimpleSpectrumService().compute(t, "uniform").problem().contains("metropolis, max-degree, custom"));
    }

    @Test
    void documentsRoundTripThroughTheSimpleStoreAndGeneratorsExpand(@TempDir Path dir) throws Exception {
        SimpleJsonDocumentStore store = new SimpleJsonDocumentStore(FakeRingGenerator.catalog());
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

        Files.writeString(g, "{ \"schemaVersion\": 1, \"topology\": { \"nodes\": [ { \"id\": \"a\", \"kind\": \"phone\" } ] } }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.load(g));
        assertTrue(e.getMessage().contains("ring.json: $.topology.nodes[0].kind: unknown node kind 'phone'"), e.getMessage());
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

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Cyclic Jacobi rotations: an independent, slow, simple oracle. Eigenvalues in descending order. */
    static double[] jacobi(double[][] a) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-26) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
        Arrays.sort(d);
        for (int i = 0; i < n / 2; i++) {
            double tmp = d[i];
            d[i] = d[n - 1 - i];
            d[n - 1 - i] = tmp;
        }
        return d;
    }
}

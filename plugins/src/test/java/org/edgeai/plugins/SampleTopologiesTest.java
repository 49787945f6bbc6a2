package org.edgeai.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.io.TopologyFormat;
import org.edgeai.model.io.TopologyIO;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in {@code sample-topologies/} (DESIGN.md: "every one is loaded by a test") loads, validates
 * and builds with the generators found by {@link java.util.ServiceLoader}, has a name and a description, a
 * connected topology and finite positions. The topology samples listed in {@code EXPECTED} also have the
 * shape their names promise (node and link counts from closed forms where the family has one, degrees,
 * kinds) and are in the canonical form the workbench saves, so opening and saving one changes nothing.
 * Samples of other parts (pipelines, split inference) are checked by their own tests beyond loading here.
 */
class SampleTopologiesTest {

    /** Expected shape of a sample: node count, link count (-1: no closed form), exact degree (-1: any). */
    private record Shape(int nodes, int links, int degree) {
    }

    private static final Map<String, Shape> EXPECTED = Map.ofEntries(
            Map.entry("ring-16.json", new Shape(16, 16, 2)),
            Map.entry("tree-15.json", new Shape(15, 14, -1)),
            Map.entry("erdos-renyi-20.json", new Shape(20, -1, -1)),
            Map.entry("complete-8.json", new Shape(8, 8 * 7 / 2, 7)),
            Map.entry("star-9.json", new Shape(9, 8, -1)),
            Map.entry("grid-4x5.json", new Shape(20, 4 * 4 + 3 * 5, -1)),
            Map.entry("watts-strogatz-20.json", new Shape(20, 20 * 4 / 2, -1)),
            Map.entry("barabasi-albert-30.json", new Shape(30, -1, -1)),
            Map.entry("hypercube-4.json", new Shape(16, 4 * 16 / 2, 4)),
            Map.entry("random-regular-20.json", new Shape(20, 20 * 3 / 2, 3)),
            Map.entry("random-geometric-30.json", new Shape(30, -1, -1)),
            // offsets 1, 2, 4, 8 of 16: three full circulants of 16 links and 8 diameters
            Map.entry("exponential-16.json", new Shape(16, 3 * 16 + 8, 7)),
            Map.entry("campus.json", new Shape(28, 28, -1)),
            Map.entry("karate-club.graphml", new Shape(34, 78, -1)),
            Map.entry("two-classrooms.graphml", new Shape(16, 16, -1)));

    private static final List<String> GENERATORS = List.of("ring", "tree", "erdos-renyi", "complete", "star", "grid",
            "watts-strogatz", "barabasi-albert", "hypercube", "random-regular", "random-geometric", "exponential");

    private static ProviderRegistry<GeneratorProvider> generators;
    private static Path samples;

    @BeforeAll
    static void setUp() {
        generators = ProviderRegistry.load("generator", GeneratorProvider.class, SampleTopologiesTest.class.getClassLoader());
        assertEquals(List.of(), generators.failures());
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        samples = moduleDir.resolve("../sample-topologies").normalize();
        if (!Files.isDirectory(samples)) {
            samples = moduleDir.resolve("sample-topologies"); // run from the repository root
        }
        assertTrue(Files.isDirectory(samples), "no sample-topologies folder beside " + moduleDir);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(samples)) {
            // every file a user can open as a topology or experiment; a README or the like is not one
            return s.filter(Files::isRegularFile)
                    .filter(p -> TopologyFormat.knownExtensions().stream().anyMatch(e -> p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        }
    }

    @Test
    void everyExpectedSampleIsThere() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path p : files()) {
            names.add(p.getFileName().toString());
        }
        Set<String> missing = new TreeSet<>(EXPECTED.keySet());
        missing.removeAll(names);
        assertEquals(Set.of(), missing, "samples named in EXPECTED but not in " + samples);
    }

    @Test
    void thereIsAnExperimentForEveryBuiltInGenerator() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path p : files()) {
            if (p.toString().endsWith(".json")) {
                ExperimentFile.load(p, generators).topology().generator().ifPresent(g -> used.add(g.type()));
            }
        }
        assertEquals(new TreeSet<>(GENERATORS), used);
    }

    @TestFactory
    List<DynamicTest> everySampleLoadsAndHasItsShape() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : files()) {
            String name = p.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> check(p, EXPECTED.get(name))));
        }
        return tests;
    }

    private static void check(Path p, Shape shape) throws IOException {
        String name = p.getFileName().toString();
        Topology t;
        if (TopologyFormat.of(p) == TopologyFormat.JSON) {
            Experiment e = ExperimentFile.load(p, generators);
            assertFalse(e.writtenName().orElse("").isBlank(), name + ": a sample needs a name");
            assertTrue(e.writtenDescription().orElse("").length() > 40, name + ": a sample needs a description");
            if (shape != null) {
                // canonical form: opening and saving a sample changes nothing
                assertEquals(Files.readString(p, StandardCharsets.UTF_8), ExperimentFile.toJson(e),
                        name + " is not in the form the workbench saves");
            }
            t = e.buildTopology(generators);
            // building twice gives the same topology (seeded generators)
            assertEquals(t, e.buildTopology(generators), name);
        } else {
            t = TopologyIO.read(p, generators);
        }
        assertTrue(t.nodeCount() > 0, name + ": no nodes");
        if (shape == null) {
            shape = new Shape(t.nodeCount(), -1, -1);
        }
        assertEquals(shape.nodes(), t.nodeCount(), name + ": nodes");
        if (shape.links() >= 0) {
            assertEquals(shape.links(), t.linkCount(), name + ": links");
        }
        IndexedGraph g = t.indexed();
        if (shape.degree() >= 0) {
            for (int i = 0; i < g.nodeCount(); i++) {
                assertEquals(shape.degree(), g.degree(i), name + ": degree of " + g.id(i));
            }
        }
        assertTrue(connected(g), name + ": a sample should be connected");
        for (Node n : t.nodes()) {
            assertTrue(Double.isFinite(n.x()) && Double.isFinite(n.y()), name + ": position of " + n.id());
        }
        switch (name) {
            case "star-9.json" -> {
                assertEquals(8, g.degree(g.indexOf("n0")), "the centre of a star is n0");
                assertEquals(NodeKind.SERVER, t.node("n0").kind());
            }
            case "tree-15.json" -> assertEquals(2, g.degree(g.indexOf("n0")), "the root of a binary tree is n0");
            case "campus.json" -> {
                assertEquals(1, count(t, NodeKind.CLOUD));
                assertEquals(3, count(t, NodeKind.SERVER));
                assertEquals(24, count(t, NodeKind.DEVICE));
                Set<Double> speeds = new TreeSet<>();
                t.links().forEach(l -> speeds.add(l.bandwidthMbps()));
                assertEquals(Set.of(20.0, 100.0, 1000.0, 10000.0), speeds, "LTE, Wi-Fi, campus fibre, fibre to the cloud");
                Set<String> places = new TreeSet<>();
                t.nodes().forEach(n -> places.add(n.x() + "," + n.y()));
                assertEquals(28, places.size(), "every node has its own place on the drawing");
            }
            default -> {
                // counts and connectivity above
            }
        }
    }

    private static long count(Topology t, NodeKind k) {
        return t.nodes().stream().filter(n -> n.kind() == k).count();
    }

    private static boolean connected(IndexedGraph g) {
        int n = g.nodeCount();
        if (n == 0) {
            return true;
        }
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        int reached = 1;
        while (top > 0) {
            int u = stack[--top];
            for (int k = 0; k < g.degree(u); k++) {
                int v = g.neighbour(u, k);
                if (!seen[v]) {
                    seen[v] = true;
                    reached++;
                    stack[top++] = v;
                }
            }
        }
        return reached == n;
    }
}

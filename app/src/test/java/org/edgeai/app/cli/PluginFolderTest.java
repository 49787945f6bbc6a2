package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar built at test time (sources compiled with the system Java compiler, a META-INF/services entry per
 * provider interface) is found through {@code --plugins DIR}; plugins whose constructor or {@code id()} throws
 * are reported on stderr with their class and left out, and the command still runs.
 */
class PluginFolderTest {

    @TempDir
    Path dir;

    Path plugins;

    /** A generator of a path n0 - n1 - ... - n(k-1). */
    static final String PATH_GENERATOR = """
            package org.example.plugin;

            import java.util.List;
            import org.edgeai.model.spi.ParameterDescriptor;
            import org.edgeai.model.spi.Parameters;
            import org.edgeai.model.topology.NodeKind;
            import org.edgeai.model.topology.generate.GeneratedGraph;
            import org.edgeai.model.topology.generate.GeneratorProvider;

            public final class PathGenerator implements GeneratorProvider {
                public String id() { return "plugin-path"; }
                public String displayName() { return "Path (plugin)"; }
                public String description() { return "A path of devices, from a plugin jar."; }
                public List<ParameterDescriptor> parameters() {
                    return List.of(ParameterDescriptor.integer("nodes", 5L, 2L, 1000L, "nodes on the path"));
                }
                public GeneratedGraph generate(Parameters p, long seed) {
                    int n = p.getInt("nodes");
                    int[] u = new int[n - 1];
                    int[] v = new int[n - 1];
                    for (int i = 0; i + 1 < n; i++) { u[i] = i; v[i] = i + 1; }
                    NodeKind[] kinds = new NodeKind[n];
                    java.util.Arrays.fill(kinds, NodeKind.DEVICE);
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) { x[i] = 100 * i; }
                    return new GeneratedGraph(n, u, v, kinds, x, y, null);
                }
            }
            """;

    /** An algorithm plugin whose constructor throws. */
    static final String BAD_CONSTRUCTOR = """
            package org.example.plugin;

            import java.util.List;
            import org.edgeai.model.engine.Algorithm;
            import org.edgeai.model.engine.AlgorithmProvider;
            import org.edgeai.model.engine.SimulationContext;
            import org.edgeai.model.spi.ParameterDescriptor;
            import org.edgeai.model.spi.Parameters;

            public final class BrokenAtBirth implements AlgorithmProvider {
                public BrokenAtBirth() { throw new IllegalStateException("no licence file"); }
                public String id() { return "broken-at-birth"; }
                public String displayName() { return "x"; }
                public String description() { return "x"; }
                public List<ParameterDescriptor> parameters() { return List.of(); }
                public Family family() { return Family.DECENTRALIZED; }
                public Algorithm create(Parameters p, SimulationContext c) { throw new UnsupportedOperationException(); }
            }
            """;

    /** An algorithm plugin whose id() throws. */
    static final String BAD_ID = """
            package org.example.plugin;

            import java.util.List;
            import org.edgeai.model.engine.Algorithm;
            import org.edgeai.model.engine.AlgorithmProvider;
            import org.edgeai.model.engine.SimulationContext;
            import org.edgeai.model.spi.ParameterDescriptor;
            import org.edgeai.model.spi.Parameters;

            public final class NamelessAlgorithm implements AlgorithmProvider {
                public String id() { throw new IllegalStateException("id not configured"); }
                public String displayName() { return "x"; }
                public String description() { return "x"; }
                public List<ParameterDescriptor> parameters() { return List.of(); }
                public Family family() { return Family.DECENTRALIZED; }
                public Algorithm create(Parameters p, SimulationContext c) { throw new UnsupportedOperationException(); }
            }
            """;

    @BeforeEach
    void buildPluginJar() throws IOException {
        Path src = dir.resolve("src/org/example/plugin");
        Files.createDirectories(src);
        Map<String, String> sources = Map.of("PathGenerator", PATH_GENERATOR, "BrokenAtBirth", BAD_CONSTRUCTOR,
                "NamelessAlgorithm", BAD_ID);
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK (javax.tools)");
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "plugin sources compile");

        plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("example-plugin.jar")))) {
            Path classes = dir.resolve("classes");
            try (Stream<Path> s = Files.walk(classes)) {
                for (Path c : s.filter(Files::isRegularFile).sorted().toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                    Files.copy(c, jar);
                    jar.closeEntry();
                }
            }
            service(jar, "org.edgeai.model.topology.generate.GeneratorProvider", "org.example.plugin.PathGenerator");
            service(jar, "org.edgeai.model.engine.AlgorithmProvider",
                    "org.example.plugin.BrokenAtBirth\norg.example.plugin.NamelessAlgorithm");
        }
        Files.writeString(plugins.resolve("README.txt"), "not a jar: ignored");
    }

    private static void service(JarOutputStream jar, String iface, String impls) throws IOException {
        jar.putNextEntry(new JarEntry("META-INF/services/" + iface));
        OutputStream o = jar;
        o.write((impls + "\n").getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    Path experiment() throws IOException {
        Path p = dir.resolve("path.json");
        Files.writeString(p, """
                { "schemaVersion": 1, "name": "A plugin topology",
                  "topology": { "generator": { "type": "plugin-path", "nodes": 6 } },
                  "workload": { "task": "consensus", "dimension": 2 },
                  "algorithm": { "type": "test-avg" },
                  "run": { "rounds": 3 } }
                """);
        return p;
    }

    @Test
    void aPluginIsFoundThroughThePluginsFolderAndBrokenOnesAreReportedAndSkipped() throws IOException {
        Path out = dir.resolve("out");
        RunCommandTest.Result r = RunCommandTest.cli("run", experiment().toString(), "--out", out.toString(), "--quiet",
                "--plugins", plugins.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(2, warnings.size(), r.err());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("org.example.plugin.BrokenAtBirth")), r.err());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("org.example.plugin.NamelessAlgorithm")
                && w.contains("id not configured")), r.err());
        assertTrue(warnings.stream().allMatch(w -> w.contains("algorithm plugin")), r.err());
        // the plugin's generator built the topology: a path of 6 has 5 links, 10 messages a round
        assertEquals(1 + 3 * 10, Files.readAllLines(out.resolve("messages.csv")).size());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("{\"type\":\"plugin-path\",\"nodes\":6}", s.get("experiment").get("topology").get("generator").toString());

        // the built-ins are still there beside the plugin
        Workspace ws = Workspace.withPlugins(plugins);
        assertTrue(ws.generators().ids().containsAll(List.of("plugin-path", "ring", "star")), ws.generators().ids().toString());
        assertTrue(ws.algorithms().ids().contains("test-avg"));
        assertFalse(ws.algorithms().ids().contains("broken-at-birth"));
        assertEquals(2, ws.failures().size());
    }

    @Test
    void withoutThePluginsFolderThePluginIsUnknown() throws IOException {
        RunCommandTest.Result r = RunCommandTest.cli("run", experiment().toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("topology.generator.type") && r.err().contains("plugin-path"), r.err());
        assertTrue(Workspace.standard().failures().isEmpty(), "the built-ins load cleanly");
    }
}

package org.edgeai.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.cli.WorkbenchCli;
import org.edgeai.app.cli.Workspace;
import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.MetricsCsv;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample in {@code sample-topologies/} with an {@code algorithm} section runs for {@value #ROUNDS} rounds
 * through the {@code run} command with the built-in algorithms, and leaves consistent files: the headers, one
 * metrics row per round plus round 0, message rows of those rounds only, and a summary whose fingerprint is the
 * SHA-256 of messages.csv. Every built-in algorithm has a sample.
 */
class SampleRunsTest {

    static final int ROUNDS = 2;

    /** The algorithms the workbench ships (ALGORITHMS.md). */
    static final List<String> ALGORITHMS = List.of("ps-sgd", "fedavg", "fedprox", "hier-fedavg", "lag", "zo-sgd", "dsgd",
            "gossip-avg", "gossip-sgd", "allreduce-ring", "allreduce-tree", "choco-sgd");

    @TempDir
    static Path out;

    static Path samples() {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        Path s = moduleDir.resolve("../sample-topologies").normalize();
        return Files.isDirectory(s) ? s : moduleDir.resolve("sample-topologies");
    }

    /** The samples that have an algorithm section, with it. */
    static List<Path> runnable() throws IOException {
        List<Path> l = new ArrayList<>();
        try (Stream<Path> s = Files.list(samples())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (new ObjectMapper().readTree(p.toFile()).has("algorithm")) {
                    l.add(p);
                }
            }
        }
        return l;
    }

    @Test
    void everyAlgorithmHasASampleAndIsInstalled() throws IOException {
        Set<String> used = new TreeSet<>();
        boolean overTheAir = false;
        boolean topk = false;
        for (Path p : runnable()) {
            JsonNode e = new ObjectMapper().readTree(p.toFile());
            used.add(e.get("algorithm").get("type").asText());
            overTheAir |= e.get("algorithm").path("aggregation").asText().equals("over-the-air")
                    && e.get("algorithm").get("type").asText().equals("fedavg");
            topk |= e.path("compression").path("type").asText().equals("topk");
            assertTrue(e.path("run").path("rounds").asInt() <= 40, p.getFileName() + ": keep sample runs short");
        }
        List<String> noSample = ALGORITHMS.stream().filter(a -> !used.contains(a)).toList();
        assertEquals(List.of(), noSample, "algorithms without a sample (samples use " + used + ")");
        assertTrue(overTheAir, "a sample of over-the-air fedavg");
        assertTrue(topk, "a sample with top-k compression");
        List<String> installed = Workspace.standard().algorithms().ids();
        List<String> missing = ALGORITHMS.stream().filter(a -> !installed.contains(a)).toList();
        assertEquals(List.of(), missing, "built-in algorithms not installed (installed: " + installed + ")");
    }

    @TestFactory
    List<DynamicTest> everySampleWithAnAlgorithmRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : runnable()) {
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
        }
        assertFalse(tests.isEmpty(), "no runnable samples in " + samples());
        return tests;
    }

    private static void check(Path sample) throws IOException {
        String name = sample.getFileName().toString();
        Path dir = out.resolve(name.replace(".json", ""));
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("run", sample.toString(), "--out", dir.toString(), "--rounds",
                Integer.toString(ROUNDS), "--quiet"));
        int code = WorkbenchCli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(args.toArray(new String[0]));
        assertEquals(0, code, name + ": " + err);

        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertTrue(metrics.get(0).startsWith(MetricsCsv.HEADER), name + ": " + metrics.get(0));
        assertEquals(1 + 1 + ROUNDS, metrics.size(), name + ": header, round 0 and one row per round");
        int columns = metrics.get(0).split(",", -1).length;
        double lastTime = -1;
        long lastBits = -1;
        for (int r = 0; r <= ROUNDS; r++) {
            String[] f = metrics.get(r + 1).split(",", -1);
            assertEquals(columns, f.length, name + ": row " + r);
            assertEquals(Integer.toString(r), f[0], name);
            double t = Double.parseDouble(f[1]);
            long b = Long.parseLong(f[2]);
            assertTrue(t >= lastTime && b >= lastBits, name + ": time and bits never decrease: " + metrics);
            lastTime = t;
            lastBits = b;
            assertFalse(f[3].isEmpty(), name + ": every row has a loss");
        }
        assertEquals("0,0,0,", metrics.get(1).substring(0, 6), name);
        assertTrue(lastBits > 0 && lastTime > 0, name + ": messages were sent and time passed");

        List<String> messages = Files.readAllLines(dir.resolve("messages.csv"));
        assertEquals(MessageTraceCsv.HEADER, messages.get(0), name);
        assertTrue(messages.size() > 1, name + ": no messages");
        long traced = 0;
        for (String row : messages.subList(1, messages.size())) {
            String[] f = row.split(",");
            int round = Integer.parseInt(f[0]);
            assertTrue(round >= 1 && round <= ROUNDS, name + ": message of round " + round);
            assertTrue(Double.parseDouble(f[2]) <= lastTime + 1e-9, name + ": a hop that arrived after the run: " + row);
            traced += Long.parseLong(f[5]);
        }
        // hops still in flight at the end (asynchronous gossip) are counted in bits_sent but not yet traced
        assertTrue(traced <= lastBits, name + ": traced bits " + traced + " > bits_sent " + lastBits);

        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(ROUNDS, s.get("rounds").asInt(), name);
        assertEquals("completed", s.get("status").asText(), name);
        assertTrue(s.get("fingerprint").asText().matches("[0-9a-f]{64}"), name);
        assertEquals(ExperimentRunner.sha256(dir.resolve("messages.csv")), s.get("fingerprint").asText(), name);
        assertEquals(lastBits, s.get("bits_sent").asLong(), name);
        JsonNode written = new ObjectMapper().readTree(sample.toFile());
        assertEquals(written.get("algorithm").get("type"), s.get("experiment").get("algorithm").get("type"), name);
    }
}

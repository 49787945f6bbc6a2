package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sweep} command: a 12-point sweep killed for real halfway and resumed gives the index of an
 * uninterrupted one; shards into one folder and parallel jobs give it too; bad sweeps are refused before anything
 * runs. The sample sweeps are checked in {@link SweepSamplesTest}.
 */
class SweepCommandTest {

    @TempDir
    Path dir;

    /** 3 ring sizes x 4 seeds of decentralized SGD on digits: 12 points of 20 rounds. */
    static final String SWEEP = """
            {
              "schemaVersion": 1,
              "name": "sweep test",
              "seed": 1,
              "topology": { "generator": { "type": "ring", "nodes": 6 } },
              "workload": { "task": "classification", "dataset": { "type": "digits" }, "model": { "type": "softmax" },
                            "partition": { "type": "iid" }, "batchSize": 16 },
              "algorithm": { "type": "dsgd" },
              "run": { "rounds": 20 },
              "sweep": { "grid": { "topology.generator.nodes": [4, 6, 8], "seed": [1, 2, 3, 4] } }
            }
            """;

    Path sweepFile() throws IOException {
        Path p = dir.resolve("ring-sizes.json");
        Files.writeString(p, SWEEP, StandardCharsets.UTF_8);
        return p;
    }

    static RunCommandTest.Result cli(String... args) {
        return RunCommandTest.cli(args);
    }

    /** The uninterrupted sweep into {@code out}. */
    RunCommandTest.Result whole(Path file, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString(), "--trace", "none", "--quiet"));
        a.addAll(List.of(extra));
        RunCommandTest.Result r = cli(a.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Every {@code summary.json} under {@code out/runs}, by point id, with its content and modification time. */
    static Map<String, String> summaries(Path out) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isDirectory(out.resolve("runs"))) {
            return m;
        }
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            for (Path run : s.sorted().toList()) {
                Path f = run.resolve("summary.json");
                if (Files.exists(f)) {
                    FileTime t = Files.getLastModifiedTime(f);
                    m.put(run.getFileName().toString(), t.toMillis() + "\n" + read(f));
                }
            }
        }
        return m;
    }

    /** The sweep command in another JVM, through the jar's entry point; stderr piped, stdout discarded. */
    static Process launch(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static final Pattern DONE = Pattern.compile("^point (\\d+)/12 done: (p\\d{3}-\\S+) completed, 20 rounds.*");

    /** Reads stderr until {@code n} "point ... done" lines have been seen; returns the ids of those points. */
    static List<String> awaitDone(BufferedReader err, int n, StringBuilder log) throws IOException {
        List<String> done = new ArrayList<>();
        for (String line; done.size() < n && (line = err.readLine()) != null; ) {
            log.append(line).append('\n');
            Matcher m = DONE.matcher(line);
            if (m.matches()) {
                done.add(m.group(2));
            }
        }
        return done;
    }

    @Test
    void aSweepKilledHalfwayResumesToTheIndexOfAnUninterruptedOne() throws Exception {
        Path file = sweepFile();
        Path reference = dir.resolve("reference");
        whole(file, reference);
        String index = read(reference.resolve("index.csv"));
        assertEquals(13, index.split("\n").length, index);

        // 1. killed hard (SIGKILL: no shutdown hook, a point cut in the middle) once at least 4 points are done
        Path out = dir.resolve("out");
        Process p = launch("sweep", file.toString(), "--out", out.toString(), "--trace", "none");
        StringBuilder log = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            List<String> done = awaitDone(err, 4, log);
            p.destroyForcibly();
            assertEquals(4, done.size(), "expected progress lines, got:\n" + log);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end");
        }
        Map<String, String> afterKill = summaries(out);
        assertTrue(afterKill.size() >= 4 && afterKill.size() < 12, "complete after the kill: " + afterKill.keySet());

        // 2. resumed, then terminated gracefully (SIGTERM, as Ctrl-C): the running point stops and stays incomplete
        Process q = launch("sweep", file.toString(), "--out", out.toString(), "--trace", "none");
        StringBuilder log2 = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(q.getErrorStream(), StandardCharsets.UTF_8))) {
            List<String> done = awaitDone(err, 1, log2);
            assertTrue(q.toHandle().destroy(), "could not signal the process");
            for (String line; (line = err.readLine()) != null; ) {
                log2.append(line).append('\n');
            }
            assertTrue(q.waitFor(60, TimeUnit.SECONDS), "the process did not end");
            assertEquals(1, done.size(), "expected progress lines, got:\n" + log2);
            assertFalse(afterKill.containsKey(done.get(0)), "a complete point ran again: " + done + "\n" + log2);
        }
        assertFalse(log2.toString().contains("Exception"), log2.toString());
        Map<String, String> afterTerm = summaries(out);
        for (Map.Entry<String, String> e : afterKill.entrySet()) {
            assertEquals(e.getValue(), afterTerm.get(e.getKey()), e.getKey() + " was run again (its summary changed)");
        }
        for (String s : afterTerm.values()) {
            assertFalse(s.contains("\"status\" : \"stopped\"") || s.contains("\"status\": \"stopped\""),
                    "a point stopped by the signal was left complete: " + s);
        }
        // the index written on the way out lists exactly the complete points, each as in the reference
        List<String> partial = Files.readAllLines(out.resolve("index.csv"));
        assertEquals(1 + afterTerm.size(), partial.size(), String.join("\n", partial));
        List<String> full = List.of(index.split("\n"));
        assertTrue(full.containsAll(partial), "rows differ from the reference:\n" + partial);

        // 3. resumed to the end, in-process
        RunCommandTest.Result r = cli("sweep", file.toString(), "--out", out.toString(), "--trace", "none", "--quiet");
        assertEquals(0, r.exit(), r.err());
        int skipped = afterTerm.size();
        assertTrue(r.out().startsWith("ring-sizes.json: " + (12 - skipped) + " run, " + skipped + " skipped, 0 failed of 12 points"),
                r.out());
        assertEquals(index, read(out.resolve("index.csv")), "the resumed sweep's index differs from the uninterrupted one");
        Map<String, String> end = summaries(out);
        assertEquals(12, end.size());
        for (Map.Entry<String, String> e : afterTerm.entrySet()) {
            assertEquals(e.getValue(), end.get(e.getKey()), e.getKey() + " was run again (its summary changed)");
        }
        assertEquals(read(reference.resolve("sweep.json")), read(out.resolve("sweep.json")));
    }

    @Test
    void threeShardsIntoOneFolderEqualTheWholeSweep() throws IOException {
        Path file = sweepFile();
        Path reference = dir.resolve("reference");
        whole(file, reference);
        Path out = dir.resolve("shared");
        for (int i = 1; i <= 3; i++) {
            RunCommandTest.Result r = whole(file, out, "--shard", i + "/3");
            assertTrue(r.out().startsWith("ring-sizes.json: 4 run, 0 skipped, 0 failed of 4 points in shard " + i
                    + "/3 (12 in the sweep); index.csv has " + (4 * i) + " rows"), r.out());
        }
        assertEquals(read(reference.resolve("index.csv")), read(out.resolve("index.csv")));
        assertEquals(read(reference.resolve("sweep.json")), read(out.resolve("sweep.json")));
        ObjectMapper m = new ObjectMapper();
        try (Stream<Path> s = Files.list(reference.resolve("runs"))) {
            for (Path run : s.toList()) {
                Path other = out.resolve("runs").resolve(run.getFileName());
                JsonNode a = m.readTree(run.resolve("summary.json").toFile());
                JsonNode b = m.readTree(other.resolve("summary.json").toFile());
                assertEquals(a.get("fingerprint"), b.get("fingerprint"), run.getFileName().toString());
                assertArrayEquals(Files.readAllBytes(run.resolve("metrics.csv")), Files.readAllBytes(other.resolve("metrics.csv")));
            }
        }
        // shard 2/3 holds points 1, 4, 7, 10
        try (Stream<Path> s = Files.list(dir.resolve("shared").resolve("runs"))) {
            assertEquals(12, s.count());
        }
        Path only2 = dir.resolve("only2");
        whole(file, only2, "--shard", "2/3");
        try (Stream<Path> s = Files.list(only2.resolve("runs"))) {
            assertEquals(List.of("p001", "p004", "p007", "p010"), s.map(x -> x.getFileName().toString().substring(0, 4)).sorted().toList());
        }
    }

    @Test
    void twoJobsGiveTheFilesOfOne() throws IOException {
        Path file = sweepFile();
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        RunCommandTest.Result a = cli("sweep", file.toString(), "--out", one.toString(), "--quiet");
        RunCommandTest.Result b = cli("sweep", file.toString(), "--out", two.toString(), "--quiet", "--jobs", "2");
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertEquals(read(one.resolve("index.csv")), read(two.resolve("index.csv")));
        try (Stream<Path> s = Files.list(one.resolve("runs"))) {
            for (Path run : s.toList()) {
                for (String f : List.of("messages.csv", "metrics.csv", "point.json", "experiment.json")) {
                    assertArrayEquals(Files.readAllBytes(run.resolve(f)),
                            Files.readAllBytes(two.resolve("runs").resolve(run.getFileName()).resolve(f)), run.getFileName() + "/" + f);
                }
            }
        }
        // with the full trace the index's fingerprint is that of messages.csv
        String row = Files.readAllLines(one.resolve("index.csv")).get(1);
        String id = row.substring(0, row.indexOf(','));
        assertTrue(row.endsWith("," + org.edgeai.model.run.ExperimentRunner.sha256(one.resolve("runs").resolve(id).resolve("messages.csv"))), row);
    }

    @Test
    void progressGoesToStderrAndTheResultToStdout() throws IOException {
        Path file = dir.resolve("small.json");
        Files.writeString(file, SWEEP.replace("[1, 2, 3, 4]", "[1]").replace("[4, 6, 8]", "[4, 5]"), StandardCharsets.UTF_8);
        Path out = dir.resolve("small");
        RunCommandTest.Result r = cli("sweep", file.toString(), "--out", out.toString(), "--trace", "none");
        assertEquals(0, r.exit(), r.err());
        assertEquals("small.json: 2 run, 0 skipped, 0 failed of 2 points; index.csv has 2 rows -> " + out + "\n",
                r.out().replace(System.lineSeparator(), "\n"));
        assertTrue(r.err().startsWith("sweep small.json: 2 points over topology.generator.nodes, seed; 1 job\n"), r.err());
        assertTrue(r.err().contains("point 1/2 done: p000-4_1 completed, 20 rounds, "), r.err());
        assertTrue(r.err().contains("point 2/2 done: p001-5_1 completed, 20 rounds, "), r.err());
        RunCommandTest.Result again = cli("sweep", file.toString(), "--out", out.toString(), "--trace", "none");
        assertTrue(again.out().startsWith("small.json: 0 run, 2 skipped, 0 failed of 2 points"), again.out());
    }

    @Test
    void badSweepsAreRefusedBeforeAnythingRuns() throws IOException {
        Path file = sweepFile();
        Path out = dir.resolve("never");

        RunCommandTest.Result r = cli("sweep", file.toString(), "--out", out.toString(), "--shard", "4/3");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --shard: expected I/N with 1 <= I <= N (e.g. 2/3), got '4/3'"), r.err());

        r = cli("sweep", file.toString(), "--out", out.toString(), "--jobs", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--jobs: expected an integer in [1, 1024], got 0"), r.err());

        // a ring needs 3 nodes: the point with 2 is named, located, and nothing runs
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SWEEP.replace("[4, 6, 8]", "[4, 2, 8]"), StandardCharsets.UTF_8);
        r = cli("sweep", bad.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: sweep point p004-2_1 (topology.generator.nodes=2, seed=1): bad.json:10:"
                + "56: topology.generator.nodes: expected an integer in [3, "), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace: " + r.err());

        // --set reaches the base experiment: an unknown algorithm is reported for the first point
        r = cli("sweep", file.toString(), "--out", out.toString(), "--set", "algorithm.type=dsgdd");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: sweep point p000-4_1") && r.err().contains("did you mean 'dsgd'"), r.err());

        Path noGrid = dir.resolve("plain.json");
        Files.writeString(noGrid, SWEEP.replaceAll("(?s),\\s*\"sweep\".*\\}\\s*\\}", "\n}"), StandardCharsets.UTF_8);
        r = cli("sweep", noGrid.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: plain.json: sweep: missing;"), r.err());

        Path pipeline = dir.resolve("pipe.json");
        Files.writeString(pipeline, """
                { "schemaVersion": 1, "topology": { "generator": { "type": "ring", "nodes": 4 } },
                  "pipeline": { "model": { "preset": "vgg16" }, "nodes": ["n0", "n1"] },
                  "sweep": { "grid": { "pipeline.microBatches": [4, 8] } } }
                """, StandardCharsets.UTF_8);
        r = cli("sweep", pipeline.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sweeps of pipeline experiments are not supported"), r.err());

        assertFalse(Files.exists(out), "nothing was written");

        // a folder of another sweep
        Path used = dir.resolve("used");
        whole(file, used);
        Path changed = dir.resolve("ring-sizes-2.json");
        Files.writeString(changed, SWEEP.replace("\"rounds\": 20", "\"rounds\": 21"), StandardCharsets.UTF_8);
        r = cli("sweep", changed.toString(), "--out", used.toString(), "--trace", "none");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sweep.json describes a different sweep"), r.err());
    }
}

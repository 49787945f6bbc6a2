package org.edgeai.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.cli.WorkbenchCli;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code run} command in a separate JVM, through the jar's entry point ({@link Launcher}) on the test class
 * path: the same bytes as an in-process run, no JavaFX class loaded, and a clean stop on SIGTERM/Ctrl-C.
 */
class RunCommandLineTest {

    @TempDir
    Path dir;

    static final String EXPERIMENT = """
            {
              "schemaVersion": 1,
              "name": "Test averaging on a ring",
              "seed": 5,
              "topology": { "generator": { "type": "ring", "nodes": 12 } },
              "workload": { "dataset": { "type": "blobs", "samples": 240 }, "batchSize": 8 },
              "algorithm": { "type": "test-avg", "learningRate": 0.1 },
              "compression": { "type": "qsgd", "levels": 8 },
              "network": { "computeSpread": 0.3, "stragglerProbability": 0.2 },
              "run": { "rounds": 6 }
            }
            """;

    @Test
    void aSubprocessWritesTheSameBytesAsAnInProcessRunAndLoadsNoJavaFx() throws Exception {
        Path exp = dir.resolve("exp.json");
        Files.writeString(exp, EXPERIMENT, StandardCharsets.UTF_8);
        Path sub = dir.resolve("sub");
        CommandLineClassLoadingTest.Result r = CommandLineClassLoadingTest.runLauncher("run", exp.toString(), "--out",
                sub.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("javafx."), "a JavaFX class was loaded by the run command");
        assertTrue(r.out().contains("org.edgeai.model.run.ExperimentRunner"), "class-loading log missing");

        Path in = dir.resolve("in");
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("run", exp.toString(), "--out", in.toString(), "--quiet");
        assertEquals(0, code, err.toString());
        for (String f : List.of("metrics.csv", "messages.csv")) {
            assertArrayEquals(Files.readAllBytes(in.resolve(f)), Files.readAllBytes(sub.resolve(f)), f);
        }
        JsonNode a = new ObjectMapper().readTree(in.resolve("summary.json").toFile());
        JsonNode b = new ObjectMapper().readTree(sub.resolve("summary.json").toFile());
        assertEquals(a.get("fingerprint"), b.get("fingerprint"));
        assertEquals(a.get("experiment"), b.get("experiment"));
        assertEquals(1 + 7, Files.readAllLines(sub.resolve("metrics.csv")).size(), "header, round 0 and six rounds");
    }

    @Test
    void terminatingTheProcessStopsAtARoundBoundaryWithConsistentFiles() throws Exception {
        Path exp = dir.resolve("long.json");
        Files.writeString(exp, EXPERIMENT.replace("\"rounds\": 6", "\"rounds\": 100000000"), StandardCharsets.UTF_8);
        Path out = dir.resolve("stopped");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of("run", exp.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String firstProgress;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            // progress lines come once a second: the first one means rounds are being written
            firstProgress = err.readLine();
            assertTrue(firstProgress != null && firstProgress.startsWith("round "), "expected progress, got " + firstProgress);
            // SIGTERM (through the handle, which leaves our end of the pipes open): the shutdown hook sets the stop
            // flag, as it does on Ctrl-C (SIGINT)
            assertTrue(p.toHandle().destroy(), "could not signal the process");
            StringBuilder rest = new StringBuilder();
            for (String line; (line = err.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end");
            assertFalse(rest.toString().contains("Exception"), rest.toString());
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("stopped", s.get("status").asText());
        int rounds = s.get("rounds").asInt();
        assertTrue(rounds >= 1, "at least the round before the first progress line");
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(MetricsCsv.HEADER, metrics.get(0));
        assertEquals(rounds + 2, metrics.size(), "round 0 and every finished round");
        String[] last = metrics.get(metrics.size() - 1).split(",", -1);
        assertEquals(Integer.toString(rounds), last[0]);
        assertEquals(s.get("bits_sent").asLong(), Long.parseLong(last[2]));
        List<String> messages = Files.readAllLines(out.resolve("messages.csv"));
        assertEquals(1 + 24L * rounds, messages.size(), "a ring of 12 sends 24 messages a round, all of them arrived");
        assertEquals(Integer.toString(rounds), messages.get(messages.size() - 1).split(",")[0]);
        assertEquals(ExperimentRunner.sha256(out.resolve("messages.csv")), s.get("fingerprint").asText());
    }
}

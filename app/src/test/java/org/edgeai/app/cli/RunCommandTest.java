package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command in-process: flags, overrides, outputs, progress and user errors. */
class RunCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** An experiment on a generated ring with the test algorithm (found through the test class path). */
    static final String EXPERIMENT = """
            {
              "schemaVersion": 1,
              "name": "Test averaging on a ring",
              "seed": 3,
              "topology": { "generator": { "type": "ring", "nodes": 8 } },
              "workload": { "dataset": { "type": "blobs", "samples": 200 }, "batchSize": 8 },
              "algorithm": { "type": "test-avg", "learningRate": 0.2 },
              "run": { "rounds": 5 }
            }
            """;

    Path experiment() throws IOException {
        Path p = dir.resolve("ring-avg.json");
        Files.writeString(p, EXPERIMENT, StandardCharsets.UTF_8);
        return p;
    }

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void runWritesTheThreeOutputsWithOverridesApplied() throws IOException {
        Path out = dir.resolve("out");
        Result r = cli("run", experiment().toString(), "--out", out.toString(), "--rounds", "3", "--seed", "9",
                "--set", "algorithm.learningRate=0.05", "--set", "network.computeSpread=0.25");
        assertEquals(0, r.exit(), r.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(MetricsCsv.HEADER, metrics.get(0));
        assertEquals(1 + 4, metrics.size(), "round 0 and three rounds");
        assertTrue(metrics.get(1).startsWith("0,0,0,"), metrics.get(1));
        List<String> messages = Files.readAllLines(out.resolve("messages.csv"));
        assertEquals("round,t_send_s,t_arrive_s,src,dst,bits,kind", messages.get(0));
        assertEquals(1 + 3 * 16, messages.size(), "a ring of 8: 16 messages a round");
        JsonNode s = json(out.resolve("summary.json"));
        assertEquals(3, s.get("rounds").asInt());
        assertEquals(ExperimentRunner.sha256(out.resolve("messages.csv")), s.get("fingerprint").asText());
        assertTrue(s.get("wall_time_s").asDouble() > 0, "the CLI times the loop with the wall clock");
        JsonNode e = s.get("experiment");
        assertEquals(9, e.get("seed").asLong(), "--seed");
        assertEquals(3, e.get("run").get("rounds").asLong(), "--rounds");
        assertEquals(0.05, e.get("algorithm").get("learningRate").asDouble(), "--set");
        assertEquals(0.25, e.get("network").get("computeSpread").asDouble(), "--set");
        assertEquals("{\"type\":\"ring\",\"nodes\":8}", e.get("topology").get("generator").toString());
        assertEquals("blobs", e.get("workload").get("dataset").get("type").asText());
        assertEquals(3, e.get("workload").get("dataset").get("classes").asInt(), "data set defaults filled in");

        assertTrue(r.out().contains("ring-avg.json: completed, 3/3 rounds"), r.out());
        assertTrue(r.out().contains(s.get("fingerprint").asText().substring(0, 12)), r.out());
        assertTrue(r.err().contains("round 3/3"), "progress on stderr: " + r.err());
        assertTrue(r.err().contains("rounds/s") && r.err().contains("left"), r.err());
    }

    @Test
    void theSameFileGivesTheSameBytesAndQuietPrintsNoProgress() throws IOException {
        Path exp = experiment();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Result ra = cli("run", exp.toString(), "--out", a.toString(), "--quiet");
        Result rb = cli("run", exp.toString(), "--out", b.toString(), "--quiet");
        assertEquals(0, ra.exit(), ra.err());
        assertEquals(0, rb.exit(), rb.err());
        assertEquals("", ra.err(), "--quiet");
        for (String f : List.of("metrics.csv", "messages.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertEquals(json(a.resolve("summary.json")).get("fingerprint"), json(b.resolve("summary.json")).get("fingerprint"));

        Path c = dir.resolve("c");
        Result rc = cli("run", exp.toString(), "--out", c.toString(), "--quiet", "--trace", "none");
        assertEquals(0, rc.exit(), rc.err());
        assertFalse(Files.exists(c.resolve("messages.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("metrics.csv")), Files.readAllBytes(c.resolve("metrics.csv")));
        assertEquals(ExperimentRunner.sha256(c.resolve("metrics.csv")), json(c.resolve("summary.json")).get("fingerprint").asText());
    }

    @Test
    void userErrorsAreOneLineWithExitStatus2() throws IOException {
        Path exp = experiment();
        Path out = dir.resolve("x");

        Result r = cli("run", exp.toString(), "--out", out.toString(), "--set", "algorithm.type=dsgdd");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: --set algorithm.type=dsgdd: algorithm.type: unknown algorithm 'dsgdd'")
                && r.err().contains("test-avg"), "an overridden value is located at its --set: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, EXPERIMENT.replace("\"learningRate\"", "\"learningrate\""));
        r = cli("run", typo.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: typo.json:7:38: ") && r.err().contains("algorithm.learningrate: unknown parameter")
                && r.err().contains("did you mean 'learningRate'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        r = cli("run", exp.toString(), "--out", out.toString(), "--set", "network.droputProbability=0.1");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("network.droputProbability") && r.err().contains("dropoutProbability"), r.err());

        r = cli("run", exp.toString(), "--out", out.toString(), "--rounds", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--rounds"), r.err());

        r = cli("run", exp.toString(), "--out", out.toString(), "--trace", "some");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--trace"), r.err());

        r = cli("run", dir.resolve("nope.json").toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope.json"), r.err());

        r = cli("run", exp.toString(), "--out", out.toString(), "--plugins", dir.resolve("no-such-folder").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--plugins") && r.err().contains("no such folder"), r.err());

        Path pipeline = dir.resolve("p.json");
        Files.writeString(pipeline, "{ \"schemaVersion\": 1, \"topology\": { \"generator\": { \"type\": \"ring\", \"nodes\": 4 } }, "
                + "\"pipeline\": { } }");
        r = cli("run", pipeline.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("pipeline command"), r.err());
        assertFalse(Files.exists(out.resolve("summary.json")), "nothing ran");
    }
}

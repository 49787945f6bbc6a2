package org.edgeai.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample sweeps of {@code sample-topologies/} run whole through the {@code sweep} command and show what
 * they are meant to show: the comparisons the survey describes, at small scale.
 */
class SweepSamplesTest {

    @TempDir
    Path dir;

    static Path sample(String name) {
        Path moduleDir = Path.of(System.getProperty("user.dir"));
        Path s = moduleDir.resolve("../sample-topologies").normalize();
        return (Files.isDirectory(s) ? s : moduleDir.resolve("sample-topologies")).resolve(name);
    }

    /** A row of index.csv, its columns by header name (swept JSON objects are quoted and hold commas). */
    record Row(String id, Map<String, String> cells) {
        String get(String k) {
            return cells.get(k);
        }

        double num(String k) {
            return Double.parseDouble(cells.get(k));
        }

        long bits() {
            return Long.parseLong(cells.get("bits_sent"));
        }
    }

    /** Runs a sample sweep whole and returns its index rows. */
    List<Row> sweep(String name, int points) throws IOException {
        Path out = dir.resolve(name.replace(".json", ""));
        RunCommandTest.Result r = RunCommandTest.cli("sweep", sample(name).toString(), "--out", out.toString(), "--trace", "none",
                "--quiet", "--jobs", "2");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("index.csv"));
        assertEquals(1 + points, lines.size(), name + ": " + lines);
        List<String> header = split(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = split(line);
            assertEquals(header.size(), c.size(), line);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < c.size(); i++) {
                m.put(header.get(i), c.get(i));
            }
            assertEquals("completed", m.get("status"), line);
            rows.add(new Row(c.get(0), m));
        }
        return rows;
    }

    /** RFC-4180 split of one line. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The first round whose accuracy reaches {@code target}, or MAX_VALUE. */
    int roundsTo(Path run, double target) throws IOException {
        List<String> m = Files.readAllLines(run.resolve("metrics.csv"));
        for (String row : m.subList(1, m.size())) {
            String[] f = row.split(",", -1);
            if (Double.parseDouble(f[4]) >= target) {
                return Integer.parseInt(f[0]);
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void theBetterConnectedGraphReachesTheTargetSoonerForMoreBits() throws IOException {
        List<Row> rows = sweep("sweep-topologies.json", 9);
        Path runs = dir.resolve("sweep-topologies").resolve("runs");
        for (int seed = 0; seed < 3; seed++) {
            Row complete = rows.get(seed);
            Row ring = rows.get(3 + seed);
            Row er = rows.get(6 + seed);
            assertTrue(complete.get("topology.generator").contains("\"complete\"") && ring.get("topology.generator").contains("\"ring\"")
                    && er.get("topology.generator").contains("\"erdos-renyi\""), rows.toString());
            assertEquals(Integer.toString(seed + 1), complete.get("seed"));
            // 16 nodes, dsgd sends one model per link direction per round: 240 vs 32 messages a round
            assertEquals(complete.bits() * 32, ring.bits() * 240, "complete vs ring bits");
            assertTrue(ring.bits() < er.bits() && er.bits() < complete.bits(), "bits: " + ring + " " + er + " " + complete);
            // better mixing: closer models, lower loss of the average model, a target accuracy no later
            assertTrue(complete.num("final_consensus_error") < er.num("final_consensus_error")
                    && er.num("final_consensus_error") < ring.num("final_consensus_error"), "consensus error, seed " + (seed + 1));
            assertTrue(complete.num("final_loss") < er.num("final_loss") && er.num("final_loss") < ring.num("final_loss"),
                    "loss, seed " + (seed + 1));
            int rc = roundsTo(runs.resolve(complete.id()), 0.8);
            int rr = roundsTo(runs.resolve(ring.id()), 0.8);
            assertTrue(rc < Integer.MAX_VALUE && rc <= rr, "rounds to 0.8: complete " + rc + ", ring " + rr);
            // the sample's target (accuracy 0.8) puts the same figures into the index
            assertEquals(Integer.toString(rc), complete.get("rounds_to_target"));
            assertEquals(rr == Integer.MAX_VALUE ? "" : Integer.toString(rr), ring.get("rounds_to_target"));
        }
    }

    @Test
    void moreLocalStepsBuyAccuracyPerRoundAtTheSameBits() throws IOException {
        List<Row> rows = sweep("sweep-fedavg-local-steps.json", 12);
        int[] steps = {1, 2, 5, 10};
        double lastLoss = Double.POSITIVE_INFINITY;
        for (int s = 0; s < steps.length; s++) {
            double loss = 0;
            for (int seed = 0; seed < 3; seed++) {
                Row r = rows.get(3 * s + seed);
                assertEquals(Integer.toString(steps[s]), r.get("algorithm.localSteps"));
                assertEquals(rows.get(seed).bits(), r.bits(), "the same bits per round whatever the local steps");
                loss += r.num("final_loss") / 3;
            }
            assertTrue(loss < lastLoss, "mean final loss with " + steps[s] + " local steps: " + loss + ", before " + lastLoss);
            lastLoss = loss;
        }
        double acc1 = (rows.get(0).num("final_accuracy") + rows.get(1).num("final_accuracy") + rows.get(2).num("final_accuracy")) / 3;
        double acc10 = (rows.get(9).num("final_accuracy") + rows.get(10).num("final_accuracy") + rows.get(11).num("final_accuracy")) / 3;
        assertTrue(acc10 > acc1, acc10 + " vs " + acc1);
    }

    @Test
    void compressionSendsTheBitsOfItsFormulaAndKeepsAccuracy() throws IOException {
        List<Row> rows = sweep("sweep-compression.json", 12);
        // ps-sgd, 8 devices, 30 rounds: each round every device sends a gradient up (compressed) and gets the model
        // down (32 bits a value); softmax on digits has d = 65 x 10 parameters (DESIGN.md's bit formulas)
        long d = 650;
        long perDevice = 30L * 8;
        long down = 32 * d;
        long none = perDevice * (32 * d + down);
        long qsgd = perDevice * (32 + d * (1 + 3) + down); // s = 4 levels: 1 + ceil(log2 5) bits a value
        long k = Math.round(0.1 * d);
        long topk = perDevice * (k * (32 + 10) + down); // ceil(log2 650) = 10 bits of index
        long sign = perDevice * (d + 32 + down);
        long[] expected = {none, qsgd, topk, sign};
        for (int c = 0; c < 4; c++) {
            for (int seed = 0; seed < 3; seed++) {
                Row r = rows.get(3 * c + seed);
                assertEquals(expected[c], r.bits(), r.id());
                assertTrue(r.num("final_accuracy") > 0.8, r.id() + ": accuracy " + r.get("final_accuracy"));
                if (c > 0) {
                    assertTrue(r.bits() < rows.get(seed).bits(), "compressed sends fewer bits");
                }
            }
        }
        assertEquals("null", rows.get(0).get("compression"));
        assertEquals("{\"type\":\"qsgd\",\"levels\":4}", rows.get(3).get("compression"));
    }
}

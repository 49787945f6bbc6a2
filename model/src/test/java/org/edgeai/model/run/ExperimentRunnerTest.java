package org.edgeai.model.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.learning.LearningState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

    @TempDir
    Path dir;

    private static final RunRegistries REG = TestRegistries.registries();

    /** A ring of {@code n} devices n0..n(n-1), 20 Mbit/s and 10 ms links, as listed nodes and links. */
    static String ring(int n) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < n; i++) {
            nodes.append(i == 0 ? "" : ", ").append("{ \"id\": \"n").append(i).append("\", \"kind\": \"device\" }");
            links.append(i == 0 ? "" : ", ").append("{ \"source\": \"n").append(i).append("\", \"target\": \"n")
                    .append((i + 1) % n).append("\", \"bandwidthMbps\": 20, \"latencyMs\": 10 }");
        }
        return "{ \"nodes\": [" + nodes + "], \"links\": [" + links + "] }";
    }

    Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    static String experiment(String topology, String rest) {
        return "{ \"schemaVersion\": 1, \"name\": \"t\", \"seed\": 11, \"topology\": " + topology + (rest.isEmpty() ? "" : ", " + rest) + " }";
    }

    RunPlan plan(String json) throws IOException {
        return RunPlan.of(ExperimentFile.load(write("exp-" + Math.abs(json.hashCode()) + ".json", json), REG.generators()), REG);
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    // ------------------------------------------------------------------ closed forms

    @Test
    void ringConsensusAveragingMatchesClosedForms() throws IOException {
        int n = 6;
        int d = 3;
        int rounds = 4;
        RunPlan plan = plan(experiment(ring(n), "\"workload\": { \"task\": \"consensus\", \"dimension\": " + d + " }, "
                + "\"algorithm\": { \"type\": \"test-avg\" }, \"run\": { \"rounds\": " + rounds + " }"));
        Path out = dir.resolve("out");
        RunSummary s = ExperimentRunner.run(plan, out, RunOptions.defaults());

        // Independent computation: X_{t+1} = W X_t with W = (I + A) / 3 on the ring, from the same initial X.
        LearningState fresh = plan.workload().newState();
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = fresh.x()[i * d + k];
            }
        }
        double[] mean0 = mean(x);
        List<String> rows = lines(out.resolve("metrics.csv"));
        assertEquals("round,sim_time_s,bits_sent,loss,accuracy,consensus_error,received", rows.get(0));
        assertEquals(rounds + 2, rows.size());
        double perRound = 32.0 * d / 20e6 + 0.010; // every direction sends one message in parallel
        long bitsPerRound = 2L * n * 32 * d;
        for (int r = 0; r <= rounds; r++) {
            String[] f = rows.get(r + 1).split(",", -1);
            assertEquals(7, f.length, rows.get(r + 1));
            assertEquals(Integer.toString(r), f[0]);
            assertEquals(MessageTraceCsv.formatSeconds(r * perRound), f[1]);
            assertEquals(Long.toString(r * bitsPerRound), f[2]);
            double loss = 0;
            double ce = 0;
            double[] m = mean(x);
            for (double[] xi : x) {
                for (int k = 0; k < d; k++) {
                    loss += (xi[k] - mean0[k]) * (xi[k] - mean0[k]);
                    ce += (xi[k] - m[k]) * (xi[k] - m[k]);
                }
            }
            assertEquals(loss / n, Double.parseDouble(f[3]), 1e-5 * (1 + loss / n), "loss, round " + r);
            assertEquals("", f[4], "consensus has no accuracy");
            assertEquals(ce / n, Double.parseDouble(f[5]), 1e-5 * (1 + ce / n), "consensus error, round " + r);
            assertEquals(r >= 3 ? Long.toString(2L * n * r) + ".0" : "", f[6], "extra column from round 3");
            x = step(x);
        }
        assertTrue(Double.parseDouble(rows.get(rounds + 1).split(",")[5]) < Double.parseDouble(rows.get(1).split(",")[5]),
                "averaging shrinks the consensus error");

        List<String> msgs = lines(out.resolve("messages.csv"));
        assertEquals(MessageTraceCsv.HEADER, msgs.get(0));
        assertEquals(1 + rounds * 2 * n, msgs.size());
        for (int r = 1; r <= rounds; r++) {
            String prefix = r + ",";
            assertEquals(2 * n, msgs.stream().filter(l -> l.startsWith(prefix)).count(),
                    "messages.csv counts rounds as metrics.csv does: round " + r);
        }
        for (String row : msgs.subList(1, msgs.size())) {
            String[] f = row.split(",");
            int a = Integer.parseInt(f[3].substring(1));
            int b = Integer.parseInt(f[4].substring(1));
            assertTrue((a - b + n) % n == 1 || (b - a + n) % n == 1, "hops go between ring neighbours: " + row);
            assertEquals(Long.toString(32L * d), f[5]);
            assertEquals("model", f[6]);
        }

        assertEquals(rounds, s.rounds());
        assertEquals(RunSummary.Status.COMPLETED, s.status());
        assertEquals(rounds * bitsPerRound, s.bitsSent());
        assertEquals(rounds * perRound, s.simTimeS(), 1e-12);
        assertEquals(ExperimentRunner.sha256(out.resolve("messages.csv")), s.fingerprint());
        assertTrue(s.fingerprint().matches("[0-9a-f]{64}"));

        JsonNode sum = json(out.resolve("summary.json"));
        List<String> keys = new ArrayList<>();
        sum.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("rounds", "sim_time_s", "bits_sent", "final_loss", "final_accuracy", "final_consensus_error",
                "fingerprint", "wall_time_s", "status", "rounds_planned", "trace", "experiment"), keys);
        assertEquals(rounds, sum.get("rounds").asInt());
        assertEquals(rounds * bitsPerRound, sum.get("bits_sent").asLong());
        assertEquals(s.fingerprint(), sum.get("fingerprint").asText());
        assertTrue(sum.get("final_accuracy").isNull());
        assertEquals(Double.parseDouble(rows.get(rounds + 1).split(",")[5]), sum.get("final_consensus_error").asDouble());
        assertEquals(0.0, sum.get("wall_time_s").asDouble(), "the default clock reads 0");
        assertEquals("completed", sum.get("status").asText());

        JsonNode e = sum.get("experiment");
        List<String> ek = new ArrayList<>();
        e.fieldNames().forEachRemaining(ek::add);
        assertEquals(List.of("schemaVersion", "name", "description", "seed", "topology", "workload", "algorithm", "compression",
                "network", "run"), ek);
        assertEquals("{\"task\":\"consensus\",\"dimension\":3}", e.get("workload").toString());
        assertEquals("{\"type\":\"test-avg\",\"learningRate\":0.0,\"extraFrom\":3}", e.get("algorithm").toString());
        assertEquals("{\"type\":\"none\",\"direction\":\"uplink\"}", e.get("compression").toString());
        assertEquals("{\"computeSpread\":0.0,\"stragglerProbability\":0.0,\"stragglerSlowdown\":4.0,\"dropoutProbability\":0.0,"
                + "\"roundDeadlineS\":null,\"linkEvents\":[]}", e.get("network").toString());
        assertEquals("{\"rounds\":4}", e.get("run").toString());
        assertEquals(11, e.get("seed").asLong());
        assertEquals("", e.get("description").asText());
        assertTrue(e.get("topology").get("defaults").has("cloud"), "topology defaults are filled in: " + e.get("topology"));
        // the filled experiment is itself a valid experiment that runs to the same result
        Path again = write("again.json", e.toString());
        RunSummary s2 = ExperimentRunner.run(RunPlan.of(ExperimentFile.load(again, REG.generators()), REG), dir.resolve("out2"),
                RunOptions.defaults());
        assertEquals(s.fingerprint(), s2.fingerprint());
    }

    private static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] xi : x) {
            for (int k = 0; k < m.length; k++) {
                m[k] += xi[k] / x.length;
            }
        }
        return m;
    }

    private static double[][] step(double[][] x) {
        int n = x.length;
        double[][] y = new double[n][x[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < x[0].length; k++) {
                y[i][k] = (x[i][k] + x[(i + 1) % n][k] + x[(i + n - 1) % n][k]) / 3;
            }
        }
        return y;
    }

    @Test
    void centralizedHoldersAreTheDevicesAndBitsCountEveryHop() throws IOException {
        // s (server) -- a -- b, and s -- c: b's messages to and from s cross two links.
        String topo = "{ \"nodes\": [ { \"id\": \"s\", \"kind\": \"server\" }, { \"id\": \"a\", \"kind\": \"device\" }, "
                + "{ \"id\": \"b\", \"kind\": \"device\" }, { \"id\": \"c\", \"kind\": \"device\" } ], "
                + "\"links\": [ { \"source\": \"s\", \"target\": \"a\" }, { \"source\": \"a\", \"target\": \"b\" }, "
                + "{ \"source\": \"s\", \"target\": \"c\" } ] }";
        int d = 2;
        RunPlan plan = plan(experiment(topo, "\"workload\": { \"task\": \"consensus\", \"dimension\": " + d + " }, "
                + "\"algorithm\": { \"type\": \"test-central\" }, \"run\": { \"rounds\": 3 }"));
        assertArrayEquals(new int[] {1, 2, 3}, plan.holderNode());
        assertArrayEquals(new int[] {-1, 0, 1, 2}, plan.rowOf());
        assertEquals(3, plan.workload().nodes());
        Path out = dir.resolve("c");
        RunSummary s = ExperimentRunner.run(plan, out, RunOptions.defaults());
        long perRound = 8L * 32 * d; // up: 1 + 2 + 1 hops, down: the same
        assertEquals(3 * perRound, s.bitsSent());
        List<String> rows = lines(out.resolve("metrics.csv"));
        for (int r = 0; r <= 3; r++) {
            assertEquals(Long.toString(r * perRound), rows.get(r + 1).split(",")[2]);
        }
        assertEquals(1 + 3 * 8, lines(out.resolve("messages.csv")).size());
        // after one round every device holds the mean: the consensus error is 0, the loss too
        assertEquals(0.0, Double.parseDouble(rows.get(2).split(",")[5]), 1e-12);
        assertTrue(Double.parseDouble(rows.get(1).split(",")[5]) > 0, "random initial values differ");
    }

    // ------------------------------------------------------------------ determinism and stopping

    private static final String LEARNING = "\"workload\": { \"task\": \"classification\", \"dataset\": { \"type\": \"blobs\", "
            + "\"samples\": 240 }, \"partition\": { \"type\": \"dirichlet\", \"alpha\": 0.5 }, \"batchSize\": 8 }, "
            + "\"algorithm\": { \"type\": \"test-avg\", \"learningRate\": 0.2 }, "
            + "\"compression\": { \"type\": \"qsgd\", \"levels\": 4 }, "
            + "\"network\": { \"computeSpread\": 0.5, \"stragglerProbability\": 0.3 }, \"run\": { \"rounds\": 6 }";

    @Test
    void sameFileAndSeedGiveByteIdenticalOutputs() throws IOException {
        String json = experiment(ring(8), LEARNING);
        RunPlan p1 = plan(json);
        RunPlan p2 = plan(json); // loaded and built again
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        AtomicLong fakeClock = new AtomicLong();
        RunSummary sa = ExperimentRunner.run(p1, a, RunOptions.defaults().withClock(() -> fakeClock.addAndGet(250_000_000)));
        RunSummary sb = ExperimentRunner.run(p2, b, RunOptions.defaults());
        RunSummary sc = ExperimentRunner.run(p1, c, RunOptions.defaults()); // the same plan twice
        for (Path o : List.of(b, c)) {
            assertArrayEquals(Files.readAllBytes(a.resolve("metrics.csv")), Files.readAllBytes(o.resolve("metrics.csv")));
            assertArrayEquals(Files.readAllBytes(a.resolve("messages.csv")), Files.readAllBytes(o.resolve("messages.csv")));
        }
        assertEquals(sa.fingerprint(), sb.fingerprint());
        assertEquals(sa.fingerprint(), sc.fingerprint());
        assertEquals(0.25, sa.wallTimeS(), 1e-12, "the loop is timed by the given clock, read twice");
        // learning happened and the metrics are real numbers
        List<String> rows = lines(a.resolve("metrics.csv"));
        double loss0 = Double.parseDouble(rows.get(1).split(",")[3]);
        double loss6 = Double.parseDouble(rows.get(7).split(",")[3]);
        assertTrue(loss6 < loss0, "loss should fall: " + loss0 + " -> " + loss6);
        double acc = Double.parseDouble(rows.get(7).split(",")[4]);
        assertTrue(acc >= 0 && acc <= 1);
        // qsgd bits: 32 + d(1 + ceil(log2 5)) per message; blobs: 2 features, 3 classes -> d = 9
        long bits = 32 + 9 * (1 + 3);
        assertEquals(6L * 16 * bits, sa.bitsSent());

        // a different seed gives different messages (compute speeds, stragglers, batches)
        RunSummary other = ExperimentRunner.run(plan(json.replace("\"seed\": 11", "\"seed\": 12")), dir.resolve("d"),
                RunOptions.defaults());
        assertNotEquals(sa.fingerprint(), other.fingerprint());

        // trace none: no messages.csv (a stale one is removed), fingerprint of metrics.csv, same metrics
        Files.createDirectories(dir.resolve("e"));
        Files.writeString(dir.resolve("e").resolve("messages.csv"), "stale", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE_NEW);
        RunSummary none = ExperimentRunner.run(p1, dir.resolve("e"), RunOptions.defaults().withTrace(TraceMode.NONE));
        assertFalse(Files.exists(dir.resolve("e").resolve("messages.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("metrics.csv")), Files.readAllBytes(dir.resolve("e").resolve("metrics.csv")));
        assertEquals(ExperimentRunner.sha256(dir.resolve("e").resolve("metrics.csv")), none.fingerprint());
        assertEquals("none", json(dir.resolve("e").resolve("summary.json")).get("trace").asText());
        assertEquals(sa.bitsSent(), none.bitsSent(), "bits are counted without a trace too");
    }

    @Test
    void stoppingEndsAtARoundBoundaryAndLeavesAConsistentPrefix() throws IOException {
        String json = experiment(ring(8), LEARNING);
        RunPlan plan = plan(json);
        Path full = dir.resolve("full");
        ExperimentRunner.run(plan, full, RunOptions.defaults());

        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> seen = new ArrayList<>();
        Path part = dir.resolve("part");
        RunSummary s = ExperimentRunner.run(plan, part, RunOptions.defaults().withStop(stop).withListener(p -> {
            seen.add(p.round());
            assertEquals(6, p.rounds());
            if (p.round() == 2) {
                stop.set(true); // e.g. from a Ctrl-C hook on another thread
            }
        }));
        assertEquals(List.of(1, 2), seen);
        assertEquals(RunSummary.Status.STOPPED, s.status());
        assertEquals(2, s.rounds());
        List<String> fm = lines(full.resolve("metrics.csv"));
        List<String> pm = lines(part.resolve("metrics.csv"));
        // the full run's extra column 'received' starts at round 3, which the stopped run never reached
        assertEquals(MetricsCsv.HEADER, pm.get(0));
        assertEquals(fm.get(0), MetricsCsv.HEADER + ",received");
        for (int r = 1; r <= 3; r++) {
            assertEquals(fm.get(r), pm.get(r) + ",", "metrics.csv row " + r + ": the full run's, with an empty extra cell");
        }
        assertEquals(4, pm.size());
        List<String> fmsg = lines(full.resolve("messages.csv"));
        List<String> pmsg = lines(part.resolve("messages.csv"));
        assertEquals(1 + 2 * 16, pmsg.size());
        assertEquals(fmsg.subList(0, pmsg.size()), pmsg, "messages.csv: a prefix of the full run's");
        assertEquals(ExperimentRunner.sha256(part.resolve("messages.csv")), s.fingerprint());
        JsonNode sum = json(part.resolve("summary.json"));
        assertEquals("stopped", sum.get("status").asText());
        assertEquals(2, sum.get("rounds").asInt());
        assertEquals(6, sum.get("rounds_planned").asInt());
        String[] last = pm.get(3).split(",");
        assertEquals(Long.parseLong(last[2]), sum.get("bits_sent").asLong());
        assertEquals(Double.parseDouble(last[3]), sum.get("final_loss").asDouble());

        // a flag set before the start: only round 0 is written
        RunSummary none = ExperimentRunner.run(plan, dir.resolve("zero"), RunOptions.defaults().withStop(new AtomicBoolean(true)));
        assertEquals(0, none.rounds());
        assertEquals(List.of(MetricsCsv.HEADER, fm.get(1).substring(0, fm.get(1).length() - 1)),
                lines(dir.resolve("zero").resolve("metrics.csv")));
        assertEquals(Double.parseDouble(fm.get(1).split(",")[3]), none.finalLoss());
    }

    @Test
    void aCancelInterruptsTheRoundInProgressAndAProbeChangesNothing() throws IOException {
        RunPlan plan = plan(experiment(ring(8), LEARNING));
        RunSummary full = ExperimentRunner.run(plan, dir.resolve("full"), RunOptions.defaults());

        // The probe sees every round once, between rounds, and the files stay byte-identical.
        List<Integer> probed = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        RunSummary probedRun = ExperimentRunner.run(plan, dir.resolve("probed"), RunOptions.defaults()
                .withProbe((round, setup, faults) -> {
                    probed.add(round);
                    rows.add(setup.rows());
                }));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), probed);
        assertEquals(List.of(8, 8, 8, 8, 8, 8), rows);
        assertEquals(full.fingerprint(), probedRun.fingerprint());

        // Cancel from the observer (the engine thread) at the 5th hop of the second round: the round never ends.
        RunControl control = new RunControl();
        int[] arrivedInRound2 = {0};
        RunSummary cut = ExperimentRunner.run(plan, dir.resolve("cut"), RunOptions.defaults().withControl(control)
                .withObserver(ev -> {
                    if (ev instanceof org.edgeai.model.engine.trace.SimEvent.HopArrived h && h.round() == 1
                            && ++arrivedInRound2[0] == 5) {
                        control.cancel();
                    }
                }));
        assertTrue(control.isCancelled());
        assertEquals(RunSummary.Status.STOPPED, cut.status());
        assertEquals(1, cut.rounds(), "only the first round finished");
        assertEquals(2, lines(dir.resolve("cut").resolve("metrics.csv")).size() - 1, "rows 0 and 1");
        List<String> msgs = lines(dir.resolve("cut").resolve("messages.csv"));
        assertEquals(1 + 16 + 5, msgs.size(), "round 1's 16 hops and the 5 of round 2 that arrived before the cancel");
        assertEquals(lines(dir.resolve("full").resolve("messages.csv")).subList(0, msgs.size()), msgs);

        // A cancel before the start: nothing but round 0.
        RunControl early = new RunControl();
        early.cancel();
        assertEquals(0, ExperimentRunner.run(plan, dir.resolve("early"), RunOptions.defaults().withControl(early)).rounds());
    }

    // ------------------------------------------------------------------ validation, located

    private ExperimentFileException refused(String rest) throws IOException {
        String json = experiment(ring(4), rest);
        return assertThrows(ExperimentFileException.class, () -> plan(json));
    }

    @Test
    void everySectionIsValidatedWithLocatedErrors() throws IOException {
        ExperimentFileException e = refused("\"algorithm\": { \"type\": \"test-avgg\" }");
        assertTrue(e.getMessage().contains("algorithm.type") && e.getMessage().contains("test-avg, test-central")
                && e.getMessage().contains("did you mean 'test-avg'"), e.getMessage());
        assertTrue(e.line() > 0, "located in the file: " + e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\", \"learningrate\": 0.1 }");
        assertTrue(e.getMessage().contains("algorithm.learningrate") && e.getMessage().contains("learningRate"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\", \"learningRate\": -1 }");
        assertTrue(e.getMessage().contains("algorithm.learningRate") && e.getMessage().contains("[0, 10]"), e.getMessage());

        e = refused("\"workload\": { \"task\": \"consensus\" }");
        assertEquals("algorithm", e.path(), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"network\": { \"stragglerProb\": 0.1 }");
        assertTrue(e.getMessage().contains("network.stragglerProb") && e.getMessage().contains("stragglerProbability")
                && e.getMessage().contains("linkEvents"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"network\": { \"dropoutProbability\": 1.5 }");
        assertTrue(e.getMessage().contains("network.dropoutProbability") && e.getMessage().contains("[0, 1]"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"network\": { \"linkEvents\": [ { \"timeS\": 1, \"source\": "
                + "\"n0\", \"target\": \"n2\", \"up\": false } ] }");
        assertTrue(e.getMessage().contains("network.linkEvents[0]") && e.getMessage().contains("no link"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"network\": { \"linkEvents\": [ { \"timeS\": 1, \"source\": "
                + "\"n0\", \"target\": \"n1\" } ] }");
        assertTrue(e.getMessage().contains("network.linkEvents[0].up") && e.getMessage().contains("missing"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"compression\": { \"type\": \"topk\", \"direction\": \"down\" }");
        assertTrue(e.getMessage().contains("compression.direction") && e.getMessage().contains("uplink, both"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"compression\": { \"type\": \"top-k\" }");
        assertTrue(e.getMessage().contains("compression.type") && e.getMessage().contains("none, qsgd, topk"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"compression\": { \"type\": \"topk\", \"ratio\": 2 }");
        assertTrue(e.getMessage().contains("compression.ratio"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"workload\": { \"task\": \"consensus\", \"dimensions\": 3 }");
        assertTrue(e.getMessage().contains("workload.dimensions") && e.getMessage().contains("dimension"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"workload\": { \"dataset\": { \"type\": \"mnist\" } }");
        assertTrue(e.getMessage().contains("workload.dataset.type") && e.getMessage().contains("digits, blobs"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"workload\": { \"model\": { \"type\": \"mlp\", \"hiden\": 3 } }");
        assertTrue(e.getMessage().contains("workload.model.hiden") && e.getMessage().contains("hidden"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"workload\": { \"batchSize\": 0 }");
        assertTrue(e.getMessage().contains("workload.batchSize"), e.getMessage());

        e = refused("\"algorithm\": { \"type\": \"test-avg\" }, \"workload\": { \"dataset\": { \"type\": \"csv\", \"path\": "
                + "\"missing.csv\" } }");
        assertTrue(e.getMessage().contains("workload.dataset.path") && e.getMessage().contains("not found"), e.getMessage());
        assertTrue(e.line() > 0, e.getMessage());

        String servers = "{ \"nodes\": [ { \"id\": \"s1\", \"kind\": \"server\" }, { \"id\": \"s2\", \"kind\": \"cloud\" } ], "
                + "\"links\": [ { \"source\": \"s1\", \"target\": \"s2\" } ] }";
        String noDevices = experiment(servers, "\"algorithm\": { \"type\": \"test-central\" }");
        e = assertThrows(ExperimentFileException.class, () -> plan(noDevices));
        assertTrue(e.getMessage().contains("algorithm.type") && e.getMessage().contains("no node of kind device"), e.getMessage());

        e = refused("\"pipeline\": { }");
        assertTrue(e.getMessage().contains("pipeline command"), e.getMessage());
    }

    @Test
    void anAlgorithmThatRefusesTheTopologyIsReportedAtItsSection() throws IOException {
        // test-central wants a server: devices only is refused when the algorithm is created
        RunPlan plan = plan(experiment(ring(4), "\"algorithm\": { \"type\": \"test-central\" }, \"run\": { \"rounds\": 2 }"));
        Path out = dir.resolve("refused");
        ExperimentFileException e = assertThrows(ExperimentFileException.class,
                () -> ExperimentRunner.run(plan, out, RunOptions.defaults()));
        assertTrue(e.getMessage().contains("algorithm: test-central needs a server"), e.getMessage());
        assertFalse(Files.exists(out.resolve("metrics.csv")), "nothing ran, nothing is left behind");
        assertFalse(Files.exists(out.resolve("messages.csv")));
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void csvDataIsFoundBesideTheExperimentAndLinkEventsAndDefaultsAreRecorded() throws IOException {
        StringBuilder csv = new StringBuilder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 80; i++) {
            int label = i % 2;
            csv.append(label * 2 + r.nextDouble()).append(',').append(r.nextDouble()).append(',').append(label).append('\n');
        }
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("data.csv"), csv.toString());
        String json = experiment(ring(4), "\"workload\": { \"dataset\": { \"type\": \"csv\", \"path\": \"data.csv\" } }, "
                + "\"algorithm\": { \"type\": \"test-avg\", \"learningRate\": 0.1 }, \"network\": { \"roundDeadlineS\": 2, "
                + "\"linkEvents\": [ { \"timeS\": 0.005, \"source\": \"n1\", \"target\": \"n0\", \"up\": false }, "
                + "{ \"timeS\": 0.5, \"source\": \"n1\", \"target\": \"n0\", \"up\": true } ] }, \"run\": { \"rounds\": 2 }");
        Path file = dir.resolve("sub").resolve("csv.json");
        Files.writeString(file, json);
        RunPlan plan = RunPlan.of(ExperimentFile.load(file, REG.generators()), REG);
        assertEquals(2.0, plan.effects().roundDeadlineS());
        assertEquals(2, plan.effects().linkEvents().size());
        assertFalse(plan.effects().linkEvents().get(0).up());
        RunSummary s = ExperimentRunner.run(plan, dir.resolve("csv-out"), RunOptions.defaults());
        assertEquals(2, s.rounds());
        // the link n0--n1 is down from 5 ms to 0.5 s: in round 1 (which starts later) n0 and n1 reach each other
        // the long way round (3 hops); d = 2 features x 2 classes + 2 = 6 values, 192 bits a hop
        assertEquals((8 + 6 + 2 * 3) * 192L, s.bitsSent());
        JsonNode e = json(dir.resolve("csv-out").resolve("summary.json")).get("experiment");
        assertEquals("{\"task\":\"classification\",\"batchSize\":32,\"testFraction\":0.2,\"dataset\":{\"type\":\"csv\","
                + "\"path\":\"data.csv\",\"labelColumn\":-1,\"header\":false},\"model\":{\"type\":\"softmax\"},"
                + "\"partition\":{\"type\":\"iid\"}}", e.get("workload").toString());
        assertEquals("[{\"timeS\":0.005,\"source\":\"n1\",\"target\":\"n0\",\"up\":false},{\"timeS\":0.5,\"source\":\"n1\","
                + "\"target\":\"n0\",\"up\":true}]", e.get("network").get("linkEvents").toString());
        assertEquals(2.0, e.get("network").get("roundDeadlineS").asDouble());
    }

    @Test
    void aWorkloadAbsentTakesItsDefaults() throws IOException {
        RunPlan plan = plan(experiment(ring(4), "\"algorithm\": { \"type\": \"test-avg\" }, "
                + "\"compression\": { \"type\": \"topk\", \"direction\": \"both\" }"));
        assertEquals("classification", plan.workload().task());
        assertEquals(650, plan.workload().dimension(), "digits with softmax: 64 x 10 + 10");
        assertEquals(Experiment.DEFAULT_ROUNDS, plan.rounds());
        assertTrue(plan.compressDownlink());
        assertEquals("{\"type\":\"topk\",\"ratio\":0.05,\"errorFeedback\":true,\"direction\":\"both\"}",
                plan.filledExperiment().get("compression").toString());
        assertEquals("{\"rounds\":100}", plan.filledExperiment().get("run").toString());
    }
}

package org.edgeai.model.sweep;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunSummary;
import org.edgeai.model.run.TraceMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path dir;

    /** 3 ring sizes x 2 seeds = 6 points of consensus averaging. */
    static final String SWEEP = "{ \"grid\": { \"topology.generator.nodes\": [4, 6, 9], \"seed\": [1, 2] } }";

    SweepSpec spec(String sweep) throws IOException {
        Path f = dir.resolve("sweep.json");
        Files.writeString(f, SweepSpecTest.experiment(sweep), StandardCharsets.UTF_8);
        return SweepSpec.load(f, List.of(), SweepSpecTest.REG);
    }

    SweepRunner.Result run(SweepSpec s, Path out, SweepRunner.Options o) {
        return new SweepRunner(s, SweepSpecTest.REG).run(out, o);
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void writesARunFolderPerPointAndAnIndexOfTheirSummaries() throws IOException {
        SweepSpec s = spec(SWEEP);
        Path out = dir.resolve("out");
        SweepRunner.Result r = run(s, out, SweepRunner.Options.defaults());
        assertEquals(new SweepRunner.Result(6, 6, 0, 6, List.of(), false, 6), r);

        List<String> lines = Files.readAllLines(out.resolve(SweepIndex.FILE), StandardCharsets.UTF_8);
        assertEquals("point_id,topology.generator.nodes,seed,status,rounds,final_loss,final_accuracy,final_consensus_error,"
                + "bits_sent,sim_time_s,fingerprint", lines.get(0));
        assertEquals(7, lines.size());
        for (SweepPoint p : s.points()) {
            Path run = out.resolve("runs").resolve(p.id());
            for (String f : List.of("point.json", "experiment.json", "metrics.csv", "messages.csv", "summary.json")) {
                assertTrue(Files.isRegularFile(run.resolve(f)), run.resolve(f) + " missing");
            }
            // an independent reading of the summary: the row says what it says, as numbers
            JsonNode sum = json(run.resolve("summary.json"));
            String[] c = lines.get(p.index() + 1).split(",", -1);
            assertEquals(11, c.length, lines.get(p.index() + 1));
            assertEquals(p.id(), c[0]);
            assertEquals(p.values().get("topology.generator.nodes").asText(), c[1]);
            assertEquals(p.values().get("seed").asText(), c[2]);
            assertEquals("completed", c[3]);
            assertEquals(3, Integer.parseInt(c[4]));
            assertEquals(sum.get("final_loss").asDouble(), Double.parseDouble(c[5]));
            assertEquals("", c[6], "consensus has no accuracy");
            assertEquals(sum.get("final_consensus_error").asDouble(), Double.parseDouble(c[7]));
            assertEquals(sum.get("bits_sent").asLong(), Long.parseLong(c[8]));
            assertEquals(sum.get("sim_time_s").asDouble(), Double.parseDouble(c[9]), 1e-9);
            assertEquals(ExperimentRunner.sha256(run.resolve("messages.csv")), c[10]);
            // the run is the point's experiment: n nodes on a ring send 2n messages per round
            int n = p.values().get("topology.generator.nodes").asInt();
            assertEquals(n, json(run.resolve("summary.json")).get("experiment").get("topology").get("generator").get("nodes").asInt());
            assertEquals(1 + 3 * 2 * n, Files.readAllLines(run.resolve("messages.csv")).size());
            // experiment.json is runnable on its own and is the point's experiment
            assertEquals(p.experiment(), ExperimentFile.load(run.resolve("experiment.json"), SweepSpecTest.REG.generators()));
            assertEquals(p.index(), json(run.resolve("point.json")).get("index").asInt());
        }
        // equal sizes and different seeds give different data (consensus errors); the bits depend on the ring size only
        assertNotEquals(lines.get(1).split(",")[7], lines.get(2).split(",")[7]);
        assertEquals(lines.get(1).split(",")[8], lines.get(2).split(",")[8]);
        assertTrue(Long.parseLong(lines.get(3).split(",")[8]) > Long.parseLong(lines.get(1).split(",")[8]));
        assertEquals(read(out.resolve("sweep.json")), org.edgeai.model.experiment.PrettyJson.write(s.toJson(TraceMode.FULL)));
    }

    @Test
    void aTargetAddsTheRoundAndBitsAtWhichEachRunFirstReachedIt() throws IOException {
        // consensus on rings: the loss (mean squared distance to the initial average) falls; the target is reached
        // in a round the metrics say on the ring of 4, and never on the ring of 9 within 3 rounds
        SweepSpec s = spec("{ \"grid\": { \"topology.generator.nodes\": [4, 9] }, \"target\": { \"consensus_error\": 0.1 } }");
        assertEquals(new SweepTarget("consensus_error", 0.1), s.target());
        Path out = dir.resolve("out");
        run(s, out, SweepRunner.Options.defaults());
        List<String> lines = Files.readAllLines(out.resolve(SweepIndex.FILE), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).endsWith(",fingerprint,rounds_to_target,bits_to_target"), lines.get(0));
        for (SweepPoint p : s.points()) {
            String[] c = lines.get(p.index() + 1).split(",", -1);
            // an independent reading of metrics.csv: the first row with consensus_error <= 0.1
            List<String> m = Files.readAllLines(out.resolve("runs").resolve(p.id()).resolve("metrics.csv"));
            String round = "";
            String bits = "";
            for (String row : m.subList(1, m.size())) {
                String[] f = row.split(",", -1);
                if (Double.parseDouble(f[5]) <= 0.1) {
                    round = f[0];
                    bits = f[2];
                    break;
                }
            }
            assertEquals(round, c[10], lines.get(p.index() + 1));
            assertEquals(bits, c[11]);
        }
        assertTrue(!lines.get(1).split(",", -1)[10].isEmpty(), "the ring of 4 gets there: " + lines.get(1));
        assertTrue(lines.get(2).split(",", -1)[10].isEmpty(), "the ring of 9 stays above 0.1: " + lines.get(2));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SweepSpecTest.experiment("{ \"grid\": { \"seed\": [1] }, \"target\": { \"accuracy\": 2 } }"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.edgeai.model.experiment.ExperimentFileException.class,
                () -> SweepSpec.load(bad, List.of(), SweepSpecTest.REG));
        assertTrue(e.getMessage().contains("sweep.target.accuracy"), e.getMessage());
    }

    @Test
    void shardsIntoOneFolderEqualTheWholeSweep() throws IOException {
        SweepSpec s = spec(SWEEP);
        Path whole = dir.resolve("whole");
        run(s, whole, SweepRunner.Options.defaults().withTrace(TraceMode.NONE));
        Path sharded = dir.resolve("sharded");
        int rowsAfter = 0;
        for (int i = 1; i <= 3; i++) {
            SweepRunner.Result r = run(s, sharded, SweepRunner.Options.defaults().withTrace(TraceMode.NONE)
                    .withShard(new SweepShard(i, 3)));
            assertEquals(2, r.shardPoints());
            assertEquals(2, r.finished());
            assertTrue(r.indexRows() > rowsAfter, "each shard adds its rows to the shared index");
            rowsAfter = r.indexRows();
        }
        assertEquals(6, rowsAfter);
        assertEquals(read(whole.resolve("index.csv")), read(sharded.resolve("index.csv")));
        assertEquals(read(whole.resolve("sweep.json")), read(sharded.resolve("sweep.json")));
        for (SweepPoint p : s.points()) {
            assertEquals(json(whole.resolve("runs").resolve(p.id()).resolve("summary.json")).get("fingerprint"),
                    json(sharded.resolve("runs").resolve(p.id()).resolve("summary.json")).get("fingerprint"));
        }
    }

    @Test
    void parallelJobsGiveTheSameFilesAsOne() throws IOException {
        SweepSpec s = spec(SWEEP);
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        run(s, one, SweepRunner.Options.defaults());
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        SweepRunner.Result r = run(s, three, SweepRunner.Options.defaults().withJobs(3).withListener(new SweepListener() {
            @Override
            public void pointStarted(SweepPoint point, Counts counts) {
                started.add(point.id());
            }
        }));
        assertEquals(6, r.finished());
        assertEquals(6, started.size());
        assertEquals(read(one.resolve("index.csv")), read(three.resolve("index.csv")));
        for (SweepPoint p : s.points()) {
            assertArrayEquals(Files.readAllBytes(one.resolve("runs").resolve(p.id()).resolve("messages.csv")),
                    Files.readAllBytes(three.resolve("runs").resolve(p.id()).resolve("messages.csv")), p.id());
        }
    }

    @Test
    void aCancelledSweepResumesWhereItStopped() throws IOException {
        SweepSpec s = spec(SWEEP);
        Path whole = dir.resolve("whole");
        run(s, whole, SweepRunner.Options.defaults());

        Path out = dir.resolve("out");
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        SweepListener stopAfterTwo = new SweepListener() {
            @Override
            public void pointStarted(SweepPoint point, Counts counts) {
                events.add("start " + point.id());
            }

            @Override
            public void pointFinished(SweepPoint point, RunSummary summary, Counts counts) {
                events.add("done " + point.id() + " " + counts.finished() + "/" + counts.total());
                if (counts.finished() == 2) {
                    cancel.set(true);
                }
            }
        };
        SweepRunner.Result first = run(s, out, SweepRunner.Options.defaults().withCancel(cancel).withListener(stopAfterTwo));
        assertTrue(first.cancelled());
        assertEquals(2, first.finished());
        assertEquals(4, first.incomplete());
        assertEquals(List.of("start p000-4_1", "done p000-4_1 1/6", "start p001-4_2", "done p001-4_2 2/6"), events);
        assertEquals(3, Files.readAllLines(out.resolve("index.csv")).size(), "header and two rows");

        // a point whose run was cut short: folder present, summary missing, junk inside
        SweepPoint third = s.points().get(2);
        Path cut = out.resolve("runs").resolve(third.id());
        Files.createDirectories(cut);
        Files.writeString(cut.resolve("point.json"), SweepRunner.pointJson(third));
        Files.writeString(cut.resolve("metrics.csv"), "half a file");
        Files.writeString(cut.resolve("leftover.tmp"), "x");

        long doneBefore = Files.getLastModifiedTime(out.resolve("runs").resolve("p000-4_1").resolve("summary.json")).toMillis();
        String summaryBefore = read(out.resolve("runs").resolve("p000-4_1").resolve("summary.json"));
        events.clear();
        SweepRunner.Result second = run(s, out, SweepRunner.Options.defaults().withListener(stopAfterTwo));
        assertEquals(new SweepRunner.Result(6, 6, 2, 4, List.of(), false, 6), second);
        assertFalse(events.contains("start p000-4_1") || events.contains("start p001-4_2"), "complete points are skipped: " + events);
        assertEquals(summaryBefore, read(out.resolve("runs").resolve("p000-4_1").resolve("summary.json")),
                "a skipped point keeps its summary (wall time and all)");
        assertEquals(doneBefore, Files.getLastModifiedTime(out.resolve("runs").resolve("p000-4_1").resolve("summary.json")).toMillis());
        assertFalse(Files.exists(cut.resolve("leftover.tmp")), "an incomplete point is run again from scratch");
        assertEquals(read(whole.resolve("index.csv")), read(out.resolve("index.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("runs").resolve(third.id()).resolve("metrics.csv")),
                Files.readAllBytes(cut.resolve("metrics.csv")));

        // nothing left: a third invocation skips all and leaves the index as it is
        SweepRunner.Result third3 = run(s, out, SweepRunner.Options.defaults());
        assertEquals(6, third3.skipped());
        assertEquals(0, third3.finished());
        assertEquals(read(whole.resolve("index.csv")), read(out.resolve("index.csv")));
    }

    @Test
    void cancellingDuringAPointLeavesItIncomplete() throws IOException {
        SweepSpec s = spec("{ \"grid\": { \"seed\": [1, 2] } }");
        Path out = dir.resolve("out");
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> cancelled = new ArrayList<>();
        // the run's own round listener is not reachable from here; cancel when the first point starts instead
        SweepRunner.Result r = run(s, out, SweepRunner.Options.defaults().withCancel(cancel).withListener(new SweepListener() {
            @Override
            public void pointStarted(SweepPoint point, Counts counts) {
                cancel.set(true);
            }

            @Override
            public void pointCancelled(SweepPoint point, Counts counts) {
                cancelled.add(point.id());
            }
        }));
        assertTrue(r.cancelled());
        assertEquals(0, r.finished());
        assertEquals(List.of("p000-1"), cancelled);
        Path run = out.resolve("runs").resolve("p000-1");
        assertTrue(Files.exists(run.resolve("metrics.csv")), "the run began");
        assertFalse(Files.exists(run.resolve("summary.json")), "a stopped point is not complete");
        assertFalse(Files.exists(out.resolve("runs").resolve("p001-2")), "no point starts after the cancel");
        assertEquals(1, Files.readAllLines(out.resolve("index.csv")).size(), "the index has only its header");
    }

    @Test
    void aFolderOfAnotherSweepIsRefusedBeforeAnythingRuns() throws IOException {
        SweepSpec s = spec(SWEEP);
        Path out = dir.resolve("out");
        run(s, out, SweepRunner.Options.defaults().withShard(new SweepShard(1, 3)));

        // the grid changed: sweep.json differs
        SweepSpec other = spec("{ \"grid\": { \"topology.generator.nodes\": [4, 6, 9], \"seed\": [1, 3] } }");
        SweepException e = assertThrows(SweepException.class, () -> run(other, out, SweepRunner.Options.defaults()));
        assertTrue(e.getMessage().contains("sweep.json describes a different sweep"), e.getMessage());
        // so did --trace
        e = assertThrows(SweepException.class, () -> run(s, out, SweepRunner.Options.defaults().withTrace(TraceMode.NONE)));
        assertTrue(e.getMessage().contains("different sweep"), e.getMessage());

        // without sweep.json, the run folders still tell: p000 holds another experiment now (rounds changed)
        Files.delete(out.resolve("sweep.json"));
        Path f = dir.resolve("sweep.json");
        Files.writeString(f, SweepSpecTest.experiment(SWEEP).replace("\"rounds\": 3", "\"rounds\": 4"));
        SweepSpec longer = SweepSpec.load(f, List.of(), SweepSpecTest.REG);
        e = assertThrows(SweepException.class, () -> run(longer, out, SweepRunner.Options.defaults()));
        assertTrue(e.getMessage().startsWith("the sweep file changed: ") && e.getMessage().contains("p000-4_1")
                && e.getMessage().contains("experiment.json"), e.getMessage());
        assertFalse(Files.exists(out.resolve("runs").resolve("p001-4_2")), "nothing ran");

        // a tampered point.json
        Files.writeString(out.resolve("runs").resolve("p000-4_1").resolve("point.json"), "{}\n");
        Files.delete(out.resolve("sweep.json"));
        e = assertThrows(SweepException.class, () -> run(s, out, SweepRunner.Options.defaults()));
        assertTrue(e.getMessage().contains("point.json") && e.getMessage().contains("p000-4_1"), e.getMessage());
    }

    @Test
    void aFailingPointIsReportedAndTheOthersRun() throws IOException {
        // test-central needs a server or cloud: a star whose centre is a device passes validation (the plan is
        // fine) but the algorithm refuses the topology when the run starts
        SweepSpec s = spec("{ \"grid\": { \"algorithm.type\": [\"test-central\"], \"topology.generator\": ["
                + "{ \"type\": \"star\", \"nodes\": 4, \"centerKind\": \"server\" }, "
                + "{ \"type\": \"star\", \"nodes\": 4, \"centerKind\": \"device\" }, "
                + "{ \"type\": \"star\", \"nodes\": 4, \"centerKind\": \"cloud\" }] } }");
        Path out = dir.resolve("out");
        List<String> failed = new ArrayList<>();
        SweepRunner.Result r = run(s, out, SweepRunner.Options.defaults().withListener(new SweepListener() {
            @Override
            public void pointFailed(SweepPoint point, RuntimeException error, Counts counts) {
                failed.add(point.index() + " " + counts.failed() + " " + error.getMessage());
            }
        }));
        assertEquals(2, r.finished());
        assertEquals(1, r.failures().size());
        assertEquals(1, r.failures().get(0).point().index());
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).startsWith("1 1 ") && failed.get(0).contains("needs a server or cloud"), failed.toString());
        assertEquals(2, r.indexRows());
        assertEquals(1, r.incomplete());
        List<String> index = Files.readAllLines(out.resolve("index.csv"));
        assertEquals(3, index.size());
        assertTrue(index.get(1).startsWith(s.points().get(0).id() + ",test-central,\"{\"\"type\"\":\"\"star\"\",\"\"nodes\"\":4,"),
                "JSON values are CSV-quoted: " + index.get(1));
        assertTrue(index.get(2).startsWith(s.points().get(2).id() + ","), index.toString());
    }
}

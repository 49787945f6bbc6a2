package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;

import org.edgeai.app.cli.Workspace;
import org.edgeai.app.gui.WorkbenchServices;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunOptions;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run control without a toolkit: the run of an editor is what {@code run} runs on the saved file (same fingerprint),
 * in its own folder; the editor is locked while the engine runs and unlocked after; errors go to the console; the HUD
 * shows the recording's bits and an exact latency split. Frames come from a fake frame clock.
 */
class RunViewModelTest {

    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../sample-topologies").normalize();

    @TempDir
    Path dir;
    final ScriptedPrompts prompts = new ScriptedPrompts();

    WorkbenchViewModel workbench() {
        return new WorkbenchViewModel(WorkbenchServices.defaults(getClass().getClassLoader()),
                new WorkbenchHome(dir.resolve("home")), UiExecutors.synchronous(), prompts);
    }

    /** Opens a sample file and sets its run.rounds. */
    static TopologyEditorViewModel open(WorkbenchViewModel w, String sample, int rounds) {
        w.open(SAMPLES.resolve(sample));
        TopologyEditorViewModel ed = w.active();
        assertNotNull(ed, "opened " + sample + ": " + w.console().lines());
        setRounds(ed, rounds);
        return ed;
    }

    static void setRounds(TopologyEditorViewModel ed, int rounds) {
        Map<String, Object> run = new LinkedHashMap<>(ed.document().settings().section("run"));
        run.put("rounds", (long) rounds);
        ed.document().editSettings("Set rounds", ed.document().settings().withSection("run", run));
    }

    /** Frames of 16 ms of the fake frame clock until {@code done} (at most 30,000). */
    static long frames(RunSession s, long now, BooleanSupplier done) {
        for (int i = 0; i < 30_000 && !done.getAsBoolean(); i++) {
            now += 16_000_000L;
            s.pulse(now);
            LockSupport.parkNanos(200_000); // lets the engine thread run between fake frames
        }
        assertTrue(done.getAsBoolean(), "condition not reached within 30,000 frames");
        return now;
    }

    static JsonNode summary(Path runDir) throws Exception {
        return new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
    }

    @Test
    void aRunIsTheCommandLinesRunOfTheSavedFileInItsOwnFolderAndLocksTheEditorMeanwhile() throws Exception {
        WorkbenchViewModel w = workbench();
        TopologyEditorViewModel ed = open(w, "allreduce-ring-8.json", 5);
        RunViewModel runs = w.runs();
        RunSession s = w.runSession();
        assertTrue(runs.canStartProperty().get());

        runs.start();
        assertTrue(s.isRunning(), w.console().lines().toString());
        assertTrue(ed.isLocked());
        assertTrue(runs.activeLockedProperty().get());
        assertFalse(runs.canStartProperty().get());
        Path runDir = runs.runDir();
        assertEquals(dir.resolve("home/runs"), runDir.getParent());
        assertTrue(runDir.getFileName().toString().matches("ring-all-reduce-8-devices-sum-their-gradients-\\d{8}-\\d{6}"),
                runDir.getFileName().toString());
        assertTrue(Files.isRegularFile(runDir.resolve("experiment.json")));

        // Every editing command is refused, with one message each, and changes nothing.
        long revision = ed.document().revision();
        int lines = w.console().lines().size();
        assertNull(ed.addNode(PaletteItem.PHONE, 0, 0));
        ed.selectAll();
        ed.deleteSelection();
        ed.document().editSettings("Set seed", ed.document().settings().withSeed(99));
        w.undo();
        ed.document().edit("Move", t -> t.putNode(t.node("n0").withPosition(1, 1)));
        assertEquals(revision, ed.document().revision(), "nothing changed");
        assertEquals(lines + 5, w.console().lines().size(), "one message per refused command");
        assertTrue(w.console().lines().get(lines).text().startsWith("Cannot add"), w.console().lines().get(lines).text());
        assertTrue(runs.statusProperty().get().contains("locked while its experiment runs"), runs.statusProperty().get());

        s.clock().setAsFastAsPossible();
        s.play();
        frames(s, 0, () -> !s.isRunning());
        assertFalse(ed.isLocked(), "unlocked when the run ends");
        assertFalse(runs.activeLockedProperty().get());
        assertEquals(LiveRun.State.COMPLETED, s.stateProperty().get());

        // Same fingerprint as `run` on the folder's experiment.json, and as `run` on the sample with --set run.rounds=5.
        JsonNode sum = summary(runDir);
        Workspace ws = Workspace.standard();
        RunPlan fromFolder = RunPlan.of(ExperimentFile.load(runDir.resolve("experiment.json"), ws.generators()), ws.registries());
        RunSummary cli = ExperimentRunner.run(fromFolder, dir.resolve("cli"), RunOptions.defaults());
        assertEquals(cli.fingerprint(), sum.get("fingerprint").asText());
        RunPlan original = RunPlan.of(ExperimentFile.load(SAMPLES.resolve("allreduce-ring-8.json"), ws.generators(),
                List.of("run.rounds=5")), ws.registries());
        assertEquals(ExperimentRunner.run(original, dir.resolve("cli2"), RunOptions.defaults()).fingerprint(),
                sum.get("fingerprint").asText(), "the editor's experiment is the sample's");
        assertEquals(5, sum.get("rounds").asInt());

        // The end is reported like the command line's result line.
        String last = w.console().lines().get(w.console().lines().size() - 1).text();
        assertTrue(last.startsWith("experiment.json: completed, 5/5 rounds, sim time"), last);
        assertTrue(last.contains("(fingerprint " + cli.fingerprint().substring(0, 12) + ")"), last);
        assertTrue(runs.statusProperty().get().contains("completed, 5/5 rounds"), runs.statusProperty().get());

        // The HUD at the end shows summary.json's bits, and its split adds up to the elapsed time.
        HudViewModel hud = w.hud();
        s.pulse(1L << 40);
        assertTrue(hud.visibleProperty().get());
        assertEquals(sum.get("bits_sent").asLong(), hud.bits());
        assertEquals(5, hud.rounds());
        assertEquals(sum.get("sim_time_s").asDouble(), hud.computeSeconds() + hud.communicationSeconds(), 1e-9);
        assertTrue(hud.computeSeconds() > 0 && hud.communicationSeconds() > 0);
        assertTrue(hud.roundProperty().get().equals("round 5 / 5"), hud.roundProperty().get());
        assertTrue(hud.bitsProperty().get().startsWith(sum.get("bits_sent").asLong() + " bits"), hud.bitsProperty().get());

        // Unlocked: edits work again.
        assertNotNull(ed.addNode(PaletteItem.PHONE, 0, 0));
        assertEquals(9, ed.topology().nodeCount());
    }

    @Test
    void aCancelEndsTheEngineWithin200msAndUnlocksTheEditor() throws Exception {
        WorkbenchViewModel w = workbench();
        TopologyEditorViewModel ed = open(w, "allreduce-ring-8.json", 100_000);
        RunSession s = w.runSession();
        w.runs().start();
        LiveRun run = s.live();
        long now = frames(s, 0, () -> s.recording().rounds().size() >= 2);
        assertTrue(ed.isLocked());
        w.runs().cancel();
        long t0 = System.nanoTime();
        assertTrue(run.join(2_000));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertTrue(ms < 200, "the engine ended " + ms + " ms after the cancel");
        frames(s, now, () -> !s.isRunning());
        assertEquals(LiveRun.State.CANCELLED, run.state());
        assertFalse(ed.isLocked());
        assertTrue(w.console().lines().get(w.console().lines().size() - 1).text().startsWith("run cancelled after"));
    }

    @Test
    void anInvalidExperimentGoesToTheConsoleWithItsLocatedMessage() {
        WorkbenchViewModel w = workbench();
        TopologyEditorViewModel ed = open(w, "allreduce-ring-8.json", 3);
        Map<String, Object> alg = new LinkedHashMap<>(Map.of("type", "no-such-algorithm"));
        ed.document().editSettings("Set algorithm", ed.document().settings().withSection("algorithm", alg));
        w.runs().start();
        assertFalse(w.runSession().isRunning());
        assertNull(w.runSession().live());
        assertFalse(ed.isLocked());
        String err = w.console().lines().get(w.console().lines().size() - 1).text();
        assertTrue(err.startsWith("Cannot run "), err);
        assertTrue(err.contains("experiment.json") && err.contains("algorithm.type") && err.contains("allreduce-ring"), err);
        assertTrue(w.runs().statusProperty().get().startsWith("Cannot run"), w.runs().statusProperty().get());
        assertTrue(w.runs().canStartProperty().get(), "a new attempt is possible");
    }

    @Test
    void aPipelineExperimentGoesToThePipelineRunner() {
        WorkbenchViewModel w = workbench();
        w.open(SAMPLES.resolve("pipeline-vgg16-4dev-gpipe.json"));
        TopologyEditorViewModel ed = w.active();
        w.runs().start();
        String info = w.console().lines().get(w.console().lines().size() - 1).text();
        assertTrue(info.contains("pipeline section"), info);
        List<TopologyEditorViewModel> ran = new ArrayList<>();
        w.runs().setPipelineRunner(ran::add);
        w.runs().start();
        assertEquals(List.of(ed), ran);
        assertNull(w.runSession().live());
    }

    @Test
    void runFoldersAreUniqueSlugsOfTheNameAndTime() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2024-03-05T06:07:08Z"), ZoneOffset.UTC);
        RunViewModel r = new RunViewModel(WorkbenchServices.defaults(getClass().getClassLoader()),
                new WorkbenchHome(dir), UiExecutors.synchronous(), new ConsoleViewModel(), new RunSession(),
                new SimpleObjectProperty<>(), FXCollections.observableArrayList(), fixed);
        assertEquals(dir.resolve("runs/d-sgd-on-a-ring-20240305-060708"), r.newRunDir("D-SGD on a ring!"));
        assertEquals(dir.resolve("runs/d-sgd-on-a-ring-20240305-060708-2"), r.newRunDir("D-SGD on a ring!"));
        assertEquals(dir.resolve("runs/experiment-20240305-060708"), r.newRunDir("  ***  "));
        assertEquals("experiment", RunViewModel.slug(null));
    }

    @Test
    void theIndexGivesTheRecordingsBitsAtAnyTimeAndTheBusiestNodesComputePerRound() throws Exception {
        WorkbenchViewModel w = workbench();
        open(w, "dsgd-topk-ring.json", 4);
        RunSession s = w.runSession();
        w.runs().start();
        s.clock().setAsFastAsPossible();
        s.play();
        RunIndex index = new RunIndex(s.recording());
        long now = 0;
        while (s.isRunning()) {
            now = frames(s, now, () -> true);
            now += 16_000_000L;
            s.pulse(now);
            index.sync(); // part-way: the index follows a growing recording
            RunRecording rec = s.recording();
            double f = rec.frontier();
            for (double t : new double[] {0, f * 0.37, f * 0.5, f}) {
                assertEquals(rec.bitsAt(t), index.bitsAt(t), "bits at " + t);
            }
            LockSupport.parkNanos(1_000_000);
        }
        index.sync();
        RunRecording rec = s.recording();
        int hops = rec.hopCount();
        for (int i = 0; i < hops; i += Math.max(1, hops / 200)) {
            for (double t : new double[] {rec.hopQueued(i), rec.hopSend(i), rec.hopArrive(i), rec.hopSend(i) - 1e-12}) {
                assertEquals(rec.bitsAt(t), index.bitsAt(t), "bits at " + t);
            }
        }
        // T_r against a direct computation: the largest per-node sum of compute durations tagged with round r.
        int rounds = rec.rounds().size();
        assertEquals(4, rounds);
        double sum = 0;
        for (int r = 0; r < rounds; r++) {
            double max = 0;
            for (int n = 0; n < rec.nodes(); n++) {
                double node = 0;
                for (int k = 0; k < rec.computeCount(n); k++) {
                    if (rec.computeRound(n, k) == r) {
                        node += rec.computeEnd(n, k) - rec.computeStart(n, k);
                    }
                }
                max = Math.max(max, node);
            }
            assertTrue(max > 0, "every round computes");
            assertEquals(max, index.computeOfRound(r), 1e-15);
            double start = r == 0 ? 0 : rec.rounds().get(r - 1).timeS();
            assertTrue(max <= rec.rounds().get(r).timeS() - start + 1e-12, "T_r fits in its round");
            sum += max;
            RunIndex.Split split = index.split(r + 1);
            assertEquals(sum, split.computeS(), 1e-12);
            assertEquals(rec.rounds().get(r).timeS() - sum, split.communicationS(), 1e-12);
            assertEquals(rec.rounds().get(r).linkBits(), split.linkBits());
        }
        assertNull(index.split(0));
    }
}

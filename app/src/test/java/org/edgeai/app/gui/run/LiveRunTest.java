package org.edgeai.app.gui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeai.app.cli.Workspace;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunOptions;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run writes what the command line writes (same fingerprint), records every hop and round it published,
 * and can be held back by the picture and cancelled mid-round.
 */
class LiveRunTest {

    @TempDir
    Path dir;

    static RunPlan plan(String sample, int rounds) {
        Workspace ws = Workspace.standard();
        Path file = Path.of(System.getProperty("user.dir")).resolve("../sample-topologies").resolve(sample).normalize();
        return RunPlan.of(ExperimentFile.load(file, ws.generators(), List.of("run.rounds=" + rounds)), ws.registries());
    }

    /** Drains until the run has ended and everything is recorded (the test plays the JavaFX thread). */
    static void drainToEnd(LiveRun run) throws InterruptedException {
        for (int i = 0; i < 100_000 && run.state() == LiveRun.State.RUNNING; i++) {
            if (run.drain(10_000) == 0) {
                Thread.yield(); // nothing yet: let the engine thread work (the loop's condition decides)
            }
        }
    }

    @Test
    void aLiveRunWritesTheCommandLinesFilesAndRecordsEveryHop() throws Exception {
        RunPlan plan = plan("allreduce-ring-8.json", 6);
        RunSummary cli = ExperimentRunner.run(plan, dir.resolve("cli"), RunOptions.defaults());

        LiveRun run = new LiveRun(plan, dir.resolve("gui"), "ring");
        run.start();
        drainToEnd(run);
        assertEquals(LiveRun.State.COMPLETED, run.state());
        assertEquals(cli.fingerprint(), run.summary().fingerprint(), "same files as `run`");
        RunRecording rec = run.recording();
        List<String> rows = Files.readAllLines(dir.resolve("gui").resolve("messages.csv"));
        assertEquals(rows.size() - 1, rec.hopCount(), "one recorded hop per messages.csv row");
        assertEquals(0, run.dropped());
        assertEquals(6, rec.rounds().size());
        RoundMetrics last = rec.rounds().get(5);
        assertEquals(run.summary().bitsSent(), last.linkBits());
        assertEquals(last.timeS(), rec.frontier(), 1e-12);
        assertEquals(6, rec.snapshots().size());
        // All-reduce leaves every replica equal: distance to the mean is 0 after each round.
        for (double d : rec.snapshots().get(5).distanceToMean()) {
            assertEquals(0, d, 1e-5);
        }
        // The recorded hops add up to the bits of the run, and each row's times are the file's.
        long bits = 0;
        for (int i = 0; i < rec.hopCount(); i++) {
            bits += rec.hopBits(i);
            String[] f = rows.get(i + 1).split(",");
            assertEquals(Double.parseDouble(f[1]), rec.hopSend(i), 1e-9 * Math.max(1, rec.hopSend(i)));
        }
        assertEquals(last.linkBits(), bits);
        assertEquals(bits, rec.bitsAt(rec.frontier()));
    }

    @Test
    void theEngineWaitsForThePictureAndACancelStopsItMidRound() throws Exception {
        RunPlan plan = plan("allreduce-ring-8.json", 50);
        LiveRun run = new LiveRun(plan, dir.resolve("held"), "held");
        run.setAllowedRounds(2);
        run.start();
        for (int i = 0; i < 10_000_000 && !run.isHeld(); i++) {
            run.drain(10_000);
            Thread.yield();
        }
        assertTrue(run.isHeld(), "the engine waits for the picture");
        assertEquals(2, run.roundsRun(), "held at the allowed round");
        assertEquals(LiveRun.State.RUNNING, run.state());
        run.cancel();
        assertTrue(run.join(200), "the engine thread ends within 200 ms of the cancel");
        drainToEnd(run);
        assertEquals(LiveRun.State.CANCELLED, run.state());
        assertEquals(2, run.summary().rounds());
        assertEquals("stopped", run.summary().status().id());
    }
}

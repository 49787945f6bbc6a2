package org.edgeai.app.gui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.edgeai.app.gui.vm.RunSession;
import org.edgeai.model.run.RunPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's frame pulse, stepping and jumping, driven by a fake frame clock (no toolkit). */
class RunSessionTest {

    @TempDir
    Path dir;

    /** Pulses frames of 16 ms until {@code done}; fails after 20 million frames. */
    static long frames(RunSession s, long now, java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 20_000_000 && !done.getAsBoolean(); i++) {
            now += 16_000_000L;
            s.pulse(now);
            Thread.yield(); // lets the engine thread run between fake frames (the condition decides when to stop)
        }
        assertTrue(done.getAsBoolean(), "the session never got there");
        return now;
    }

    @Test
    void stepRoundJumpAndStepEventMoveTheCursorToRecordedTimes() throws Exception {
        RunPlan plan = LiveRunTest.plan("allreduce-ring-8.json", 8);
        RunSession s = new RunSession();
        LiveRun run = new LiveRun(plan, dir.resolve("r"), "ring");
        run.start();
        s.show(run, null);
        s.pause();
        long now = frames(s, 0, () -> s.recording().rounds().size() >= 1);
        assertEquals(0.0, s.clock().cursor(), 0, "paused: the cursor stays at 0");
        assertTrue(run.roundsRun() <= 1 + RunSession.ROUNDS_AHEAD, "the engine waits for the picture");

        s.stepRound();
        now = frames(s, now, () -> s.roundsShownProperty().get() == 1 && s.clock().isPaused());
        assertEquals(s.recording().rounds().get(0).timeS(), s.clock().cursor(), 0);
        assertEquals(1, s.roundsShownProperty().get());

        s.jumpToRound(5);
        now = frames(s, now, () -> s.roundsShownProperty().get() == 5 && s.clock().isPaused());
        assertEquals(s.recording().rounds().get(4).timeS(), s.clock().cursor(), 0);

        // The engine runs ahead of the picture (up to ROUNDS_AHEAD rounds): wait until round 6 is recorded.
        now = frames(s, now, () -> s.recording().rounds().size() >= 6);
        double before = s.clock().cursor();
        s.stepEvent();
        double after = s.clock().cursor();
        assertTrue(after > before);
        assertEquals(s.recording().nextEventAfter(before), after, 0);

        s.jumpToRound(2); // back: at once
        assertEquals(s.recording().rounds().get(1).timeS(), s.clock().cursor(), 0);

        s.clock().setAsFastAsPossible();
        s.play();
        frames(s, now, () -> !s.isRunning() && s.clock().cursor() >= s.recording().frontier());
        assertFalse(s.isRunning());
        assertEquals(LiveRun.State.COMPLETED, s.stateProperty().get());
        assertEquals(8, s.roundsShownProperty().get());
    }
}

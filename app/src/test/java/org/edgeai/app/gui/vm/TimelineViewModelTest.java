package org.edgeai.app.gui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.pipeline.schedule.Phase;
import org.edgeai.model.pipeline.schedule.PhaseRow;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/** The timeline's blocks, window, frame and texts, without a toolkit. */
class TimelineViewModelTest {

    private static final double TX = 320 / 1e8; // 320 bits at 100 Mbit/s

    private record Shown(RunSession session, PipelineRunViewModel run, TimelineViewModel timeline) {
    }

    private static Shown pipeline(String schedule, int m) {
        Topology t = PipelineRecordingTest.chain(3, 100, 1);
        ExperimentSettings s = ExperimentSettings.defaults("pipe").withSection("pipeline",
                PipelineRecordingTest.section(3, List.of("s0", "s1", "s2"), schedule, m));
        RunSession session = new RunSession();
        PipelineRunViewModel run = new PipelineRunViewModel(session, UiExecutors.synchronous(), new ConsoleViewModel(),
                new SplitViewModel());
        TimelineViewModel tl = new TimelineViewModel(session, run);
        run.run(PipelineRecordingTest.editor(s, t));
        return new Shown(session, run, tl);
    }

    @Test
    void aPipelineGivesOneRowPerStageWithItsBlocksAndTheCommandLinesTexts() {
        Shown s = pipeline("gpipe", 4);
        TimelineViewModel tl = s.timeline();
        PipelineRecording p = s.run().current();
        assertEquals(3, tl.rowCount());
        assertEquals(p.bubbleText(), tl.bubbleProperty().get());
        assertTrue(tl.bubbleProperty().get().matches("bubble fraction 0\\.\\d{4}"), tl.bubbleProperty().get());
        assertEquals(p.summaryText(), tl.summaryProperty().get());
        assertTrue(tl.titleProperty().get().startsWith("GPipe · "), tl.titleProperty().get());
        assertTrue(tl.rowLabel(0).contains("stage 0"), tl.rowLabel(0));
        RunRecording rec = s.session().recording();
        for (int v = 0; v < 3; v++) {
            assertEquals(rec.computeCount(v), tl.laneSize(v, TimelineViewModel.COMPUTE));
        }
        // s0 sends 4 activations and receives 4 gradients: transmission on the sender, reception on the receiver
        assertEquals(4, tl.laneSize(0, TimelineViewModel.SEND));
        assertEquals(4, tl.laneSize(0, TimelineViewModel.RECEIVE));
        assertEquals(8, tl.laneSize(1, TimelineViewModel.SEND));
        for (int i = 0; i < 4; i++) {
            int h = tl.laneId(0, TimelineViewModel.SEND, i);
            assertEquals(rec.hopSend(h), tl.laneStart(0, TimelineViewModel.SEND, i), 0);
            assertEquals(rec.hopSend(h) + TX, tl.laneEnd(0, TimelineViewModel.SEND, i), 1e-15);
            int g = tl.laneId(0, TimelineViewModel.RECEIVE, i);
            assertEquals(MessageKind.GRADIENT, rec.hopKind(g));
            assertEquals(rec.hopArrive(g), tl.laneEnd(0, TimelineViewModel.RECEIVE, i), 0);
            assertEquals(rec.hopArrive(g) - TX, tl.laneStart(0, TimelineViewModel.RECEIVE, i), 1e-15);
        }
    }

    @Test
    void theFitFrameDrawsEveryComputationAtItsTimeWithMicroBatchAndPhase() {
        Shown s = pipeline("gpipe", 4);
        TimelineViewModel tl = s.timeline();
        PipelineRecording p = s.run().current();
        TimelineViewModel.Frame f = tl.frame(1000, 500);
        double total = p.result().totalSeconds();
        assertEquals(total * 1.02 / 1000, tl.secondsPerPixel(), 1e-15);
        assertEquals(3, f.rows);
        int computes = 0;
        for (int i = 0; i < f.size(); i++) {
            int style = f.style(i);
            if (TimelineViewModel.category(style) != TimelineViewModel.COMPUTE || TimelineViewModel.merged(style)) {
                continue;
            }
            computes++;
            int node = tl.rowNode(f.row(i));
            double start = tl.timeAt(f.x0(i));
            PhaseRow row = p.result().rows().stream().filter(r -> r.node().equals("s" + node) && r.phase() != Phase.SEND
                    && Math.abs(r.start() - start) < 1e-9 && r.end() - r.start() > 0.5).findFirst().orElseThrow();
            assertEquals(row.end(), tl.timeAt(f.x1(i)), 1e-9);
            assertEquals(row.phase().ordinal() + 1, TimelineViewModel.phase(style));
            assertEquals(row.microbatch() % 4, TimelineViewModel.colour(style));
            assertEquals(row.microbatch() % 4, f.label(i));
        }
        assertEquals(3 * 8, computes, "every forward and backward (1 s and 2 s wide) drawn on its own");
    }

    @Test
    void aZoomedWindowHoldsExactlyTheBlocksThatIntersectIt() {
        Shown s = pipeline("1f1b", 6);
        TimelineViewModel tl = s.timeline();
        tl.frame(1000, 500);
        tl.showSpan(4.0, 6.0);
        assertEquals(0.002, tl.secondsPerPixel(), 1e-15);
        TimelineViewModel.Frame f = tl.frame(1000, 500);
        int computes = 0;
        int sends = 0;
        for (int i = 0; i < f.size(); i++) {
            if (TimelineViewModel.category(f.style(i)) == TimelineViewModel.COMPUTE) {
                computes++;
            } else if (TimelineViewModel.category(f.style(i)) == TimelineViewModel.SEND) {
                sends++;
            }
        }
        int expectedComputes = 0;
        int expectedSends = 0;
        for (PhaseRow r : s.run().current().result().rows()) {
            if (r.phase() != Phase.SEND && r.start() < 6 && r.end() >= 4) {
                expectedComputes++;
            }
            if (r.phase() == Phase.SEND && r.start() < 6 && r.start() + TX >= 4) {
                expectedSends++; // sends are over a second apart: each its own run
            }
        }
        assertTrue(expectedComputes > 2);
        assertEquals(expectedComputes, computes);
        assertEquals(expectedSends, sends);

        double t = tl.timeAt(300);
        tl.zoomAt(2, 300);
        assertEquals(t, tl.timeAt(300), 1e-12, "the time under the pointer stays");
        assertEquals(0.001, tl.secondsPerPixel(), 1e-15);
        tl.panBy(100);
        assertEquals(t - 0.1, tl.timeAt(300), 1e-12);
        tl.seekAt(250);
        assertEquals(tl.timeAt(250), s.session().clock().cursor(), 1e-12);
        assertEquals(250, tl.frame(1000, 500).cursorX, 1e-9);
        tl.fit();
        assertTrue(tl.isFit());
        assertEquals(0, tl.windowStart(), 0);
    }

    @Test
    void hundredThousandSubPixelBlocksMergeIntoAtMostAboutOneRectPerPixel() {
        RunRecording rec = new RunRecording(2, 0);
        int n = 100_000;
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double a = k * 1e-3 + (k % 7 == 0 ? 0.5e-3 : 0); // 1 ms apart, some shifted: gaps and adjacency
            double b = a + 0.4e-3;
            rec.add(new SimEvent.ComputeStarted(k % 2 == 0 ? 0 : 1, 0, 1, a, b));
            rec.add(new SimEvent.ComputeFinished(k % 2 == 0 ? 0 : 1, 0, b));
            if (k % 2 == 0) {
                blocks.add(new double[] {a, b});
            }
        }
        RunSession session = new RunSession();
        TimelineViewModel tl = new TimelineViewModel(session, null);
        session.showRecording(rec, null);
        assertEquals(2, tl.rowCount());
        assertEquals(n / 2, tl.laneSize(0, TimelineViewModel.COMPUTE));
        TimelineViewModel.Frame f = tl.frame(1000, 200);
        int row0 = 0;
        List<double[]> rects = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            if (f.row(i) == 0) {
                row0++;
                rects.add(new double[] {f.x0(i), f.x1(i)});
            }
        }
        assertTrue(row0 <= 1001, "rects in row 0: " + row0);
        // every block is covered by a drawn rect (independent check over all 50,000)
        int r = 0;
        for (double[] b : blocks) {
            double x0 = tl.xOf(b[0]);
            double x1 = tl.xOf(b[1]);
            while (r < rects.size() && rects.get(r)[1] < x0 - 1e-9) {
                r++;
            }
            assertTrue(r < rects.size() && rects.get(r)[0] <= x0 + 1e-9 && rects.get(r)[1] >= x1 - 1e-9,
                    "block at " + b[0] + " s covered");
        }
        // zoomed in on 10 ms: the blocks are drawn one by one at their times
        tl.showSpan(10e-3, 20e-3);
        f = tl.frame(1000, 200);
        int exact = 0;
        for (int i = 0; i < f.size(); i++) {
            if (f.row(i) == 0) {
                assertTrue(!TimelineViewModel.merged(f.style(i)));
                double a = tl.timeAt(f.x0(i));
                assertTrue(blocks.stream().anyMatch(b -> Math.abs(b[0] - a) < 1e-12), "a block starts at " + a);
                exact++;
            }
        }
        long expected = blocks.stream().filter(b -> b[0] < 20e-3 && b[1] >= 10e-3).count();
        assertEquals(expected, exact);
    }

    @Test
    void lanesGrowWithTheRecordingAndStayInStartOrder() {
        RunRecording rec = new RunRecording(3, 0);
        RunSession session = new RunSession();
        TimelineViewModel tl = new TimelineViewModel(session, null);
        session.showRecording(rec, null);
        rec.add(new SimEvent.HopStarted(0, MessageKind.MODEL, 0, 1, 100, 0.0, 0.5, 0.7, 1));
        tl.frame(500, 100);
        assertEquals(1, tl.laneSize(0, TimelineViewModel.SEND));
        // queued later but sent earlier on another link: lands before the first in the sender's lane
        rec.add(new SimEvent.HopStarted(0, MessageKind.MODEL, 0, 2, 100, 0.1, 0.2, Double.NaN, 2));
        tl.frame(500, 100);
        assertEquals(2, tl.laneSize(0, TimelineViewModel.SEND));
        assertEquals(0.2, tl.laneStart(0, TimelineViewModel.SEND, 0), 0);
        assertEquals(0.5, tl.laneStart(0, TimelineViewModel.SEND, 1), 0);
        assertEquals(0, tl.laneSize(2, TimelineViewModel.RECEIVE), "arrival unknown yet");
        rec.add(new SimEvent.HopArrived(0, MessageKind.MODEL, 0, 2, 100, 0.2, 0.9, 2, true));
        tl.frame(500, 100);
        assertEquals(1, tl.laneSize(2, TimelineViewModel.RECEIVE));
        assertEquals(0.9, tl.laneEnd(2, TimelineViewModel.RECEIVE, 0), 0);
        assertEquals("", tl.bubbleProperty().get(), "no bubble fraction outside pipelines");
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTenWithTheirUnit() {
        RunSession session = new RunSession();
        TimelineViewModel tl = new TimelineViewModel(session, null);
        tl.frame(1000, 100); // a plot 1000 px wide
        tl.showSpan(0, 18.36);
        assertEquals(2, tl.tickStep(90), 1e-12); // 90 px = 1.65 s
        tl.showSpan(0, 0.5);
        assertEquals(0.05, tl.tickStep(90), 1e-12); // 90 px = 45 ms
        assertEquals("250 ms", TimelineViewModel.tickLabel(0.25, 0.05));
        assertEquals("1.5 s", TimelineViewModel.tickLabel(1.5, 0.5));
        assertEquals("20 µs", TimelineViewModel.tickLabel(2e-5, 1e-5));
        assertEquals("0 ms", TimelineViewModel.tickLabel(1e-19, 0.001));
        assertEquals("2.5 ms", TimelineViewModel.tickLabel(0.0025, 0.0005));
    }
}

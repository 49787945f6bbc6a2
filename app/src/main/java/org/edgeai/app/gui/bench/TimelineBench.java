package org.edgeai.app.gui.bench;

import java.util.Arrays;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.RunSession;
import org.edgeai.app.gui.vm.TimelineViewModel;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.SimEvent;

/**
 * Benchmark of the Timeline's per-frame work on the JavaFX thread without a toolkit: {@link TimelineViewModel#frame}
 * (visible-window queries and sub-pixel merging) on a recording of {@code blocks} computations and as many hops
 * spread over {@code nodes} nodes, fitted (everything visible) and zoomed to 1% of the run. Painting is one fillRect
 * per returned rect, so the rect count is reported too. For the lead's {@code bench} command.
 */
public final class TimelineBench {

    private TimelineBench() {
    }

    /** Measured figures: median milliseconds per frame and rects per frame, fitted and zoomed. */
    public record Result(int blocks, int nodes, double fitMillis, int fitRects, double zoomMillis, int zoomRects) {
    }

    /** Runs the benchmark: 20 warm-up frames, then the median of 50. */
    public static Result run(int blocks, int nodes) {
        RunRecording rec = new RunRecording(nodes, 0);
        double t = 0;
        for (int k = 0; k < blocks; k++) {
            int v = k % nodes;
            double a = t + (k % 5) * 1e-4;
            rec.add(new SimEvent.ComputeStarted(v, 0, 1, a, a + 3e-4));
            rec.add(new SimEvent.ComputeFinished(v, 0, a + 3e-4));
            rec.add(new SimEvent.HopStarted(0, MessageKind.MODEL, v, (v + 1) % nodes, 1000, a + 3e-4, a + 3e-4, a + 6e-4, k));
            if (v == nodes - 1) {
                t += 1e-3;
            }
        }
        RunSession session = new RunSession();
        TimelineViewModel tl = new TimelineViewModel(session, null);
        session.showRecording(rec, null);
        double height = nodes * TimelineViewModel.ROW_HEIGHT;
        double[] fit = measure(tl, height, true, rec.frontier());
        double[] zoom = measure(tl, height, false, rec.frontier());
        return new Result(blocks, nodes, fit[0], (int) fit[1], zoom[0], (int) zoom[1]);
    }

    private static double[] measure(TimelineViewModel tl, double height, boolean fit, double end) {
        double[] ms = new double[50];
        int rects = 0;
        for (int i = 0; i < 70; i++) {
            if (fit) {
                tl.fit();
            } else {
                tl.showSpan(end * 0.5, end * 0.51);
            }
            long t0 = System.nanoTime();
            rects = tl.frame(1200, height).size();
            long t1 = System.nanoTime();
            if (i >= 20) {
                ms[i - 20] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], rects};
    }

    public static void main(String[] args) {
        System.out.println(run(100_000, 16)); // warm-up
        System.out.println(run(100_000, 1));
        System.out.println(run(100_000, 16));
        System.out.println(run(1_000_000, 16));
    }
}

package org.edgeai.app.gui.vm;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.edgeai.app.gui.run.LiveRun;
import org.edgeai.app.gui.run.PlaybackClock;
import org.edgeai.app.gui.run.RunRecording;

/**
 * The heads-up display over the canvas of the editor being run: round (shown / planned), simulated time at the
 * cursor, bits on links at the cursor, the engine's speed in rounds per second, records dropped (if any), and the
 * survey's latency split, latency ≈ L/r·N + T·N, measured over the rounds finished at the cursor.
 *
 * <h2>The split, honestly</h2>
 * N is the number of rounds finished at the cursor and the latency so far is the end time of round N. T (compute
 * per round) is, per round, the busiest node's compute time in that round: every node computes in parallel, so the
 * round cannot end before its busiest node has computed; T·N is the sum over the N rounds. L/r·N (communication)
 * is the rest of the elapsed time: transmission, propagation latency, queueing and waiting. L is the link bits per
 * round (a message over h hops counts h times), and r = L / (L/r) is the effective rate the run achieved. See
 * {@link RunIndex} for the computation and its assumption.
 *
 * <p>Updated once a frame from {@link RunSession#frameProperty()}: O(log hops + hops in one queueing window + nodes)
 * a frame; texts change only when their values do, so the labels do not relayout each frame. No {@code Node}s.
 */
public final class HudViewModel {

    /** The tooltip explaining the split. */
    public static final String EXPLANATION = String.join("\n",
            "latency \u2248 L/r\u00b7N + T\u00b7N  (the survey's equation)",
            "N: rounds finished at the cursor; the latency so far is the end time of round N.",
            "T\u00b7N (computation): per round, the compute time of the busiest node (nodes compute in parallel,",
            "    so a round cannot end before its busiest node has computed), summed over the N rounds.",
            "L/r\u00b7N (communication): the rest of the elapsed time: transmission, link latency, queueing, waiting.",
            "L: bits carried by links per round (a message over h hops counts h times);",
            "r = L / (L/r): the effective rate the run achieved.");

    private final RunSession session;
    private final LongSupplier nanos;
    private final ObjectProperty<TopologyEditorViewModel> editor = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper round = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bits = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper engine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dropped = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper split = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper terms = new ReadOnlyStringWrapper("");
    private RunIndex index;
    private long bitsShown;
    private int roundsShown;
    private RunIndex.Split splitShown;
    private LiveRun rateRun;
    private long rateNanos = -1;
    private int rateRounds;
    private double rate = Double.NaN;

    /**
     * @param session the workbench's run session
     * @param nanos   a monotonic wall clock in nanoseconds (System::nanoTime; tests pass a fake), for the engine's
     *                rounds per second only
     */
    public HudViewModel(RunSession session, LongSupplier nanos) {
        this.session = Objects.requireNonNull(session);
        this.nanos = Objects.requireNonNull(nanos);
        session.frameProperty().addListener((o, a, b) -> update());
        session.editorProperty().addListener((o, a, b) -> update());
        editor.addListener((o, a, b) -> update());
    }

    /** The editor whose canvas carries this HUD (the active one); the HUD shows when it is the one being run. */
    public ObjectProperty<TopologyEditorViewModel> editorProperty() {
        return editor;
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** "round 5 / 100". */
    public ReadOnlyStringProperty roundProperty() {
        return round.getReadOnlyProperty();
    }

    /** "t = 3.41 s" (simulated, at the cursor). */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** "1234567 bits (154 kB) on links". */
    public ReadOnlyStringProperty bitsProperty() {
        return bits.getReadOnlyProperty();
    }

    /** "engine 35.2 rounds/s" while it runs, then how the run ended. */
    public ReadOnlyStringProperty engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** "" or "12 records dropped (the picture could not keep up)". */
    public ReadOnlyStringProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** "comm 2.76 s (81%) | comp 0.65 s (19%)". */
    public ReadOnlyStringProperty splitProperty() {
        return split.getReadOnlyProperty();
    }

    /** "L = 350 kB/round  N = 12  T = 54 ms/round  L/r = 230 ms/round". */
    public ReadOnlyStringProperty termsProperty() {
        return terms.getReadOnlyProperty();
    }

    /** Bits on links at the cursor as last shown (equals summary.json's bits_sent at the end of a completed run). */
    public long bits() {
        return bitsShown;
    }

    /** Rounds finished at the cursor as last shown. */
    public int rounds() {
        return roundsShown;
    }

    /** The compute share T·N of the split as last shown, seconds (0 before the first round). */
    public double computeSeconds() {
        return splitShown == null ? 0 : splitShown.computeS();
    }

    /** The communication share L/r·N of the split as last shown, seconds (0 before the first round). */
    public double communicationSeconds() {
        return splitShown == null ? 0 : splitShown.communicationS();
    }

    /** Recomputes everything from the session at its cursor (the frame listener calls it). */
    public void update() {
        LiveRun run = session.live();
        RunRecording rec = run == null ? null : run.recording();
        boolean show = rec != null && session.editorProperty().get() != null && session.editorProperty().get() == editor.get();
        visible.set(show);
        if (rec == null) {
            index = null;
            return;
        }
        if (index == null || index.recording() != rec) {
            index = new RunIndex(rec);
            splitShown = null;
        }
        index.sync();
        double t = session.clock().cursor();
        roundsShown = rec.roundsFinishedAt(t);
        bitsShown = index.bitsAt(t);
        splitShown = index.split(roundsShown);
        set(round, "round " + roundsShown + " / " + run.plan().rounds());
        set(time, "t = " + PlaybackClock.duration(t));
        set(bits, bitsShown + " bits (" + bytes(bitsShown) + ") on links");
        set(engine, engineText(run));
        long d = run.dropped();
        set(dropped, d == 0 ? "" : d + " animation records dropped (the picture could not keep up)");
        RunIndex.Split s = splitShown;
        if (s == null) {
            set(split, "comm \u2013 | comp \u2013");
            set(terms, "L, N, T: after the first round");
        } else {
            long pc = Math.round(100 * s.communicationShare());
            set(split, "comm " + PlaybackClock.duration(s.communicationS()) + " (" + pc + "%) | comp "
                    + PlaybackClock.duration(s.computeS()) + " (" + (100 - pc) + "%)");
            double r = s.effectiveRate();
            set(terms, "L = " + bytes(Math.round(s.bitsPerRound())) + "/round  N = " + s.rounds() + "  T = "
                    + PlaybackClock.duration(s.computePerRound()) + "/round  L/r = "
                    + PlaybackClock.duration(s.communicationPerRound()) + "/round"
                    + (Double.isNaN(r) ? "" : "  r = " + rate(r)));
        }
    }

    private String engineText(LiveRun run) {
        long now = nanos.getAsLong();
        if (run != rateRun) {
            rateRun = run;
            rateNanos = now;
            rateRounds = run.roundsRun();
            rate = Double.NaN;
        }
        LiveRun.State st = run.state();
        if (st != LiveRun.State.RUNNING) {
            return "engine " + st.name().toLowerCase(Locale.ROOT) + " after " + run.recording().rounds().size()
                    + " rounds";
        }
        if (now - rateNanos >= 500_000_000L) { // a rate over half a second, not a jittery per-frame one
            int r = run.roundsRun();
            rate = (r - rateRounds) / ((now - rateNanos) / 1e9);
            rateNanos = now;
            rateRounds = r;
        }
        return "engine " + (Double.isNaN(rate) ? "\u2026" : String.format(Locale.ROOT, "%.3g", rate)) + " rounds/s";
    }

    private static void set(ReadOnlyStringWrapper p, String v) {
        if (!v.equals(p.get())) {
            p.set(v);
        }
    }

    /** Bits as bytes with a unit, as the command line prints them ("1.54 MB"; under 8,000 bits: "123 bits"). */
    public static String bytes(long b) {
        return org.edgeai.model.run.RunSummary.size(b);
    }

    private static String rate(double bitsPerSecond) {
        String[] units = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s"};
        double v = bitsPerSecond;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }
}

package org.edgeai.app.gui.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import org.edgeai.model.engine.Faults;
import org.edgeai.model.engine.trace.EventBuffer;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.engine.trace.SimObserver;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunControl;
import org.edgeai.model.run.RunOptions;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.run.RunSummary;
import org.edgeai.model.run.TraceMode;

/**
 * One run of an experiment in the workbench: the engine on its own thread, writing the same files as the command
 * line's {@code run} (so both give the same fingerprint), and publishing its events to an {@link EventBuffer} that
 * the JavaFX thread drains once a frame into a {@link RunRecording}.
 *
 * <h2>Threads</h2>
 * The JavaFX thread never waits on the engine: {@link #drain}, {@link #cancel} and the state getters return at
 * once. The engine thread never touches JavaFX; it waits (parks) only for the picture, when it is more than
 * {@link #setAllowedRounds allowed rounds} ahead of the animation or when the buffer is three-quarters full, so the
 * animation loses no message even at a slow speed; neither wait changes any result. A cancel takes effect before
 * the engine's next event (within microseconds of compute, whatever the round's length).
 */
public final class LiveRun {

    /** The life of a run. */
    public enum State { RUNNING, COMPLETED, STOPPED, STALLED, CANCELLED, FAILED }

    /** Lossy-lane capacity: room for several rounds of a 1,000-node run. */
    public static final int BUFFER = 1 << 18;

    private final RunPlan plan;
    private final Path dir;
    private final String label;
    private final EventBuffer buffer = new EventBuffer(BUFFER);
    private final RunControl control = new RunControl();
    private final ConcurrentLinkedQueue<RunRecording.NodeSnapshot> snapshots = new ConcurrentLinkedQueue<>();
    private final RunRecording recording;
    private volatile int allowedRounds = Integer.MAX_VALUE;
    private volatile int roundsRun;
    private volatile boolean held; // the engine waits for the picture (parked between rounds)
    private volatile boolean finished;
    private volatile RunSummary summary;
    private volatile Throwable failure;
    private State state = State.RUNNING; // as the JavaFX thread last saw it
    private java.util.Map<String, Double> initialMetrics; // metrics.csv's row 0, once read
    private boolean initialMissing; // the run ended without a readable row 0: do not look again
    private Thread thread;

    /**
     * @param plan  the experiment to run
     * @param dir   the run's output folder (metrics.csv, messages.csv, summary.json)
     * @param label the name shown in the run table and legends
     */
    public LiveRun(RunPlan plan, Path dir, String label) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.label = Objects.requireNonNull(label, "label");
        this.recording = new RunRecording(plan.topology().nodeCount(), plan.topology().linkCount());
    }

    public RunPlan plan() {
        return plan;
    }

    public Path dir() {
        return dir;
    }

    public String label() {
        return label;
    }

    /** What has been drained so far (JavaFX thread). */
    public RunRecording recording() {
        return recording;
    }

    /** Starts the engine thread. Once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("run already started: " + label);
        }
        RunOptions options = RunOptions.defaults().withTrace(TraceMode.FULL).withControl(control)
                .withClock(System::nanoTime).withObserver(new Throttled()).withProbe(this::probe);
        thread = new Thread(() -> {
            try {
                summary = ExperimentRunner.run(plan, dir, options);
            } catch (Throwable t) {
                failure = t;
            } finally {
                finished = true;
            }
        }, "run: " + label);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * How many rounds the engine may finish before it waits for the picture (the animation's round plus a margin,
     * or everything when the animation runs as fast as possible). Any thread.
     */
    public void setAllowedRounds(int rounds) {
        allowedRounds = Math.max(1, rounds);
    }

    /** Rounds the engine has finished (racy snapshot). */
    public int roundsRun() {
        return roundsRun;
    }

    /** Whether the engine is waiting between rounds for the picture to catch up (racy snapshot). */
    public boolean isHeld() {
        return held;
    }

    /** Cancels the run before the engine's next event; returns at once. */
    public void cancel() {
        control.cancel();
    }

    /**
     * Moves at most {@code max} animation records (and every round record and snapshot) from the engine into the
     * recording, and updates the state. JavaFX thread, once a frame.
     *
     * @return records moved
     */
    public int drain(int max) {
        boolean done = finished; // read first: everything published before it is then in the buffer
        int n = buffer.drain(recording::add, max);
        RunRecording.NodeSnapshot s;
        while ((s = snapshots.poll()) != null) {
            recording.addSnapshot(s);
        }
        if (done && state == State.RUNNING && buffer.pending() == 0) {
            state = stateOf(summary, failure, control.isCancelled());
        }
        return n;
    }

    private static State stateOf(RunSummary s, Throwable failure, boolean cancelled) {
        if (failure != null) {
            return State.FAILED;
        }
        if (cancelled) {
            return State.CANCELLED;
        }
        return switch (s.status()) {
            case COMPLETED -> State.COMPLETED;
            case STALLED -> State.STALLED;
            default -> State.STOPPED;
        };
    }

    /** The state as of the last {@link #drain}: RUNNING until the engine has ended and everything is drained. */
    public State state() {
        return state;
    }

    /** The summary once the run has ended normally (also when stopped or cancelled), else null. */
    public RunSummary summary() {
        return finished ? summary : null;
    }

    /** What went wrong, once {@link #state()} is FAILED. */
    public Throwable failure() {
        return failure;
    }

    /** Animation records dropped (0 unless the picture could not keep up and the engine could not wait). */
    public long dropped() {
        return buffer.dropped();
    }

    /**
     * The initial state's metrics (row 0 of {@code metrics.csv}: the values before the first round, at time 0 and
     * 0 bits), by metric name in the file's column order, an empty cell left out; or null while that row cannot be
     * read yet (before the engine has finished its first round), or ever (the run failed before writing it). Read
     * from the run's own file once and then kept: the engine does not report round 0 to observers, and reading the
     * file gives exactly the values {@code plot} reads. A few hundred bytes; JavaFX thread.
     */
    public java.util.Map<String, Double> initialMetrics() {
        if (initialMetrics == null && !initialMissing && (roundsRun > 0 || finished)) {
            boolean ended = finished; // read first: after the end the file no longer changes
            initialMetrics = readRow0(dir.resolve(ExperimentRunner.METRICS));
            initialMissing = initialMetrics == null && ended; // e.g. the algorithm refused the topology: no file
        }
        return initialMetrics;
    }

    /** Row 0 of a metrics file as a map, or null when the file or a complete row 0 is not there. */
    static java.util.Map<String, Double> readRow0(Path file) {
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        } catch (java.io.IOException e) {
            return null; // not written yet, or removed because the run failed
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        int e1 = text.indexOf('\n');
        int e2 = e1 < 0 ? -1 : text.indexOf('\n', e1 + 1);
        if (e2 < 0) {
            return null; // row 0 not complete yet (the file is being written or rewritten)
        }
        String[] header = text.substring(0, e1).split(",", -1);
        String[] cells = text.substring(e1 + 1, e2).split(",", -1);
        if (cells.length != header.length || !cells[0].equals("0")) {
            return null;
        }
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 3; i < header.length; i++) { // round, sim_time_s, bits_sent come first
            String c = cells[i];
            if (!c.isEmpty()) {
                out.put(header[i], c.equals("inf") ? Double.POSITIVE_INFINITY
                        : c.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(c));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Waits for the engine thread to end (tests and shutdown only; never on the JavaFX thread). */
    public boolean join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
        return finished;
    }

    // ------------------------------------------------------------------ engine thread

    /** Copies per-node values for colouring nodes; reads the state only (see {@code RoundProbe}). */
    private void probe(int round, RunSetup setup, Faults faults) {
        int n = plan.topology().nodeCount();
        LearningState ls = setup.learning();
        int d = ls.dimension();
        float[] x = ls.x();
        double[] mean = new double[d];
        int rows = setup.rows();
        for (int r = 0; r < rows; r++) {
            int o = ls.offset(r);
            for (int k = 0; k < d; k++) {
                mean[k] += x[o + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= Math.max(1, rows);
        }
        double[] dist = new double[n];
        double[] loss = new double[n];
        java.util.Arrays.fill(dist, Double.NaN);
        java.util.Arrays.fill(loss, Double.NaN);
        for (int r = 0; r < rows; r++) {
            int node = setup.holderNode()[r];
            int o = ls.offset(r);
            double s = 0;
            for (int k = 0; k < d; k++) {
                double e = x[o + k] - mean[k];
                s += e * e;
            }
            dist[node] = Math.sqrt(s);
            loss[node] = ls.batchLoss(r, x, o);
        }
        boolean[] dropped = new boolean[n];
        boolean[] slow = new boolean[n];
        int next = round; // the engine's next round is the file's round just finished
        if (next < plan.rounds()) {
            for (int i = 0; i < n; i++) {
                dropped[i] = faults.isDropped(next, i);
                slow[i] = faults.isStraggler(next, i);
            }
        }
        snapshots.add(new RunRecording.NodeSnapshot(round, dist, loss, dropped, slow));
        roundsRun = round;
        while (round >= allowedRounds && !control.isCancelled()) {
            held = true;
            LockSupport.parkNanos(2_000_000L); // the picture is behind: let it catch up
        }
        held = false;
    }

    /** The buffer with back-pressure: waits while it is three-quarters full, so no animation record is lost. */
    private final class Throttled implements SimObserver {
        private final int high = buffer.capacity() * 3 / 4;

        @Override
        public void onSimEvent(SimEvent event) {
            while (buffer.pending() >= high && !control.isCancelled()) {
                LockSupport.parkNanos(1_000_000L);
            }
            buffer.onSimEvent(event);
        }
    }
}

package org.edgeai.model.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.PrettyJson;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunOptions;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunRegistries;
import org.edgeai.model.run.RunSummary;
import org.edgeai.model.run.TraceMode;

/**
 * Runs the points of one shard of a sweep into an output folder {@code DIR}, resuming where an earlier
 * invocation stopped.
 *
 * <h2>Files</h2>
 * <ul>
 *   <li>{@code DIR/sweep.json} ({@link SweepSpec#toJson}): written at the start when absent; when present it must
 *       be the same (else the sweep changed since DIR was started: a {@link SweepException}, nothing runs);</li>
 *   <li>{@code DIR/runs/<point id>/}: {@code point.json} ({@link SweepPoint#toJson}), {@code experiment.json} (the
 *       point's experiment as written, runnable with {@code run}), then what {@link ExperimentRunner} writes:
 *       {@code metrics.csv}, {@code messages.csv} (unless the trace is none) and, last and atomically,
 *       {@code summary.json};</li>
 *   <li>{@code DIR/index.csv} ({@link SweepIndex}), rebuilt at the start, after every finished point and at the end.</li>
 * </ul>
 *
 * <h2>Resume</h2>
 * A point is complete iff its {@code summary.json} exists; complete points are skipped. A folder without one
 * (an interrupted run) is deleted and its point run again from scratch. Before anything runs, every existing run
 * folder's {@code point.json} and {@code experiment.json} must equal what this sweep would write there, else the
 * sweep file changed: a {@link SweepException} names the folder.
 *
 * <h2>Parallelism and determinism</h2>
 * {@code jobs} worker threads take the shard's pending points in index order. Each point's run is deterministic
 * on its own (it draws only from its experiment's seed), so the files, and the index built from them in point
 * order, are byte-identical whatever the number of jobs, the sharding, or the interruptions: only
 * {@code wall_time_s} in {@code summary.json} differs.
 *
 * <h2>Cancelling</h2>
 * Setting {@link Options#cancel()} starts no further point and stops the running ones at the end of their
 * round in progress; a point stopped that way has its {@code summary.json} removed, so it stays incomplete and
 * runs again on resume. The index is still rebuilt before {@link #run} returns.
 */
public final class SweepRunner {

    /** File names in a run folder, beside {@link ExperimentRunner}'s. */
    public static final String POINT = "point.json";
    public static final String EXPERIMENT = "experiment.json";
    /** The sweep description in the sweep folder. */
    public static final String SWEEP = "sweep.json";

    /**
     * How to run.
     *
     * @param shard     which points (default {@link SweepShard#ALL})
     * @param jobs      points run in parallel, in [1, 1024]
     * @param trace     {@link TraceMode#FULL}: each run writes {@code messages.csv}
     * @param cancel    set from any thread to stop (see the class comment); never null
     * @param nanoClock monotonic clock for each run's {@code wall_time_s} (the model never reads the wall clock
     *                  itself; the default reads 0)
     * @param listener  progress, or null
     */
    public record Options(SweepShard shard, int jobs, TraceMode trace, AtomicBoolean cancel, LongSupplier nanoClock,
                          SweepListener listener) {

        public Options {
            Objects.requireNonNull(shard, "shard");
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(cancel, "cancel");
            Objects.requireNonNull(nanoClock, "nanoClock");
            if (jobs < 1 || jobs > 1024) {
                throw new IllegalArgumentException("jobs: expected an integer in [1, 1024], got " + jobs);
            }
        }

        /** The whole sweep, one job, full trace, a fresh cancel flag, a clock reading 0, no listener. */
        public static Options defaults() {
            return new Options(SweepShard.ALL, 1, TraceMode.FULL, new AtomicBoolean(), () -> 0L, null);
        }

        public Options withShard(SweepShard s) {
            return new Options(s, jobs, trace, cancel, nanoClock, listener);
        }

        public Options withJobs(int j) {
            return new Options(shard, j, trace, cancel, nanoClock, listener);
        }

        public Options withTrace(TraceMode t) {
            return new Options(shard, jobs, t, cancel, nanoClock, listener);
        }

        public Options withCancel(AtomicBoolean c) {
            return new Options(shard, jobs, trace, c, nanoClock, listener);
        }

        public Options withClock(LongSupplier c) {
            return new Options(shard, jobs, trace, cancel, c, listener);
        }

        public Options withListener(SweepListener l) {
            return new Options(shard, jobs, trace, cancel, nanoClock, l);
        }
    }

    /** A point whose run failed, and why. */
    public record Failure(SweepPoint point, RuntimeException error) {
    }

    /**
     * What one invocation did.
     *
     * @param sweepPoints points in the whole sweep
     * @param shardPoints points in the shard run
     * @param skipped     shard points complete before the start
     * @param finished    shard points this invocation ran to completion
     * @param failures    shard points whose run failed, in index order
     * @param cancelled   true when the cancel flag ended the invocation early
     * @param indexRows   rows of {@code index.csv} at the end (complete points of every shard)
     */
    public record Result(int sweepPoints, int shardPoints, int skipped, int finished, List<Failure> failures,
                         boolean cancelled, int indexRows) {

        public Result {
            failures = List.copyOf(failures);
        }

        /** Shard points still incomplete (failed, cancelled or never started). */
        public int incomplete() {
            return shardPoints - skipped - finished;
        }
    }

    private final SweepSpec spec;
    private final RunRegistries registries;

    public SweepRunner(SweepSpec spec, RunRegistries registries) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.registries = Objects.requireNonNull(registries, "registries");
    }

    public SweepSpec spec() {
        return spec;
    }

    /**
     * Runs the pending points of {@code options.shard()} into {@code dir}.
     *
     * @throws SweepException       when {@code dir} holds another sweep (nothing runs)
     * @throws UncheckedIOException when a file cannot be written
     */
    public Result run(Path dir, Options options) {
        prepare(dir, options.trace());
        List<SweepPoint> mine = spec.points(options.shard());
        List<SweepPoint> pending = new ArrayList<>();
        int skipped = 0;
        for (SweepPoint p : mine) {
            if (SweepIndex.isComplete(dir, p)) {
                skipped++;
            } else {
                pending.add(p);
            }
        }
        SweepIndex index = new SweepIndex(spec, dir);
        index.rebuild();

        State st = new State(mine.size(), skipped);
        AtomicInteger cursor = new AtomicInteger();
        int threads = Math.min(options.jobs(), Math.max(1, pending.size()));
        Runnable worker = () -> {
            int k;
            while (!options.cancel().get() && (k = cursor.getAndIncrement()) < pending.size()) {
                runPoint(pending.get(k), dir, options, st, index);
            }
        };
        if (threads == 1) {
            worker.run();
        } else {
            List<Thread> ts = new ArrayList<>();
            List<Throwable> crashes = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(worker, "sweep-job-" + (t + 1));
                th.setUncaughtExceptionHandler((x, e) -> {
                    crashes.add(e);
                    options.cancel().set(true); // a bug or an Error: stop the others too
                });
                ts.add(th);
                th.start();
            }
            boolean interrupted = false;
            for (Thread th : ts) {
                while (true) {
                    try {
                        th.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        options.cancel().set(true);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!crashes.isEmpty()) {
                index.rebuild();
                Throwable c = crashes.get(0);
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                if (c instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(c);
            }
        }
        int rows = index.rebuild();
        List<Failure> failures;
        synchronized (st) {
            failures = new ArrayList<>(st.failures);
        }
        failures.sort(Comparator.comparingInt(f -> f.point().index()));
        boolean cancelled = options.cancel().get() && st.finished + failures.size() < pending.size();
        return new Result(spec.size(), mine.size(), skipped, st.finished, failures, cancelled, rows);
    }

    /** Shared counters of the workers. */
    private static final class State {
        final int total;
        final int skipped;
        int finished;
        int running;
        final List<Failure> failures = new ArrayList<>();

        State(int total, int skipped) {
            this.total = total;
            this.skipped = skipped;
        }

        synchronized SweepListener.Counts counts() {
            return new SweepListener.Counts(total, skipped, finished, failures.size(), running);
        }
    }

    private void runPoint(SweepPoint p, Path dir, Options o, State st, SweepIndex index) {
        SweepListener l = o.listener();
        Path run = SweepIndex.runDir(dir, p);
        SweepListener.Counts c;
        synchronized (st) {
            st.running++;
            c = st.counts();
        }
        RunSummary s;
        try {
            deleteRecursively(run); // an incomplete run starts from scratch
            Files.createDirectories(run);
            ExperimentFile.writeAtomically(run.resolve(POINT), pointJson(p));
            ExperimentFile.writeAtomically(run.resolve(EXPERIMENT), experimentJson(p));
            if (l != null) {
                l.pointStarted(p, c);
            }
            RunPlan plan = RunPlan.of(p.experiment(), registries);
            RunOptions ro = RunOptions.defaults().withTrace(o.trace()).withStop(o.cancel()).withClock(o.nanoClock());
            s = ExperimentRunner.run(plan, run, ro);
        } catch (IOException | RuntimeException e) {
            RuntimeException r = e instanceof IOException io
                    ? new UncheckedIOException("cannot prepare " + run + ": " + io.getMessage(), io) : (RuntimeException) e;
            synchronized (st) {
                st.running--;
                st.failures.add(new Failure(p, r));
                c = st.counts();
            }
            if (l != null) {
                l.pointFailed(p, r, c);
            }
            return;
        }
        if (s.status() == RunSummary.Status.STOPPED && o.cancel().get()) {
            try {
                Files.deleteIfExists(run.resolve(ExperimentRunner.SUMMARY)); // incomplete: runs again on resume
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + run.resolve(ExperimentRunner.SUMMARY) + ": " + e.getMessage(), e);
            }
            synchronized (st) {
                st.running--;
                c = st.counts();
            }
            if (l != null) {
                l.pointCancelled(p, c);
            }
            return;
        }
        index.rebuild();
        synchronized (st) {
            st.running--;
            st.finished++;
            c = st.counts();
        }
        if (l != null) {
            l.pointFinished(p, s, c);
        }
    }

    // ------------------------------------------------------------------ preparing the folder

    private void prepare(Path dir, TraceMode trace) {
        try {
            Files.createDirectories(dir.resolve(SweepIndex.RUNS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.resolve(SweepIndex.RUNS) + ": " + e.getMessage(), e);
        }
        Path sweepFile = dir.resolve(SWEEP);
        String sweepJson = PrettyJson.write(spec.toJson(trace));
        if (Files.exists(sweepFile)) {
            if (!sweepJson.equals(read(sweepFile))) {
                throw new SweepException(sweepFile + " describes a different sweep: the sweep file, its --set overrides or "
                        + "--trace changed since " + dir + " was started; use another --out folder, or delete " + dir
                        + " to start over");
            }
        } else {
            ExperimentFile.writeAtomically(sweepFile, sweepJson);
        }
        for (SweepPoint p : spec.points()) {
            Path run = SweepIndex.runDir(dir, p);
            if (!Files.isDirectory(run)) {
                continue;
            }
            check(run.resolve(POINT), pointJson(p), p, "its point (index and swept values)");
            check(run.resolve(EXPERIMENT), experimentJson(p), p, "its experiment");
        }
    }

    private static void check(Path f, String expected, SweepPoint p, String what) {
        if (Files.exists(f) && !expected.equals(read(f))) {
            throw new SweepException("the sweep file changed: " + f + " does not match " + what + " in this sweep ("
                    + p + "); use another --out folder, or delete the folder " + f.getParent() + " to run the point again");
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The text of a run folder's {@code point.json}. */
    static String pointJson(SweepPoint p) {
        return PrettyJson.write(p.toJson());
    }

    /** The text of a run folder's {@code experiment.json}: the point's experiment as written. */
    static String experimentJson(SweepPoint p) {
        return ExperimentFile.toJson(p.experiment(), false);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(p)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path x : all) {
            Files.deleteIfExists(x);
        }
    }
}

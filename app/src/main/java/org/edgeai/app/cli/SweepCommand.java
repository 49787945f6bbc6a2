package org.edgeai.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgeai.model.run.RunSummary;
import org.edgeai.model.run.TraceMode;
import org.edgeai.model.sweep.SweepListener;
import org.edgeai.model.sweep.SweepPoint;
import org.edgeai.model.sweep.SweepRunner;
import org.edgeai.model.sweep.SweepShard;
import org.edgeai.model.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep FILE --out DIR [--shard I/N] [--jobs J] [--set PATH=VALUE]... [--trace full|none] [--plugins DIR]
 * [--quiet]}: runs every point of a sweep file's grid ({@link SweepSpec}, {@link SweepRunner}; docs/sweeps.md).
 *
 * <p>Every point is validated before anything runs (a bad one: one located line naming the point, exit 2).
 * Progress goes to stderr, one line per finished point, unless {@code --quiet}; the one-line result to stdout.
 * Complete points are skipped, so running the same command again resumes an interrupted sweep. Ctrl-C sets the
 * cancel flag: no point starts, running points stop at the end of their round and stay incomplete, the index is
 * written, then the process exits. Exit status: 0 when every point of the shard is complete, 2 when a point
 * failed for a reason the user can fix (or the arguments or files are wrong), 1 for an internal error.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run every point of the grid in FILE's \"sweep\" section and write to DIR:",
                "  runs/<point-id>/  point.json, experiment.json, metrics.csv,",
                "                    messages.csv, summary.json",
                "  index.csv         point_id,<swept paths>,status,rounds,final_loss,",
                "                    final_accuracy,final_consensus_error,bits_sent,",
                "                    sim_time_s,fingerprint",
                "  sweep.json        the experiment, the grid and the point list",
                "Complete points are skipped: run the command again to resume.",
                "Shards and jobs give the same files (docs/sweeps.md)."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An experiment file with an algorithm and a sweep section.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing; "
            + "shards of one sweep may share it).")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Run only the I-th of N disjoint slices (point k is in slice (k mod N) + 1), e.g. "
                    + "--shard $${SLURM_ARRAY_TASK_ID}/8; default 1/1, the whole sweep.")
    String shard;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1",
            description = "Run J points at a time on this machine (default 1); the files are the same.")
    int jobs;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field of the base experiment before the grid is expanded (repeatable; a swept "
                    + "path's grid value wins).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "full|none", defaultValue = "full",
            description = "full (default): each run writes messages.csv; none: skip it (faster).")
    TraceMode trace;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Also load the plugin jars in DIR.")
    Path plugins;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SweepShard sh = SweepShard.parse(shard);
        if (jobs < 1 || jobs > 1024) {
            throw new UserException("--jobs: expected an integer in [1, 1024], got " + jobs);
        }
        Workspace ws = Workspace.withPlugins(plugins);
        ws.reportFailures(err);
        SweepSpec sweep = SweepSpec.load(file, sets, ws.registries());
        int shardPoints = sweep.points(sh).size();

        Progress progress = new Progress(quiet ? null : err);
        if (!quiet) {
            err.println("sweep " + file.getFileName() + ": " + sweep.size() + " points over " + String.join(", ", sweep.paths())
                    + (sh.count() > 1 ? "; shard " + sh + " has " + shardPoints : "") + "; " + jobs + " job" + (jobs == 1 ? "" : "s"));
            err.flush();
        }
        SweepRunner.Result r;
        // Ctrl-C: the running points stop, and the JVM exits once the index is written
        try (StopOnCtrlC ctrlC = new StopOnCtrlC("sweep: stop on Ctrl-C")) {
            SweepRunner.Options o = SweepRunner.Options.defaults().withShard(sh).withJobs(jobs).withTrace(trace)
                    .withCancel(ctrlC.flag()).withClock(System::nanoTime).withListener(progress);
            r = new SweepRunner(sweep, ws.registries()).run(out, o);
        }
        boolean userErrorsOnly = true;
        for (SweepRunner.Failure f : r.failures()) {
            err.println("error: point " + f.point().id() + ": " + UserErrorHandler.message(f.error()));
            if (!UserErrorHandler.isUserError(f.error())) {
                f.error().printStackTrace(err);
                userErrorsOnly = false;
            }
        }
        err.flush();
        spec.commandLine().getOut().println(resultLine(r, sh));
        spec.commandLine().getOut().flush();
        if (r.failures().isEmpty()) {
            return 0;
        }
        return userErrorsOnly ? WorkbenchCli.USER_ERROR : 1;
    }

    private String resultLine(SweepRunner.Result r, SweepShard sh) {
        StringBuilder sb = new StringBuilder();
        sb.append(file.getFileName()).append(": ").append(r.cancelled() ? "stopped, " : "")
                .append(r.finished()).append(" run, ").append(r.skipped()).append(" skipped, ")
                .append(r.failures().size()).append(" failed");
        if (r.cancelled()) {
            sb.append(", ").append(r.incomplete() - r.failures().size()).append(" left");
        }
        sb.append(" of ").append(r.shardPoints()).append(" points");
        if (sh.count() > 1) {
            sb.append(" in shard ").append(sh).append(" (").append(r.sweepPoints()).append(" in the sweep)");
        }
        sb.append("; index.csv has ").append(r.indexRows()).append(" rows -> ").append(out);
        return sb.toString();
    }

    /** One stderr line per finished, failed or cancelled point, with an estimate of the time left. */
    static final class Progress implements SweepListener {
        private final PrintWriter err;
        private final long start = System.nanoTime();

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void pointFinished(SweepPoint p, RunSummary s, Counts c) {
            if (err == null) {
                return;
            }
            StringBuilder sb = new StringBuilder();
            sb.append("point ").append(c.done()).append('/').append(c.total()).append(" done: ").append(p.id()).append(' ')
                    .append(s.status().id()).append(", ").append(s.rounds()).append(" rounds, ")
                    .append(RunCommand.Progress.bits(s.bitsSent()));
            if (!Double.isNaN(s.finalLoss())) {
                sb.append(String.format(Locale.ROOT, ", loss %.4g", s.finalLoss()));
            }
            if (!Double.isNaN(s.finalAccuracy())) {
                sb.append(String.format(Locale.ROOT, ", acc %.3f", s.finalAccuracy()));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            int left = c.total() - c.done();
            if (c.finished() > 0 && left > 0) {
                // this invocation's throughput so far (all jobs together) times the points left
                sb.append("  (").append(RunCommand.Progress.duration(wall / c.finished() * left)).append(" left)");
            }
            err.println(sb);
            err.flush();
        }

        @Override
        public synchronized void pointFailed(SweepPoint p, RuntimeException e, Counts c) {
            if (err == null) {
                return;
            }
            err.println("point " + c.done() + "/" + c.total() + " failed: " + p.id() + ": " + UserErrorHandler.message(e));
            err.flush();
        }

        @Override
        public synchronized void pointCancelled(SweepPoint p, Counts c) {
            if (err == null) {
                return;
            }
            err.println("point " + p.id() + " stopped; it will run again when the sweep is resumed");
            err.flush();
        }
    }
}

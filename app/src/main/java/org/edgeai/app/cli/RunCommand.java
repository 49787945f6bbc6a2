package org.edgeai.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunOptions;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunProgress;
import org.edgeai.model.run.RunSummary;
import org.edgeai.model.run.TraceMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run FILE --out DIR [--rounds N] [--seed S] [--set PATH=VALUE]... [--trace full|none] [--plugins DIR]
 * [--quiet]}: runs an experiment headless ({@link ExperimentRunner}).
 *
 * <p>Progress goes to stderr (at most once a second, and once at the end) unless {@code --quiet}; the one-line
 * result to stdout. Ctrl-C sets the run's stop flag: the round in progress finishes, the files are flushed and
 * {@code summary.json} says {@code "status": "stopped"}, then the process exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run an experiment headless and write to DIR:",
                "  metrics.csv   round,sim_time_s,bits_sent,loss,accuracy,consensus_error,...",
                "  messages.csv  round,t_send_s,t_arrive_s,src,dst,bits,kind (one row a hop)",
                "  summary.json  totals, fingerprint, the experiment with every default",
                "The same file, overrides and seed give byte-identical CSV files."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "An experiment file with an algorithm section.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--rounds", paramLabel = "N", description = "Run N rounds (overrides run.rounds).")
    Long rounds;

    @Option(names = "--seed", paramLabel = "S", description = "Experiment seed (overrides seed).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field by its JSON path before validation, e.g. --set algorithm.learningRate=0.05 "
                    + "or --set network.dropoutProbability=0.1 (repeatable; later ones win).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "full|none", defaultValue = "full",
            description = "full (default): write messages.csv; none: skip it (faster), fingerprint metrics.csv instead.")
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
        if (rounds != null && (rounds < 1 || rounds > Experiment.MAX_ROUNDS)) {
            throw new UserException("--rounds: expected an integer in [1, " + Experiment.MAX_ROUNDS + "], got " + rounds);
        }
        Workspace ws = Workspace.withPlugins(plugins);
        ws.reportFailures(err);
        List<String> overrides = new ArrayList<>(sets);
        if (rounds != null) {
            overrides.add("run.rounds=" + rounds);
        }
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Experiment e = ws.load(file, overrides);
        RunPlan plan = RunPlan.of(e, ws.registries());

        Progress progress = quiet ? null : new Progress(err, plan.rounds());
        RunSummary s;
        try (StopOnCtrlC ctrlC = new StopOnCtrlC("run: stop on Ctrl-C")) {
            RunOptions options = RunOptions.defaults().withTrace(trace).withStop(ctrlC.flag()).withClock(System::nanoTime)
                    .withListener(progress == null ? null : progress::roundFinished);
            s = ExperimentRunner.run(plan, out, options);
            if (progress != null) {
                progress.done(s);
            }
        }
        if (s.status() == RunSummary.Status.STALLED) {
            err.println("warning: the run stalled after round " + s.rounds() + " of " + s.roundsPlanned()
                    + ": nothing was left to happen (the algorithm may be waiting for a device that dropped out)");
            err.flush();
        }
        spec.commandLine().getOut().println(s.resultLine(String.valueOf(file.getFileName()), out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Progress lines on stderr: round, rounds per second, time left; at most one a second. */
    static final class Progress {
        private final PrintWriter err;
        private final int rounds;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private RunProgress last;

        Progress(PrintWriter err, int rounds) {
            this.err = err;
            this.rounds = rounds;
        }

        void roundFinished(RunProgress p) {
            last = p;
            long now = System.nanoTime();
            if (now - lastPrint >= 1_000_000_000L && p.round() < rounds) {
                lastPrint = now;
                print(p, now);
            }
        }

        void done(RunSummary s) {
            if (last != null) {
                print(last, System.nanoTime());
            }
        }

        private void print(RunProgress p, long now) {
            double wall = (now - start) / 1e9;
            double rate = wall > 0 ? p.round() / wall : Double.POSITIVE_INFINITY;
            double left = rate > 0 && Double.isFinite(rate) ? (rounds - p.round()) / rate : 0;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "round %d/%d  %.1f rounds/s  %s left  sim %.4g s  %s",
                    p.round(), rounds, rate, duration(left), p.simTimeS(), bits(p.bitsSent())));
            if (!Double.isNaN(p.loss())) {
                sb.append(String.format(Locale.ROOT, "  loss %.4g", p.loss()));
            }
            if (!Double.isNaN(p.accuracy())) {
                sb.append(String.format(Locale.ROOT, "  acc %.3f", p.accuracy()));
            }
            err.println(sb);
            err.flush();
        }

        static String duration(double s) {
            if (s < 60) {
                return String.format(Locale.ROOT, "%.1f s", s);
            }
            if (s < 3600) {
                return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
            }
            return String.format(Locale.ROOT, "%d h %02d min", (long) s / 3600, (long) s % 3600 / 60);
        }

        static String bits(long b) {
            return RunSummary.size(b);
        }
    }
}

package org.edgeai.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.edgeai.model.learning.models.Simd;
import org.edgeai.model.engine.bench.EngineBench;
import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.learning.bench.LearningBench;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.RunOptions;
import org.edgeai.model.run.RunPlan;
import org.edgeai.model.run.RunSummary;
import org.edgeai.model.run.TraceMode;
import org.edgeai.plugins.generators.bench.GeneratorBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench [NAME...] [--reps N] [--warmup N]}: runs the project's benchmarks by name and prints a table of
 * medians, then the process's peak memory. The benchmark classes measure; this command only calls their public
 * static methods and prints.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run benchmarks; print a table of medians (after warm-up) and the peak memory.",
                "NAME: generators, topology-info, engine, learning, dsgd-er1000, gossip-1m",
                "(default: all; together they take several minutes and a few GB of memory)."})
final class BenchCommand implements Callable<Integer> {

    /** The benchmarks, in the order they run. */
    static final List<String> NAMES = List.of("generators", "topology-info", "engine", "learning", "dsgd-er1000", "gossip-1m");

    /** Where {@code topology-info} lives (called reflectively: the analysis benchmark may not be in this build). */
    static final String ANALYSIS_BENCH = "org.edgeai.model.topology.analysis.bench.AnalysisBench";

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Benchmarks to run (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--reps", paramLabel = "N", defaultValue = "5", description = "Measured repetitions (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Unmeasured warm-up repetitions (default ${DEFAULT-VALUE}; the engine and topology-info "
                    + "benchmarks choose their own).")
    int warmup;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Also load the plugin jars in DIR (algorithms for the runs).")
    Path plugins;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One line of the table. */
    record Row(String bench, String item, double median, String unit, String note) {
        static Row unavailable(String bench, String item, String why) {
            return new Row(bench, item, Double.NaN, "", why);
        }
    }

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        if (reps < 1) {
            throw new UserException("--reps: expected an integer >= 1, got " + reps);
        }
        if (warmup < 0) {
            throw new UserException("--warmup: expected an integer >= 0, got " + warmup);
        }
        List<String> chosen = names.isEmpty() ? NAMES : names;
        for (String n : chosen) {
            if (!NAMES.contains(n)) {
                throw new UserException(org.edgeai.model.experiment.Names.unknown("benchmark", n, NAMES));
            }
        }
        out = spec.commandLine().getOut();
        Workspace ws = Workspace.withPlugins(plugins);
        ws.reportFailures(spec.commandLine().getErr());
        out.printf(Locale.ROOT, "benchmarks: %s; median of %d after %d warm-up; %d processors, max heap %s; model kernels: %s%n",
                String.join(", ", chosen), reps, warmup, Runtime.getRuntime().availableProcessors(),
                bytes(Runtime.getRuntime().maxMemory()), Simd.description());
        out.printf(Locale.ROOT, "%-14s %-84s %12s  %-10s %s%n", "BENCH", "CASE", "MEDIAN", "UNIT", "NOTE");
        out.flush();
        for (String n : chosen) {
            switch (n) {
                case "generators" -> generators();
                case "topology-info" -> topologyInfo();
                case "engine" -> engine();
                case "learning" -> learning();
                case "dsgd-er1000" -> run(ws, "dsgd-er1000", "dsgd", """
                        { "schemaVersion": 1, "name": "bench dsgd-er1000", "seed": 1,
                          "topology": { "generator": { "type": "erdos-renyi", "nodes": 1000, "p": 0.01, "connected": true } },
                          "workload": { "task": "classification", "dataset": { "type": "digits" }, "model": { "type": "softmax" },
                                        "batchSize": 32 },
                          "algorithm": { "type": "dsgd", "mixing": "metropolis" },
                          "run": { "rounds": 50 } }
                        """, "dsgd on erdos-renyi(1000, 0.01, connected), digits/softmax, batch 32, metropolis");
                case "gossip-1m" -> run(ws, "gossip-1m", "gossip-avg", """
                        { "schemaVersion": 1, "name": "bench gossip-1m", "seed": 1,
                          "topology": { "generator": { "type": "random-regular", "nodes": 1000000, "degree": 4 } },
                          "workload": { "task": "consensus", "dimension": 1 },
                          "algorithm": { "type": "gossip-avg" },
                          "run": { "rounds": 3 } }
                        """, "gossip-avg on random-regular(1,000,000, 4), consensus d=1 (a round: 10^6 wake-ups)");
                default -> throw new IllegalStateException(n);
            }
        }
        out.println(peakMemory());
        out.flush();
        return 0;
    }

    private void print(Row r) {
        String median = Double.isNaN(r.median()) ? "-" : String.format(Locale.ROOT, "%.4g", r.median());
        out.printf(Locale.ROOT, "%-14s %-84s %12s  %-10s %s%n", r.bench(), r.item(), median, r.unit(), r.note());
        out.flush();
    }

    // ------------------------------------------------------------------ the benchmarks

    private void generators() {
        for (GeneratorBench.Figure f : List.of(
                GeneratorBench.erdosRenyi(100_000, 12, true, 1, warmup, reps),
                GeneratorBench.randomGeometric(100_000, 10, 1, warmup, reps),
                GeneratorBench.randomRegular(1_000_000, 4, 1, true, warmup, reps))) {
            print(new Row("generators", f.name() + " " + f.params() + ", generate + build", f.totalS(), "s",
                    String.format(Locale.ROOT, "%d nodes, %d links; generate %.3f s, build %.3f s, thread CPU %.3f s",
                            f.nodes(), f.links(), f.generateS(), f.buildS(), f.totalCpuS())));
        }
    }

    private void topologyInfo() {
        Method m;
        try {
            m = Class.forName(ANALYSIS_BENCH).getMethod("run", int.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            print(Row.unavailable("topology-info", "analysis + metropolis mixing + spectrum, G(2000, 0.005)",
                    "not available: " + ANALYSIS_BENCH + ".run(int) is not in this build"));
            return;
        }
        try {
            double s = (Double) m.invoke(null, reps);
            print(new Row("topology-info", "analysis + metropolis mixing + spectrum, G(2000, 0.005)", s, "s",
                    "what 'topology info' computes"));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private void engine() {
        List<EngineBench.Result> results = new ArrayList<>();
        results.add(EngineBench.rawEvents(System::nanoTime, 10_000_000, 20_000, true, reps));
        results.add(EngineBench.rawEvents(System::nanoTime, 10_000_000, 20_000, false, reps));
        results.add(EngineBench.gossip(System::nanoTime, 1_000_000, 3_000_000, reps));
        results.addAll(EngineBench.neighbourRounds(System::nanoTime, 1000, 5000, 200, reps));
        for (EngineBench.Result r : results) {
            print(new Row("engine", r.name(), r.median(), r.unit(), "one warm-up run"));
        }
    }

    private void learning() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<LearningBench.Result> results = new ArrayList<>();
        results.add(LearningBench.batchedGradient(1000, 1, warmup, reps));
        if (cores > 1) {
            results.add(LearningBench.batchedGradient(1000, cores, warmup, reps));
        }
        results.add(LearningBench.metrics(1000, warmup, reps));
        results.add(LearningBench.dsgdRoundOnRing(1000, cores, warmup, reps));
        for (String type : Compressors.TYPES) {
            results.add(LearningBench.compressAll(type, 1000, warmup, reps));
        }
        results.add(LearningBench.nd4jBatchedMatmul(1000, warmup, reps));
        results.add(LearningBench.nd4jGradientPipeline(1000, warmup, reps));
        for (LearningBench.Result r : results) {
            print(new Row("learning", r.name(), r.medianMs(), "ms",
                    String.format(Locale.ROOT, "min %.3f ms, thread CPU median %.3f ms", r.minMs(), r.medianCpuMs())));
        }
    }

    /** An end-to-end run through the runner with {@code --trace none}; rounds/s from the summary's wall time. */
    private void run(Workspace ws, String name, String algorithm, String json, String item) throws IOException {
        if (ws.algorithms().find(algorithm).isEmpty()) {
            print(Row.unavailable(name, item, "algorithm not available: '" + algorithm + "' is not installed (algorithms: "
                    + (ws.algorithms().ids().isEmpty() ? "none" : String.join(", ", ws.algorithms().ids())) + ")"));
            return;
        }
        Experiment e = ExperimentFile.fromJson(json, "bench " + name, ws.generators());
        RunPlan plan = RunPlan.of(e, ws.registries());
        Path tmp = Files.createTempDirectory("workbench-bench-");
        try {
            double[] rates = new double[reps];
            RunSummary last = null;
            for (int r = -warmup; r < reps; r++) {
                RunSummary s = ExperimentRunner.run(plan, tmp, RunOptions.defaults().withTrace(TraceMode.NONE)
                        .withClock(System::nanoTime));
                if (s.status() != RunSummary.Status.COMPLETED) {
                    throw new IllegalStateException(name + ": the run ended " + s.status().id() + " after " + s.rounds() + " rounds");
                }
                if (r >= 0) {
                    rates[r] = s.rounds() / s.wallTimeS();
                }
                last = s;
            }
            print(new Row(name, item, median(rates), "rounds/s", String.format(Locale.ROOT,
                    "%d rounds a run, %d nodes; final loss %.4g, consensus error %.3g", last.rounds(),
                    plan.topology().nodeCount(), last.finalLoss(), last.finalConsensusError())));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int k = s.length;
        return k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
    }

    // ------------------------------------------------------------------ memory

    /** Peak resident memory (VmHWM of /proc/self/status, Linux) and the peak of the heap pools. */
    static String peakMemory() {
        long heapPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                heapPeak += p.getPeakUsage().getUsed();
            }
        }
        Map<String, String> status = procStatus();
        String hwm = status.get("VmHWM");
        String rss = null;
        if (hwm != null && hwm.matches("\\d+\\s*kB")) {
            rss = bytes(Long.parseLong(hwm.replaceAll("\\D", "")) * 1024);
        }
        return "peak memory: " + (rss != null ? "max resident " + rss + " (VmHWM), " : "")
                + "heap pools' peaks summed " + bytes(heapPeak);
    }

    private static Map<String, String> procStatus() {
        Map<String, String> m = new LinkedHashMap<>();
        Path p = Path.of("/proc/self/status");
        if (!Files.isReadable(p)) {
            return m;
        }
        try {
            for (String line : Files.readAllLines(p)) {
                int c = line.indexOf(':');
                if (c > 0) {
                    m.put(line.substring(0, c), line.substring(c + 1).trim());
                }
            }
        } catch (IOException e) {
            return m; // memory figures are a courtesy: never fail a benchmark for them
        }
        return m;
    }

    static String bytes(long b) {
        return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
    }
}

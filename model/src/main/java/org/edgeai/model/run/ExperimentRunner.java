package org.edgeai.model.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.TraceSink;
import org.edgeai.model.engine.trace.TraceSinks;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.PrettyJson;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;

/**
 * Runs an experiment headless, round by round, and writes its outputs (the issue "Simulation engine", part
 * "Runs").
 *
 * <h2>Outputs, in the output folder (created if missing)</h2>
 * <ul>
 *   <li>{@code metrics.csv} ({@link MetricsCsv}): round 0 is the initial state (time 0, 0 bits, the metrics of
 *       {@code learning.metrics()} before the first round), then one row per finished round: its virtual end
 *       time, the bits carried by links so far (each hop of a routed message counts), and the values the
 *       algorithm reported (engine round r is file round r + 1);</li>
 *   <li>{@code messages.csv} ({@link MessageTraceCsv}: one row per hop, in arrival order; hops still in flight
 *       when the run ends are not written) unless the trace is {@link TraceMode#NONE}, in which case a stale one
 *       from an earlier run is deleted. Its {@code round} is the file's round too: the messages sent for the round
 *       whose metrics are row r of {@code metrics.csv} say r (the engine's round + 1);</li>
 *   <li>{@code summary.json} ({@link RunSummary#toJson}), written last and atomically, with the experiment as
 *       run ({@link RunPlan#filledExperiment()}). A stale one is deleted when the run starts, so a crashed run
 *       never leaves a summary that does not match its CSV files.</li>
 * </ul>
 *
 * <h2>Determinism</h2>
 * The same plan (same file, overrides and seed) gives byte-identical {@code metrics.csv} and
 * {@code messages.csv}: the engine, the workload and the compressors draw only from the experiment seed, and
 * the files are written in event order with locale-independent number text. Only {@code wall_time_s} differs.
 *
 * <h2>Stopping</h2>
 * The stop flag ({@link RunOptions#stop()}) is read between rounds: a stop takes effect when the round in
 * progress finishes, so the files always describe whole rounds (for a synchronous algorithm they are then a
 * prefix of the full run's files), and the summary says {@code "status": "stopped"}. A {@link RunControl}'s
 * cancel also interrupts the round in progress (see there).
 */
public final class ExperimentRunner {

    /** File names in the output folder. */
    public static final String METRICS = "metrics.csv";
    public static final String MESSAGES = "messages.csv";
    public static final String SUMMARY = "summary.json";

    private ExperimentRunner() {
    }

    /**
     * Runs {@code plan} and writes its outputs into {@code dir}.
     *
     * @return the summary (also written to {@code summary.json})
     * @throws ExperimentFileException when the algorithm refuses the topology (located at the algorithm section)
     * @throws UncheckedIOException    when an output cannot be written
     */
    public static RunSummary run(RunPlan plan, Path dir, RunOptions options) {
        Path metricsFile = dir.resolve(METRICS);
        Path messagesFile = dir.resolve(MESSAGES);
        Path summaryFile = dir.resolve(SUMMARY);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(summaryFile);
            if (options.trace() == TraceMode.NONE) {
                Files.deleteIfExists(messagesFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output folder " + dir + ": " + e.getMessage(), e);
        }

        LearningState learning = plan.workload().newState();
        Metrics initial = learning.metrics(); // round 0, before any algorithm touches X (RunSetup's contract)
        RunSetup setup = new RunSetup(learning, plan.holderNode(), plan.rowOf(), plan.compression(), plan.compressDownlink());

        MessageTraceCsv messages = options.trace() == TraceMode.FULL
                ? MessageTraceCsv.open(messagesFile, plan.topology().indexed().ids()) : null;
        TraceSink sink = messages != null ? new FileRounds(messages) : TraceSinks.none();
        Engine engine;
        try {
            engine = Engine.builder(plan.topology(), plan.seed())
                    .effects(plan.effects())
                    .rounds(plan.rounds())
                    .trace(sink)
                    .observer(options.observer())
                    .extension(RunSetup.class, setup)
                    .build();
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }

        if (options.control() != null) {
            options.control().attach(engine);
        }
        MetricsCsv metrics = null;
        RunSummary.Status status;
        long wallNanos;
        boolean closed = false;
        try {
            Algorithm algorithm;
            try {
                algorithm = plan.algorithm().create(plan.algorithmParameters(), engine);
            } catch (IllegalArgumentException e) {
                ExperimentFileException at = plan.algorithmSection().error(e.getMessage());
                throw new ExperimentFileException(at.file(), at.line(), at.column(), at.path(), at.problem(), e);
            }
            metrics = MetricsCsv.open(metricsFile);
            Map<String, Double> row0 = new LinkedHashMap<>();
            row0.put(RunSetup.LOSS, initial.loss());
            row0.put(RunSetup.ACCURACY, initial.accuracy());
            row0.put(RunSetup.CONSENSUS_ERROR, initial.consensusError());
            metrics.add(0, 0.0, 0, row0);

            engine.start(algorithm);
            long t0 = options.nanoClock().getAsLong();
            int written = 0;
            while (true) {
                if (options.stopRequested()) {
                    status = RunSummary.Status.STOPPED;
                    break;
                }
                Engine.Status s = engine.runRound();
                List<RoundMetrics> history = engine.history();
                for (; written < history.size(); written++) {
                    RoundMetrics m = history.get(written);
                    metrics.add(m.round() + 1L, m.timeS(), m.linkBits(), m.values());
                    if (options.listener() != null) {
                        options.listener().roundFinished(new RunProgress(m.round() + 1, plan.rounds(), m.timeS(),
                                m.linkBits(), m.values()));
                    }
                    if (options.probe() != null) {
                        options.probe().afterRound(m.round() + 1, setup, engine.faults());
                    }
                }
                if (s == Engine.Status.ALL_ROUNDS_DONE) {
                    status = RunSummary.Status.COMPLETED;
                    break;
                }
                if (s == Engine.Status.STOPPED) {
                    status = RunSummary.Status.STOPPED;
                    break;
                }
                if (s == Engine.Status.IDLE) {
                    status = RunSummary.Status.STALLED;
                    break;
                }
            }
            wallNanos = options.nanoClock().getAsLong() - t0;
            engine.close(); // flushes messages.csv and finishes its fingerprint
            metrics.close();
            closed = true;
        } finally {
            if (!closed) {
                try {
                    engine.close();
                } finally {
                    if (metrics != null) {
                        metrics.close();
                    } else {
                        deleteQuietly(metricsFile);
                        if (messages != null) {
                            deleteQuietly(messagesFile); // the algorithm was refused: nothing ran
                        }
                    }
                }
            }
        }

        List<RoundMetrics> history = engine.history();
        int done = history.size();
        RoundMetrics last = done == 0 ? null : history.get(done - 1);
        Map<String, Double> lastValues = last == null ? Map.of(RunSetup.LOSS, initial.loss(), RunSetup.ACCURACY,
                initial.accuracy(), RunSetup.CONSENSUS_ERROR, initial.consensusError()) : last.values();
        String fingerprint = messages != null ? messages.fingerprint() : sha256(metricsFile);
        RunSummary summary = new RunSummary(done, plan.rounds(), status, last == null ? 0 : last.timeS(),
                last == null ? 0 : last.linkBits(), value(lastValues, RunSetup.LOSS), value(lastValues, RunSetup.ACCURACY),
                value(lastValues, RunSetup.CONSENSUS_ERROR), fingerprint, wallNanos / 1e9, options.trace());
        ExperimentFile.writeAtomically(summaryFile, PrettyJson.write(summary.toJson(plan.filledExperiment())));
        return summary;
    }

    /**
     * Writes hops with the file's round numbers: a message sent for engine round r belongs to {@code metrics.csv}
     * row r + 1, and {@code messages.csv} says so, so that both files count rounds alike.
     */
    private static final class FileRounds implements TraceSink {
        private final MessageTraceCsv csv;

        FileRounds(MessageTraceCsv csv) {
            this.csv = csv;
        }

        @Override
        public void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind) {
            csv.hop(round + 1, tSendS, tArriveS, src, dst, bits, kind);
        }

        @Override
        public void close() {
            csv.close();
        }
    }

    private static double value(Map<String, Double> m, String k) {
        Double v = m.get(k);
        return v == null ? Double.NaN : v;
    }

    /** Lowercase hex SHA-256 of a file's bytes. O(file size). */
    public static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the error that brought us here matters more
        }
    }
}

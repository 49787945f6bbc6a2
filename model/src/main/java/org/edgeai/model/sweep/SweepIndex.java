package org.edgeai.model.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.engine.trace.MessageTraceCsv;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.PrettyJson;
import org.edgeai.model.run.ExperimentRunner;
import org.edgeai.model.run.MetricsCsv;

/**
 * {@code DIR/index.csv}: one row per complete point of a sweep, in point order, rebuilt from the run folders.
 *
 * <h2>Format (stable: the {@code plot} command and scripts read it)</h2>
 * <ul>
 *   <li>UTF-8, {@code \n} line ends; header {@code point_id,<each swept path as written in the grid>,}{@value #COLUMNS};</li>
 *   <li>one row per point whose {@code runs/<id>/summary.json} exists, in point order (never completion order);</li>
 *   <li>swept values as {@link #text compact JSON text}, a string without its quotes ({@code ring}, {@code 0.05},
 *       {@code {"type":"qsgd","levels":4}}, {@code null});</li>
 *   <li>{@code status}, {@code rounds}, {@code final_loss}, {@code final_accuracy}, {@code final_consensus_error},
 *       {@code bits_sent}, {@code fingerprint} from {@code summary.json}, metrics as {@code metrics.csv} writes them
 *       ({@link MetricsCsv#number}: empty when absent), {@code sim_time_s} as {@link MessageTraceCsv#formatSeconds};</li>
 *   <li>cells quoted RFC-4180 style only when they hold a comma, a double quote, CR or LF;</li>
 *   <li>with a {@link SweepTarget target}, two more columns {@value SweepTarget#COLUMNS}: the first round (and the
 *       bits sent by then) at which the run reached it, both empty when it never did.</li>
 * </ul>
 * No wall-clock column: the index of a resumed, a parallel or a sharded sweep is byte-identical to that of one
 * uninterrupted sweep.
 *
 * <h2>Concurrency</h2>
 * {@link #rebuild()} holds a lock for the whole scan-and-write: a JVM-wide monitor plus a {@link FileChannel#lock
 * file lock} on {@code DIR/.index.lock}, so shards on different machines writing into one shared folder do not
 * clobber each other (where the file system does not support locks, the write goes ahead unlocked: it is
 * atomic anyway and the next rebuild corrects a stale index). The file is written to a temporary file and moved
 * into place, so readers never see half an index. Rows of points known to be complete are cached, so a rebuild
 * costs one file-existence check per incomplete point plus one read per newly completed one.
 */
public final class SweepIndex {

    /** The index file's name in the sweep folder. */
    public static final String FILE = "index.csv";
    /** The lock file's name in the sweep folder. */
    public static final String LOCK_FILE = ".index.lock";
    /** The folder of the run folders. */
    public static final String RUNS = "runs";
    /** The columns after the swept paths, exactly. */
    public static final String COLUMNS = "status,rounds,final_loss,final_accuracy,final_consensus_error,bits_sent,sim_time_s,fingerprint";

    private static final Object JVM_LOCK = new Object();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SweepSpec spec;
    private final Path dir;
    private final Map<Integer, String> rows = new HashMap<>(); // point index -> row of a complete point

    /**
     * @param spec the sweep
     * @param dir  the sweep's output folder ({@code DIR})
     */
    public SweepIndex(SweepSpec spec, Path dir) {
        this.spec = spec;
        this.dir = dir;
    }

    /** {@code DIR/runs/<point id>}. */
    public static Path runDir(Path dir, SweepPoint p) {
        return dir.resolve(RUNS).resolve(p.id());
    }

    /** True when the point's run is complete: its {@code summary.json} exists (the runner writes it last, atomically). */
    public static boolean isComplete(Path dir, SweepPoint p) {
        return Files.isRegularFile(runDir(dir, p).resolve(ExperimentRunner.SUMMARY));
    }

    /** The header line (no line end). */
    public static String header(List<String> paths) {
        StringBuilder sb = new StringBuilder("point_id");
        for (String p : paths) {
            sb.append(',').append(cell(p));
        }
        return sb.append(',').append(COLUMNS).toString();
    }

    /** The header line of a sweep, with the target's columns when it has one (no line end). */
    public static String header(SweepSpec spec) {
        return header(spec.paths()) + (spec.target() == null ? "" : "," + SweepTarget.COLUMNS);
    }

    /**
     * The index's text as it stands now (every complete point, in order), without writing it. O(points), plus a
     * read of each {@code summary.json} not seen complete before.
     *
     * @throws UncheckedIOException when a summary cannot be read
     */
    public synchronized String content() {
        StringBuilder sb = new StringBuilder(header(spec)).append('\n');
        for (SweepPoint p : spec.points()) {
            String row = rows.get(p.index());
            if (row == null && isComplete(dir, p)) {
                row = row(p, readSummary(runDir(dir, p).resolve(ExperimentRunner.SUMMARY)));
                if (spec.target() != null) {
                    row += "," + spec.target().cells(runDir(dir, p).resolve(ExperimentRunner.METRICS));
                }
                rows.put(p.index(), row);
            }
            if (row != null) {
                sb.append(row).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Rebuilds {@code DIR/index.csv} from the run folders, under the locks described in the class comment.
     *
     * @return the number of rows written (complete points)
     * @throws UncheckedIOException when a summary cannot be read or the index cannot be written
     */
    public int rebuild() {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
            }
            try (FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = tryLock(ch);
                try {
                    return write();
                } finally {
                    if (lock != null) {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + dir.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
            }
        }
    }

    private static FileLock tryLock(FileChannel ch) {
        try {
            return ch.lock(); // blocks while another process rebuilds
        } catch (IOException | UnsupportedOperationException e) {
            return null; // no locks on this file system: the atomic move still keeps the file whole
        }
    }

    private int write() {
        String text = content();
        ExperimentFile.writeAtomically(dir.resolve(FILE), text);
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n - 1;
    }

    private static JsonNode readSummary(Path f) {
        try {
            return MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The index row of point {@code p} from its {@code summary.json} content (no line end). */
    public static String row(SweepPoint p, JsonNode summary) {
        StringBuilder sb = new StringBuilder(p.id());
        for (JsonNode v : p.values().values()) {
            sb.append(',').append(cell(text(v)));
        }
        sb.append(',').append(cell(summary.path("status").asText("")));
        sb.append(',').append(summary.path("rounds").asLong());
        sb.append(',').append(metric(summary.get("final_loss")));
        sb.append(',').append(metric(summary.get("final_accuracy")));
        sb.append(',').append(metric(summary.get("final_consensus_error")));
        sb.append(',').append(summary.path("bits_sent").asLong());
        JsonNode t = summary.get("sim_time_s");
        sb.append(',').append(t == null || !t.isNumber() ? "" : MessageTraceCsv.formatSeconds(t.doubleValue()));
        sb.append(',').append(cell(summary.path("fingerprint").asText("")));
        return sb.toString();
    }

    private static String metric(JsonNode n) {
        return n == null || !n.isNumber() ? "" : MetricsCsv.number(n.doubleValue());
    }

    /** A CSV cell: as is, or RFC-4180 quoted when it holds a comma, a double quote, CR or LF. */
    public static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * A value as compact JSON text (no spaces; numbers as the experiment files write them), except that a
     * string at the top level is written without its quotes: {@code ring}, {@code 0.05}, {@code true},
     * {@code null}, {@code {"type":"topk","ratio":0.05}}, {@code [1,2]}.
     */
    public static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "null";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        StringBuilder sb = new StringBuilder();
        json(sb, v);
        return sb.toString();
    }

    private static void json(StringBuilder sb, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            sb.append("null");
        } else if (v.isTextual()) {
            sb.append(PrettyJson.quote(v.asText()));
        } else if (v.isNumber()) {
            sb.append(PrettyJson.number(v));
        } else if (v.isBoolean()) {
            sb.append(v.booleanValue());
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                json(sb, v.get(i));
            }
            sb.append(']');
        } else if (v.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(PrettyJson.quote(e.getKey())).append(':');
                json(sb, e.getValue());
            }
            sb.append('}');
        } else {
            sb.append(v.toString());
        }
    }
}

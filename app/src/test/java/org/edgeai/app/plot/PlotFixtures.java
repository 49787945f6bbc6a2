package org.edgeai.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeai.app.cli.WorkbenchCli;

/** Run and sweep folders for the plot tests: hand-written ones with exact values, and real runs. */
final class PlotFixtures {

    private PlotFixtures() {
    }

    static final String HEADER = "round,sim_time_s,bits_sent,loss,accuracy,consensus_error";

    /** A run folder with the given metrics rows and (when name is not null) a summary naming the experiment. */
    static Path run(Path dir, String name, String... rows) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        Files.writeString(dir.resolve("metrics.csv"), sb.toString(), StandardCharsets.UTF_8);
        if (name != null) {
            Files.writeString(dir.resolve("summary.json"), "{\n  \"rounds\": " + (rows.length - 1)
                    + ",\n  \"experiment\": { \"schemaVersion\": 1, \"name\": \"" + name + "\" }\n}\n", StandardCharsets.UTF_8);
        }
        return dir;
    }

    /**
     * A sweep folder: {@code index.csv} with the given swept paths and one row per point (values in path order),
     * and {@code runs/<point_id>/metrics.csv} holding each point's rows.
     */
    static Path sweep(Path dir, List<String> paths, List<Point> points) throws IOException {
        Files.createDirectories(dir.resolve("runs"));
        StringBuilder sb = new StringBuilder("point_id");
        for (String p : paths) {
            sb.append(',').append(p);
        }
        sb.append(",status,rounds,final_loss,final_accuracy,final_consensus_error,bits_sent,sim_time_s,fingerprint\n");
        for (Point p : points) {
            sb.append(p.id);
            for (String v : p.values) {
                sb.append(',').append(v);
            }
            sb.append(",completed,").append(p.rows.length - 1).append(",,,,0,0,abc\n");
            run(dir.resolve("runs").resolve(p.id), "Sweep experiment", p.rows);
        }
        Files.writeString(dir.resolve("index.csv"), sb.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    record Point(String id, List<String> values, String... rows) {
    }

    /** A tiny real experiment: gossip averaging on a ring of 6 (consensus task, 1-dimensional), 8 rounds. */
    static final String CONSENSUS = """
            {
              "schemaVersion": 1,
              "name": "Gossip on a ring of 6",
              "seed": %d,
              "topology": { "generator": { "type": "ring", "nodes": 6 } },
              "workload": { "task": "consensus", "dimension": 2 },
              "algorithm": { "type": "%s" },
              "run": { "rounds": 8 }
            }
            """;

    /** Runs the consensus experiment with the {@code run} command into {@code out}. */
    static Path realRun(Path work, String algorithm, long seed, Path out) throws IOException {
        Files.createDirectories(work);
        Path f = work.resolve("exp-" + algorithm + "-" + seed + ".json");
        Files.writeString(f, String.format(java.util.Locale.ROOT, CONSENSUS, seed, algorithm), StandardCharsets.UTF_8);
        Cli r = cli("run", f.toString(), "--out", out.toString(), "--quiet", "--trace", "none");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    record Cli(int exit, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}

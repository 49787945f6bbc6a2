package org.edgeai.plugins.algorithms.centralized.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.bench.EngineBench;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.FedAvgProvider;
import org.edgeai.plugins.algorithms.centralized.PsSgdProvider;

/**
 * Throughput of the centralized algorithms, for the app's {@code bench} command: whole rounds per second
 * (simulation, learning and the per-round evaluation of the server's model on the training and test sets) of a
 * run on digits / softmax over a star of {@code devices} devices (5 GFLOP/s) and one server, 20 Mbit/s and
 * 10 ms links, iid partition, no trace. The model never reads the wall clock, so the caller passes it
 * ({@code CentralizedBench.all(System::nanoTime)}). Each figure is the median over {@code reps} runs after
 * three warm-up runs; building the workload (loading digits) is not timed.
 */
public final class CentralizedBench {

    /** Unmeasured runs first, for the JIT. */
    private static final int WARMUP = 3;

    private CentralizedBench() {
    }

    /** fedavg with its defaults and with every device each round, and ps-sgd, on 10 devices, 50 rounds each. */
    public static List<EngineBench.Result> all(LongSupplier nanoClock) {
        List<EngineBench.Result> out = new ArrayList<>();
        out.add(rounds(nanoClock, new FedAvgProvider(), Map.of(), 10, 50, 7));
        out.add(rounds(nanoClock, new FedAvgProvider(), Map.of("clientFraction", 1.0), 10, 50, 7));
        out.add(rounds(nanoClock, new PsSgdProvider(), Map.of(), 10, 50, 7));
        return out;
    }

    /**
     * Rounds per second of {@code provider} with {@code params} on a star of {@code devices} devices.
     *
     * @param rounds rounds per run
     * @param reps   measured runs (three more run first as warm-up)
     */
    public static EngineBench.Result rounds(LongSupplier nanoClock, AlgorithmProvider provider, Map<String, ?> params,
                                            int devices, int rounds, int reps) {
        Topology t = new Topology();
        t.putNode(new Node("n0", NodeKind.SERVER, 200, 65536, 0, 0, "", null));
        for (int i = 1; i <= devices; i++) {
            t.putNode(new Node("n" + i, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
            t.putLink(new Link("n0", "n" + i, 20, 10, null));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("task", "classification");
        section.put("dataset", Map.of("type", "digits"));
        section.put("model", Map.of("type", "softmax"));
        section.put("partition", Map.of("type", "iid"));
        Workload w = Workloads.create(section, devices, 7, null);
        int[] holders = new int[devices];
        int[] rowOf = new int[devices + 1];
        rowOf[0] = -1;
        for (int r = 0; r < devices; r++) {
            holders[r] = r + 1;
            rowOf[r + 1] = r;
        }
        double[] samples = new double[reps];
        for (int rep = -WARMUP; rep < reps; rep++) {
            RunSetup setup = new RunSetup(w.newState(), holders, rowOf, Compressors.none(), false);
            Engine e = Engine.builder(t, 7).rounds(rounds).extension(RunSetup.class, setup).build();
            e.start(provider, provider.validate(params));
            long t0 = nanoClock.getAsLong();
            e.run();
            long t1 = nanoClock.getAsLong();
            if (e.roundsFinished() != rounds) {
                throw new IllegalStateException("bench run stopped after " + e.roundsFinished() + " rounds");
            }
            if (rep >= 0) {
                samples[rep] = rounds / ((t1 - t0) / 1e9);
            }
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double median = reps % 2 == 1 ? sorted[reps / 2] : (sorted[reps / 2 - 1] + sorted[reps / 2]) / 2;
        return new EngineBench.Result(provider.id() + " " + params + " on digits/softmax, star of " + devices + " devices, "
                + rounds + " rounds", median, "rounds/s", samples);
    }
}

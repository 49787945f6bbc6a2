package org.edgeai.model.learning.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressor;
import org.edgeai.model.learning.compress.Compressors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Timings of the learning side's hot paths, for the lead's {@code bench} command. Wall-clock time is read
 * here only (never in the simulation). Each figure is the median of {@code reps} timed repetitions after
 * {@code warmup} untimed ones (JIT compilation; ND4J's native loading happens before any timing).
 *
 * <p>Setting: digits, softmax (d = 650), iid partition over N nodes, batch 32, seed 1 — the D-PSGD
 * target of 80 rounds/s at N = 1,000. Run it alone: {@code java -cp <model classpath>
 * org.edgeai.model.learning.bench.LearningBench}, or call {@link #run()}.
 *
 * <p>The ND4J figure is there to keep the choice of plain-Java kernels honest: it times only the two
 * batched products ND4J would replace (ND4J's thread count follows {@code OMP_NUM_THREADS}).
 */
public final class LearningBench {

    /**
     * One measured figure in milliseconds: wall-clock median and minimum, and the median CPU time of the
     * calling thread (the better estimate of the cost on a machine shared with other work; it omits the
     * work of helper threads when a figure uses more than one).
     */
    public record Result(String name, double medianMs, double minMs, double medianCpuMs, int reps) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%-58s wall median %8.3f ms  min %8.3f ms  | thread CPU median %8.3f ms  (%d reps)",
                    name, medianMs, minMs, medianCpuMs, reps);
        }
    }

    private LearningBench() {
    }

    /** The digits/softmax workload the figures use. */
    public static Workload digitsSoftmax(int nodes) {
        return Workloads.create(Map.of("task", "classification", "batchSize", 32), nodes, 1, null);
    }

    private static LearningState warmState(Workload w, int parallelism) {
        LearningState s = w.newState(parallelism);
        float[] g = s.newMatrix();
        float[] x = s.x();
        // A few SGD steps so that the parameters are not all zero.
        for (int t = 0; t < 3; t++) {
            s.gradients(g);
            for (int k = 0; k < x.length; k++) {
                x[k] -= 0.1f * g[k];
            }
        }
        return s;
    }

    /** The batched stochastic gradient of all N nodes (fresh minibatches included). */
    public static Result batchedGradient(int nodes, int parallelism, int warmup, int reps) {
        LearningState s = warmState(digitsSoftmax(nodes), parallelism);
        float[] g = s.newMatrix();
        return time("gradients N=" + nodes + " B=32 d=650 threads=" + s.parallelism(), warmup, reps, () -> s.gradients(g));
    }

    /** Loss of x̄ on the training set, accuracy of x̄ on the test set and the consensus error. */
    public static Result metrics(int nodes, int warmup, int reps) {
        LearningState s = warmState(digitsSoftmax(nodes), 1);
        double[] sink = new double[1];
        return time("metrics N=" + nodes + " (x-bar, loss, accuracy, consensus)", warmup, reps, () -> {
            Metrics m = s.metrics();
            sink[0] += m.loss();
        });
    }

    /**
     * The alternative the kernels were chosen over: ND4J batched matmul of the forward (N, B, f) x (N, f, C)
     * and backward (N, f, B) x (N, B, C) products alone (no softmax, no gather), on preallocated arrays.
     */
    public static Result nd4jBatchedMatmul(int nodes, int warmup, int reps) {
        int b = 32, f = 64, c = 10;
        Nd4j.create(1); // native loading, outside the timing
        INDArray a = Nd4j.rand(DataType.FLOAT, nodes, b, f);
        INDArray w = Nd4j.rand(DataType.FLOAT, nodes, f, c);
        INDArray z = Nd4j.create(DataType.FLOAT, nodes, b, c);
        INDArray dw = Nd4j.create(DataType.FLOAT, nodes, f, c);
        return time("ND4J batched matmul fwd+bwd only N=" + nodes, warmup, reps, () -> {
            Nd4j.matmul(a, w, z);
            Nd4j.matmul(a, z, dw, true, false, false);
        });
    }

    /** A D-PSGD-like round without networking: gradients, ring mixing (3 neighbours), SGD step, metrics. */
    public static Result dsgdRoundOnRing(int nodes, int parallelism, int warmup, int reps) {
        LearningState s = warmState(digitsSoftmax(nodes), parallelism);
        float[] g = s.newMatrix();
        float[] next = s.newMatrix();
        int d = s.dimension();
        return time("round: gradients + ring mixing + step + metrics N=" + nodes, warmup, reps, () -> {
            float[] x = s.x();
            s.gradients(g);
            for (int i = 0; i < nodes; i++) {
                int l = ((i - 1 + nodes) % nodes) * d, r = ((i + 1) % nodes) * d, o = i * d;
                for (int k = 0; k < d; k++) {
                    next[o + k] = (x[l + k] + x[o + k] + x[r + k]) * (1f / 3f) - 0.1f * g[o + k];
                }
            }
            System.arraycopy(next, 0, x, 0, x.length);
            s.metrics();
        });
    }

    /**
     * Compressing every node's model once, as dsgd does each round: {@code nodes} messages of d = 650
     * values through one compressor per sender, for the scheme {@code type} with its default parameters.
     */
    public static Result compressAll(String type, int nodes, int warmup, int reps) {
        LearningState s = warmState(digitsSoftmax(nodes), 1);
        int d = s.dimension();
        CompressionScheme scheme = Compressors.create(type, Map.of(), 1);
        Compressor[] cs = new Compressor[nodes];
        for (int i = 0; i < nodes; i++) {
            cs[i] = scheme.forSender(i);
        }
        float[] out = s.newMatrix();
        long[] bits = new long[1];
        return time("compress " + nodes + " messages d=" + d + " " + scheme.describe(), warmup, reps, () -> {
            for (int i = 0; i < nodes; i++) {
                bits[0] += cs[i].compress(s.x(), i * d, out, i * d, d);
            }
        });
    }

    /** All figures with the default repetitions. */
    public static List<Result> run() {
        List<Result> out = new ArrayList<>();
        out.add(batchedGradient(1000, 1, 20, 31));
        out.add(batchedGradient(1000, Runtime.getRuntime().availableProcessors(), 20, 31));
        out.add(metrics(1000, 20, 31));
        out.add(dsgdRoundOnRing(1000, Runtime.getRuntime().availableProcessors(), 20, 31));
        for (String type : Compressors.TYPES) {
            out.add(compressAll(type, 1000, 10, 21));
        }
        out.add(nd4jBatchedMatmul(1000, 10, 21));
        return out;
    }

    private static Result time(String name, int warmup, int reps, Runnable r) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        double[] t = new double[reps];
        double[] c = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6;
            c[i] = cpu ? (mx.getCurrentThreadCpuTime() - c0) / 1e6 : Double.NaN;
        }
        Arrays.sort(t);
        Arrays.sort(c);
        return new Result(name, t[reps / 2], t[0], c[reps / 2], reps);
    }

    public static void main(String[] args) {
        for (Result r : run()) {
            System.out.println(r);
        }
    }

}

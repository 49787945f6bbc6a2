package org.edgeai.model.learning.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.learning.Minibatches;
import org.edgeai.model.learning.SupervisedWorkload;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.Compressor;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.models.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
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
 * <p>The ND4J figures keep the choice of plain-Java kernels honest: one times only the two batched
 * products, the other the whole gradient done with ND4J operations (ND4J's thread count follows
 * {@code OMP_NUM_THREADS}).
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

    /**
     * The whole softmax batched gradient done the ND4J way, for comparison with {@link #batchedGradient}:
     * X copied into an (N, d) INDArray, all minibatches gathered with {@code pullRows} into (N·B, f) and
     * their one-hot labels into (N·B, C), batched products (N, B, f) x (N, f, C) and Aᵀ Δ on strided views,
     * bias add, softmax, Δ = P/B − Y/B, bias gradient by a sum, the gradient copied back to a float[].
     * The figure's name reports the largest difference from the Java gradients on the same batches.
     */
    public static Result nd4jGradientPipeline(int nodes, int warmup, int reps) {
        int b = 32;
        SupervisedWorkload w = (SupervisedWorkload) digitsSoftmax(nodes);
        Dataset train = w.train();
        int f = train.featureCount();
        int c = train.classes();
        int d = w.dimension();
        int n = train.size();
        LearningState s = warmState(w, 1);
        float[] x = s.x();
        Nd4j.create(1);
        INDArray data = Nd4j.create(train.features(), new long[] {n, f}, 'c');
        float[] oh = new float[n * c];
        for (int i = 0; i < n; i++) {
            oh[i * c + train.labels()[i]] = 1f / b;
        }
        INDArray onehot = Nd4j.create(oh, new long[] {n, c}, 'c');
        INDArray xs = Nd4j.create(DataType.FLOAT, nodes, d);
        INDArray gs = Nd4j.create(DataType.FLOAT, nodes, d);
        INDArray wv = Nd4j.create(xs.data(), new long[] {nodes, f, c}, new long[] {d, c, 1}, 0, 'c');
        INDArray bv = Nd4j.create(xs.data(), new long[] {nodes, 1, c}, new long[] {d, c, 1}, (long) f * c, 'c');
        INDArray dwv = Nd4j.create(gs.data(), new long[] {nodes, f, c}, new long[] {d, c, 1}, 0, 'c');
        INDArray dbv = Nd4j.create(gs.data(), new long[] {nodes, c}, new long[] {d, 1}, (long) f * c, 'c');
        INDArray a = Nd4j.create(DataType.FLOAT, (long) nodes * b, f);
        INDArray y = Nd4j.create(DataType.FLOAT, (long) nodes * b, c);
        INDArray z = Nd4j.create(DataType.FLOAT, nodes, b, c);
        INDArray dw = Nd4j.create(DataType.FLOAT, nodes, f, c);
        INDArray a3 = a.reshape(nodes, b, f);
        INDArray y3 = y.reshape(nodes, b, c);
        java.nio.FloatBuffer xb = xs.data().asNioFloat();
        java.nio.FloatBuffer gb = gs.data().asNioFloat();
        float[] out = new float[nodes * d];
        int[][] shards = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            shards[i] = w.partition().shard(i);
        }
        Minibatches mb = new Minibatches(shards, b, 5);
        int[] idx = new int[nodes * b];
        Runnable pipeline = () -> {
            for (int i = 0; i < nodes; i++) {
                mb.draw(i);
                System.arraycopy(mb.batch(i), 0, idx, i * b, b);
            }
            xb.clear();
            xb.put(x, 0, nodes * d);
            Nd4j.pullRows(data, a, 1, idx);
            Nd4j.pullRows(onehot, y, 1, idx);
            Nd4j.matmul(a3, wv, z);
            Nd4j.exec(new AddOp(new INDArray[] {z, bv}, new INDArray[] {z}));
            Nd4j.exec(new SoftMax(z, z, 2));
            z.muli(1f / b).subi(y3);
            Nd4j.matmul(a3, z, dw, true, false, false);
            dwv.assign(dw);
            z.sum(dbv, 1);
            gb.clear();
            gb.get(out, 0, nodes * d);
        };
        Result r = time("ND4J whole softmax gradient pipeline N=" + nodes, warmup, reps, pipeline);
        // Same batches through the Java model: the two must agree.
        pipeline.run();
        float[] g = new float[d];
        Model m = w.model();
        Model.Workspace ws = m.newWorkspace(b);
        double maxDiff = 0;
        for (int i = 0; i < nodes; i++) {
            m.gradient(x, i * d, train, mb.batch(i), mb.length(i), g, 0, ws);
            for (int k = 0; k < d; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(g[k] - out[i * d + k]));
            }
        }
        return new Result(r.name() + String.format(java.util.Locale.ROOT, " (max |diff| vs Java %.1e)", maxDiff),
                r.medianMs(), r.minMs(), r.medianCpuMs(), r.reps());
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
        out.add(nd4jGradientPipeline(1000, 10, 21));
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
            long s = System.nanoTime(); // wall-clock ok: benchmark
            r.run();
            t[i] = (System.nanoTime() - s) / 1e6; // wall-clock ok: benchmark
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

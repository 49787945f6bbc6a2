package org.edgeai.model.learning;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.models.Model;

/**
 * The mutable learning side of a run: the N x d replica matrix X and the per-node minibatch streams, with
 * the batched gradients and metrics algorithms call.
 *
 * <p><b>Layout.</b> X is one row-major {@code float[N * d]}; node i's parameters are
 * {@code x()[i*d .. i*d + d)}. Plain Java arrays rather than an ND4J matrix: per-message work (compressing
 * a row, averaging two rows in gossip) then costs no JNI call, and the gradients, the one big computation
 * per round, run faster as register-blocked Java loops than as a pipeline of ND4J operations on the
 * project's machines (measured in {@code LearningBench}), with results that are bit-for-bit the same on
 * every machine. A caller who wants a dense ND4J product (W X) copies X into
 * an INDArray once per round ({@code Nd4j.create(x, new long[]{N, d}, 'c')}).
 *
 * <p><b>Gradients.</b> Every gradient method takes the parameter rows from any N x d buffer
 * ({@code params}) and writes to any N x d buffer ({@code out}) at the same row offsets, so algorithms can
 * keep local copies (fedavg's y, choco's x^{t+½}) and still compute in one batched call. The methods that
 * do not say otherwise draw a fresh minibatch per node first. For consensus the gradient is exactly zero.
 * Gradients of several nodes run on up to {@code parallelism} threads of the common fork-join pool; each
 * node's result depends only on its own stream, so results are identical for every parallelism.
 *
 * <p>Not thread-safe: one engine thread drives a state.
 */
public final class LearningState {

    /** Below this many nodes a batched call runs on the calling thread only. */
    private static final int MIN_NODES_PER_THREAD = 32;

    private final Workload workload;
    private final int n;
    private final int d;
    private final float[] x;
    private final int parallelism;
    private final int[] allNodes;

    // Supervised tasks only.
    private final Model model;
    private final Dataset train;
    private final Dataset test;
    private final Minibatches batches;
    private final Model.Workspace[] workspaces;

    // Metrics scratch.
    private final double[] meanD;
    private final float[] meanF;

    LearningState(Workload workload, int parallelism) {
        this.workload = workload;
        this.n = workload.nodes();
        this.d = workload.dimension();
        if ((long) n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("learning state: " + n + " nodes x " + d + " parameters exceed one Java array");
        }
        this.parallelism = Math.max(1, parallelism);
        this.x = new float[n * d];
        workload.initialize(x);
        this.allNodes = new int[n];
        for (int i = 0; i < n; i++) {
            allNodes[i] = i;
        }
        if (workload instanceof SupervisedWorkload s) {
            model = s.model();
            train = s.train();
            test = s.test();
            int[][] shards = new int[n][];
            for (int i = 0; i < n; i++) {
                shards[i] = s.partition().shard(i);
            }
            batches = new Minibatches(shards, s.batchSize(), s.batchSeed());
            workspaces = new Model.Workspace[this.parallelism];
            for (int t = 0; t < workspaces.length; t++) {
                workspaces[t] = model.newWorkspace(s.batchSize());
            }
        } else {
            model = null;
            train = null;
            test = null;
            batches = null;
            workspaces = null;
        }
        meanD = new double[d];
        meanF = new float[d];
    }

    /** Available processors, at most 8. */
    static int defaultParallelism() {
        return Math.min(8, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public Workload workload() {
        return workload;
    }

    /** N, the number of rows of X. */
    public int nodes() {
        return n;
    }

    /** d, the number of columns of X. */
    public int dimension() {
        return d;
    }

    /** X, N x d row-major; node i's row starts at {@code i * dimension()}. Modified in place by algorithms. */
    public float[] x() {
        return x;
    }

    /** Offset of node {@code i}'s row in X (and in every N x d buffer): {@code i * d}. */
    public int offset(int i) {
        return i * d;
    }

    /** A new zeroed N x d buffer (for gradients, local copies, received values). */
    public float[] newMatrix() {
        return new float[n * d];
    }

    /** Restores X to the initial parameters (minibatch streams are not rewound). */
    public void resetParameters() {
        workload.initialize(x);
    }

    // ------------------------------------------------------------------------------------------ gradients

    /**
     * For every node in {@code nodes} (or all nodes when {@code null}): draws a fresh minibatch and writes
     * the stochastic gradient at {@code params[i*d ..]} to {@code out[i*d ..]}. Rows of other nodes are
     * untouched. {@code params} and {@code out} must not overlap on the listed rows.
     * O(|nodes| · batchSize · flopsPerSample), on up to {@code parallelism} threads.
     */
    public void gradients(int[] nodes, float[] params, float[] out) {
        int[] list = nodes == null ? allNodes : nodes;
        if (!workload.hasGradient()) {
            for (int i : list) {
                Arrays.fill(out, i * d, i * d + d, 0f);
            }
            return;
        }
        for (int i : list) {
            batches.draw(i);
        }
        gradientsOnCurrentBatches(list, params, out);
    }

    /** As {@link #gradients(int[], float[], float[])} for all nodes, from X. */
    public void gradients(float[] out) {
        gradients(null, x, out);
    }

    /**
     * As {@link #gradients(int[], float[], float[])} but on each node's current minibatch (the one last
     * drawn), e.g. to evaluate at two points on the same samples.
     */
    public void gradientsOnCurrentBatches(int[] nodes, float[] params, float[] out) {
        run(nodes == null ? allNodes : nodes, params, -1, out);
    }

    /**
     * For every node in {@code nodes} (or all when {@code null}): draws a fresh minibatch and writes the
     * stochastic gradient at the one shared vector {@code v[vOff .. vOff + d)} (a server's model x_t) to
     * {@code out[i*d ..]}. The centralized algorithms' batched call; same threading as {@link #gradients}.
     */
    public void gradientsAt(int[] nodes, float[] v, int vOff, float[] out) {
        int[] list = nodes == null ? allNodes : nodes;
        if (workload.hasGradient()) {
            for (int i : list) {
                batches.draw(i);
            }
        }
        run(list, v, vOff, out);
    }

    /** Computes the listed nodes' gradients on their current batches; {@code sharedOff < 0}: node i reads row i. */
    private void run(int[] list, float[] params, int sharedOff, float[] out) {
        if (!workload.hasGradient()) {
            for (int i : list) {
                Arrays.fill(out, i * d, i * d + d, 0f);
            }
            return;
        }
        int threads = Math.min(parallelism, list.length / MIN_NODES_PER_THREAD);
        if (threads <= 1) {
            computeRange(list, 0, list.length, params, sharedOff, out, workspaces[0]);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[threads - 1];
        for (int t = 1; t < threads; t++) {
            int lo = (int) ((long) list.length * t / threads);
            int hi = (int) ((long) list.length * (t + 1) / threads);
            Model.Workspace ws = workspaces[t];
            tasks[t - 1] = ForkJoinPool.commonPool().submit(() -> computeRange(list, lo, hi, params, sharedOff, out, ws));
        }
        computeRange(list, 0, list.length / threads, params, sharedOff, out, workspaces[0]);
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    private void computeRange(int[] list, int lo, int hi, float[] params, int sharedOff, float[] out, Model.Workspace ws) {
        for (int k = lo; k < hi; k++) {
            int i = list[k];
            model.gradient(params, sharedOff < 0 ? i * d : sharedOff, train, batches.batch(i), batches.length(i), out, i * d, ws);
        }
    }

    /**
     * Draws a fresh minibatch for {@code node} and writes the stochastic gradient at
     * {@code params[pOff .. pOff + d)} to {@code out[oOff .. oOff + d)} (any buffers, e.g. a server's
     * model or a local copy). On the calling thread.
     */
    public void gradient(int node, float[] params, int pOff, float[] out, int oOff) {
        if (!workload.hasGradient()) {
            Arrays.fill(out, oOff, oOff + d, 0f);
            return;
        }
        batches.draw(node);
        gradientOnCurrentBatch(node, params, pOff, out, oOff);
    }

    /** As {@link #gradient} on the node's current minibatch. */
    public void gradientOnCurrentBatch(int node, float[] params, int pOff, float[] out, int oOff) {
        if (!workload.hasGradient()) {
            Arrays.fill(out, oOff, oOff + d, 0f);
            return;
        }
        model.gradient(params, pOff, train, batches.batch(node), batches.length(node), out, oOff, workspaces[0]);
    }

    /** Draws node {@code node}'s next minibatch (for {@link #batchLoss}); no-op for consensus. */
    public void drawBatch(int node) {
        if (batches != null) {
            batches.draw(node);
        }
    }

    /**
     * The mean loss f_i on node {@code node}'s current minibatch at {@code params[pOff .. pOff + d)}, in
     * double (zo-sgd evaluates it at x + μu and x − μu on the same batch). 0 for consensus or an empty shard.
     */
    public double batchLoss(int node, float[] params, int pOff) {
        if (model == null) {
            return 0;
        }
        return model.batchLoss(params, pOff, train, batches.batch(node), batches.length(node), workspaces[0]);
    }

    // -------------------------------------------------------------------------------------------- metrics

    /** The metrics of X: loss and accuracy of x̄, consensus error. O(N d + training set · flopsPerSample). */
    public Metrics metrics() {
        return metrics(x);
    }

    /** The metrics of any N x d matrix of replicas. */
    public Metrics metrics(float[] matrix) {
        double ce = averageAndConsensusError(matrix);
        if (workload instanceof ConsensusWorkload c) {
            double[] target = c.initialMeanShared();
            double s = 0;
            for (int i = 0; i < n; i++) {
                int o = i * d;
                for (int k = 0; k < d; k++) {
                    double e = matrix[o + k] - target[k];
                    s += e * e;
                }
            }
            return new Metrics(s / n, Double.NaN, ce);
        }
        return new Metrics(model.loss(meanF, 0, train, workspaces[0]), model.accuracy(meanF, 0, test, workspaces[0]), ce);
    }

    /**
     * Loss and accuracy of one parameter vector {@code v[off .. off + d)} (e.g. a server's model), with
     * consensus error 0. For consensus the loss is ||v − x̄⁰||².
     */
    public Metrics evaluate(float[] v, int off) {
        if (workload instanceof ConsensusWorkload c) {
            double[] target = c.initialMeanShared();
            double s = 0;
            for (int k = 0; k < d; k++) {
                double e = v[off + k] - target[k];
                s += e * e;
            }
            return new Metrics(s, Double.NaN, 0);
        }
        return new Metrics(model.loss(v, off, train, workspaces[0]), model.accuracy(v, off, test, workspaces[0]), 0);
    }

    /** Writes the row average x̄ of {@code matrix} (N x d) to {@code out[0 .. d)}, accumulated in double. O(N d). */
    public void average(float[] matrix, float[] out) {
        averageInto(matrix);
        System.arraycopy(meanF, 0, out, 0, d);
    }

    /** (1/N) Σ_i ||x_i − x̄||² of {@code matrix}, in double. O(N d). */
    public double consensusError(float[] matrix) {
        return averageAndConsensusError(matrix);
    }

    private void averageInto(float[] matrix) {
        Arrays.fill(meanD, 0);
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int k = 0; k < d; k++) {
                meanD[k] += matrix[o + k];
            }
        }
        for (int k = 0; k < d; k++) {
            meanD[k] /= n;
            meanF[k] = (float) meanD[k];
        }
    }

    private double averageAndConsensusError(float[] matrix) {
        averageInto(matrix);
        double s = 0;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int k = 0; k < d; k++) {
                double e = matrix[o + k] - meanD[k];
                s += e * e;
            }
        }
        return s / n;
    }

    /** Samples in node {@code i}'s shard (n_i). */
    public int samples(int i) {
        return workload.samples(i);
    }

    /** The number of threads gradients may use. */
    public int parallelism() {
        return parallelism;
    }
}

package org.edgeai.plugins.algorithms.centralized;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.edgeai.model.engine.Algorithm;
import org.edgeai.model.engine.Faults;
import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.Draws;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.learning.LearningState;
import org.edgeai.model.learning.Metrics;
import org.edgeai.model.learning.compress.Compressor;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.NodeKind;

/**
 * The synchronous server round that every centralized algorithm shares (ALGORITHMS.md "Centralized"): an
 * aggregator sends its model to the devices taking part, each device computes (timed) and uploads, the
 * aggregator combines what it got and updates its model. Subclasses say what a device computes
 * ({@link #prepare}), what it costs ({@link #flops}) and how the aggregator updates ({@link #update}).
 *
 * <h2>One round of one group</h2>
 * A <em>group</em> is an aggregator node with the devices it serves (one group for ps-sgd, fedavg, fedprox, lag,
 * zo-sgd; one per edge server for hier-fedavg). In round r:
 * <ol>
 *   <li>The participants are the group's devices active in r ({@link Faults#isActive}), or a subset chosen by
 *       {@link #selectParticipants} (fedavg samples). With none, the group closes at once, its model unchanged.</li>
 *   <li>The aggregator sends its model x_t to each participant, one [model] message of
 *       {@code RunSetup.bits(d, compressDownlink)} bits (routed). A device's received value (x_t, or
 *       C(x_t) when the downlink is compressed, with one compressor per aggregator–device pair) is written to
 *       its row of the learning state's X, which holds the devices' local models.</li>
 *   <li>When the model has arrived, the device computes for {@link #flops} FLOPs through the engine's
 *       {@code ComputeUnits} (its speed, straggling and queue apply). The values are computed at the round's
 *       start in one batched call for all participants ({@link #prepare}): a device's result depends only on what
 *       it received and its own random streams, so computing early changes nothing but the wall-clock cost.</li>
 *   <li><b>Digital</b> aggregation: when its computation ends, the device sends its upload
 *       ({@link #uploadBits}, {@link #uploadKind}) unless {@link #prepare} decided it skips (lag). The group
 *       closes when every participant has uploaded or skipped, or at the round deadline
 *       ({@code network.roundDeadlineS}) with the uploads received by then: late uploads are left out (they still
 *       travel and appear in the trace).</li>
 *   <li><b>Over-the-air</b> aggregation: uploads start together, when the last participant has finished
 *       computing, or at the deadline with the participants ready by then (the others are left out). They are
 *       sent with {@link Network#sendSuperposed}, so they take no share of the aggregator's access capacity: the
 *       superposed signal takes the time of the slowest single upload, not of K. The group closes when the last
 *       one has arrived (the deadline bounds the wait for computation only: an analog upload must start
 *       together). The aggregator then has y = Σ s_i + n, n ~ N(0, σ² I), with s_i = (K n_i / Σ_j n_j) v_i (each
 *       device pre-scales its value v_i by its data weight so that y / K is the weighted mean), σ² = P /
 *       10^(snrDb/10) and P = Σ_i ||s_i||² / (K · dim) the mean per-coordinate power of one device's signal; it
 *       uses y / K as the mean. Noise comes from the stream {@code algorithm.ota-noise}.</li>
 *   <li>{@link #update} gets the contributing devices (ascending rows) and their weighted mean
 *       Σ n_i v_i / Σ n_i (accumulated in double, in ascending row order, so the result does not depend on
 *       arrival order).</li>
 * </ol>
 * The round ends when every group has closed (and whatever {@link #groupClosed} adds, e.g. hier-fedavg's cloud
 * exchange); its metrics are then reported: {@code loss} and {@code accuracy} of the aggregator's model
 * ({@link #metricModel()}, by {@link LearningState#evaluate}), and {@code consensus_error} NaN, since there is one
 * model, not replicas that should agree. Aggregation itself is not timed (its cost is negligible beside the
 * devices' gradients).
 *
 * <p>Tags: a message's tag is {@code round << 32 | type << 28 | index}; types 0..3 are used here, 4..15 are free
 * for subclasses. A device does not know when a round closes: a model that reaches it late is still computed
 * on, and (digital) its upload still sent; the aggregator ignores uploads of a closed round on arrival
 * (they still occupy links and processors, and appear in the trace).
 *
 * <p>Per message the work is plain {@code float[]} loops; gradients are batched over a group's participants.
 */
public abstract class CentralizedAlgorithm implements Algorithm {

    /** Event code of the round deadline. */
    static final int EV_DEADLINE = 1;
    /** Tag type of a model download (index = device row). */
    static final int T_DOWN = 0;
    /** Tag type of a device upload (index = device row). */
    static final int T_UP = 1;
    /** Tag type of a model download to a device that will not upload this round (lag's skip). */
    static final int T_DOWN_QUIET = 2;
    /** First tag type free for subclasses. */
    static final int T_FIRST_FREE = 4;
    private static final int MAX_INDEX = (1 << 28) - 1;
    /** Bit of a compute tag: the device does not upload (the rest is the round). */
    private static final int QUIET = 1 << 30;

    protected final SimulationContext ctx;
    protected final RunSetup setup;
    protected final LearningState learning;
    protected final Network net;
    protected final IndexedGraph graph;
    /** Model dimension d. */
    protected final int d;
    /** Data-holding devices (rows of the learning state). */
    protected final int rows;
    /** Values per upload (d, or the number of directions for zo-sgd). */
    protected final int pdim;
    /** Topology node of each row. */
    protected final int[] nodeOf;
    /** Samples n_i of each row (the averaging weights). */
    protected final double[] samples;
    protected final Aggregation aggregation;
    protected final double snrDb;
    /** The devices' local models: the learning state's X (rows × d). */
    protected final float[] local;
    /** Each row's upload value (rows × pdim), written by {@link #prepare}. */
    protected final float[] payload;
    /** Whether each participant uploads this round (set true before {@link #prepare}; lag may clear it). */
    protected final boolean[] uploads;

    private final Compressor[] up;
    private final long downBits;
    private final boolean compressDown;
    private Compressor[] down;
    private SplittableRandom noise;

    private final int[] partRound;
    private final int[] readyRound;
    private final int[] recvRound;
    private final int[] activeScratch;
    private final double[] mean;

    protected Group[] groups;
    private int[] groupOf;
    private int pendingGroups;

    /**
     * @param pdim values per upload, or 0 for d
     * @throws IllegalArgumentException when the run has no {@link RunSetup}, or its data holders are not
     *         exactly devices
     */
    protected CentralizedAlgorithm(String id, SimulationContext ctx, Parameters params, int pdim) {
        this.ctx = ctx;
        this.setup = ctx.extension(RunSetup.class).orElseThrow(() -> new IllegalArgumentException(
                id + ": the run provides no learning setup (RunSetup extension)"));
        this.learning = setup.learning();
        this.net = ctx.network();
        this.graph = ctx.graph();
        this.d = learning.dimension();
        this.rows = setup.rows();
        this.pdim = pdim > 0 ? pdim : d;
        if (rows > MAX_INDEX) {
            throw new IllegalArgumentException(id + ": at most " + MAX_INDEX + " devices, got " + rows);
        }
        nodeOf = setup.holderNode().clone();
        samples = new double[rows];
        for (int r = 0; r < rows; r++) {
            int v = nodeOf[r];
            if (v < 0 || v >= graph.nodeCount() || graph.kind(v) != NodeKind.DEVICE) {
                throw new IllegalArgumentException(id + ": a centralized algorithm expects the data on devices; learning row "
                        + r + " is held by " + (v < 0 || v >= graph.nodeCount() ? "node index " + v
                        : graph.kind(v).id() + " " + graph.id(v)));
            }
            if (setup.rowOf()[v] != r) {
                throw new IllegalArgumentException(id + ": RunSetup.rowOf[" + v + "] is " + setup.rowOf()[v] + ", expected " + r);
            }
            samples[r] = learning.samples(r);
        }
        aggregation = params.has("aggregation") ? Aggregation.fromId(params.getString("aggregation")) : Aggregation.DIGITAL;
        snrDb = params.has("snrDb") ? params.getDouble("snrDb") : Double.POSITIVE_INFINITY;
        local = learning.x();
        payload = new float[rows * this.pdim];
        uploads = new boolean[rows];
        up = new Compressor[rows];
        for (int r = 0; r < rows; r++) {
            up[r] = setup.compression().forSender(nodeOf[r]);
        }
        compressDown = setup.compressDownlink();
        downBits = setup.bits(d, compressDown);
        partRound = new int[rows];
        readyRound = new int[rows];
        recvRound = new int[rows];
        Arrays.fill(partRound, -1);
        Arrays.fill(readyRound, -1);
        Arrays.fill(recvRound, -1);
        activeScratch = new int[rows];
        mean = new double[this.pdim];
    }

    // ============================================================== groups

    /** An aggregator with the devices it serves and the state of its current round. */
    protected static final class Group {
        /** Position in {@link #groups}. */
        public final int index;
        /** The aggregator's topology node. */
        public final int node;
        /** The aggregator's model (d values). */
        public final float[] model;
        /** The rows it serves, ascending. */
        public final int[] members;
        /** Σ n_i over its members. */
        public final double weight;

        int round = -1;
        boolean open;
        final int[] parts;
        int partCount;
        int done;
        boolean otaStarted;
        final int[] contrib;
        int otaCount;
        int otaArrived;

        Group(int index, int node, float[] model, int[] members, double weight) {
            this.index = index;
            this.node = node;
            this.model = model;
            this.members = members;
            this.weight = weight;
            parts = new int[members.length];
            contrib = new int[members.length];
        }

        /** The participants of the current round, ascending (valid up to {@link #participantCount()}). */
        public int[] participants() {
            return parts;
        }

        public int participantCount() {
            return partCount;
        }
    }

    /**
     * Sets the groups: {@code aggregators[g]} serves the rows {@code members[g]} (ascending; every row in exactly
     * one group). Each group's model starts from row 0 of X (all rows start equal). Also builds the downlink
     * compressors when the downlink is compressed.
     */
    protected final void setGroups(int[] aggregators, int[][] members) {
        groups = new Group[aggregators.length];
        groupOf = new int[rows];
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < aggregators.length; g++) {
            double w = 0;
            for (int r : members[g]) {
                if (groupOf[r] >= 0) {
                    throw new IllegalStateException("row " + r + " in two groups");
                }
                groupOf[r] = g;
                w += samples[r];
            }
            float[] model = Arrays.copyOfRange(local, 0, d);
            groups[g] = new Group(g, aggregators[g], model, members[g].clone(), w);
        }
        for (int r = 0; r < rows; r++) {
            if (groupOf[r] < 0) {
                throw new IllegalStateException("row " + r + " in no group");
            }
        }
        if (compressDown) {
            down = new Compressor[rows];
            for (int r = 0; r < rows; r++) {
                long key = ((long) (groups[groupOf[r]].node + 1) << 32) | nodeOf[r];
                down[r] = setup.compression().forSender(key);
            }
        }
    }

    /** One group: {@code server} serving every row. */
    protected final void setSingleServer(int server) {
        int[] all = new int[rows];
        for (int r = 0; r < rows; r++) {
            all[r] = r;
        }
        setGroups(new int[] {server}, new int[][] {all});
    }

    // ============================================================== hooks

    /** Called at the start of every round, before any group starts (zo-sgd draws its directions here). */
    protected void beginRound(int round) {
    }

    /**
     * Chooses the participants among the group's active rows {@code active[0 .. count)} (ascending), writing them
     * ascending to {@code out}; returns how many. Default: all of them.
     */
    protected int selectParticipants(Group g, int round, int[] active, int count, int[] out) {
        System.arraycopy(active, 0, out, 0, count);
        return count;
    }

    /**
     * Computes the participants' uploads into {@link #payload} (row r at {@code r * pdim}); their local rows of
     * {@link #local} hold what they received. May clear {@link #uploads}[r] for a device that sends nothing.
     *
     * @param parts participants, ascending (exactly {@code count} entries)
     */
    protected abstract void prepare(Group g, int round, int[] parts, int count);

    /** FLOPs of one participant's work in a round. */
    protected abstract double flops(int row);

    protected abstract MessageKind uploadKind();

    /** Bits of one upload. */
    protected abstract long uploadBits();

    /**
     * Updates the group's model from its contributions.
     *
     * @param rows      contributing rows, ascending, {@code count} of them (uploads received, or the superposed set)
     * @param mean      their weighted mean Σ n_i v_i / Σ n_i (noisy over the air), {@code pdim} values; meaningless
     *                  when {@code count == 0}
     * @param weightSum Σ n_i over the contributors
     */
    protected abstract void update(Group g, int round, int[] rows, int count, double[] mean, double weightSum);

    /** The model whose loss and accuracy are reported: by default the first group's. */
    protected float[] metricModel() {
        return groups[0].model;
    }

    /** Adds algorithm-specific metrics after the fixed ones. */
    protected void extraMetrics(Map<String, Double> values) {
    }

    /** A group has closed and updated its model. Default: the round completes when the last group has. */
    protected void groupClosed(Group g, int round) {
        if (--pendingGroups == 0) {
            completeRound(round);
        }
    }

    /** A message with a subclass tag type ({@link #T_FIRST_FREE}..15) has arrived. */
    protected void onOtherMessage(int type, int round, int index, int src, int dst) {
        throw new IllegalStateException("unexpected message type " + type);
    }

    // ============================================================== helpers for subclasses

    protected static long tag(int round, int type, int index) {
        return ((long) round << 32) | ((long) type << 28) | index;
    }

    /** The uplink compressor of row r. */
    protected final Compressor uplink(int row) {
        return up[row];
    }

    /** Whether row r finished its computation in the round (before the round closed). */
    protected final boolean wasReady(int row, int round) {
        return readyRound[row] == round;
    }

    /** Records the round's metrics and lets the engine start the next round. */
    protected final void completeRound(int round) {
        Map<String, Double> values = new LinkedHashMap<>();
        Metrics m = learning.evaluate(metricModel(), 0);
        values.put(RunSetup.LOSS, m.loss());
        values.put(RunSetup.ACCURACY, m.accuracy());
        values.put(RunSetup.CONSENSUS_ERROR, Double.NaN);
        extraMetrics(values);
        ctx.finishRound(round, values);
    }

    /**
     * The weighted mean Σ n_i v_i / Σ n_i of rows {@code rows[0 .. count)} of {@code src} (stride {@code dim}),
     * accumulated in double in the order given, into {@code out[0 .. dim)}. O(count · dim).
     *
     * @return Σ n_i (0 when count is 0; out is then all zeros)
     */
    protected final double weightedMean(float[] src, int dim, int[] rows, int count, double[] out) {
        Arrays.fill(out, 0, dim, 0.0);
        double w = 0;
        for (int k = 0; k < count; k++) {
            int r = rows[k];
            double n = samples[r];
            w += n;
            int o = r * dim;
            for (int j = 0; j < dim; j++) {
                out[j] += n * src[o + j];
            }
        }
        if (w > 0) {
            for (int j = 0; j < dim; j++) {
                out[j] /= w;
            }
        }
        return w;
    }

    // ============================================================== the round

    @Override
    public void onRoundStart(int round) {
        pendingGroups = groups.length;
        ctx.scheduleRoundDeadline(round, this, EV_DEADLINE);
        beginRound(round);
        for (Group g : groups) {
            startGroup(g, round);
        }
    }

    private void startGroup(Group g, int round) {
        Faults faults = ctx.faults();
        g.round = round;
        g.open = true;
        g.done = 0;
        g.otaStarted = false;
        g.otaCount = 0;
        g.otaArrived = 0;
        int active = 0;
        for (int r : g.members) {
            if (faults.isActive(round, nodeOf[r])) {
                activeScratch[active++] = r;
            }
        }
        int n = active == 0 ? 0 : selectParticipants(g, round, activeScratch, active, g.parts);
        g.partCount = n;
        if (n == 0) {
            closeGroup(g, round);
            return;
        }
        for (int k = 0; k < n; k++) {
            int r = g.parts[k];
            partRound[r] = round;
            uploads[r] = true;
            if (down != null) {
                down[r].compress(g.model, 0, local, r * d, d);
            } else {
                System.arraycopy(g.model, 0, local, r * d, d);
            }
        }
        prepare(g, round, Arrays.copyOf(g.parts, n), n);
        for (int k = 0; k < n; k++) {
            int r = g.parts[k];
            net.send(g.node, nodeOf[r], downBits, MessageKind.MODEL, round, this, tag(round, uploads[r] ? T_DOWN : T_DOWN_QUIET, r));
        }
    }

    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        int round = (int) (tag >>> 32);
        int type = (int) (tag >>> 28) & 0xF;
        int index = (int) (tag & MAX_INDEX);
        switch (type) {
            case T_DOWN, T_DOWN_QUIET -> // the device computes even if the round has closed: it cannot know
                    ctx.compute().compute(dst, flops(index), round, this, type == T_DOWN ? round : round | QUIET);
            case T_UP -> {
                Group g = groups[groupOf[index]];
                if (!g.open || g.round != round) {
                    return; // late: the round closed without it
                }
                if (aggregation == Aggregation.DIGITAL) {
                    recvRound[index] = round;
                    if (++g.done == g.partCount) {
                        closeGroup(g, round);
                    }
                } else if (++g.otaArrived == g.otaCount) {
                    closeGroup(g, round);
                }
            }
            default -> onOtherMessage(type, round, index, src, dst);
        }
    }

    @Override
    public void onComputeDone(int node, int tag) {
        int round = tag & ~QUIET;
        boolean quiet = (tag & QUIET) != 0;
        int r = setup.rowOf()[node];
        Group g = groups[groupOf[r]];
        // Over the air, a device that finishes after the uploads started is as late as one after the deadline.
        boolean current = g.open && g.round == round && partRound[r] == round && !g.otaStarted;
        if (current) {
            readyRound[r] = round;
        }
        if (aggregation == Aggregation.DIGITAL) {
            if (!quiet) {
                // Sent even when the round has closed (the device does not know); the server drops it on arrival.
                net.send(node, g.node, uploadBits(), uploadKind(), round, this, tag(round, T_UP, r));
            } else if (current && ++g.done == g.partCount) {
                closeGroup(g, round);
            }
        } else if (current && ++g.done == g.partCount) {
            startOverTheAir(g, round);
        }
    }

    @Override
    public void onEvent(int code, int round, int b) {
        if (code != EV_DEADLINE) {
            onOtherEvent(code, round, b);
            return;
        }
        for (Group g : groups) {
            if (g.open && g.round == round) {
                if (aggregation == Aggregation.DIGITAL) {
                    closeGroup(g, round);
                } else if (!g.otaStarted) {
                    startOverTheAir(g, round);
                }
            }
        }
    }

    /** An event a subclass scheduled (code other than {@link #EV_DEADLINE}). */
    protected void onOtherEvent(int code, int a, int b) {
        throw new IllegalStateException("unexpected event code " + code);
    }

    /** The ready participants that upload start together; the group closes when the last has arrived. */
    private void startOverTheAir(Group g, int round) {
        g.otaStarted = true;
        int c = 0;
        for (int k = 0; k < g.partCount; k++) {
            int r = g.parts[k];
            if (readyRound[r] == round && uploads[r]) {
                g.contrib[c++] = r;
            }
        }
        g.otaCount = c;
        if (c == 0) {
            closeGroup(g, round);
            return;
        }
        long bits = uploadBits();
        MessageKind kind = uploadKind();
        for (int k = 0; k < c; k++) {
            int r = g.contrib[k];
            net.sendSuperposed(nodeOf[r], g.node, bits, kind, round, this, tag(round, T_UP, r));
        }
    }

    private void closeGroup(Group g, int round) {
        g.open = false;
        int count;
        double w;
        if (aggregation == Aggregation.DIGITAL) {
            count = 0;
            for (int k = 0; k < g.partCount; k++) {
                int r = g.parts[k];
                if (recvRound[r] == round) {
                    g.contrib[count++] = r;
                }
            }
            w = weightedMean(payload, pdim, g.contrib, count, mean);
        } else {
            count = g.otaStarted && g.otaArrived == g.otaCount ? g.otaCount : 0;
            w = overTheAirMean(g.contrib, count, mean);
        }
        update(g, round, g.contrib, count, mean, w);
        groupClosed(g, round);
    }

    /**
     * y / K for y = Σ s_i + n (see the class comment), into {@code out}.
     *
     * @return Σ n_i over the rows
     */
    private double overTheAirMean(int[] rowsIn, int count, double[] out) {
        Arrays.fill(out, 0.0);
        if (count == 0) {
            return 0;
        }
        double w = 0;
        for (int k = 0; k < count; k++) {
            w += samples[rowsIn[k]];
        }
        double power = 0;
        for (int k = 0; k < count; k++) {
            int r = rowsIn[k];
            double c = count * samples[r] / w;
            int o = r * pdim;
            for (int j = 0; j < pdim; j++) {
                double s = c * payload[o + j];
                out[j] += s;
                power += s * s;
            }
        }
        double p = power / ((double) count * pdim);
        double sigma = Math.sqrt(p / Math.pow(10.0, snrDb / 10.0));
        if (noise == null) {
            noise = ctx.streams().stream("algorithm.ota-noise");
        }
        for (int j = 0; j < pdim; j++) {
            out[j] = (out[j] + sigma * Draws.standardNormal(noise)) / count;
        }
        return w;
    }

    // ============================================================== aggregator lookup

    /**
     * The aggregator named by {@code id}, or when it is empty the first cloud or server node in topology order.
     *
     * @throws IllegalArgumentException when there is no such node, it is a device, or some device cannot reach it
     */
    static int resolveServer(String algorithm, SimulationContext ctx, String id) {
        IndexedGraph g = ctx.graph();
        int s = -1;
        if (id == null || id.isEmpty()) {
            for (int i = 0; i < g.nodeCount(); i++) {
                if (g.kind(i) != NodeKind.DEVICE) {
                    s = i;
                    break;
                }
            }
            if (s < 0) {
                throw new IllegalArgumentException(algorithm + ": a centralized algorithm needs a server or cloud node to "
                        + "aggregate, and the topology has only devices; add one (kind \"server\" or \"cloud\")");
            }
        } else {
            s = g.indexOf(id);
            if (s < 0 || g.kind(s) == NodeKind.DEVICE) {
                StringBuilder names = new StringBuilder();
                for (int i = 0; i < g.nodeCount(); i++) {
                    if (g.kind(i) != NodeKind.DEVICE) {
                        names.append(names.length() == 0 ? "" : ", ").append(g.id(i));
                    }
                }
                throw new IllegalArgumentException(algorithm + ".server: " + (s < 0 ? "no node '" + id + "'"
                        : "'" + id + "' is a device") + "; expected a server or cloud node: "
                        + (names.length() == 0 ? "(none in this topology)" : names));
            }
        }
        return s;
    }

    /** Checks that every row's device can reach {@code node} (links are all up at time 0). */
    final void requireReachable(String algorithm, int node, int[] rowsToCheck) {
        for (int r : rowsToCheck) {
            if (net.route(nodeOf[r], node).length == 0) {
                throw new IllegalArgumentException(algorithm + ": device " + graph.id(nodeOf[r]) + " has no path to the aggregator "
                        + graph.id(node));
            }
        }
    }
}

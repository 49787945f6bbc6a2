package org.edgeai.model.pipeline.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.edgeai.model.pipeline.layers.LayerProfile;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.Partition;
import org.edgeai.model.pipeline.partition.StagePlan;
import org.edgeai.model.pipeline.schedule.StageOrders.Op;

/**
 * Runs a pipeline schedule as a dependency-driven discrete-event simulation over a {@link PipelineNetwork}.
 *
 * <p>Each worker (a node running a stage, or one replica of a replicated stage) executes its stage's
 * operations ({@link StageOrders}) strictly in order; an operation starts as soon as the previous one ended and
 * its inputs are there:
 * <ul>
 *   <li>forward of micro-batch m on stage s &gt; 0: stage s-1's activations of m have arrived;</li>
 *   <li>backward (or the recompute before it) on stage s &lt; K-1: stage s+1's gradient of m has arrived;</li>
 *   <li>an update of a replicated stage: the ring all-reduce of the replicas' gradients has finished. For gpipe
 *       and 1f1b the replicas reduce once per minibatch (after each one's last backward of it). For pipedream,
 *       which updates after every micro-batch, the replicas' k-th micro-batches form group k (micro-batches
 *       kr .. kr + r − 1, one per replica, as PipeDream's round-robin assigns them) and each group's gradients
 *       are all-reduced before any of its updates, as data-parallel replicas must to keep one set of weights
 *       (the PipeDream planner counts this synchronisation in the replicated stage's time). A replica without a
 *       micro-batch in the last, partial group contributes a zero gradient at once.</li>
 * </ul>
 * After a forward the activations (last layer's output elements x micro-batch size x precision bits) go to the
 * next stage; after a backward the gradient of the stage's input (same size as the previous stage's output)
 * goes back. Replica i of a stage with r replicas takes the micro-batches m with m mod r = i.
 *
 * <p>Memory per worker: weight versions x weight bytes + stashed activations. A forward stashes the stage's
 * input and every layer output of the micro-batch until its backward ends; with re-materialization only the
 * input stays after the forward, and the recompute brings the rest back for the backward. Weight versions:
 * the distinct versions stashed by micro-batches in flight plus the current one (pipedream's weight stashing;
 * always 1 for flushing schedules).
 *
 * <p>Cost: O((number of operations + messages) log(pending events)).
 */
public final class PipelineSimulator {

    private final SimulationInput in;
    private final PipelineNetwork net;
    private final int k;
    private final int n; // micro-batches in the run
    private final Worker[][] workers;
    private final boolean[][] actArrived;
    private final boolean[][] gradArrived;
    private final List<PhaseRow> rows = new ArrayList<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final double[] minibatchEnds;
    private double firstStart = Double.POSITIVE_INFINITY;

    private PipelineSimulator(SimulationInput in, PipelineNetwork net) {
        this.in = in;
        this.net = net;
        Partition p = in.partition();
        this.k = p.stageCount();
        this.n = in.microBatches() * in.minibatches();
        this.actArrived = new boolean[k][n];
        this.gradArrived = new boolean[k][n];
        this.minibatchEnds = new double[in.minibatches()];
        this.workers = new Worker[k][];
        for (int s = 0; s < k; s++) {
            StagePlan sp = p.stage(s);
            List<Op> order = StageOrders.order(in.kind(), k, s, in.microBatches(), in.minibatches(), in.rematerialize());
            workers[s] = new Worker[sp.replicas()];
            for (int r = 0; r < sp.replicas(); r++) {
                workers[s][r] = new Worker(s, r, sp.nodes().get(r), filter(order, sp.replicas(), r));
            }
        }
    }

    /** Simulates the run; the network must be fresh. */
    public static ScheduleResult simulate(SimulationInput in, PipelineNetwork net) {
        return new PipelineSimulator(in, net).run();
    }

    private List<Op> filter(List<Op> order, int replicas, int r) {
        List<Op> out = new ArrayList<>();
        boolean flushUpdate = in.kind() != ScheduleKind.PIPEDREAM;
        for (Op op : order) {
            boolean sharedUpdate = flushUpdate && op.phase() == Phase.UPDATE;
            if (sharedUpdate || op.microbatch() % replicas == r) {
                out.add(op);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ per-stage constants

    private StagePlan plan(int s) {
        return in.partition().stage(s);
    }

    private double layerSum(int s, java.util.function.ToDoubleFunction<LayerProfile> f) {
        double sum = 0;
        ModelProfile m = in.model();
        for (int i = plan(s).firstLayer(); i <= plan(s).lastLayer(); i++) {
            sum += f.applyAsDouble(m.layer(i));
        }
        return sum;
    }

    private double forwardFlops(int s) {
        return layerSum(s, LayerProfile::forwardFlops) * in.microBatchSize();
    }

    private double backwardFlops(int s) {
        return layerSum(s, LayerProfile::backwardFlops) * in.microBatchSize();
    }

    private long params(int s) {
        return (long) layerSum(s, l -> l.params());
    }

    /** Bits of the activation stage s sends forward (its last layer's output) per micro-batch. */
    private long outBits(int s) {
        return in.model().layer(plan(s).lastLayer()).outputElements() * in.microBatchSize() * in.precisionBits();
    }

    /** Bits of the stage's input (what it stashes, and the gradient it sends back) per micro-batch. */
    private long inBits(int s) {
        return in.model().inputElementsOf(plan(s).firstLayer()) * in.microBatchSize() * in.precisionBits();
    }

    private long allLayerBits(int s) {
        long b = inBits(s);
        for (int i = plan(s).firstLayer(); i <= plan(s).lastLayer(); i++) {
            b += in.model().layer(i).outputElements() * in.microBatchSize() * in.precisionBits();
        }
        return b;
    }

    private static long bytes(long bits) {
        return (bits + 7) / 8;
    }

    // ------------------------------------------------------------------ workers

    private final class Worker {
        final int stage;
        final int replica;
        final String node;
        final List<Op> ops;
        final double fwd;
        final double bwd;
        final double upd;
        final long weightBits;
        final long fullBits;
        final long inputBits;
        int next;
        boolean busy;
        double busySeconds;
        long actBits;
        long peakActBits;
        long peakMemBits;
        int inFlight;
        int peakInFlight;
        int version;
        int updates;
        final TreeMap<Integer, Integer> stashed = new TreeMap<>();
        final int[] stashedVersion;
        final int[] updatesAtForward;
        int maxVersions = 1;
        int maxStaleness;
        long stalenessSum;
        int stalenessCount;
        // ring all-reduce state per group (replicated stages only): per minibatch for flushing schedules, per
        // round-robin group of r micro-batches for pipedream (see groupOf)
        final int[] lastBackwardOf; // per minibatch: the last micro-batch this worker backwards in it
        final boolean[] ownReady;
        final int[] received;
        final int[] sent;
        final boolean[] reduced;

        Worker(int stage, int replica, String node, List<Op> ops) {
            this.stage = stage;
            this.replica = replica;
            this.node = node;
            this.ops = ops;
            this.fwd = forwardFlops(stage);
            this.bwd = backwardFlops(stage);
            this.upd = params(stage) * in.updateFlopsPerParam();
            this.weightBits = params(stage) * in.precisionBits();
            this.fullBits = allLayerBits(stage);
            this.inputBits = inBits(stage);
            this.stashedVersion = new int[n];
            this.updatesAtForward = new int[n];
            int mbs = in.minibatches();
            lastBackwardOf = new int[mbs];
            java.util.Arrays.fill(lastBackwardOf, -1);
            for (Op op : ops) {
                if (op.phase() == Phase.BACKWARD) {
                    lastBackwardOf[op.microbatch() / in.microBatches()] = op.microbatch();
                }
            }
            int groups = groups(stage);
            ownReady = new boolean[groups];
            received = new int[groups];
            sent = new int[groups];
            reduced = new boolean[groups];
            if (in.kind() == ScheduleKind.PIPEDREAM) {
                int replicas = plan(stage).replicas();
                for (int g = 0; g < groups; g++) {
                    if ((long) g * replicas + replica >= n) {
                        ownReady[g] = true; // no micro-batch in the last, partial group: a zero gradient
                    }
                }
            }
        }

        void noteMemory() {
            peakActBits = Math.max(peakActBits, actBits);
            int versions = stashed.size() + (stashed.containsKey(version) ? 0 : 1);
            maxVersions = Math.max(maxVersions, versions);
            peakMemBits = Math.max(peakMemBits, versions * weightBits + actBits);
        }
    }

    /** All-reduce groups of stage s: minibatches, or pipedream's round-robin groups of r micro-batches. */
    private int groups(int s) {
        int r = plan(s).replicas();
        return in.kind() == ScheduleKind.PIPEDREAM ? (n + r - 1) / r : in.minibatches();
    }

    /** The all-reduce group micro-batch m belongs to on stage s. */
    private int groupOf(int s, int m) {
        return in.kind() == ScheduleKind.PIPEDREAM ? m / plan(s).replicas() : m / in.microBatches();
    }

    private ScheduleResult run() {
        for (Worker[] ws : workers) {
            for (Worker w : ws) {
                w.noteMemory();
                tryAdvance(w);
            }
        }
        for (Worker[] ws : workers) {
            for (Worker w : ws) {
                for (int g = 0; ws.length > 1 && g < w.ownReady.length; g++) {
                    if (w.ownReady[g]) {
                        ringStep(w, g); // a replica idle in a partial group passes its zero chunks on
                    }
                }
            }
        }
        net.run();
        for (Worker[] ws : workers) {
            for (Worker w : ws) {
                if (w.next != w.ops.size()) {
                    throw new IllegalStateException("pipeline deadlock: stage " + w.stage + " replica " + w.replica
                            + " stopped at " + w.ops.get(w.next));
                }
            }
        }
        return result();
    }

    private boolean ready(Worker w, Op op) {
        int s = w.stage;
        int m = op.microbatch();
        return switch (op.phase()) {
            case FORWARD -> s == 0 || actArrived[s][m];
            case RECOMPUTE -> s == k - 1 || gradArrived[s][m];
            case BACKWARD -> in.rematerialize() || s == k - 1 || gradArrived[s][m];
            case UPDATE -> workers[s].length == 1 || w.reduced[groupOf(s, m)];
            default -> throw new IllegalStateException(op.toString());
        };
    }

    private void tryAdvance(Worker w) {
        if (w.busy || w.next >= w.ops.size()) {
            return;
        }
        Op op = w.ops.get(w.next);
        if (!ready(w, op)) {
            return;
        }
        w.busy = true;
        double flops = switch (op.phase()) {
            case FORWARD, RECOMPUTE -> w.fwd;
            case BACKWARD -> w.bwd;
            case UPDATE -> w.upd;
            default -> throw new IllegalStateException(op.toString());
        };
        onStart(w, op);
        net.compute(w.node, flops, (start, end) -> {
            rows.add(new PhaseRow(w.node, w.stage, op.microbatch(), op.phase(), start, end));
            firstStart = Math.min(firstStart, start);
            noteEnd(op.microbatch(), end);
            w.busySeconds += end - start;
            w.busy = false;
            w.next++;
            onEnd(w, op);
            tryAdvance(w);
        });
    }

    private void noteEnd(int microbatch, double end) {
        int j = microbatch / in.microBatches();
        minibatchEnds[j] = Math.max(minibatchEnds[j], end);
    }

    /** Memory effects when an operation starts (its buffers exist while it runs). */
    private void onStart(Worker w, Op op) {
        int m = op.microbatch();
        switch (op.phase()) {
            case FORWARD -> {
                w.actBits += w.fullBits;
                w.inFlight++;
                w.peakInFlight = Math.max(w.peakInFlight, w.inFlight);
                w.stashedVersion[m] = w.version;
                w.stashed.merge(w.version, 1, Integer::sum);
                w.updatesAtForward[m] = w.updates;
            }
            case RECOMPUTE -> w.actBits += w.fullBits - w.inputBits;
            default -> {
            }
        }
        w.noteMemory();
    }

    private void onEnd(Worker w, Op op) {
        int s = w.stage;
        int m = op.microbatch();
        switch (op.phase()) {
            case FORWARD -> {
                if (in.rematerialize()) {
                    w.actBits -= w.fullBits - w.inputBits;
                }
                if (s + 1 < k) {
                    Worker dst = workers[s + 1][m % workers[s + 1].length];
                    send(w, dst, Transfer.Kind.ACTIVATION, m, outBits(s), () -> {
                        actArrived[s + 1][m] = true;
                        tryAdvance(dst);
                    });
                }
            }
            case BACKWARD -> {
                w.actBits -= w.fullBits;
                w.inFlight--;
                int v = w.stashedVersion[m];
                if (w.stashed.merge(v, -1, Integer::sum) == 0) {
                    w.stashed.remove(v);
                }
                if (s > 0) {
                    Worker dst = workers[s - 1][m % workers[s - 1].length];
                    send(w, dst, Transfer.Kind.GRADIENT, m, inBits(s), () -> {
                        gradArrived[s - 1][m] = true;
                        tryAdvance(dst);
                    });
                }
                if (workers[s].length > 1) {
                    boolean last = in.kind() == ScheduleKind.PIPEDREAM || w.lastBackwardOf[m / in.microBatches()] == m;
                    if (last) {
                        int g = groupOf(s, m);
                        w.ownReady[g] = true;
                        ringStep(w, g);
                    }
                }
            }
            case UPDATE -> {
                w.version++;
                w.updates++;
                if (in.kind() == ScheduleKind.PIPEDREAM) {
                    // updates applied between this micro-batch's forward and its own update
                    int staleness = w.updates - 1 - w.updatesAtForward[m];
                    w.maxStaleness = Math.max(w.maxStaleness, staleness);
                    w.stalenessSum += staleness;
                    w.stalenessCount++;
                }
            }
            default -> {
            }
        }
        w.noteMemory();
    }

    private void send(Worker from, Worker to, Transfer.Kind kind, int microbatch, long bits, Runnable arrived) {
        int id = transfers.size();
        transfers.add(null); // the slot of this transfer call; filled when it arrives
        net.transfer(from.node, to.node, bits, (start, arrival) -> {
            rows.add(new PhaseRow(from.node, from.stage, microbatch, Phase.SEND, start, arrival));
            transfers.set(id, new Transfer(id, kind, from.node, to.node, from.stage, to.stage, microbatch, bits, start,
                    arrival));
            noteEnd(microbatch, arrival);
            arrived.run();
        });
    }

    /**
     * Ring all-reduce among a stage's replicas for group j (a minibatch, or a pipedream round-robin group): 2 (r - 1)
     * steps; in each, every replica sends one chunk of ceil(weightBits / r) bits to the next replica, once it has
     * its own gradients and the previous step's chunk.
     */
    private void ringStep(Worker w, int j) {
        Worker[] ring = workers[w.stage];
        int r = ring.length;
        int steps = 2 * (r - 1);
        Worker dst = ring[(w.replica + 1) % r];
        long chunk = (w.weightBits + r - 1) / r;
        int lastMb = in.kind() == ScheduleKind.PIPEDREAM ? Math.min(n - 1, j * r + w.replica)
                : j * in.microBatches() + in.microBatches() - 1;
        // step k needs the chunk of step k - 1; chunks that came before this replica was ready go out at once
        while (w.ownReady[j] && w.sent[j] < steps && w.sent[j] <= w.received[j]) {
            w.sent[j]++;
            send(w, dst, Transfer.Kind.ALLREDUCE, lastMb, chunk, () -> {
                dst.received[j]++;
                if (dst.received[j] == steps) {
                    dst.reduced[j] = true;
                    tryAdvance(dst);
                }
                ringStep(dst, j);
            });
        }
    }

    // ------------------------------------------------------------------ result

    private static int phaseOrder(Phase p) {
        return p.ordinal();
    }

    private ScheduleResult result() {
        rows.sort(Comparator.comparingDouble(PhaseRow::start).thenComparingInt(PhaseRow::stage)
                .thenComparingInt(PhaseRow::microbatch).thenComparingInt(r -> phaseOrder(r.phase()))
                .thenComparingDouble(PhaseRow::end).thenComparing(PhaseRow::node));
        List<StageStats> stats = new ArrayList<>();
        double busy = 0;
        int count = 0;
        double total = 0;
        for (PhaseRow r : rows) {
            total = Math.max(total, r.end());
        }
        for (int s = 0; s < k; s++) {
            double sBusy = 0;
            long peakAct = 0;
            long peakMem = 0;
            int versions = 0;
            int inflight = 0;
            int maxStale = 0;
            long staleSum = 0;
            long staleCount = 0;
            for (Worker w : workers[s]) {
                sBusy += w.busySeconds;
                peakAct = Math.max(peakAct, w.peakActBits);
                peakMem = Math.max(peakMem, w.peakMemBits);
                versions = Math.max(versions, w.maxVersions);
                inflight = Math.max(inflight, w.peakInFlight);
                maxStale = Math.max(maxStale, w.maxStaleness);
                staleSum += w.stalenessSum;
                staleCount += w.stalenessCount;
                count++;
            }
            busy += sBusy;
            stats.add(new StageStats(sBusy, bytes(workers[s][0].weightBits), bytes(peakAct), bytes(peakMem), versions,
                    inflight, maxStale, staleCount == 0 ? 0 : (double) staleSum / staleCount));
        }
        return new ScheduleResult(List.copyOf(rows), List.copyOf(stats), firstStart == Double.POSITIVE_INFINITY ? 0 : firstStart,
                total, minibatchEnds.clone(), busy, count, net.linkBits(), transfers);
    }
}

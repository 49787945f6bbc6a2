package org.edgeai.app.gui.run;

import static org.edgeai.app.gui.run.SortedTimes.lowerBound;
import static org.edgeai.app.gui.run.SortedTimes.upperBound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;

/**
 * Everything the workbench has seen of a run, kept so the animation, the timeline and the charts can show any
 * moment of it again (pause, step back with the scrubber, replay). Filled from the engine's {@link SimEvent}s as
 * the JavaFX thread drains them; single-threaded (the JavaFX thread, or a test).
 *
 * <h2>Storage</h2>
 * Column arrays that grow by doubling: about 60 bytes a hop and 40 a computation, so a million hops take 60 MB.
 * Hops are kept in publication order, which is the order of their queueing time ({@link #hopQueued}), because the
 * engine publishes a hop when it commits it at the current virtual time. Computations are kept per node in start
 * order (a node computes one thing at a time, first come first served).
 *
 * <h2>Queries at a cursor time t</h2>
 * {@link #forEachHopAt} visits the hops queued at or before t that have not arrived by t: a binary search finds the
 * hops queued before t, and only those queued after t − (longest hop seen) can still be in flight, so a frame costs
 * O(log H + hops in that window). Hops whose arrival is not yet known (shared access capacity, processor sharing)
 * are kept in a small open list until their arrival is recorded.
 */
public final class RunRecording {

    /** The number of kinds of {@link MessageKind}. */
    public static final int KINDS = MessageKind.values().length;

    private final int nodes;
    private final int links;

    // hops
    private int hopCount;
    private double[] hQueued = new double[1024];
    private double[] hSend = new double[1024];
    private double[] hArrive = new double[1024];
    private int[] hSrc = new int[1024];
    private int[] hDst = new int[1024];
    private int[] hRound = new int[1024];
    private long[] hBits = new long[1024];
    private byte[] hKind = new byte[1024];
    private double longestHop;
    private final Map<Long, Integer> open = new HashMap<>(); // (message, src) -> hop index, arrival unknown
    private final List<Integer> openList = new ArrayList<>();

    // computations, per node in start order
    private final int[] cCount;
    private final double[][] cStart;
    private final double[][] cEnd;
    private final int[][] cRound;
    private long computations;

    private final List<RoundMetrics> rounds = new ArrayList<>();
    private final List<SimEvent.LinkStateChanged> linkChanges = new ArrayList<>();
    private final List<NodeSnapshot> snapshots = new ArrayList<>();
    private final long[] bitsSentByNode;
    private double frontier;

    /**
     * @param nodes number of topology nodes (indices of the events)
     * @param links number of topology links
     */
    public RunRecording(int nodes, int links) {
        if (nodes < 0 || links < 0) {
            throw new IllegalArgumentException("nodes and links must be >= 0, got " + nodes + " and " + links);
        }
        this.nodes = nodes;
        this.links = links;
        cCount = new int[nodes];
        cStart = new double[nodes][];
        cEnd = new double[nodes][];
        cRound = new int[nodes][];
        bitsSentByNode = new long[nodes];
    }

    public int nodes() {
        return nodes;
    }

    public int links() {
        return links;
    }

    // ------------------------------------------------------------------ recording

    /** Records one event. O(1) amortized. */
    public void add(SimEvent e) {
        if (e instanceof SimEvent.HopStarted h) {
            addHop(h);
        } else if (e instanceof SimEvent.HopArrived a) {
            arrived(a);
        } else if (e instanceof SimEvent.ComputeStarted c) {
            addCompute(c);
        } else if (e instanceof SimEvent.ComputeFinished f) {
            frontier = Math.max(frontier, f.tEndS());
        } else if (e instanceof SimEvent.LinkStateChanged l) {
            linkChanges.add(l);
            frontier = Math.max(frontier, l.timeS());
        } else if (e instanceof SimEvent.RoundFinished r) {
            rounds.add(r.metrics());
            frontier = Math.max(frontier, r.metrics().timeS());
        }
    }

    private void addHop(SimEvent.HopStarted h) {
        int i = hopCount;
        if (i == hQueued.length) {
            int c = i * 2;
            hQueued = Arrays.copyOf(hQueued, c);
            hSend = Arrays.copyOf(hSend, c);
            hArrive = Arrays.copyOf(hArrive, c);
            hSrc = Arrays.copyOf(hSrc, c);
            hDst = Arrays.copyOf(hDst, c);
            hRound = Arrays.copyOf(hRound, c);
            hBits = Arrays.copyOf(hBits, c);
            hKind = Arrays.copyOf(hKind, c);
        }
        // Guard the sort order against a lossy buffer that skipped records: never let queue times go back.
        double q = i > 0 ? Math.max(h.tQueuedS(), hQueued[i - 1]) : h.tQueuedS();
        hQueued[i] = q;
        hSend[i] = h.tSendS();
        hArrive[i] = h.tArriveS();
        hSrc[i] = h.src();
        hDst[i] = h.dst();
        hRound[i] = h.round();
        hBits[i] = h.bits();
        hKind[i] = (byte) h.kind().ordinal();
        hopCount++;
        if (h.src() >= 0 && h.src() < nodes) {
            bitsSentByNode[h.src()] += h.bits();
        }
        if (Double.isNaN(h.tArriveS())) {
            open.put(key(h.message(), h.src()), i);
            openList.add(i);
            frontier = Math.max(frontier, h.tSendS());
        } else {
            longestHop = Math.max(longestHop, h.tArriveS() - q);
            frontier = Math.max(frontier, h.tSendS());
        }
    }

    private void arrived(SimEvent.HopArrived a) {
        frontier = Math.max(frontier, a.tArriveS());
        Integer i = open.remove(key(a.message(), a.src()));
        if (i != null) {
            hSend[i] = a.tSendS();
            hArrive[i] = a.tArriveS();
            longestHop = Math.max(longestHop, a.tArriveS() - hQueued[i]);
            openList.remove(i);
        }
    }

    private static long key(int message, int src) {
        return ((long) message << 32) | (src & 0xFFFFFFFFL);
    }

    private void addCompute(SimEvent.ComputeStarted c) {
        int n = c.node();
        if (n < 0 || n >= nodes) {
            return;
        }
        int k = cCount[n];
        if (cStart[n] == null) {
            cStart[n] = new double[8];
            cEnd[n] = new double[8];
            cRound[n] = new int[8];
        } else if (k == cStart[n].length) {
            cStart[n] = Arrays.copyOf(cStart[n], k * 2);
            cEnd[n] = Arrays.copyOf(cEnd[n], k * 2);
            cRound[n] = Arrays.copyOf(cRound[n], k * 2);
        }
        cStart[n][k] = c.tStartS();
        cEnd[n][k] = c.tEndS();
        cRound[n][k] = c.round();
        cCount[n] = k + 1;
        computations++;
        frontier = Math.max(frontier, c.tStartS());
    }

    /**
     * Records the per-node values the run's probe copied after file round {@code snapshot.round()} (rounds
     * arrive in order; a repeated or older round is ignored).
     */
    public void addSnapshot(NodeSnapshot snapshot) {
        if (snapshots.isEmpty() || snapshot.round() > snapshots.get(snapshots.size() - 1).round()) {
            snapshots.add(snapshot);
        }
    }

    // ------------------------------------------------------------------ reading

    /** The latest virtual time anything recorded refers to, seconds: the end of what can be shown. */
    public double frontier() {
        return frontier;
    }

    public int hopCount() {
        return hopCount;
    }

    public double hopQueued(int i) {
        return hQueued[i];
    }

    public double hopSend(int i) {
        return hSend[i];
    }

    /** Arrival time, or NaN while unknown. */
    public double hopArrive(int i) {
        return hArrive[i];
    }

    public int hopSrc(int i) {
        return hSrc[i];
    }

    public int hopDst(int i) {
        return hDst[i];
    }

    /** The engine's round (0-based) the hop belongs to. */
    public int hopRound(int i) {
        return hRound[i];
    }

    public long hopBits(int i) {
        return hBits[i];
    }

    public MessageKind hopKind(int i) {
        return MessageKind.ofOrdinal(hKind[i]);
    }

    /** Visits a hop alive at a time; see {@link #forEachHopAt}. */
    @FunctionalInterface
    public interface HopVisitor {
        /**
         * @param hop      the hop's index
         * @param progress in [0, 1): the share of the way from sender to receiver at the time, where the way is the
         *                 transmission plus the latency; negative while the hop waits in the sender's queue, NaN
         *                 when its arrival is not known yet (drawn at the sender)
         */
        void visit(int hop, double progress);
    }

    /**
     * Visits every hop queued at or before {@code t} that has not arrived by {@code t}. O(log H + hops queued in
     * the last "longest hop" before t).
     */
    public void forEachHopAt(double t, HopVisitor v) {
        int end = hopsQueuedBy(t);
        int start = lowerBound(hQueued, 0, end, t - longestHop);
        for (int i = start; i < end; i++) {
            double a = hArrive[i];
            if (Double.isNaN(a)) {
                continue; // visited from the open list below
            }
            if (a > t) {
                double s = hSend[i];
                v.visit(i, t < s ? -1 : (t - s) / (a - s));
            }
        }
        for (int i : openList) {
            if (hQueued[i] <= t) {
                v.visit(i, t < hSend[i] ? -1 : Double.NaN);
            }
        }
    }

    /** Hops queued at or before {@code t}: they are hops [0, result). O(log H). */
    public int hopsQueuedBy(double t) {
        return upperBound(hQueued, 0, hopCount, t);
    }

    /** Hops queued before {@code t}: they are hops [0, result). O(log H). */
    public int hopsQueuedBefore(double t) {
        return lowerBound(hQueued, 0, hopCount, t);
    }

    /** Computations recorded on {@code node}. */
    public int computeCount(int node) {
        return cCount[node];
    }

    public double computeStart(int node, int k) {
        return cStart[node][k];
    }

    public double computeEnd(int node, int k) {
        return cEnd[node][k];
    }

    public int computeRound(int node, int k) {
        return cRound[node][k];
    }

    /** Computations recorded on all nodes. */
    public long computations() {
        return computations;
    }

    /**
     * The computation {@code node} is running at {@code t} (its index for {@link #computeStart} etc.), or -1 when
     * idle. O(log computations of the node).
     */
    public int computeAt(int node, double t) {
        int n = cCount[node];
        if (n == 0) {
            return -1;
        }
        int k = upperBound(cStart[node], 0, n, t) - 1;
        return k >= 0 && t < cEnd[node][k] ? k : -1;
    }

    /** Rounds finished so far, in order: element r is the engine's round r (the file's round r + 1). */
    public List<RoundMetrics> rounds() {
        return java.util.Collections.unmodifiableList(rounds);
    }

    /** Rounds finished by virtual time {@code t} (the round whose end is at t counts). */
    public int roundsFinishedAt(double t) {
        int lo = 0;
        int hi = rounds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rounds.get(mid).timeS() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Link up/down changes so far, in time order. */
    public List<SimEvent.LinkStateChanged> linkChanges() {
        return java.util.Collections.unmodifiableList(linkChanges);
    }

    /** Whether link {@code link} is up at {@code t}. O(link changes). */
    public boolean linkUpAt(int link, double t) {
        boolean up = true;
        for (SimEvent.LinkStateChanged c : linkChanges) {
            if (c.timeS() > t) {
                break;
            }
            if (c.link() == link) {
                up = c.up();
            }
        }
        return up;
    }

    /** Per-node snapshots so far, one per finished round, in order. */
    public List<NodeSnapshot> snapshots() {
        return java.util.Collections.unmodifiableList(snapshots);
    }

    /** The latest snapshot taken at or before file round {@code round}, or null. */
    public NodeSnapshot snapshotAtRound(int round) {
        NodeSnapshot best = null;
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            if (snapshots.get(i).round() <= round) {
                best = snapshots.get(i);
                break;
            }
        }
        return best;
    }

    /** Bits each node has put on links so far (all hops recorded, whatever their time). */
    public long[] bitsSentByNode() {
        return bitsSentByNode.clone();
    }

    /** Bits node {@code node} had put on links by {@code t} (hops whose sending started by t). O(hops queued by t). */
    public long bitsSentBy(int node, double t) {
        int end = hopsQueuedBy(t);
        long s = 0;
        for (int i = 0; i < end; i++) {
            if (hSrc[i] == node && hSend[i] <= t) {
                s += hBits[i];
            }
        }
        return s;
    }

    /** Total bits on links by {@code t}, counting hops whose sending started by t (a whole hop at once). */
    public long bitsAt(double t) {
        int end = hopsQueuedBy(t);
        long s = 0;
        for (int i = 0; i < end; i++) {
            if (hSend[i] <= t) {
                s += hBits[i];
            }
        }
        return s;
    }

    /**
     * The first time after {@code t} at which something starts or ends (a hop is queued, starts sending or arrives;
     * a computation starts or ends; a round ends), or NaN when nothing recorded lies after t: what "Step" moves
     * the cursor to.
     */
    public double nextEventAfter(double t) {
        double best = Double.POSITIVE_INFINITY;
        int q = hopsQueuedBy(t);
        if (q < hopCount) {
            best = hQueued[q];
        }
        int start = lowerBound(hQueued, 0, q, t - longestHop);
        for (int i = start; i < q; i++) {
            if (hSend[i] > t && hSend[i] < best) {
                best = hSend[i];
            }
            if (hArrive[i] > t && hArrive[i] < best) {
                best = hArrive[i];
            }
        }
        for (int n = 0; n < nodes; n++) {
            int c = cCount[n];
            if (c == 0) {
                continue;
            }
            int k = upperBound(cStart[n], 0, c, t);
            if (k < c && cStart[n][k] < best) {
                best = cStart[n][k];
            }
            if (k > 0 && cEnd[n][k - 1] > t && cEnd[n][k - 1] < best) {
                best = cEnd[n][k - 1];
            }
        }
        int r = roundsFinishedAt(t);
        if (r < rounds.size() && rounds.get(r).timeS() < best) {
            best = rounds.get(r).timeS();
        }
        return best == Double.POSITIVE_INFINITY ? Double.NaN : best;
    }

    /**
     * Values per node after a round, copied on the engine thread by the run's probe.
     *
     * @param round            the file's round (1-based)
     * @param distanceToMean   per topology node, ||x_i − x̄|| (NaN for a node that holds no model)
     * @param localLoss        per topology node, the loss on its last minibatch (NaN where none)
     * @param dropped          per topology node, whether it sits out the next round
     * @param straggling       per topology node, whether it is slowed down in the next round
     */
    public record NodeSnapshot(int round, double[] distanceToMean, double[] localLoss, boolean[] dropped,
                               boolean[] straggling) {
    }
}

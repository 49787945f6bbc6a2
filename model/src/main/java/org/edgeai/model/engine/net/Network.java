package org.edgeai.model.engine.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.FreeIds;
import org.edgeai.model.engine.core.HandlerIds;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.engine.trace.SimObserver;
import org.edgeai.model.engine.trace.TraceSink;
import org.edgeai.model.engine.trace.TraceSinks;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * The network timing model: messages of exact bit sizes travel full-duplex links, hop by hop, on a
 * {@link Simulator}'s clock.
 *
 * <h2>Indices</h2>
 * Nodes are indices of the topology's order, links indices of its link order ({@link IndexedGraph}). A
 * <em>direction</em> is one way of one link, identified by its position in the graph's CSR adjacency: the
 * direction from node i to its k-th neighbour is {@code graph.offset(i) + k} ({@link #direction(int, int)},
 * {@link #reverse(int)}). Algorithms that iterate neighbours send with {@link #sendToNeighbour} (or
 * {@link #sendVia} on a direction), which skips every lookup; gossip's pairwise exchange is one call,
 * {@link #exchange}. Any other pair of nodes uses {@link #send}.
 *
 * <h2>Timing (DESIGN.md "Network timing")</h2>
 * <ul>
 *   <li>A hop of b bits on a direction of bandwidth B Mbit/s occupies that direction for
 *       {@code b / (B * 1e6)} seconds. Each direction serves hops first come first served: a hop starts when
 *       its message is at the sending node and every hop committed earlier on that direction has sent its last
 *       bit. The two directions of a link are independent.</li>
 *   <li>The hop arrives {@code latencyMs / 1e3} seconds after its last bit left. It is traced then, as one
 *       record (round, first-bit time, arrival time, hop endpoints, bits, kind).</li>
 *   <li>A message between neighbours takes their link (when it is up). Otherwise it is stored and forwarded
 *       along the least-latency path, ties broken by hop count, then by the lexicographically smallest
 *       sequence of node indices (see {@link Routes}); each node on the way looks up its next hop when the
 *       message has fully arrived (store and forward), so a forwarded hop starts at the earliest at the
 *       previous hop's arrival. The direct-link rule applies to the message's own source and destination; at
 *       intermediate nodes the routing table decides.</li>
 *   <li>A message is never smaller than 1 bit: sizes 0 are sent as 1 bit; negative sizes are rejected.</li>
 * </ul>
 *
 * <h2>Shared access capacity (processor sharing)</h2>
 * A node with an access capacity A (bit/s; {@link Node#accessMbps()}) shares it among all transfers into or
 * out of it. A hop is <em>active</em> from its first bit to its last bit on its direction (while it is queued
 * behind another hop of the same direction it is not active: the link's FIFO comes first, sharing applies to
 * the hops that are on the wire). While active, a hop on direction u→v transmits at
 * <pre>  rate = min(B_link, A_u / n_u, A_v / n_v)</pre>
 * where n_x is the number of active hops touching x and a term is left out for a node without capacity.
 * Capacity a hop cannot use (because its link is slower than its share) is not redistributed: this is the
 * rule as specified, equal shares capped by each link. Rates are recomputed exactly, event by event: when a
 * hop starts or ends at a capped node, every active hop at that node has its remaining bits brought up to date
 * and gets its new rate, and the node's next completion is rescheduled. Changes at one virtual instant are
 * batched into one recomputation at that instant (rates over a zero-length interval do not matter). Cost:
 * O(active hops at the node) per change, no allocation. Completions that fall at the same instant complete
 * in the order the hops started. A hop that touches a capped node has no arrival time until its last bit
 * leaves (its {@link SimEvent.HopStarted} record carries NaN).
 *
 * <h2>Link down / up</h2>
 * Links named in the builder's link events go down and up at the given times. A down link starts no new
 * transmission: routing avoids it for every hop chosen while it is down, and hops already queued on one of its
 * directions wait (they are not re-routed) and start, in their order, when it comes up. A hop whose first bit
 * left before the link went down is already committed and completes normally. A message that finds no path
 * of up links waits at its current node and is re-routed when any link comes up. Links without events are
 * never down; on a network without link events an unreachable destination is an error at {@code send}.
 *
 * <h2>Performance</h2>
 * Messages are int handles into a pool of 64-byte records (endpoints, current node, round, hop, bits, tag,
 * times, handler id) recycled through a FIFO free ring, so that with equal delays the records are written and
 * read in sequence. Each direction is an 8-byte record (target and reverse direction); its link class is read
 * from an array of its own only when the links have several (bandwidth, latency) classes, and on a graph whose
 * nodes all have the same degree a node's first direction is computed, not read. The times until which
 * directions are busy sit in a small table that holds only the directions with a hop on the wire
 * ({@link BusyUntil}). So sending on a random link reads one cache line for the link and one for the message,
 * and an exchange reads one direction record for both directions. Events are {@code (network, code, msg, 0)}
 * tuples and handlers are stored as int ids; no object is created per message unless an observer is attached.
 * A hop on a direction whose endpoints have no access capacity and whose link has no events takes the fast
 * path: its start, end and arrival are computed at once from the direction's free-at time, and it costs one
 * event (its arrival); the two hops of an {@link #exchange} that arrive at the same instant (equal sizes on free
 * directions, the usual case in gossip) share one event, which delivers them in the order two events would. An
 * exchange delivered as a unit ({@link ExchangeHandler}) whose hops arrive together, with no trace of hops and no
 * observer, keeps no message record at all: its one event carries the handler and the tag.
 * Routing tables are built lazily per destination and cached. {@link MessageHandler}s are
 * registered by identity on first use, like the simulator's event handlers: they should be long-lived.
 *
 * <p>Single-threaded, like the {@link Simulator} it runs on.
 */
public final class Network implements EventHandler {

    private static final int EV_ARRIVE = 0;
    private static final int EV_XMIT_DONE = 1;
    private static final int EV_NODE_DONE = 2;
    private static final int EV_RESHARE = 3;
    private static final int EV_LINK = 4;
    /** Both hops of an exchange, arriving at the same instant: (a, b) = the two messages, delivered a then b. */
    private static final int EV_ARRIVE_PAIR = 5;
    /** Both hops of a record-less exchange, arriving at the same instant: (a, b) = exchange handler id, its tag. */
    private static final int EV_EXCHANGED = 6;

    private static final int INITIAL_MESSAGES = 1024;
    private static final int MAX_HANDLERS = 1 << 20;
    private static final long LO = 0xFFFFFFFFL;

    // Direction record, one long: target | reverse << 32. That is all a hop on the fast path reads of the graph when
    // every link has the same (bandwidth, latency) class, the common case; the class of each direction is in a small
    // array of its own (dirClass), read only when there are several classes. Eight bytes a direction rather than 16
    // halve the graph's footprint, which on a graph far larger than the caches is what a random hop costs (decision
    // 0014). Bandwidth and latency live in the small table of distinct classes; the directions' busy-until times
    // are in a small table of their own (BusyUntil).

    // Message record, stride 8 longs.
    private static final int M_SRC_DST = 0;
    private static final int M_AT_ROUND = 1;
    private static final int M_HOP = 2;       // hop direction | hop target << 32
    private static final int M_BITS = 3;
    private static final int M_TAG = 4;
    private static final int M_HOP_START = 5; // double bits
    private static final int M_SENT_AT = 6;   // double bits
    private static final int M_HANDLER_KIND = 7; // handler id | kind << 32 | SUPERPOSED
    /** Flag in M_HANDLER_KIND: an over-the-air message whose last hop takes no share of its destination's capacity. */
    private static final long SUPERPOSED = 1L << 40;

    private final Simulator sim;
    private final int simId;
    private final IndexedGraph graph;
    private final int n;
    private final int m;
    private final int dirs;

    // ---- topology
    private final int[] off;
    private final int[] from;
    private final int[] linkOf;
    private final int[] sortedNbr;
    private final int[] sortedDir;
    private final long[] dirRec;
    private final int[] dirClass;
    /** True when all links share one class (class 0; dirClass is then null). */
    private final boolean oneClass;
    /** The degree of every node when all are equal (then firstDirection(i) = i · degree, no memory read), else -1. */
    private final int uniformDegree;
    private final BusyUntil busyUntil = new BusyUntil();
    private final double[] classBps;
    private final double[] classLat;

    // ---- per link
    private final double[] bandwidthMbps;
    private final double[] latencyMs;
    private final boolean[] linkUp;
    private final boolean dynamic;

    // ---- explicit (queued) directions: those touching a capped node or on a link with events
    private final boolean anyExplicit;
    private final boolean[] explicit;
    private final int[] qHead;
    private final int[] qTail;
    private final int[] busy;

    // ---- processor sharing, per node
    private final double[] access; // bit/s, 0 = none
    private final int[] psHead;
    private final int[] psTail;
    private final int[] psCount;
    private final int[] nodeEpoch;
    private final boolean[] dirty;
    private final boolean[] minDirty;
    private int[] dirtyList;
    private int dirtyCount;
    private int[] minDirtyList;
    private int minDirtyCount;
    private boolean reshareScheduled;

    private final Routes routes;

    // ---- message pool
    private long[] mRec;
    // Free message records, oldest-freed first: with equal latencies records are reused in the order they were sent,
    // so the writes at send and the reads at arrival walk the pool in sequence (FreeIds).
    private FreeIds freeMsgs;
    private int live;
    // explicit mode only
    private int[] mNext;
    private double[] mRem;
    private double[] mRate;
    private double[] mLast;
    private double[] mFinish;
    private int[] psNext; // 2 entries per message: side 0 = hop source, side 1 = hop target
    private int[] psPrev;

    // ---- message handlers by id
    private final HandlerIds<MessageHandler> messageHandlers =
            new HandlerIds<>(new MessageHandler[4], MAX_HANDLERS, "network", "message handlers");
    private final HandlerIds<ExchangeHandler> exchangeHandlers =
            new HandlerIds<>(new ExchangeHandler[4], MAX_HANDLERS, "network", "exchange handlers");
    /** Exchanges delivered as units but sent as two messages with records (traced, observed, or timed apart). */
    private final ExchangePairs pairs = new ExchangePairs();

    private int[] parked = new int[16];
    private int parkedCount;

    private TraceSink trace;
    private boolean tracing;
    private SimObserver observer;

    // ---- counters (cumulative)
    private long messagesSent;
    private long messageBits;
    private long messagesDelivered;
    private long hopsCommitted;
    private long linkBits;
    private long hopsArrived;
    private long pairSink; // keeps the early load of a pair's second record

    private Network(Builder b) {
        this.sim = b.sim;
        this.simId = sim.register(this);
        this.graph = b.graph;
        this.n = graph.nodeCount();
        this.m = graph.linkCount();
        this.dirs = 2 * m;
        off = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            off[i] = i < n ? graph.offset(i) : dirs;
        }
        int[] to = graph.adjacency();
        linkOf = graph.adjacencyLinks();
        from = new int[dirs];
        for (int i = 0; i < n; i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                from[p] = i;
            }
        }
        int[] rev = new int[dirs];
        int[] firstPos = new int[m];
        Arrays.fill(firstPos, -1);
        for (int p = 0; p < dirs; p++) {
            int e = linkOf[p];
            if (firstPos[e] < 0) {
                firstPos[e] = p;
            } else {
                rev[p] = firstPos[e];
                rev[firstPos[e]] = p;
            }
        }
        // Neighbours sorted by index, for direction(src, dst) by binary search.
        sortedNbr = new int[dirs];
        sortedDir = new int[dirs];
        long[] keys = new long[dirs];
        for (int p = 0; p < dirs; p++) {
            keys[p] = ((long) to[p] << 32) | p;
        }
        for (int i = 0; i < n; i++) {
            Arrays.sort(keys, off[i], off[i + 1]);
        }
        for (int p = 0; p < dirs; p++) {
            sortedNbr[p] = (int) (keys[p] >>> 32);
            sortedDir[p] = (int) keys[p];
        }

        bandwidthMbps = b.bandwidthMbps.clone();
        latencyMs = b.latencyMs.clone();
        long[] latencyNs = new long[m];
        linkUp = new boolean[m];
        Arrays.fill(linkUp, true);
        for (int e = 0; e < m; e++) {
            latencyNs[e] = Math.round(latencyMs[e] * 1e6);
        }
        // Link classes: distinct (bandwidth, latency) pairs, numbered in link order (the map is only looked up).
        Map<LinkClass, Integer> classes = new HashMap<>();
        int[] classOfLink = new int[m];
        double[] cb = new double[16];
        double[] cl = new double[16];
        for (int e = 0; e < m; e++) {
            LinkClass key = new LinkClass(Double.doubleToLongBits(bandwidthMbps[e]), Double.doubleToLongBits(latencyMs[e]));
            Integer c = classes.get(key);
            if (c == null) {
                c = classes.size();
                classes.put(key, c);
                if (c == cb.length) {
                    cb = Arrays.copyOf(cb, 2 * c);
                    cl = Arrays.copyOf(cl, 2 * c);
                }
                cb[c] = bandwidthMbps[e] * 1e6;
                cl[c] = latencyMs[e] / 1e3;
            }
            classOfLink[e] = c;
        }
        classBps = Arrays.copyOf(cb, classes.size());
        classLat = Arrays.copyOf(cl, classes.size());
        dirRec = new long[dirs];
        oneClass = classBps.length <= 1;
        dirClass = oneClass ? null : new int[dirs];
        for (int p = 0; p < dirs; p++) {
            dirRec[p] = (to[p] & LO) | ((long) rev[p] << 32);
            if (!oneClass) {
                dirClass[p] = classOfLink[linkOf[p]];
            }
        }
        int ud = n > 0 ? off[1] - off[0] : 0;
        for (int i = 1; i < n && ud >= 0; i++) {
            if (off[i + 1] - off[i] != ud || off[i] != i * ud) {
                ud = -1;
            }
        }
        uniformDegree = ud;

        access = new double[n];
        boolean anyAccess = false;
        if (b.accessMbps != null) {
            for (int i = 0; i < n; i++) {
                double a = b.accessMbps[i];
                if (a > 0) {
                    access[i] = a * 1e6;
                    anyAccess = true;
                }
            }
        }
        boolean[] dynamicLink = new boolean[m];
        for (LinkEvent ev : b.linkEvents) {
            dynamicLink[ev.link] = true;
        }
        dynamic = !b.linkEvents.isEmpty();
        explicit = new boolean[dirs];
        boolean anyExp = false;
        for (int p = 0; p < dirs; p++) {
            if (access[from[p]] > 0 || access[to[p]] > 0 || dynamicLink[linkOf[p]]) {
                explicit[p] = true;
                anyExp = true;
            }
        }
        anyExplicit = anyExp;
        if (anyExplicit) {
            qHead = new int[dirs];
            qTail = new int[dirs];
            busy = new int[dirs];
            Arrays.fill(qHead, -1);
            Arrays.fill(qTail, -1);
            Arrays.fill(busy, -1);
        } else {
            qHead = qTail = busy = null;
        }
        if (anyAccess) {
            psHead = new int[n];
            psTail = new int[n];
            psCount = new int[n];
            nodeEpoch = new int[n];
            dirty = new boolean[n];
            minDirty = new boolean[n];
            Arrays.fill(psHead, -1);
            Arrays.fill(psTail, -1);
            dirtyList = new int[16];
            minDirtyList = new int[16];
        } else {
            psHead = psTail = psCount = nodeEpoch = null;
            dirty = minDirty = null;
        }
        routes = new Routes(n, off, to, linkOf, rev, latencyNs, linkUp);

        allocPool(INITIAL_MESSAGES);
        setTrace(b.trace);
        this.observer = b.observer;
        for (LinkEvent ev : b.linkEvents) {
            sim.scheduleAt(ev.timeS, simId, EV_LINK, ev.link, ev.up ? 1 : 0);
        }
    }

    // =================================================================== construction

    /**
     * A builder over a topology: bandwidth, latency and access capacity are read from its links and nodes
     * (a snapshot: later edits of the topology do not reach this network).
     */
    public static Builder builder(Simulator sim, Topology topology) {
        IndexedGraph g = topology.indexed();
        double[] bw = new double[g.linkCount()];
        double[] lat = new double[g.linkCount()];
        int e = 0;
        for (Link l : topology.links()) {
            bw[e] = l.bandwidthMbps();
            lat[e++] = l.latencyMs();
        }
        double[] acc = new double[g.nodeCount()];
        int i = 0;
        for (Node node : topology.nodes()) {
            acc[i++] = node.accessMbps() == null ? 0 : node.accessMbps();
        }
        return new Builder(sim, g, bw, lat).accessMbps(acc);
    }

    /**
     * A builder over an index graph and per-link parameters (for large generated graphs that never become a
     * {@link Topology}).
     *
     * @param bandwidthMbps per link (graph link order), finite and &gt; 0, Mbit/s per direction
     * @param latencyMs     per link, finite and &ge; 0, milliseconds
     */
    public static Builder builder(Simulator sim, IndexedGraph graph, double[] bandwidthMbps, double[] latencyMs) {
        return new Builder(sim, graph, bandwidthMbps, latencyMs);
    }

    /** Collects a network's parameters; {@link #build()} validates them. */
    public static final class Builder {
        private final Simulator sim;
        private final IndexedGraph graph;
        private final double[] bandwidthMbps;
        private final double[] latencyMs;
        private double[] accessMbps;
        private TraceSink trace = TraceSinks.none();
        private SimObserver observer;
        private final List<LinkEvent> linkEvents = new ArrayList<>();

        private Builder(Simulator sim, IndexedGraph graph, double[] bandwidthMbps, double[] latencyMs) {
            this.sim = Objects.requireNonNull(sim, "sim");
            this.graph = Objects.requireNonNull(graph, "graph");
            this.bandwidthMbps = Objects.requireNonNull(bandwidthMbps, "bandwidthMbps");
            this.latencyMs = Objects.requireNonNull(latencyMs, "latencyMs");
        }

        /** Access capacity per node in Mbit/s; 0 or NaN for none. */
        public Builder accessMbps(double[] perNode) {
            this.accessMbps = perNode;
            return this;
        }

        public Builder trace(TraceSink sink) {
            this.trace = Objects.requireNonNull(sink, "trace");
            return this;
        }

        public Builder observer(SimObserver obs) {
            this.observer = obs;
            return this;
        }

        /**
         * Link {@code link} goes down ({@code up = false}) or comes up at virtual time {@code timeS}. Events at
         * equal times apply in the order added.
         */
        public Builder linkEvent(int link, double timeS, boolean up) {
            linkEvents.add(new LinkEvent(link, timeS, up));
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the link or node and the bad value
         */
        public Network build() {
            int m = graph.linkCount();
            int n = graph.nodeCount();
            if (bandwidthMbps.length != m || latencyMs.length != m) {
                throw new IllegalArgumentException("network: expected " + m + " bandwidths and latencies (one per link), got "
                        + bandwidthMbps.length + " and " + latencyMs.length);
            }
            for (int e = 0; e < m; e++) {
                if (!(bandwidthMbps[e] > 0) || Double.isInfinite(bandwidthMbps[e])) {
                    throw new IllegalArgumentException("network: link " + linkName(e) + ": bandwidthMbps must be finite and > 0, got "
                            + bandwidthMbps[e]);
                }
                if (!(latencyMs[e] >= 0) || Double.isInfinite(latencyMs[e])) {
                    throw new IllegalArgumentException("network: link " + linkName(e) + ": latencyMs must be finite and >= 0, got "
                            + latencyMs[e]);
                }
            }
            if (accessMbps != null) {
                if (accessMbps.length != n) {
                    throw new IllegalArgumentException("network: expected " + n + " access capacities (one per node), got "
                            + accessMbps.length);
                }
                for (int i = 0; i < n; i++) {
                    double a = accessMbps[i];
                    if (a < 0 || Double.isInfinite(a)) {
                        throw new IllegalArgumentException("network: node " + graph.id(i)
                                + ": accessMbps must be finite and > 0 (or 0/NaN for none), got " + a);
                    }
                }
            }
            for (LinkEvent ev : linkEvents) {
                if (ev.link < 0 || ev.link >= m) {
                    throw new IllegalArgumentException("network: link event for link index " + ev.link + ", expected 0.." + (m - 1));
                }
                if (!(ev.timeS >= sim.now()) || Double.isInfinite(ev.timeS)) {
                    throw new IllegalArgumentException("network: link event on " + linkName(ev.link)
                            + ": time must be finite and >= now (" + sim.now() + " s), got " + ev.timeS);
                }
            }
            return new Network(this);
        }

        private String linkName(int e) {
            return graph.id(graph.linkSource(e)) + " -- " + graph.id(graph.linkTarget(e));
        }
    }

    private record LinkEvent(int link, double timeS, boolean up) {
    }

    private record LinkClass(long bandwidthBits, long latencyBits) {
    }

    // =================================================================== sending

    /**
     * Sends a message of {@code bits} bits from {@code src} to {@code dst}: over their link when they are
     * neighbours (and it is up), else along the routed path. {@code handler.onMessage} runs when the last hop
     * arrives. O(log degree) plus, for non-neighbours, a cached table lookup per hop; no allocation.
     *
     * @param bits    &ge; 0; 0 is sent as 1 bit (a message never costs less than 1 bit)
     * @param round   the round the message belongs to (traced)
     * @param handler receives the message at {@code dst}
     * @param tag     the sender's 64-bit payload reference, handed back at delivery
     * @return the message's handle, valid until its delivery returns
     * @throws IllegalArgumentException for a bad node, equal endpoints, negative bits, or no path on a network
     *         without link events
     */
    public int send(int src, int dst, long bits, MessageKind kind, int round, MessageHandler handler, long tag) {
        return sendRouted("send", src, dst, bits, kind, round, handler, tag, 0);
    }

    /**
     * Sends an over-the-air message: exactly as {@link #send}, except that its last hop (the one into
     * {@code dst}) does not share {@code dst}'s access capacity. Analog uploads that start together on a
     * shared channel superpose in the air (over-the-air aggregation, ALGORITHMS.md), so the receiver's shared
     * channel carries all of them at once: each such hop runs at {@code min(B_link, A_src / n_src, A_dst)}, as
     * if it were alone at {@code dst}, and it does not slow the other transfers there either (a simplification:
     * the superposed signal's own use of the channel is not charged to them). Earlier hops of a routed message, and every
     * hop into a node without access capacity, are timed exactly as by {@link #send}. Traced and counted as any
     * message.
     *
     * @see #send
     */
    public int sendSuperposed(int src, int dst, long bits, MessageKind kind, int round, MessageHandler handler, long tag) {
        return sendRouted("sendSuperposed", src, dst, bits, kind, round, handler, tag, SUPERPOSED);
    }

    /** {@link #send} and {@link #sendSuperposed}: {@code flags} are or-ed into the message record; {@code op} names the caller in errors. */
    private int sendRouted(String op, int src, int dst, long bits, MessageKind kind, int round, MessageHandler handler,
                           long tag, long flags) {
        checkNode(src, "src");
        checkNode(dst, "dst");
        if (src == dst) {
            throw new IllegalArgumentException(op + ": src and dst are the same node " + graph.id(src));
        }
        long b = checkBits(bits);
        int hid = handlerId(handler);
        int d = direction(src, dst);
        if (d < 0 || (dynamic && !linkUp[linkOf[d]])) {
            d = routes.nextDir(src, dst);
            if (d < 0 && !dynamic) {
                throw new IllegalArgumentException(op + ": no path from " + graph.id(src) + " to " + graph.id(dst));
            }
        }
        int msg = alloc(src, dst, b, kind, round, hid, tag);
        if (flags != 0) {
            mRec[(msg << 3) + M_HANDLER_KIND] |= flags;
        }
        if (d < 0) {
            park(msg);
        } else {
            startHop(msg, d);
        }
        return msg;
    }

    /**
     * Sends a message from {@code src} to its {@code k}-th neighbour (in the graph's adjacency order): the fast
     * path for algorithms that iterate neighbours, with no lookup at all. If the link is down the message is
     * routed around it, as {@link #send} would.
     *
     * @param k in [0, degree(src))
     * @see #send
     */
    public int sendToNeighbour(int src, int k, long bits, MessageKind kind, int round, MessageHandler handler, long tag) {
        return sendOn(src, neighbourDirection(src, k, "sendToNeighbour"), bits, kind, round, handler, tag);
    }

    /** The direction to src's k-th neighbour, checked. */
    private int neighbourDirection(int src, int k, String op) {
        if (src >= 0 && src < n && k >= 0) {
            int ud = uniformDegree;
            if (ud >= 0) {
                if (k < ud) {
                    return src * ud + k;
                }
            } else {
                int d = off[src] + k;
                if (d < off[src + 1]) {
                    return d;
                }
            }
        }
        checkNode(src, "src");
        throw new IllegalArgumentException(op + ": k must be in [0, " + (off[src + 1] - off[src]) + ") for node "
                + graph.id(src) + ", got " + k);
    }

    /**
     * Sends a message on direction {@code dir} (see the class comment), to that direction's target.
     *
     * @see #sendToNeighbour
     */
    public int sendVia(int dir, long bits, MessageKind kind, int round, MessageHandler handler, long tag) {
        if (dir < 0 || dir >= dirs) {
            throw new IllegalArgumentException("sendVia: direction must be in [0, " + dirs + "), got " + dir);
        }
        return sendOn(from[dir], dir, bits, kind, round, handler, tag);
    }

    /**
     * The pairwise exchange of gossip: {@code src} sends a message to its {@code k}-th neighbour j and j sends
     * one back, at the same instant. Exactly equivalent to {@code sendToNeighbour(src, k, bitsOut, ...)}
     * followed by j's send to {@code src} with {@code bitsBack} and {@code tagBack} (same times, same event
     * order, same trace), but the link's state is read once, which matters on graphs too large for the caches.
     *
     * @param k in [0, degree(src))
     * @return j, the neighbour
     * @see #send
     */
    public int exchange(int src, int k, long bitsOut, long bitsBack, MessageKind kind, int round, MessageHandler handler,
                        long tagOut, long tagBack) {
        int d = neighbourDirection(src, k, "exchange");
        long b1 = checkBits(bitsOut);
        long b2 = checkBits(bitsBack);
        int hid = handlerId(handler);
        long toRev = dirRec[d];
        int j = (int) toRev;
        int rv = (int) (toRev >>> 32);
        if (isSlowDirection(d)) {
            sendOn(src, d, b1, kind, round, handler, tagOut);
            sendOn(j, rv, b2, kind, round, handler, tagBack);
        } else {
            commitBoth(d, rv, b1, b2);
            deliverSeparately(src, d, j, rv, b1, b2, kind, round, hid, tagOut, tagBack);
        }
        return j;
    }

    /**
     * The same exchange, delivered as a unit: {@code handler.onExchanged(tag)} runs once, when the later of the
     * two messages has arrived (at the moment, and in the event order, in which the second
     * {@link MessageHandler#onMessage} of the other form would run). Times, counters and trace are those of the
     * other form. When nothing watches single messages (no trace of hops, no observer) and both hops arrive at one
     * instant, the usual case in gossip, the exchange is one event and keeps no message record at all.
     *
     * @param k in [0, degree(src))
     * @return j, the neighbour
     */
    public int exchange(int src, int k, long bitsOut, long bitsBack, MessageKind kind, int round, ExchangeHandler handler,
                        int tag) {
        int d = neighbourDirection(src, k, "exchange");
        long b1 = checkBits(bitsOut);
        long b2 = checkBits(bitsBack);
        int xid = exchangeHandlerId(handler);
        long toRev = dirRec[d];
        int j = (int) toRev;
        int rv = (int) (toRev >>> 32);
        if (isSlowDirection(d)) {
            int p = pairs.open(xid, tag);
            return exchange(src, k, b1, b2, kind, round, pairs, p, p);
        }
        commitBoth(d, rv, b1, b2);
        if (xArrive1 == xArrive2 && !tracing && observer == null) {
            messagesSent += 2;
            messageBits += b1 + b2;
            hopsCommitted += 2;
            linkBits += b1 + b2;
            live += 2;
            sim.scheduleAt(xArrive1, simId, EV_EXCHANGED, xid, tag);
        } else {
            int p = pairs.open(xid, tag);
            deliverSeparately(src, d, j, rv, b1, b2, kind, round, handlerId(pairs), p, p);
        }
        return j;
    }

    /** A direction whose hops cannot be timed at once: it has a FIFO queue of its own, or its link is down. */
    private boolean isSlowDirection(int d) {
        return (anyExplicit && explicit[d]) || (dynamic && !linkUp[linkOf[d]]);
    }

    // The times of the two hops committed by the last commitBoth (fields, so that nothing is allocated).
    private double xStart1;
    private double xStart2;
    private double xArrive1;
    private double xArrive2;

    /** Commits both hops of an exchange on a fast-path link, from the one direction record read: their times. */
    private void commitBoth(int d, int rv, long b1, long b2) {
        int c = classOf(d);
        double bps = classBps[c];
        double now = sim.now();
        BusyUntil bu = busyUntil;
        double free1 = bu.get(d);
        double free2 = bu.get(rv);
        double start1 = now > free1 ? now : free1;
        double start2 = now > free2 ? now : free2;
        double end1 = start1 + b1 / bps;
        double end2 = start2 + b2 / bps;
        bu.put(d, end1, now);
        bu.put(rv, end2, now);
        double lat = classLat[c];
        xStart1 = start1;
        xStart2 = start2;
        xArrive1 = end1 + lat;
        xArrive2 = end2 + lat;
    }

    /** The two committed hops of an exchange as two messages with records, delivered one by one. */
    private void deliverSeparately(int src, int d, int j, int rv, long b1, long b2, MessageKind kind, int round, int hid,
                                   long tagOut, long tagBack) {
        int m1 = alloc(src, j, b1, kind, round, hid, tagOut);
        int m2 = alloc(j, src, b2, kind, round, hid, tagBack);
        double arrive1 = xArrive1;
        double arrive2 = xArrive2;
        if (arrive1 == arrive2) {
            // Both hops arrive at one instant, so their two events would run back to back: one event delivers both,
            // in the same order (one queue operation and one dispatch less per exchange).
            book(m1, d, j, b1, xStart1, arrive1);
            book(m2, rv, src, b2, xStart2, arrive2);
            sim.scheduleAt(arrive1, simId, EV_ARRIVE_PAIR, m1, m2);
        } else {
            committed(m1, d, j, b1, xStart1, arrive1);
            committed(m2, rv, src, b2, xStart2, arrive2);
        }
    }

    /** Books a fast-path hop whose times are known, except its arrival event: message fields, counters, observer. */
    private void book(int msg, int d, int hopTo, long bits, double start, double arrive) {
        long[] mr = mRec;
        int mb = msg << 3;
        mr[mb + M_HOP] = (d & LO) | ((long) hopTo << 32);
        mr[mb + M_HOP_START] = Double.doubleToRawLongBits(start);
        hopsCommitted++;
        linkBits += bits;
        if (observer != null) {
            publishStarted(msg, d, start, arrive);
        }
    }

    /** Books a fast-path hop whose times are known: message fields, counters, observer, arrival event. */
    private void committed(int msg, int d, int hopTo, long bits, double start, double arrive) {
        book(msg, d, hopTo, bits, start, arrive);
        sim.scheduleAt(arrive, simId, EV_ARRIVE, msg, 0);
    }

    private void publishStarted(int msg, int d, double start, double arrive) {
        long hop = mRec[(msg << 3) + M_HOP];
        observer.onSimEvent(new SimEvent.HopStarted(round(msg), kind(msg), from[d], (int) (hop >>> 32),
                mRec[(msg << 3) + M_BITS], sim.now(), start, arrive, msg));
    }

    private int sendOn(int src, int d, long bits, MessageKind kind, int round, MessageHandler handler, long tag) {
        long b = checkBits(bits);
        int hid = handlerId(handler);
        int dst = (int) dirRec[d];
        int msg = alloc(src, dst, b, kind, round, hid, tag);
        if (dynamic && !linkUp[linkOf[d]]) {
            forward(msg, src);
        } else {
            startHop(msg, d);
        }
        return msg;
    }

    private static long checkBits(long bits) {
        if (bits < 1) {
            if (bits < 0) {
                throw new IllegalArgumentException("send: bits must be >= 0, got " + bits);
            }
            return 1;
        }
        return bits;
    }

    private void checkNode(int i, String what) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("network: " + what + " must be a node index in [0, " + n + "), got " + i);
        }
    }

    private int handlerId(MessageHandler h) {
        return messageHandlers.id(h);
    }

    private int exchangeHandlerId(ExchangeHandler h) {
        return exchangeHandlers.id(h);
    }

    /** Picks the next hop of {@code msg} at {@code u} from the routing table, or parks it. */
    private void forward(int msg, int u) {
        int dst = (int) (mRec[(msg << 3) + M_SRC_DST] >>> 32);
        int d = routes.nextDir(u, dst);
        if (d < 0) {
            if (!dynamic) {
                throw new IllegalStateException("network: no path from " + graph.id(u) + " to " + graph.id(dst));
            }
            park(msg);
        } else {
            startHop(msg, d);
        }
    }

    private void startHop(int msg, int d) {
        if (anyExplicit && explicit[d]) {
            enqueue(msg, d);
            return;
        }
        double now = sim.now();
        double free = busyUntil.get(d);
        double start = now > free ? now : free;
        int c = classOf(d);
        long bits = mRec[(msg << 3) + M_BITS];
        double end = start + bits / classBps[c];
        busyUntil.put(d, end, now);
        committed(msg, d, (int) dirRec[d], bits, start, end + classLat[c]);
    }

    /** A hop on an explicit direction: joins the direction's FIFO queue, and starts if the link is idle and up. */
    private void enqueue(int msg, int d) {
        long bits = mRec[(msg << 3) + M_BITS];
        hopsCommitted++;
        linkBits += bits;
        mRec[(msg << 3) + M_HOP] = (d & LO) | ((long) (int) dirRec[d] << 32);
        mNext[msg] = -1;
        int t = qTail[d];
        if (t < 0) {
            qHead[d] = msg;
        } else {
            mNext[t] = msg;
        }
        qTail[d] = msg;
        if (busy[d] < 0 && linkUp[linkOf[d]]) {
            startTransmission(d);
        }
    }

    // =================================================================== events

    @Override
    public void onEvent(int code, int a, int b) {
        switch (code) {
            case EV_ARRIVE -> arrive(a);
            case EV_ARRIVE_PAIR -> {
                pairSink += mRec[(b << 3) + M_TAG]; // start fetching the second record now, not after the first hop
                arrive(a);
                arrive(b);
            }
            case EV_EXCHANGED -> exchanged(a, b);
            case EV_XMIT_DONE -> finishTransmission(a);
            case EV_NODE_DONE -> nodeDone(a, b);
            case EV_RESHARE -> reshare();
            case EV_LINK -> linkEvent(a, b != 0);
            default -> throw new IllegalStateException("network: unknown event code " + code);
        }
    }

    private void exchanged(int handler, int tag) {
        hopsArrived += 2;
        messagesDelivered += 2;
        live -= 2;
        exchangeHandlers.byId()[handler].onExchanged(tag);
    }

    /**
     * When the next event of the simulation is the arrival of a record-less exchange, delivers it now, as the run
     * loop would, and returns true ({@link Simulator#takeNextIf}); else does nothing. For a handler that runs its own
     * events inline (gossip's wake-ups) and finds an arrival due first.
     */
    public boolean deliverNextExchangeInline() {
        if (!sim.takeNextIf(simId, EV_EXCHANGED)) {
            return false;
        }
        exchanged(sim.takenA(), sim.takenB());
        return true;
    }

    private void arrive(int msg) {
        long[] mr = mRec;
        int mb = msg << 3;
        long srcDst = mr[mb + M_SRC_DST];
        long atRound = mr[mb + M_AT_ROUND];
        int u = (int) atRound;
        int v = (int) (mr[mb + M_HOP] >>> 32);
        hopsArrived++;
        if (tracing) {
            trace.hop((int) (atRound >>> 32), Double.longBitsToDouble(mr[mb + M_HOP_START]), sim.now(), u, v, mr[mb + M_BITS],
                    kind(msg));
        }
        mr[mb + M_AT_ROUND] = (atRound & ~LO) | (v & LO);
        int dst = (int) (srcDst >>> 32);
        boolean delivered = v == dst;
        if (observer != null) {
            publishArrived(msg, u, v, delivered);
        }
        if (delivered) {
            messagesDelivered++;
            MessageHandler h = messageHandlers.byId()[(int) mr[mb + M_HANDLER_KIND]];
            try {
                h.onMessage(msg, (int) srcDst, dst, mr[mb + M_TAG]);
            } finally {
                release(msg);
            }
        } else {
            forward(msg, v);
        }
    }

    private void publishArrived(int msg, int u, int v, boolean delivered) {
        int mb = msg << 3;
        observer.onSimEvent(new SimEvent.HopArrived(round(msg), kind(msg), u, v, mRec[mb + M_BITS],
                Double.longBitsToDouble(mRec[mb + M_HOP_START]), sim.now(), msg, delivered));
    }

    // ---- explicit directions: FIFO queue, one transmission at a time

    private void startTransmission(int d) {
        int msg = qHead[d];
        int nx = mNext[msg];
        qHead[d] = nx;
        if (nx < 0) {
            qTail[d] = -1;
        }
        busy[d] = msg;
        double now = sim.now();
        int mb = msg << 3;
        mRec[mb + M_HOP_START] = Double.doubleToRawLongBits(now);
        long bits = mRec[mb + M_BITS];
        int u = from[d];
        int v = (int) (mRec[mb + M_HOP] >>> 32);
        double arrive;
        boolean capV = sharesAt(msg, v);
        if (access[u] > 0 || capV) {
            mRem[msg] = bits;
            mRate[msg] = 0;
            mLast[msg] = now;
            mFinish[msg] = Double.POSITIVE_INFINITY;
            if (access[u] > 0) {
                psAdd(u, msg, 0);
            }
            if (capV) {
                psAdd(v, msg, 1);
            }
            arrive = Double.NaN;
        } else {
            double bps = classBps[classOf(d)];
            if (access[v] > 0) {
                bps = Math.min(bps, access[v]); // a superposed hop into v: v's whole capacity, unshared
            }
            double end = now + bits / bps;
            sim.scheduleAt(end, simId, EV_XMIT_DONE, msg, 0);
            arrive = end + classLat[classOf(d)];
        }
        if (observer != null) {
            observer.onSimEvent(new SimEvent.HopStarted(round(msg), kind(msg), u, v, bits, now, now, arrive, msg));
        }
    }

    /** The last bit of {@code msg}'s hop has left: schedule its arrival and start the next queued hop. */
    private void finishTransmission(int msg) {
        int d = (int) mRec[(msg << 3) + M_HOP];
        busy[d] = -1;
        sim.scheduleAt(sim.now() + classLat[classOf(d)], simId, EV_ARRIVE, msg, 0);
        if (qHead[d] >= 0 && linkUp[linkOf[d]]) {
            startTransmission(d);
        }
    }

    // ---- processor sharing

    private void psAdd(int node, int msg, int side) {
        int e = 2 * msg + side;
        int t = psTail[node];
        psPrev[e] = t;
        psNext[e] = -1;
        if (t < 0) {
            psHead[node] = e;
        } else {
            psNext[t] = e;
        }
        psTail[node] = e;
        psCount[node]++;
        markDirty(node);
    }

    private void psRemove(int node, int msg, int side) {
        int e = 2 * msg + side;
        int p = psPrev[e];
        int nx = psNext[e];
        if (p < 0) {
            psHead[node] = nx;
        } else {
            psNext[p] = nx;
        }
        if (nx < 0) {
            psTail[node] = p;
        } else {
            psPrev[nx] = p;
        }
        psCount[node]--;
        markDirty(node);
    }

    private void markDirty(int node) {
        if (!dirty[node]) {
            dirty[node] = true;
            if (dirtyCount == dirtyList.length) {
                dirtyList = Arrays.copyOf(dirtyList, dirtyCount * 2);
            }
            dirtyList[dirtyCount++] = node;
        }
        if (!reshareScheduled) {
            reshareScheduled = true;
            sim.scheduleAt(sim.now(), simId, EV_RESHARE, 0, 0);
        }
    }

    private void markMinDirty(int node) {
        if (!minDirty[node]) {
            minDirty[node] = true;
            if (minDirtyCount == minDirtyList.length) {
                minDirtyList = Arrays.copyOf(minDirtyList, minDirtyCount * 2);
            }
            minDirtyList[minDirtyCount++] = node;
        }
    }

    /** Recomputes the rates at every node whose set of active hops changed at this instant. */
    private void reshare() {
        reshareScheduled = false;
        double now = sim.now();
        for (int i = 0; i < dirtyCount; i++) {
            int w = dirtyList[i];
            dirty[w] = false;
            markMinDirty(w);
            for (int e = psHead[w]; e >= 0; e = psNext[e]) {
                int x = e >> 1;
                double last = mLast[x];
                if (last < now) {
                    mRem[x] -= mRate[x] * (now - last);
                    mLast[x] = now;
                }
            }
            for (int e = psHead[w]; e >= 0; e = psNext[e]) {
                int x = e >> 1;
                double r = rate(x);
                if (r != mRate[x]) {
                    mRate[x] = r;
                    double rem = mRem[x];
                    mFinish[x] = rem <= 0 ? now : now + rem / r;
                    int d = (int) mRec[(x << 3) + M_HOP];
                    int other = (e & 1) == 0 ? (int) (mRec[(x << 3) + M_HOP] >>> 32) : from[d];
                    if (access[other] > 0) {
                        markMinDirty(other);
                    }
                }
            }
        }
        dirtyCount = 0;
        for (int i = 0; i < minDirtyCount; i++) {
            int w = minDirtyList[i];
            minDirty[w] = false;
            double min = Double.POSITIVE_INFINITY;
            for (int e = psHead[w]; e >= 0; e = psNext[e]) {
                min = Math.min(min, mFinish[e >> 1]);
            }
            int epoch = ++nodeEpoch[w];
            if (min < Double.POSITIVE_INFINITY) {
                sim.scheduleAt(min, simId, EV_NODE_DONE, w, epoch);
            }
        }
        minDirtyCount = 0;
    }

    /**
     * Whether {@code msg}'s hop into {@code v} takes a share of v's access capacity: v has one, unless the
     * message is superposed and v is its destination.
     */
    private boolean sharesAt(int msg, int v) {
        if (access[v] <= 0) {
            return false;
        }
        long[] mr = mRec;
        int mb = msg << 3;
        return (mr[mb + M_HANDLER_KIND] & SUPERPOSED) == 0 || (int) (mr[mb + M_SRC_DST] >>> 32) != v;
    }

    private double rate(int x) {
        long hop = mRec[(x << 3) + M_HOP];
        int d = (int) hop;
        double r = classBps[classOf(d)];
        int u = from[d];
        int v = (int) (hop >>> 32);
        if (access[u] > 0) {
            r = Math.min(r, access[u] / psCount[u]);
        }
        if (access[v] > 0) {
            r = Math.min(r, sharesAt(x, v) ? access[v] / psCount[v] : access[v]);
        }
        return r;
    }

    /** The earliest completion at node {@code w} is due: complete every hop there whose last bit has left. */
    private void nodeDone(int w, int epoch) {
        if (epoch != nodeEpoch[w]) {
            return;
        }
        double now = sim.now();
        int e = psHead[w];
        while (e >= 0) {
            int nx = psNext[e];
            int x = e >> 1;
            if (mFinish[x] <= now) {
                long hop = mRec[(x << 3) + M_HOP];
                int u = from[(int) hop];
                int v = (int) (hop >>> 32);
                // x's other entry (e ^ 1), if any, is in the other endpoint's list, so nx stays valid.
                if (access[u] > 0) {
                    psRemove(u, x, 0);
                }
                if (sharesAt(x, v)) {
                    psRemove(v, x, 1);
                }
                mRem[x] = 0;
                mRate[x] = 0;
                finishTransmission(x);
            }
            e = nx;
        }
    }

    // ---- link events and parked messages

    private void linkEvent(int link, boolean up) {
        if (linkUp[link] == up) {
            return;
        }
        linkUp[link] = up;
        routes.invalidate();
        if (observer != null) {
            observer.onSimEvent(new SimEvent.LinkStateChanged(link, up, sim.now()));
        }
        if (up) {
            int s = graph.linkSource(link);
            for (int p = off[s], end = off[s + 1]; p < end; p++) {
                if (linkOf[p] == link) {
                    resume(p);
                    resume(reverse(p));
                }
            }
            if (parkedCount > 0) {
                int[] retry = Arrays.copyOf(parked, parkedCount);
                parkedCount = 0;
                for (int msg : retry) {
                    forward(msg, (int) mRec[(msg << 3) + M_AT_ROUND]);
                }
            }
        }
    }

    private void resume(int d) {
        if (busy[d] < 0 && qHead[d] >= 0) {
            startTransmission(d);
        }
    }

    private void park(int msg) {
        mRec[(msg << 3) + M_HOP] = -1;
        if (parkedCount == parked.length) {
            parked = Arrays.copyOf(parked, parkedCount * 2);
        }
        parked[parkedCount++] = msg;
    }

    // =================================================================== message pool

    private int alloc(int src, int dst, long bits, MessageKind kind, int round, int handlerId, long tag) {
        if (freeMsgs.isEmpty()) {
            growPool();
        }
        int msg = freeMsgs.take();
        live++;
        long[] mr = mRec;
        int mb = msg << 3;
        mr[mb + M_SRC_DST] = (src & LO) | ((long) dst << 32);
        mr[mb + M_AT_ROUND] = (src & LO) | ((long) round << 32);
        mr[mb + M_BITS] = bits;
        mr[mb + M_TAG] = tag;
        mr[mb + M_SENT_AT] = Double.doubleToRawLongBits(sim.now());
        mr[mb + M_HANDLER_KIND] = (handlerId & LO) | ((long) kind.ordinal() << 32);
        messagesSent++;
        messageBits += bits;
        return msg;
    }

    private void release(int msg) {
        live--;
        freeMsgs.give(msg);
    }

    private void allocPool(int cap) {
        mRec = new long[8 * cap];
        if (anyExplicit) {
            mNext = new int[cap];
            mRem = new double[cap];
            mRate = new double[cap];
            mLast = new double[cap];
            mFinish = new double[cap];
            psNext = new int[2 * cap];
            psPrev = new int[2 * cap];
        }
        freeMsgs = new FreeIds(cap);
    }

    private void growPool() {
        int old = freeMsgs.capacity();
        if (old >= (1 << 27)) {
            throw new IllegalStateException("network: more than " + old + " messages in flight");
        }
        int cap = freeMsgs.grow();
        mRec = Arrays.copyOf(mRec, 8 * cap);
        if (anyExplicit) {
            mNext = Arrays.copyOf(mNext, cap);
            mRem = Arrays.copyOf(mRem, cap);
            mRate = Arrays.copyOf(mRate, cap);
            mLast = Arrays.copyOf(mLast, cap);
            mFinish = Arrays.copyOf(mFinish, cap);
            psNext = Arrays.copyOf(psNext, 2 * cap);
            psPrev = Arrays.copyOf(psPrev, 2 * cap);
        }
    }

    private int round(int msg) {
        return (int) (mRec[(msg << 3) + M_AT_ROUND] >>> 32);
    }

    private MessageKind kind(int msg) {
        return MessageKind.ofOrdinal((int) (mRec[(msg << 3) + M_HANDLER_KIND] >>> 32) & 0xFF);
    }

    // =================================================================== queries

    /** The graph this network runs on (node and link indices). */
    public IndexedGraph graph() {
        return graph;
    }

    public int nodeCount() {
        return n;
    }

    public int linkCount() {
        return m;
    }

    /** Number of directions, 2 · links. */
    public int directionCount() {
        return dirs;
    }

    /**
     * The direction from {@code src} to its neighbour {@code dst}, or -1 when they are not neighbours.
     * O(log degree(src)).
     */
    public int direction(int src, int dst) {
        int lo = off[src];
        int hi = off[src + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = sortedNbr[mid];
            if (v < dst) {
                lo = mid + 1;
            } else if (v > dst) {
                hi = mid - 1;
            } else {
                return sortedDir[mid];
            }
        }
        return -1;
    }

    /** The first direction of node i (its k-th neighbour's direction is {@code firstDirection(i) + k}). */
    public int firstDirection(int node) {
        int ud = uniformDegree;
        return ud >= 0 ? node * ud : off[node];
    }

    public int degree(int node) {
        int ud = uniformDegree;
        return ud >= 0 ? ud : off[node + 1] - off[node];
    }

    /** The (bandwidth, latency) class of direction d. */
    private int classOf(int d) {
        return oneClass ? 0 : dirClass[d];
    }

    public int directionSource(int dir) {
        return from[dir];
    }

    public int directionTarget(int dir) {
        return (int) dirRec[dir];
    }

    public int directionLink(int dir) {
        return linkOf[dir];
    }

    /** The opposite direction of the same link. */
    public int reverse(int dir) {
        return (int) (dirRec[dir] >>> 32);
    }

    public boolean isLinkUp(int link) {
        return linkUp[link];
    }

    /**
     * The nodes (indices, source first) the next message from {@code src} to {@code dst} would pass now:
     * {@code [src, dst]} for neighbours over an up link, else the routed path; an empty array when no path of
     * up links exists.
     */
    public int[] route(int src, int dst) {
        checkNode(src, "src");
        checkNode(dst, "dst");
        if (src == dst) {
            return new int[] {src};
        }
        int d = direction(src, dst);
        if (d >= 0 && linkUp[linkOf[d]]) {
            return new int[] {src, dst};
        }
        Routes.Table t = routes.table(dst);
        if (t.nextDir[src] < 0) {
            return new int[0];
        }
        int[] path = new int[t.hops[src] + 1];
        int u = src;
        for (int i = 0; i < path.length; i++) {
            path[i] = u;
            if (u != dst) {
                u = directionTarget(t.nextDir[u]);
            }
        }
        return path;
    }

    /** Sum of the link latencies along a path of neighbouring nodes, seconds (each link's latencyMs / 1e3). */
    public double pathLatencyS(int[] path) {
        double s = 0;
        for (int i = 0; i + 1 < path.length; i++) {
            int d = direction(path[i], path[i + 1]);
            if (d < 0) {
                throw new IllegalArgumentException("pathLatencyS: " + graph.id(path[i]) + " and " + graph.id(path[i + 1])
                        + " are not neighbours");
            }
            s += classLat[classOf(d)];
        }
        return s;
    }

    /** Bandwidth of one direction of link {@code link}, Mbit/s. */
    public double bandwidthMbps(int link) {
        return bandwidthMbps[link];
    }

    /** Latency of link {@code link}, ms. */
    public double latencyMs(int link) {
        return latencyMs[link];
    }

    // ---- the message being delivered (valid during MessageHandler.onMessage)

    public long messageBits(int msg) {
        return mRec[(msg << 3) + M_BITS];
    }

    public int messageRound(int msg) {
        return round(msg);
    }

    public MessageKind messageKind(int msg) {
        return kind(msg);
    }

    /** The node that sent the message (its first hop's sender). */
    public int messageSource(int msg) {
        return (int) (mRec[(msg << 3) + M_SRC_DST] & LO);
    }

    /** When the message was handed to {@code send}, seconds. */
    public double messageSentAt(int msg) {
        return Double.longBitsToDouble(mRec[(msg << 3) + M_SENT_AT]);
    }

    // ---- counters (cumulative since construction)

    /** Messages sent (end to end). */
    public long messagesSent() {
        return messagesSent;
    }

    /** Bits of the messages sent, each message counted once. */
    public long messageBits() {
        return messageBits;
    }

    public long messagesDelivered() {
        return messagesDelivered;
    }

    /** Hops committed to a link direction (queued, on the wire or arrived). */
    public long hopsCommitted() {
        return hopsCommitted;
    }

    /** Bits of the committed hops: a message of b bits over h hops counts h · b. */
    public long linkBits() {
        return linkBits;
    }

    public long hopsArrived() {
        return hopsArrived;
    }

    /** Messages sent and not yet delivered. */
    public int messagesInFlight() {
        return live;
    }

    /** Messages waiting at a node for a path of up links. */
    public int messagesParked() {
        return parkedCount;
    }

    // ---- trace and observer

    public void setTrace(TraceSink sink) {
        this.trace = Objects.requireNonNull(sink, "trace");
        this.tracing = !sink.discardsHops();
    }

    public TraceSink trace() {
        return trace;
    }

    /** Attaches (or with {@code null} detaches) the observer; it sees records from now on. */
    public void setObserver(SimObserver obs) {
        this.observer = obs;
    }

    public Simulator simulator() {
        return sim;
    }

    /**
     * The exchanges handed to {@link #exchange(int, int, long, long, MessageKind, int, ExchangeHandler, int)} that
     * travel as two messages with records: each message's tag is the pair's id, and the pair's handler runs when the
     * second message has been delivered. Pair ids are recycled oldest-freed first ({@link FreeIds}).
     */
    private final class ExchangePairs implements MessageHandler {
        private int[] left = new int[64];
        private int[] handler = new int[64];
        private int[] tag = new int[64];
        private final FreeIds free = new FreeIds(64);

        int open(int exchangeHandler, int exchangeTag) {
            if (free.isEmpty()) {
                int cap = free.grow();
                left = Arrays.copyOf(left, cap);
                handler = Arrays.copyOf(handler, cap);
                tag = Arrays.copyOf(tag, cap);
            }
            int p = free.take();
            left[p] = 2;
            handler[p] = exchangeHandler;
            tag[p] = exchangeTag;
            return p;
        }

        @Override
        public void onMessage(int msg, int src, int dst, long pairTag) {
            int p = (int) pairTag;
            if (--left[p] == 0) {
                free.give(p);
                exchangeHandlers.byId()[handler[p]].onExchanged(tag[p]);
            }
        }
    }
}

package org.edgeai.model.pipeline.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.edgeai.model.engine.ComputeHandler;
import org.edgeai.model.engine.ComputeUnits;
import org.edgeai.model.engine.Faults;
import org.edgeai.model.engine.NetworkEffects;
import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.SeedStreams;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.net.MessageHandler;
import org.edgeai.model.engine.net.Network;
import org.edgeai.model.engine.trace.SimEvent;
import org.edgeai.model.engine.trace.SimObserver;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * {@link PipelineNetwork} on the shared engine: the engine's {@link Simulator}, {@link Network} (per-direction
 * FIFO links, latency after the last bit, store and forward along least-latency routes, shared access
 * capacities) and {@link ComputeUnits} (one computation at a time per node). So pipelines and learning runs are
 * timed by one implementation of DESIGN.md's rules (decision 0006, revised).
 *
 * <p>Activations and gradients travel as {@link MessageKind#ACTIVATION} messages; an optional observer sees
 * every hop and computation exactly as in a learning run (the workbench animates pipelines from it). Each
 * request costs what the engine's event costs: O(log pending events). Single-threaded, not reusable after
 * {@link #run()}.
 */
public final class EnginePipelineNetwork implements PipelineNetwork, MessageHandler, ComputeHandler, EventHandler {

    private final Topology topology;
    private final IndexedGraph graph;
    private final Simulator sim = new Simulator();
    private final Network network;
    private final ComputeUnits compute;
    private final boolean idealLinks;
    private final SimObserver outer;
    private final long[][] directionBits; // per link: [source->target, target->source]

    // Callbacks by tag: computations and transfers in flight (indices recycled through free lists).
    private final List<Object> callbacks = new ArrayList<>();
    private double[] started = new double[16]; // per tag: when the computation or transfer started
    private int[] freeTags = new int[16];
    private int freeTop;
    private double[] msgFirstStart = new double[64]; // per message handle: when its first hop started
    private int[] msgTransfer = new int[64]; // per message handle: the transfer's index in call order
    private double[] msgQueued = new double[64]; // per message handle: when its current hop was queued
    private int transfers; // transfer() calls so far
    private HopListener hopListener;
    private final double[] nodeFree; // per node: when its last queued computation ends

    /** A network applying DESIGN.md's timing rules on {@code topology}'s links, with no observer. */
    public EnginePipelineNetwork(Topology topology) {
        this(topology, false, null);
    }

    /**
     * A network whose messages take no time (computation still follows the rules): the "zero communication"
     * reference of the closed forms, and a what-if for teaching. Bits are still counted on the route's links.
     */
    public static EnginePipelineNetwork idealLinks(Topology topology) {
        return new EnginePipelineNetwork(topology, true, null);
    }

    /**
     * @param topology   the nodes and links (read once)
     * @param idealLinks whether messages take no time
     * @param observer   sees every hop and computation (engine records, topology node indices), or null
     */
    public EnginePipelineNetwork(Topology topology, boolean idealLinks, SimObserver observer) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.graph = topology.indexed();
        this.idealLinks = idealLinks;
        this.outer = observer;
        this.directionBits = new long[graph.linkCount()][2];
        this.nodeFree = new double[graph.nodeCount()];
        network = Network.builder(sim, topology).observer(this::onHop).build();
        double[] gflops = new double[graph.nodeCount()];
        int i = 0;
        for (Node node : topology.nodes()) {
            gflops[i++] = node.computeGflops();
        }
        compute = new ComputeUnits(sim, gflops, new Faults(graph, NetworkEffects.DEFAULTS, new SeedStreams(0)));
        compute.setObserver(observer);
    }

    /** Told about every link crossing, with the times the engine gave it (for timelines and the animation). */
    @FunctionalInterface
    public interface HopListener {
        /**
         * @param transfer the transfer's index among this network's {@link #transfer} calls, in call order (0-based)
         * @param from     the hop's sender
         * @param to       the hop's receiver
         * @param bits     bits on the link
         * @param queued   when the hop was handed to the link (the sender held the whole message), seconds
         * @param start    when its first bit left, seconds (later than {@code queued} when it waited in the FIFO)
         * @param arrival  when its last bit had arrived, seconds
         */
        void hop(int transfer, String from, String to, long bits, double queued, double start, double arrival);
    }

    /** Sets the hop listener (or null); reported when each hop arrives. */
    public void setHopListener(HopListener listener) {
        this.hopListener = listener;
    }

    @Override
    public double now() {
        return sim.now();
    }

    private int tag(Object callback) {
        int t;
        if (freeTop > 0) {
            t = freeTags[--freeTop];
            callbacks.set(t, callback);
        } else {
            t = callbacks.size();
            callbacks.add(callback);
            if (t == started.length) {
                started = java.util.Arrays.copyOf(started, t * 2);
            }
        }
        return t;
    }

    private Object release(int t) {
        Object c = callbacks.set(t, null);
        if (freeTop == freeTags.length) {
            freeTags = java.util.Arrays.copyOf(freeTags, freeTop * 2);
        }
        freeTags[freeTop++] = t;
        return c;
    }

    @Override
    public void compute(String node, double flops, ComputeDone done) {
        if (!(flops >= 0) || Double.isInfinite(flops)) {
            throw new IllegalArgumentException("flops must be finite and >= 0, got " + flops);
        }
        int t = tag(Objects.requireNonNull(done, "done"));
        int i = graph.indexOf(node);
        started[t] = Math.max(sim.now(), nodeFree[i]); // first come first served, as ComputeUnits does
        nodeFree[i] = compute.compute(i, flops, 0, this, t);
    }

    @Override
    public void onComputeDone(int node, int tag) {
        double start = started[tag];
        ((ComputeDone) release(tag)).done(start, sim.now());
    }

    @Override
    public void transfer(String from, String to, long bits, TransferDone done) {
        long b = Math.max(1, bits);
        int src = graph.indexOf(from);
        int dst = graph.indexOf(to);
        int id = transfers++;
        int t = tag(Objects.requireNonNull(done, "done"));
        if (src == dst) {
            started[t] = sim.now();
            sim.scheduleAt(sim.now(), this, 0, t, 0);
            return;
        }
        if (idealLinks) {
            int[] path = network.route(src, dst);
            for (int k = 0; k + 1 < path.length; k++) {
                count(path[k], path[k + 1], b);
                if (hopListener != null) {
                    double now = sim.now();
                    hopListener.hop(id, graph.id(path[k]), graph.id(path[k + 1]), b, now, now, now);
                }
            }
            started[t] = sim.now();
            sim.scheduleAt(sim.now(), this, 0, t, 0);
            return;
        }
        int msg = network.send(src, dst, b, MessageKind.ACTIVATION, 0, this, t);
        ensure(msg);
        msgTransfer[msg] = id;
    }

    private void ensure(int msg) {
        if (msg >= msgFirstStart.length) {
            int c = Math.max(msg + 1, msgFirstStart.length * 2);
            msgFirstStart = java.util.Arrays.copyOf(msgFirstStart, c);
            msgTransfer = java.util.Arrays.copyOf(msgTransfer, c);
            msgQueued = java.util.Arrays.copyOf(msgQueued, c);
        }
    }

    /** An ideal or local transfer arrives at once (as an event, after the requests made so far at this time). */
    @Override
    public void onEvent(int code, int t, int unused) {
        double start = started[t];
        ((TransferDone) release(t)).done(start, sim.now());
    }

    @Override
    public void onMessage(int msg, int src, int dst, long tag) {
        int t = (int) tag;
        double start = msg < msgFirstStart.length ? msgFirstStart[msg] : Double.NaN;
        ((TransferDone) release(t)).done(start, sim.now());
    }

    /** Counts bits per link direction, remembers each message's first hop start, and passes records on. */
    private void onHop(SimEvent e) {
        if (e instanceof SimEvent.HopStarted h) {
            count(h.src(), h.dst(), h.bits());
            int msg = h.message();
            ensure(msg);
            if (h.src() == network.messageSource(msg)) {
                msgFirstStart[msg] = h.tSendS();
            }
            msgQueued[msg] = h.tQueuedS();
        } else if (e instanceof SimEvent.HopArrived a && hopListener != null) {
            int msg = a.message();
            hopListener.hop(msgTransfer[msg], graph.id(a.src()), graph.id(a.dst()), a.bits(), msgQueued[msg], a.tSendS(),
                    a.tArriveS());
        }
        if (outer != null) {
            outer.onSimEvent(e);
        }
    }

    private void count(int u, int v, long bits) {
        for (int d = network.firstDirection(u), end = d + network.degree(u); d < end; d++) {
            if (network.directionTarget(d) == v) {
                int link = network.directionLink(d);
                directionBits[link][graph.linkSource(link) == u ? 0 : 1] += bits;
                return;
            }
        }
        throw new IllegalStateException("no link " + graph.id(u) + " -- " + graph.id(v));
    }

    @Override
    public void run() {
        while (sim.step()) {
            // events only
        }
    }

    @Override
    public List<LinkBits> linkBits() {
        List<LinkBits> out = new ArrayList<>();
        int e = 0;
        for (Link l : topology.links()) {
            long[] acc = directionBits[e++];
            out.add(new LinkBits(l.source(), l.target(), acc[0], acc[1]));
        }
        return out;
    }
}

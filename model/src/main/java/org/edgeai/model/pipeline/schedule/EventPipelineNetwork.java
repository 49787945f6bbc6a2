package org.edgeai.model.pipeline.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.edgeai.model.pipeline.Routes;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Topology;

/**
 * A minimal discrete-event implementation of {@link PipelineNetwork} over a {@link Topology}: one event queue
 * ordered by (time, scheduling order); per node a "free at" time for computing; per link direction a
 * "free at" time for sending. Because every hop is handled as an event at the time the message reaches that
 * hop's sender, the per-direction queues are first come first served exactly.
 *
 * <p>Temporary: to be replaced by an adapter over the shared engine ({@code org.edgeai.model.engine}), which
 * applies the same rules; only this class would change. Single-threaded, not reusable after {@link #run()}.
 * Each event costs O(log e) for e pending events.
 */
public final class EventPipelineNetwork implements PipelineNetwork {

    private record Event(double time, long seq, Runnable action) {
    }

    private final Topology topology;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Double.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private long seq;
    private double now;
    private final Map<String, Double> nodeFree = new HashMap<>();
    private final Map<String, Double> directionFree = new HashMap<>(); // key "u>v"
    private final Map<String, List<String>> routes = new HashMap<>();
    private final LinkedHashMap<LinkKey, long[]> bits = new LinkedHashMap<>();

    private final boolean idealLinks;
    private int transfers;
    private HopListener hopListener;

    /**
     * Told about every hop of every message as the network commits it (for an animation of the run).
     */
    @FunctionalInterface
    public interface HopListener {
        /**
         * @param transfer the message: the index of its {@link #transfer} call on this network, 0-based, in call order
         * @param from     the hop's sender
         * @param to       the hop's receiver (a neighbour of {@code from})
         * @param bits     bits on the wire (at least 1)
         * @param queued   when the whole message was at {@code from}, seconds
         * @param start    when its first bit left {@code from} (after the messages ahead of it on this direction)
         * @param arrival  when it had fully arrived at {@code to}: start + bits / bandwidth + latency
         */
        void hop(int transfer, String from, String to, long bits, double queued, double start, double arrival);
    }

    /** Sets (or with null removes) the listener told about each hop; set it before the run. */
    public void setHopListener(HopListener listener) {
        this.hopListener = listener;
    }

    /** A network applying DESIGN.md's timing rules on {@code topology}'s links. */
    public EventPipelineNetwork(Topology topology) {
        this(topology, false);
    }

    /**
     * A network whose messages take no time (computation still follows the rules): the "zero communication"
     * reference of the closed forms, and a what-if for teaching. Bits are still counted on the route's links.
     */
    public static EventPipelineNetwork idealLinks(Topology topology) {
        return new EventPipelineNetwork(topology, true);
    }

    private EventPipelineNetwork(Topology topology, boolean idealLinks) {
        this.topology = topology;
        this.idealLinks = idealLinks;
        for (Link l : topology.links()) {
            bits.put(l.key(), new long[2]);
        }
    }

    @Override
    public double now() {
        return now;
    }

    private void schedule(double time, Runnable action) {
        queue.add(new Event(time, seq++, action));
    }

    @Override
    public void compute(String node, double flops, ComputeDone done) {
        if (!(flops >= 0) || Double.isInfinite(flops)) {
            throw new IllegalArgumentException("flops must be finite and >= 0, got " + flops);
        }
        double seconds = topology.node(node).computeSeconds(flops);
        double start = Math.max(now, nodeFree.getOrDefault(node, 0.0));
        double end = start + seconds;
        nodeFree.put(node, end);
        schedule(end, () -> done.done(start, end));
    }

    /** The route the network uses between two nodes (cached). */
    public List<String> route(String from, String to) {
        return routes.computeIfAbsent(from + "\u0000" + to, k -> Routes.shortestPath(topology, from, to));
    }

    @Override
    public void transfer(String from, String to, long bits, TransferDone done) {
        long b = Math.max(1, bits);
        int id = transfers++;
        List<String> path = route(from, to);
        if (path.size() == 1) {
            double t = now;
            schedule(t, () -> done.done(t, t));
            return;
        }
        hop(id, path, 0, b, now, new double[] {Double.NaN}, done);
    }

    /** Sends over hop i, whose sender holds the whole message at the current time. */
    private void hop(int id, List<String> path, int i, long b, double ready, double[] firstStart, TransferDone done) {
        String u = path.get(i);
        String v = path.get(i + 1);
        Link link = topology.findLink(u, v).orElseThrow();
        String dir = u + ">" + v;
        double start = idealLinks ? ready : Math.max(ready, directionFree.getOrDefault(dir, 0.0));
        double lastBit = idealLinks ? start : start + b / link.bitsPerSecond();
        directionFree.put(dir, lastBit);
        long[] acc = this.bits.get(link.key());
        acc[u.equals(link.source()) ? 0 : 1] += b;
        if (i == 0) {
            firstStart[0] = start;
        }
        double arrival = idealLinks ? lastBit : lastBit + link.latencySeconds();
        if (hopListener != null) {
            hopListener.hop(id, u, v, b, ready, start, arrival);
        }
        if (i + 2 == path.size()) {
            schedule(arrival, () -> done.done(firstStart[0], arrival));
        } else {
            schedule(arrival, () -> hop(id, path, i + 1, b, arrival, firstStart, done));
        }
    }

    @Override
    public void run() {
        Event e;
        while ((e = queue.poll()) != null) {
            now = e.time;
            e.action.run();
        }
    }

    @Override
    public List<LinkBits> linkBits() {
        List<LinkBits> out = new ArrayList<>();
        for (Link l : topology.links()) {
            long[] acc = bits.get(l.key());
            out.add(new LinkBits(l.source(), l.target(), acc[0], acc[1]));
        }
        return out;
    }
}

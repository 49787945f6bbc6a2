package org.edgeai.model.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.edgeai.model.engine.core.EventHandler;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/** Randomized single-hop workloads checked against simple, independently written reference models. */
class NetworkReferenceTest {

    /**
     * A message: sent at {@code t} from src to its neighbour dst. When {@code exchangeWith >= 0} this send and
     * the one with that id (its reply, the next id) are made by one {@link Network#exchange} call.
     */
    record Send(double t, int src, int dst, long bits, int id, int exchangeWith) {
    }

    private static double[] runNetwork(Topology t, List<Send> sends) {
        Simulator sim = new Simulator();
        Network net = Network.builder(sim, t).build();
        double[] delivered = new double[sends.size()];
        Arrays.fill(delivered, Double.NaN);
        MessageHandler h = (msg, src, dst, tag) -> delivered[(int) tag] = sim.now();
        for (Send s : sends) {
            if (s.exchangeWith() >= 0 && s.exchangeWith() < s.id()) {
                continue; // the reply of an exchange: sent by the exchange call below
            }
            EventHandler go;
            if (s.exchangeWith() >= 0) {
                Send back = sends.get(s.exchangeWith());
                int k = net.direction(s.src(), s.dst()) - net.firstDirection(s.src());
                go = (c, a, b) -> net.exchange(s.src(), k, s.bits(), back.bits(), MessageKind.MODEL, 0, h, s.id(), back.id());
            } else {
                go = (c, a, b) -> net.send(s.src(), s.dst(), s.bits(), MessageKind.MODEL, 0, h, s.id());
            }
            sim.scheduleAt(s.t(), go, 0, 0, 0);
        }
        sim.run();
        return delivered;
    }

    @Test
    void fifoLinksMatchAPerDirectionQueueModel() {
        SplittableRandom rng = new SplittableRandom(21);
        int n = 12;
        Topology t = devices(n);
        double[] bws = {1, 2.5, 10, 100};
        double[] lats = {0, 0.5, 3, 10};
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rng.nextInt(3) == 0) {
                    t.putLink(new Link("n" + i, "n" + j, bws[rng.nextInt(4)], lats[rng.nextInt(4)], null));
                }
            }
        }
        checkAgainstQueueModel(t, rng);
    }

    /**
     * The same on graphs where every node has the same degree and every link the same class, where the network
     * computes a node's directions from its index and reads no link class (a different code path).
     */
    @Test
    void fifoLinksMatchAPerDirectionQueueModelOnRegularOneClassGraphs() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 10;
        Topology ring = devices(n);
        for (int i = 0; i < n; i++) {
            ring.putLink(new Link("n" + i, "n" + ((i + 1) % n), 2.5, 3, null));
        }
        checkAgainstQueueModel(ring, rng);
        Topology complete = devices(6);
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                complete.putLink(new Link("n" + i, "n" + j, 10, 0.5, null));
            }
        }
        checkAgainstQueueModel(complete, rng);
        Network net = Network.builder(new Simulator(), ring).build();
        for (int i = 0; i < n; i++) {
            assertEquals(2, net.degree(i));
            assertEquals(2 * i, net.firstDirection(i));
            for (int k = 0; k < 2; k++) {
                int j = net.directionTarget(2 * i + k);
                assertEquals(2 * i + k, net.direction(i, j), "direction " + i + " -> " + j);
            }
        }
    }

    private static Topology devices(int n) {
        Topology t = new Topology();
        for (int i = 0; i < n; i++) {
            t.putNode(new Node("n" + i, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        }
        return t;
    }

    /**
     * 3000 random sends and exchanges on t's links (thousands in flight at once, so the message pool grows and its
     * free ring wraps) checked against a per-direction FIFO queue written here from DESIGN.md's rule.
     */
    private static void checkAgainstQueueModel(Topology t, SplittableRandom rng) {
        int n = t.nodes().size();
        List<Link> links = new ArrayList<>(t.links());
        List<Send> sends = new ArrayList<>();
        while (sends.size() < 3000) {
            Link l = links.get(rng.nextInt(links.size()));
            boolean fwd = rng.nextBoolean();
            int a = t.indexed().indexOf(fwd ? l.source() : l.target());
            int b = t.indexed().indexOf(fwd ? l.target() : l.source());
            // coarse times: many equal send times, so ties and queueing are frequent
            double time = rng.nextInt(200) * 0.005;
            int id = sends.size();
            if (rng.nextInt(3) == 0) { // an exchange: a -> b and b -> a at the same instant, in this order
                sends.add(new Send(time, a, b, 1 + rng.nextInt(200_000), id, id + 1));
                sends.add(new Send(time, b, a, 1 + rng.nextInt(200_000), id + 1, id));
            } else {
                sends.add(new Send(time, a, b, 1 + rng.nextInt(200_000), id, -1));
            }
        }
        double[] got = runNetwork(t, sends);
        // Reference: per direction, serve in (send time, scheduling order); start = max(send, previous end).
        List<Send> order = new ArrayList<>(sends);
        order.sort(Comparator.comparingDouble(Send::t).thenComparingInt(Send::id));
        java.util.Map<Long, Double> freeAt = new java.util.TreeMap<>();
        for (Send s : order) {
            Link l = t.findLink(t.indexed().id(s.src()), t.indexed().id(s.dst())).orElseThrow();
            long key = (long) s.src() * n + s.dst();
            double start = Math.max(s.t(), freeAt.getOrDefault(key, Double.NEGATIVE_INFINITY));
            double end = start + s.bits() / (l.bandwidthMbps() * 1e6);
            freeAt.put(key, end);
            assertEquals(end + l.latencyMs() / 1e3, got[s.id()], 1e-12, "message " + s.id());
        }
    }

    @Test
    void processorSharingMatchesAFromScratchFluidModel() {
        SplittableRandom rng = new SplittableRandom(8);
        // S (access 10) with six devices on links of mixed bandwidth, and a cloud C (access 4) behind S.
        Topology t = new Topology();
        t.putNode(new Node("S", NodeKind.SERVER, 200, 1, 0, 0, "", 10.0));
        t.putNode(new Node("C", NodeKind.CLOUD, 2000, 1, 0, 0, "", 4.0));
        double[] bws = {2, 5, 20, 100};
        for (int i = 0; i < 6; i++) {
            t.putNode(new Node("d" + i, NodeKind.DEVICE, 5, 1, 0, 0, "", null));
            t.putLink(new Link("d" + i, "S", bws[i % 4], 1 + i, null));
        }
        t.putLink(new Link("S", "C", 100, 2, null));
        List<Link> links = new ArrayList<>(t.links());
        List<Send> sends = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            Link l = links.get(rng.nextInt(links.size()));
            boolean fwd = rng.nextBoolean();
            int a = t.indexed().indexOf(fwd ? l.source() : l.target());
            int b = t.indexed().indexOf(fwd ? l.target() : l.source());
            sends.add(new Send(rng.nextDouble() * 2, a, b, 10_000 + rng.nextInt(1_000_000), k, -1));
        }
        double[] got = runNetwork(t, sends);
        double[] expected = fluidReference(t, sends);
        for (Send s : sends) {
            assertEquals(expected[s.id()], got[s.id()], 1e-9, "message " + s.id());
        }
    }

    /**
     * The reference: time advances from event to event (a send, or a transfer's end); at each instant every
     * idle direction starts its oldest waiting message, every rate is recomputed from scratch as
     * min(bandwidth, capacity / active count) at each capped endpoint, and all remaining bits advance linearly.
     */
    private static double[] fluidReference(Topology t, List<Send> sends) {
        int n = t.nodeCount();
        double[] cap = new double[n];
        for (Node node : t.nodes()) {
            cap[t.indexed().indexOf(node.id())] = node.accessMbps() == null ? 0 : node.accessMbps() * 1e6;
        }
        List<Send> pending = new ArrayList<>(sends);
        pending.sort(Comparator.comparingDouble(Send::t).thenComparingInt(Send::id));
        List<Send> waiting = new ArrayList<>();   // sent, not yet on the wire (in send order)
        List<Send> active = new ArrayList<>();
        double[] rem = new double[sends.size()];
        double[] done = new double[sends.size()];
        double now = 0;
        int next = 0;
        while (next < pending.size() || !waiting.isEmpty() || !active.isEmpty()) {
            while (next < pending.size() && pending.get(next).t() <= now) {
                waiting.add(pending.get(next++));
            }
            // start the oldest waiting message of every idle direction
            for (Send w : new ArrayList<>(waiting)) {
                boolean busy = active.stream().anyMatch(a -> a.src() == w.src() && a.dst() == w.dst());
                if (!busy) {
                    waiting.remove(w);
                    active.add(w);
                    rem[w.id()] = w.bits();
                }
            }
            int[] count = new int[n];
            for (Send a : active) {
                count[a.src()]++;
                count[a.dst()]++;
            }
            double[] rate = new double[sends.size()];
            double dt = next < pending.size() ? pending.get(next).t() - now : Double.POSITIVE_INFINITY;
            for (Send a : active) {
                Link l = t.findLink(t.indexed().id(a.src()), t.indexed().id(a.dst())).orElseThrow();
                double r = l.bandwidthMbps() * 1e6;
                if (cap[a.src()] > 0) {
                    r = Math.min(r, cap[a.src()] / count[a.src()]);
                }
                if (cap[a.dst()] > 0) {
                    r = Math.min(r, cap[a.dst()] / count[a.dst()]);
                }
                rate[a.id()] = r;
                dt = Math.min(dt, rem[a.id()] / r);
            }
            now += dt;
            for (Send a : new ArrayList<>(active)) {
                rem[a.id()] -= rate[a.id()] * dt;
                if (rem[a.id()] <= 1e-6) {
                    active.remove(a);
                    Link l = t.findLink(t.indexed().id(a.src()), t.indexed().id(a.dst())).orElseThrow();
                    done[a.id()] = now + l.latencyMs() / 1e3;
                }
            }
        }
        return done;
    }
}

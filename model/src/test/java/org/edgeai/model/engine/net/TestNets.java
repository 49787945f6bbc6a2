package org.edgeai.model.engine.net;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.core.Simulator;
import org.edgeai.model.engine.trace.TraceSink;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/** Small topologies and recorders for the network tests. */
final class TestNets {

    private TestNets() {
    }

    /** Adds device nodes with the given ids, in order (their indices follow this order). */
    static Topology nodes(String... ids) {
        Topology t = new Topology();
        for (String id : ids) {
            t.putNode(new Node(id, NodeKind.DEVICE, 5, 4096, 0, 0, "", null));
        }
        return t;
    }

    static Topology server(Topology t, String id, double accessMbps) {
        t.putNode(new Node(id, NodeKind.SERVER, 200, 65536, 0, 0, "", accessMbps));
        return t;
    }

    static Topology link(Topology t, String a, String b, double mbps, double ms) {
        t.putLink(new Link(a, b, mbps, ms, null));
        return t;
    }

    static int idx(Topology t, String id) {
        return t.indexed().indexOf(id);
    }

    /** One traced hop. */
    record Hop(int round, double tSend, double tArrive, int src, int dst, long bits, MessageKind kind) {
    }

    /** A sink that keeps every hop. */
    static final class Hops implements TraceSink {
        final List<Hop> hops = new ArrayList<>();

        @Override
        public void hop(int round, double tSendS, double tArriveS, int src, int dst, long bits, MessageKind kind) {
            hops.add(new Hop(round, tSendS, tArriveS, src, dst, bits, kind));
        }
    }

    /** A delivery: (time, src, dst, tag). */
    record Delivery(double time, int src, int dst, long tag) {
    }

    /** A message handler that records deliveries. */
    static final class Inbox implements MessageHandler {
        final Simulator sim;
        final List<Delivery> got = new ArrayList<>();

        Inbox(Simulator sim) {
            this.sim = sim;
        }

        @Override
        public void onMessage(int msg, int src, int dst, long tag) {
            got.add(new Delivery(sim.now(), src, dst, tag));
        }

        Delivery byTag(long tag) {
            return got.stream().filter(d -> d.tag() == tag).findFirst()
                    .orElseThrow(() -> new AssertionError("no delivery with tag " + tag + " in " + got));
        }
    }
}

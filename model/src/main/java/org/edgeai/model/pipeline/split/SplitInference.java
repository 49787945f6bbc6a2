package org.edgeai.model.pipeline.split;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.pipeline.Routes;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * Neurosurgeon-style split inference (survey section IV-D): the device runs layers 1..c, sends the cut
 * layer's activations (the raw input when c = 0) to the edge server, which runs layers c+1..L and returns the
 * result (the last layer's output); with c = L nothing is sent. For every cut c:
 * <pre>
 * device_s   = sum_{i <= c} F_i x batch / (device GFLOP/s x 1e9)
 * server_s   = sum_{i > c} F_i x batch / (server GFLOP/s x 1e9)
 * transfer_s = T(up bits) + T(result bits),  T(b) = sum over the route's hops of (b / bandwidth + latency)
 * total_s    = device_s + transfer_s + server_s
 * </pre>
 * One request alone on the network (no queueing), so store-and-forward gives T(b) above exactly.
 *
 * <p>With an early exit after layer e (fraction p, exit FLOPs h per sample) every request pays the exit
 * classifier where layer e runs (device if c &gt;= e, else server); a share p stops there: when c &gt;= e
 * nothing is sent and the server does nothing, when c &lt; e the server stops after layer e and returns the
 * result. Each column is the expectation p x (exiting request) + (1 - p) x (continuing request).
 *
 * <p>The best cut is the one of least total, ties to the smaller cut. O(L) per bandwidth after O(L) prefix sums.
 */
public final class SplitInference {

    private SplitInference() {
    }

    /**
     * Runs the analysis of a {@code split} section on a topology, with the bandwidth sweep.
     *
     * @throws SpecException when a node is unknown or the two nodes are not connected
     */
    public static SplitResult run(SplitSpec spec, Topology topology) {
        ModelProfile model = spec.model().build("split.model");
        checkNode(topology, spec.device(), "split.device");
        checkNode(topology, spec.server(), "split.server");
        List<String> route;
        try {
            route = Routes.shortestPath(topology, spec.device(), spec.server());
        } catch (IllegalArgumentException e) {
            throw new SpecException("split.server", e.getMessage());
        }
        List<SplitRow> rows = evaluate(model, topology, route, spec);
        List<SweepPoint> sweep = new ArrayList<>();
        for (double mbps : spec.bandwidthSweepMbps()) {
            Topology t = withRouteBandwidth(topology, route, mbps);
            List<SplitRow> r = evaluate(model, t, route, spec);
            sweep.add(new SweepPoint(mbps, best(r), r.get(r.size() - 1).totalSeconds(), r.get(0).totalSeconds()));
        }
        return new SplitResult(spec, model, route, rows, sweep);
    }

    private static void checkNode(Topology t, String id, String path) {
        if (!t.hasNode(id)) {
            List<String> ids = new ArrayList<>();
            t.nodes().forEach(n -> ids.add(n.id()));
            throw new SpecException(path, "unknown node '" + id + "'; the topology has " + String.join(", ", ids));
        }
    }

    /** A copy of the topology with every link of the route at {@code mbps}. */
    public static Topology withRouteBandwidth(Topology topology, List<String> route, double mbps) {
        Topology t = topology.copy();
        for (int i = 0; i + 1 < route.size(); i++) {
            Link l = t.findLink(route.get(i), route.get(i + 1)).orElseThrow();
            t.putLink(l.withBandwidth(mbps));
        }
        return t;
    }

    /** Seconds for {@code bits} to cross the route alone: per hop bits / bandwidth + latency. 0 for 0 bits. */
    public static double transferSeconds(Topology topology, List<String> route, double bits) {
        if (bits <= 0) {
            return 0;
        }
        double t = 0;
        for (int i = 0; i + 1 < route.size(); i++) {
            Link l = topology.findLink(route.get(i), route.get(i + 1)).orElseThrow();
            t += Math.max(1, bits) / l.bitsPerSecond() + l.latencySeconds();
        }
        return t;
    }

    /** The row of every cut 0..L, for the route from the spec's device to its server. */
    public static List<SplitRow> evaluate(ModelProfile model, Topology topology, List<String> route, SplitSpec spec) {
        Node device = topology.node(route.get(0));
        Node server = topology.node(route.get(route.size() - 1));
        int l = model.layerCount();
        int batch = spec.batchSize();
        double[] prefix = new double[l + 1];
        for (int i = 0; i < l; i++) {
            prefix[i + 1] = prefix[i] + model.layer(i).forwardFlops() * batch;
        }
        double resultBits = (double) model.layer(l - 1).outputElements() * spec.precisionBits() * batch;
        EarlyExit ee = spec.earlyExit();
        List<SplitRow> rows = new ArrayList<>();
        for (int c = 0; c <= l; c++) {
            double up = c == l ? 0
                    : c == 0 ? (double) model.inputElements() * spec.inputBitsPerElement() * batch
                    : (double) model.layer(c - 1).outputElements() * spec.precisionBits() * batch;
            double back = c == l ? 0 : resultBits;
            double head = ee == null ? 0 : ee.exitFlops() * batch;
            boolean headOnDevice = ee != null && c >= ee.afterLayer();
            // a request that does not exit
            double dev = device.computeSeconds(prefix[c] + (headOnDevice ? head : 0));
            double srv = server.computeSeconds(prefix[l] - prefix[c] + (ee != null && !headOnDevice ? head : 0));
            double bits = up + back;
            double xfer = transferSeconds(topology, route, up) + transferSeconds(topology, route, back);
            if (ee != null) {
                int e = ee.afterLayer();
                double exDev;
                double exSrv;
                double exBits;
                double exXfer;
                if (headOnDevice) {
                    exDev = device.computeSeconds(prefix[e] + head);
                    exSrv = 0;
                    exBits = 0;
                    exXfer = 0;
                } else {
                    exDev = device.computeSeconds(prefix[c]);
                    exSrv = server.computeSeconds(prefix[e] - prefix[c] + head);
                    exBits = up + resultBits;
                    exXfer = transferSeconds(topology, route, up) + transferSeconds(topology, route, resultBits);
                }
                double p = ee.fraction();
                dev = p * exDev + (1 - p) * dev;
                srv = p * exSrv + (1 - p) * srv;
                bits = p * exBits + (1 - p) * bits;
                xfer = p * exXfer + (1 - p) * xfer;
            }
            rows.add(new SplitRow(c, dev, xfer, srv, dev + xfer + srv, bits));
        }
        return rows;
    }

    /** The row of least total time, ties to the smaller cut. */
    public static SplitRow best(List<SplitRow> rows) {
        SplitRow best = rows.get(0);
        for (SplitRow r : rows) {
            if (r.totalSeconds() < best.totalSeconds()) {
                best = r;
            }
        }
        return best;
    }

}

package org.edgeai.plugins.algorithms.centralized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import org.edgeai.model.engine.SimulationContext;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.NodeKind;

/**
 * Hierarchical federated averaging (ALGORITHMS.md "hier-fedavg"; Liu et al. 2020, "Client-edge-cloud
 * hierarchical federated learning"). Every device belongs to its nearest edge server: the server node (kind
 * {@code server}) of least path latency, ties broken by the smaller node id ({@link #assignment()}). Every round
 * each edge server with at least one device runs one fedavg round with its devices (sampling
 * max(1, round(clientFraction · K_s)) of its K_s active devices, {@code localSteps}, η; as {@link FedAvg}, with its
 * own model z_s). Every {@code cloudPeriod} rounds (rounds r with (r + 1) mod cloudPeriod = 0), each edge server,
 * once its own fedavg round has closed, sends z_s [model, 32·d bits, uncompressed: the compression applies to
 * device-to-server messages] to the cloud; when all have arrived the cloud sets z = Σ_s w_s z_s / Σ_s w_s,
 * w_s = the data Σ n_i of all the devices assigned to s, and sends z back to every edge server [model]; the
 * round ends when every edge server has it. Other rounds end when every edge server's fedavg round has closed.
 *
 * <p>Reported model: the data-weighted average Σ_s w_s z_s / Σ_s w_s of the edge models (after a cloud round it
 * is the cloud's model). All edge models start from the workload's initial parameters. Edge servers with no
 * device take no part. The round deadline applies to the device rounds only.
 */
final class HierFedAvg extends FedAvg {

    private static final int T_EDGE_UP = T_FIRST_FREE;
    private static final int T_CLOUD_DOWN = T_FIRST_FREE + 1;

    private final int cloud;
    private final int cloudPeriod;
    private final int[] assignment;
    private final float[] sent;
    private final float[] cloudModel;
    private final float[] average;
    private final double[] acc;
    private int cloudReceived;
    private int edgesBack;

    HierFedAvg(String id, SimulationContext ctx, Parameters p) {
        super(id, ctx, p, 0.0, false);
        cloudPeriod = p.getInt("cloudPeriod");
        cloud = resolveCloud(id, ctx, p.getString("cloud"));
        IndexedGraph g = ctx.graph();
        List<Integer> edges = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            if (g.kind(i) == NodeKind.SERVER) {
                edges.add(i);
            }
        }
        if (edges.isEmpty()) {
            throw new IllegalArgumentException(id + ": needs edge servers (nodes of kind \"server\") between the devices and "
                    + "the cloud; the topology has none");
        }
        assignment = new int[rows];
        long[] best = new long[rows];
        Arrays.fill(assignment, -1);
        Arrays.fill(best, Long.MAX_VALUE);
        for (int e : edges) {
            long[] dist = latencies(e);
            for (int r = 0; r < rows; r++) {
                long dd = dist[nodeOf[r]];
                if (dd == Long.MAX_VALUE) {
                    continue;
                }
                if (dd < best[r] || (dd == best[r] && g.id(e).compareTo(g.id(assignment[r])) < 0)) {
                    best[r] = dd;
                    assignment[r] = e;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            if (assignment[r] < 0) {
                throw new IllegalArgumentException(id + ": device " + g.id(nodeOf[r]) + " has no path to any edge server");
            }
        }
        List<int[]> members = new ArrayList<>();
        List<Integer> aggregators = new ArrayList<>();
        for (int e : edges) {
            int c = 0;
            int[] m = new int[rows];
            for (int r = 0; r < rows; r++) {
                if (assignment[r] == e) {
                    m[c++] = r;
                }
            }
            if (c > 0) {
                aggregators.add(e);
                members.add(Arrays.copyOf(m, c));
            }
        }
        int[] agg = aggregators.stream().mapToInt(Integer::intValue).toArray();
        setGroups(agg, members.toArray(new int[0][]));
        for (int e : agg) {
            if (net.route(e, cloud).length == 0) {
                throw new IllegalArgumentException(id + ": edge server " + g.id(e) + " has no path to the cloud " + g.id(cloud));
            }
        }
        sent = new float[groups.length * d];
        cloudModel = Arrays.copyOf(groups[0].model, d);
        average = new float[d];
        acc = new double[d];
    }

    /** Least path latency from {@code src} to every node, in nanoseconds (Long.MAX_VALUE: unreachable). Dijkstra. */
    private long[] latencies(int src) {
        IndexedGraph g = graph;
        int n = g.nodeCount();
        long[] dist = new long[n];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[src] = 0;
        PriorityQueue<long[]> q = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        q.add(new long[] {0, src});
        while (!q.isEmpty()) {
            long[] top = q.poll();
            int v = (int) top[1];
            if (top[0] > dist[v]) {
                continue;
            }
            for (int k = 0; k < g.degree(v); k++) {
                int w = g.neighbour(v, k);
                long nd = top[0] + Math.round(net.latencyMs(g.neighbourLink(v, k)) * 1e6);
                if (nd < dist[w]) {
                    dist[w] = nd;
                    q.add(new long[] {nd, w});
                }
            }
        }
        return dist;
    }

    private static int resolveCloud(String id, SimulationContext ctx, String name) {
        IndexedGraph g = ctx.graph();
        if (name == null || name.isEmpty()) {
            for (int i = 0; i < g.nodeCount(); i++) {
                if (g.kind(i) == NodeKind.CLOUD) {
                    return i;
                }
            }
            throw new IllegalArgumentException(id + ": needs a cloud node (kind \"cloud\") above the edge servers; the topology "
                    + "has none");
        }
        int c = g.indexOf(name);
        if (c < 0 || g.kind(c) != NodeKind.CLOUD) {
            List<String> clouds = new ArrayList<>();
            for (int i = 0; i < g.nodeCount(); i++) {
                if (g.kind(i) == NodeKind.CLOUD) {
                    clouds.add(g.id(i));
                }
            }
            throw new IllegalArgumentException(id + ".cloud: " + (c < 0 ? "no node '" + name + "'" : "'" + name + "' is a "
                    + g.kind(c).id()) + "; expected a cloud node: " + (clouds.isEmpty() ? "(none in this topology)"
                    : String.join(", ", clouds)));
        }
        return c;
    }

    /** The edge server (topology node) of each device row. */
    int[] assignment() {
        return assignment.clone();
    }

    boolean isCloudRound(int round) {
        return (round + 1) % cloudPeriod == 0;
    }

    @Override
    protected void groupClosed(Group g, int round) {
        if (!isCloudRound(round)) {
            super.groupClosed(g, round);
            return;
        }
        System.arraycopy(g.model, 0, sent, g.index * d, d);
        net.send(g.node, cloud, 32L * d, MessageKind.MODEL, round, this, tag(round, T_EDGE_UP, g.index));
    }

    @Override
    protected void onOtherMessage(int type, int round, int index, int src, int dst) {
        if (type == T_EDGE_UP) {
            if (++cloudReceived < groups.length) {
                return;
            }
            cloudReceived = 0;
            Arrays.fill(acc, 0);
            double w = 0;
            for (Group g : groups) {
                w += g.weight;
                int o = g.index * d;
                for (int j = 0; j < d; j++) {
                    acc[j] += g.weight * sent[o + j];
                }
            }
            for (int j = 0; j < d; j++) {
                cloudModel[j] = (float) (acc[j] / w);
            }
            for (Group g : groups) {
                net.send(cloud, g.node, 32L * d, MessageKind.MODEL, round, this, tag(round, T_CLOUD_DOWN, g.index));
            }
        } else if (type == T_CLOUD_DOWN) {
            System.arraycopy(cloudModel, 0, groups[index].model, 0, d);
            if (++edgesBack == groups.length) {
                edgesBack = 0;
                completeRound(round);
            }
        } else {
            super.onOtherMessage(type, round, index, src, dst);
        }
    }

    @Override
    protected float[] metricModel() {
        Arrays.fill(acc, 0);
        double w = 0;
        for (Group g : groups) {
            w += g.weight;
            for (int j = 0; j < d; j++) {
                acc[j] += g.weight * g.model[j];
            }
        }
        for (int j = 0; j < d; j++) {
            average[j] = (float) (acc[j] / w);
        }
        return average;
    }

    /** The cloud's model (as of its last averaging). */
    float[] cloudModel() {
        return cloudModel.clone();
    }

    int cloudNode() {
        return cloud;
    }
}

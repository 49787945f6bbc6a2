package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.edgeai.model.engine.Engine;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.learning.Workload;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.topology.IndexedGraph;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hop;
import org.edgeai.plugins.algorithms.centralized.Fixtures.Hops;
import org.junit.jupiter.api.Test;

class HierFedAvgTest {

    private static final HierFedAvgProvider HIER = new HierFedAvgProvider();

    /**
     * Cloud c over edge servers e1, e2 (1 Gbit/s, 4 ms). Devices: a on e1 (3 ms); b on e2 (3 ms); x on e1 (50 ms) and
     * e2 (10 ms); y on e1 and e2 (5 ms each: a tie); z only behind a (1 ms, so 4 ms to e1); v on e1 (20 ms) and behind
     * b (2 ms, so 5 ms to e2).
     */
    static Topology campus() {
        Topology t = new Topology();
        t.putNode(new Node("c", NodeKind.CLOUD, 2000, 1 << 20, 0, 0, "", null));
        t.putNode(Fixtures.server("e1", null));
        t.putNode(Fixtures.server("e2", null));
        for (String id : List.of("a", "b", "x", "y", "z", "v")) {
            t.putNode(Fixtures.device(id, 5));
        }
        link(t, "c", "e1", 1000, 4);
        link(t, "c", "e2", 1000, 4);
        link(t, "a", "e1", 100, 3);
        link(t, "b", "e2", 100, 3);
        link(t, "x", "e1", 100, 50);
        link(t, "x", "e2", 100, 10);
        link(t, "y", "e1", 100, 5);
        link(t, "y", "e2", 100, 5);
        link(t, "z", "a", 100, 1);
        link(t, "v", "e1", 100, 20);
        link(t, "v", "b", 100, 2);
        return t;
    }

    private static void link(Topology t, String u, String v, double mbps, double ms) {
        t.putLink(new Link(u, v, mbps, ms, null));
    }

    private static Engine engine(Topology t, int rounds, Hops trace) {
        Workload w = Fixtures.workload(t, Fixtures.digits("dirichlet", 0.5), 3);
        return Fixtures.engine(t, Fixtures.setup(t, w, null, false), null, rounds, 3, trace);
    }

    @Test
    void devicesJoinTheEdgeServerOfLeastPathLatencyTiesByFirstId() {
        Topology t = campus();
        Engine e = engine(t, 1, null);
        HierFedAvg alg = (HierFedAvg) e.start(HIER, Fixtures.params(HIER));
        IndexedGraph g = t.indexed();
        int[] rows = Fixtures.devices(t);
        String[] edge = new String[rows.length];
        for (int r = 0; r < rows.length; r++) {
            edge[r] = g.id(alg.assignment()[r]);
        }
        // a, b, x, y, z, v
        assertArrayEquals(new String[] {"e1", "e2", "e2", "e1", "e1", "e2"}, edge);
        assertEquals(g.indexOf("c"), alg.cloudNode());
    }

    @Test
    void theCloudExchangesModelsEveryCloudPeriodRounds() {
        Topology t = campus();
        Hops trace = new Hops();
        Engine e = engine(t, 6, trace);
        HierFedAvg alg = (HierFedAvg) e.start(HIER, Fixtures.params(HIER, "cloudPeriod", 3));
        int c = t.indexed().indexOf("c");
        long prev = 0;
        for (int r = 0; r < 6; r++) {
            assertEquals(r == 5 ? Engine.Status.ALL_ROUNDS_DONE : Engine.Status.ROUND_FINISHED, e.runRound());
            boolean cloudRound = r == 2 || r == 5;
            List<Hop> hops = trace.of(r);
            long toCloud = hops.stream().filter(h -> h.dst() == c).count();
            long fromCloud = hops.stream().filter(h -> h.src() == c).count();
            assertEquals(cloudRound ? 2 : 0, toCloud, "round " + r);
            assertEquals(cloudRound ? 2 : 0, fromCloud, "round " + r);
            assertTrue(hops.stream().filter(h -> h.src() == c || h.dst() == c).allMatch(h -> h.kind() == MessageKind.MODEL
                    && h.bits() == 32L * 650));
            // Messages (end to end): 6 models down, 6 updates up, and 2 + 2 with the cloud.
            long msgs = e.history().get(r).messages();
            assertEquals(cloudRound ? 16 : 12, msgs - prev, "round " + r);
            prev = msgs;
            // z and v are two hops from their edge server: their messages show as two hops each way.
            assertEquals(12 + 4 + (cloudRound ? 4 : 0), hops.size(), "round " + r);
            float[] z1 = alg.groups[0].model;
            float[] z2 = alg.groups[1].model;
            if (cloudRound) {
                assertArrayEquals(z1, z2);
                assertArrayEquals(alg.cloudModel(), z1);
                assertArrayEquals(alg.cloudModel(), alg.metricModel());
            } else {
                assertFalse(Arrays.equals(z1, z2), "round " + r);
            }
        }
    }

    @Test
    void theCloudAveragesTheEdgeModelsByTheirDevicesData() {
        // Without any exchange (period 1000) the edge models after round 3 are what the edges send in a period-3 run.
        Engine never = engine(campus(), 3, null);
        HierFedAvg lonely = (HierFedAvg) never.start(HIER, Fixtures.params(HIER, "cloudPeriod", 1000));
        never.run();
        Engine every3 = engine(campus(), 3, null);
        HierFedAvg alg = (HierFedAvg) every3.start(HIER, Fixtures.params(HIER, "cloudPeriod", 3));
        every3.run();
        RunSetup s = never.extension(RunSetup.class).orElseThrow();
        double w1 = 0;
        double w2 = 0;
        for (int r : new int[] {0, 3, 4}) { // a, y, z
            w1 += s.learning().samples(r);
        }
        for (int r : new int[] {1, 2, 5}) { // b, x, v
            w2 += s.learning().samples(r);
        }
        assertEquals(w1, lonely.groups[0].weight);
        float[] z1 = lonely.groups[0].model;
        float[] z2 = lonely.groups[1].model;
        float[] cloud = alg.cloudModel();
        for (int j = 0; j < cloud.length; j++) {
            assertEquals((w1 * z1[j] + w2 * z2[j]) / (w1 + w2), cloud[j], 1e-6);
        }
        // Reported: the data-weighted mean of the edge models.
        float[] avg = lonely.metricModel();
        for (int j = 0; j < cloud.length; j++) {
            assertEquals(cloud[j], avg[j], 1e-6);
        }
    }

    @Test
    void overTheAirToTheEdgesAtHighSnrGivesTheDigitalModels() {
        float[][] models = new float[2][];
        for (int k = 0; k < 2; k++) {
            Hops trace = new Hops();
            Engine e = engine(campus(), 4, trace);
            HierFedAvg a = (HierFedAvg) e.start(HIER, k == 0 ? Fixtures.params(HIER, "cloudPeriod", 2)
                    : Fixtures.params(HIER, "cloudPeriod", 2, "aggregation", "over-the-air", "snrDb", 300.0));
            e.run();
            models[k] = a.metricModel().clone();
            assertEquals(4 * 6, trace.hops.stream().filter(h -> h.kind() == MessageKind.UPDATE).count() - 4 * 2,
                    "6 updates a round, z's and v's over two hops");
        }
        for (int j = 0; j < models[0].length; j++) {
            assertEquals(models[0][j], models[1][j], 1e-6);
        }
    }

    @Test
    void withoutCloudOrEdgeServersTheErrorSaysWhatIsNeeded() {
        Topology noCloud = Fixtures.star(3, 10, 5, 5, null);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> engine(noCloud, 1, null).start(HIER, Fixtures.params(HIER)));
        assertTrue(ex.getMessage().contains("hier-fedavg") && ex.getMessage().contains("cloud"), ex.getMessage());

        Topology noEdge = new Topology();
        noEdge.putNode(new Node("c", NodeKind.CLOUD, 2000, 1 << 20, 0, 0, "", null));
        noEdge.putNode(Fixtures.device("a", 5));
        link(noEdge, "c", "a", 10, 5);
        ex = assertThrows(IllegalArgumentException.class, () -> engine(noEdge, 1, null).start(HIER, Fixtures.params(HIER)));
        assertTrue(ex.getMessage().contains("edge servers"), ex.getMessage());

        ex = assertThrows(IllegalArgumentException.class,
                () -> engine(campus(), 1, null).start(HIER, Fixtures.params(HIER, "cloud", "e1")));
        assertTrue(ex.getMessage().contains("hier-fedavg.cloud") && ex.getMessage().contains("expected a cloud node: c"),
                ex.getMessage());
    }
}

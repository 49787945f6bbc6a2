package org.edgeai.model.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeai.model.pipeline.Fixtures;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.Partition;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

/** The schedule's end-to-end transfers and the network's per-hop reports (what the workbench animates). */
class TransfersTest {

    @Test
    void transfersMatchTheSendRowsWithTheirReceiverKindAndExactTimes() {
        // 3 equal stages on s0 - s1 - s2 (1 GFLOP/s; 100 Mbit/s, 1 ms); 10 output elements x 32 bits = 320 bits
        int k = 3;
        int m = 4;
        double[] f = new double[k];
        Arrays.fill(f, 1e9);
        ModelProfile model = Fixtures.customModel(10, f);
        Partition p = Partition.ofCounts(new int[] {1, 1, 1}, Fixtures.ids(k));
        Topology t = Fixtures.chain(k, 1, 100, 1);
        SimulationInput in = new SimulationInput(model, p, ScheduleKind.GPIPE, m, 1, 1, 32, false, 0);
        ScheduleResult r = PipelineSimulator.simulate(in, new EnginePipelineNetwork(t));

        List<PhaseRow> sends = r.rows().stream().filter(x -> x.phase() == Phase.SEND).toList();
        assertEquals(sends.size(), r.transfers().size());
        assertEquals(2 * (k - 1) * m, r.transfers().size(), "activations and gradients across 2 boundaries");
        int activations = 0;
        for (int i = 0; i < r.transfers().size(); i++) {
            Transfer x = r.transfers().get(i);
            assertEquals(i, x.id());
            assertEquals(320, x.bits());
            if (x.kind() == Transfer.Kind.ACTIVATION) {
                activations++;
                assertEquals(x.fromStage() + 1, x.toStage());
                PhaseRow fwd = find(r, x.fromStage(), x.microbatch(), Phase.FORWARD);
                assertEquals(fwd.end(), x.start(), 0, "sent when the forward ends (the link is idle)");
            } else {
                assertEquals(Transfer.Kind.GRADIENT, x.kind());
                assertEquals(x.fromStage() - 1, x.toStage());
                PhaseRow bwd = find(r, x.fromStage(), x.microbatch(), Phase.BACKWARD);
                assertEquals(bwd.end(), x.start(), 0);
            }
            assertEquals("s" + x.fromStage(), x.from());
            assertEquals("s" + x.toStage(), x.to());
            assertEquals(x.start() + 320 / 1e8 + 0.001, x.arrival(), 1e-15, "bits / bandwidth + latency");
            final Transfer fx = x;
            assertEquals(1, sends.stream().filter(s -> s.node().equals(fx.from()) && s.stage() == fx.fromStage()
                    && s.microbatch() == fx.microbatch() && s.start() == fx.start() && s.end() == fx.arrival()).count(),
                    "one send row per transfer: " + x);
        }
        assertEquals((k - 1) * m, activations);
    }

    private static PhaseRow find(ScheduleResult r, int stage, int mb, Phase phase) {
        return r.rows().stream().filter(x -> x.stage() == stage && x.microbatch() == mb && x.phase() == phase)
                .findFirst().orElseThrow();
    }

    @Test
    void hopListenerReportsEveryHopWithTheTransferIndexAndStoreAndForwardTimes() {
        // s0 - s1 - s2 at 1 Mbit/s and 10 ms: 1e5 bits take 0.1 s + 0.01 s per hop
        Topology t = Fixtures.chain(3, 1, 1, 10);
        EnginePipelineNetwork net = new EnginePipelineNetwork(t);
        List<Object[]> hops = new ArrayList<>();
        net.setHopListener((id, from, to, bits, queued, start, arrival) ->
                hops.add(new Object[] {id, from, to, bits, queued, start, arrival}));
        net.transfer("s0", "s2", 100_000, (s, a) -> { });
        net.transfer("s1", "s1", 5, (s, a) -> { }); // same node: an index, no hop
        net.transfer("s0", "s1", 100_000, (s, a) -> { }); // queues behind the first on s0>s1
        net.run();
        assertEquals(3, hops.size());
        assertHop(hops.get(0), 0, "s0", "s1", 0, 0, 0.11);
        assertHop(hops.get(1), 2, "s0", "s1", 0, 0.1, 0.21);
        assertHop(hops.get(2), 0, "s1", "s2", 0.11, 0.11, 0.22);
        assertEquals(100_000L, hops.get(0)[3]);
    }

    private static void assertHop(Object[] h, int id, String from, String to, double queued, double start, double arrival) {
        assertEquals(id, h[0]);
        assertEquals(from, h[1]);
        assertEquals(to, h[2]);
        assertEquals(queued, (double) h[4], 1e-12);
        assertEquals(start, (double) h[5], 1e-12);
        assertEquals(arrival, (double) h[6], 1e-12);
    }
}

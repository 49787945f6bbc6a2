package org.edgeai.model.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.edgeai.model.pipeline.Fixtures;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.Partition;
import org.edgeai.model.pipeline.partition.StagePlan;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class ReplicationTest {

    @Test
    void twoReplicasSplitTheMicroBatchesAndAllReduceBeforeTheUpdate() {
        // one stage (1 layer, 1e9 FLOPs forward, 1000 params) on s0 and s1 (1 GFLOP/s), M = 4, gpipe.
        // Each replica: F F B B = 1 + 1 + 2 + 2 = 6 s; then ring all-reduce: 2 (r - 1) = 2 steps, each
        // a chunk of 1000 x 32 / 2 = 16000 bits over 1 Mbit/s + 1 ms = 0.017 s; the update waits for it.
        ModelProfile m = Fixtures.customModel(10, 1e9);
        Partition p = new Partition(List.of(new StagePlan(0, 0, List.of("s0", "s1"))));
        Topology t = Fixtures.chain(2, 1, 1, 1);
        SimulationInput in = new SimulationInput(m, p, ScheduleKind.GPIPE, 4, 1, 1, 32, false, 0);
        ScheduleResult r = PipelineSimulator.simulate(in, new EnginePipelineNetwork(t));
        List<PhaseRow> updates = r.rows().stream().filter(x -> x.phase() == Phase.UPDATE).toList();
        assertEquals(2, updates.size());
        for (PhaseRow u : updates) {
            assertEquals(6 + 2 * 0.017, u.start(), 1e-12);
        }
        assertEquals(2 * 2 * 16000, r.links().get(0).total());
        assertEquals(12, r.busySeconds(), 1e-12);
        assertEquals(2, r.workers());
        // micro-batches 0 and 2 on s0, 1 and 3 on s1
        assertEquals(List.of(0, 2), r.rows().stream().filter(x -> x.phase() == Phase.FORWARD && x.node().equals("s0"))
                .map(PhaseRow::microbatch).toList());
    }

    @Test
    void everyReplicaNeedsAMicroBatch() {
        ModelProfile m = Fixtures.customModel(10, 1e9);
        Partition p = new Partition(List.of(new StagePlan(0, 0, List.of("s0", "s1", "s2"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SimulationInput(m, p, ScheduleKind.GPIPE, 2, 1, 1, 32, false, 0));
        assertEquals("stage 0 has 3 replicas but a minibatch has only 2 micro-batches; every replica needs one", e.getMessage());
    }

    @Test
    void pipedreamReplicasAllReduceEachRoundRobinGroupBeforeItsUpdates() {
        // One stage on s0 and s1 (1 GFLOP/s), pipedream, M = 4: replica 0 takes micro-batches 0, 2 and replica 1
        // takes 1, 3; each does F (1 s) B (2 s) U (0 s) per micro-batch. Groups {0, 1} and {2, 3} are all-reduced
        // (2 steps of 16,000 bits at 1 Mbit/s + 1 ms = 0.034 s) before their updates, as data-parallel replicas
        // must to keep one set of weights: updates at 3.034 and 3.034 + 3 + 0.034.
        ModelProfile m = Fixtures.customModel(10, 1e9);
        Partition p = new Partition(List.of(new StagePlan(0, 0, List.of("s0", "s1"))));
        Topology t = Fixtures.chain(2, 1, 1, 1);
        SimulationInput in = new SimulationInput(m, p, ScheduleKind.PIPEDREAM, 4, 1, 1, 32, false, 0);
        ScheduleResult r = PipelineSimulator.simulate(in, new EnginePipelineNetwork(t));
        List<Double> updates = r.rows().stream().filter(x -> x.phase() == Phase.UPDATE).map(PhaseRow::start).toList();
        assertEquals(4, updates.size());
        assertEquals(3.034, updates.get(0), 1e-12);
        assertEquals(3.034, updates.get(1), 1e-12);
        assertEquals(6.068, updates.get(2), 1e-12);
        assertEquals(6.068, updates.get(3), 1e-12);
        assertEquals(2 * 2 * 2 * 16000, r.links().get(0).total(), "2 groups x 2 replicas x 2 steps x one chunk");

        // M = 3: the second group has micro-batch 2 only; replica 1 contributes a zero gradient at once.
        SimulationInput odd = new SimulationInput(m, p, ScheduleKind.PIPEDREAM, 3, 1, 1, 32, false, 0);
        ScheduleResult ro = PipelineSimulator.simulate(odd, new EnginePipelineNetwork(t));
        List<Double> u3 = ro.rows().stream().filter(x -> x.phase() == Phase.UPDATE).map(PhaseRow::start).toList();
        assertEquals(List.of(3.034, 3.034, 6.068), u3.stream().map(v -> Math.round(v * 1e9) / 1e9).toList());
    }

    @Test
    void pipedreamWithAReplicatedStageAndASecondStageRuns() {
        // stage 0 replicated on s0, s1; stage 1 on s2
        ModelProfile m = Fixtures.customModel(10, 2e9, 1e9);
        Partition p = new Partition(List.of(new StagePlan(0, 0, List.of("s0", "s1")), new StagePlan(1, 1, List.of("s2"))));
        Topology t = Fixtures.chain(3, 1, 100, 1);
        SimulationInput in = new SimulationInput(m, p, ScheduleKind.PIPEDREAM, 4, 1, 2, 32, false, 0);
        ScheduleResult r = PipelineSimulator.simulate(in, new EnginePipelineNetwork(t));
        assertEquals(8 * 2, r.rows().stream().filter(x -> x.phase() == Phase.BACKWARD).count());
        // four all-reduces (8 micro-batches in groups of 2) of 2 chunks each way over s0-s1, plus s0's activations
        // to s2 and gradients back, which cross s0-s1 too (s1 - s2 is a direct link)
        long ring = 4L * 2 * 2 * (1000 * 32 / 2);
        long s0Traffic = 4L * 2 * 320; // micro-batches 0, 2, 4, 6: activation out + gradient back, 320 bits each
        assertEquals(ring + s0Traffic, r.links().get(0).total());
    }
}

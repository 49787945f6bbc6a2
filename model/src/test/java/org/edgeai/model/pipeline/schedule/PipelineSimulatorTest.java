package org.edgeai.model.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.edgeai.model.pipeline.Fixtures;
import org.edgeai.model.pipeline.layers.ModelProfile;
import org.edgeai.model.pipeline.partition.Partition;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineSimulatorTest {

    /** K equal stages: each 1e9 FLOPs forward per sample on 1-GFLOP/s nodes (1 s), backward 2 s. */
    private static ScheduleResult equalStages(ScheduleKind kind, int k, int m, int minibatches, boolean remat,
                                              boolean ideal) {
        double[] f = new double[k];
        Arrays.fill(f, 1e9);
        ModelProfile model = Fixtures.customModel(10, f);
        int[] counts = new int[k];
        Arrays.fill(counts, 1);
        Partition p = Partition.ofCounts(counts, Fixtures.ids(k));
        Topology t = Fixtures.chain(k, 1, 100, 1);
        SimulationInput in = new SimulationInput(model, p, kind, m, 1, minibatches, 32, remat, 0);
        PipelineNetwork net = ideal ? EnginePipelineNetwork.idealLinks(t) : new EnginePipelineNetwork(t);
        return PipelineSimulator.simulate(in, net);
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "2, 4", "3, 2", "4, 4", "4, 8", "4, 16", "5, 3", "8, 32", "3, 7"})
    void bubbleFractionClosedFormForGpipeAnd1f1b(int k, int m) {
        double expected = (k - 1.0) / (m + k - 1.0);
        for (ScheduleKind kind : List.of(ScheduleKind.GPIPE, ScheduleKind.ONE_F_ONE_B)) {
            ScheduleResult r = equalStages(kind, k, m, 1, false, true);
            assertEquals(expected, r.bubbleFraction(), 1e-12, kind + " K=" + k + " M=" + m);
            // makespan (M + K - 1)(f + b) with f = 1 s, b = 2 s
            assertEquals(3.0 * (m + k - 1), r.totalSeconds(), 1e-12, kind + " makespan");
            assertEquals(3.0 * m * k, r.busySeconds(), 1e-12);
        }
    }

    @Test
    void sequentialIsTheOneMicroBatchCase() {
        for (int k = 2; k <= 5; k++) {
            ScheduleResult r = equalStages(ScheduleKind.SEQUENTIAL, k, 1, 1, false, true);
            assertEquals((k - 1.0) / k, r.bubbleFraction(), 1e-12);
            assertEquals(3.0 * k, r.totalSeconds(), 1e-12);
        }
    }

    @Test
    void inFlightBoundedByKFor1f1bButGrowsWithMForGpipe() {
        int k = 4;
        for (int m : new int[] {4, 8, 16}) {
            ScheduleResult g = equalStages(ScheduleKind.GPIPE, k, m, 1, false, true);
            ScheduleResult o = equalStages(ScheduleKind.ONE_F_ONE_B, k, m, 1, false, true);
            for (int s = 0; s < k; s++) {
                assertEquals(m, g.stages().get(s).peakInFlight(), "gpipe stage " + s);
                assertEquals(k - s, o.stages().get(s).peakInFlight(), "1f1b stage " + s);
                assertTrue(o.stages().get(s).peakInFlight() <= k);
                // activation memory follows: per micro-batch this stage stashes input + output = 20 elements x 4 bytes
                assertEquals(80L * m, g.stages().get(s).peakActivationBytes());
                assertEquals(80L * (k - s), o.stages().get(s).peakActivationBytes());
                assertEquals(1, g.stages().get(s).weightVersions());
                assertEquals(1, o.stages().get(s).weightVersions());
            }
        }
    }

    @Test
    void pipedreamWeightVersionsEqualInFlightMicroBatches() {
        int k = 4;
        ScheduleResult r = equalStages(ScheduleKind.PIPEDREAM, k, 8, 3, false, true);
        for (int s = 0; s < k; s++) {
            StageStats st = r.stages().get(s);
            assertEquals(k - s, st.peakInFlight(), "in flight, stage " + s);
            assertEquals(k - s, st.weightVersions(), "weight versions, stage " + s);
            assertEquals(k - s - 1, st.maxStaleness(), "staleness, stage " + s);
            // memory = versions x weights (1000 params x 4 bytes) + in-flight activations (80 bytes each)
            assertEquals((k - s) * 4000L + (k - s) * 80L, st.peakMemoryBytes());
        }
        // no flush: 24 micro-batches of 3 s work on the bottleneck stage plus one fill/drain of (K - 1) x 3 s
        assertEquals(3.0 * (24 + k - 1), r.totalSeconds(), 1e-12);
        // and it beats 1f1b's three flushes
        ScheduleResult flush = equalStages(ScheduleKind.ONE_F_ONE_B, k, 8, 3, false, true);
        assertEquals(3 * 3.0 * (8 + k - 1), flush.totalSeconds(), 1e-12);
    }

    @Test
    void rematerializationTradesFlopsForMemory() {
        int k = 3;
        int m = 6;
        ScheduleResult plain = equalStages(ScheduleKind.GPIPE, k, m, 1, false, true);
        ScheduleResult remat = equalStages(ScheduleKind.GPIPE, k, m, 1, true, true);
        // backward now costs recompute (1 s) + backward (2 s): makespan (M + K - 1)(1 + 3)
        assertEquals(4.0 * (m + k - 1), remat.totalSeconds(), 1e-12);
        assertEquals((k - 1.0) / (m + k - 1.0), remat.bubbleFraction(), 1e-12);
        for (int s = 0; s < k; s++) {
            // only the stage input (40 bytes) stays per micro-batch; one micro-batch is fully materialized
            assertEquals(40L * m + 40, remat.stages().get(s).peakActivationBytes());
            assertTrue(remat.stages().get(s).peakActivationBytes() < plain.stages().get(s).peakActivationBytes());
        }
        assertTrue(remat.rows().stream().anyMatch(row -> row.phase() == Phase.RECOMPUTE));
    }

    @Test
    void communicationFollowsTheNetworkRules() {
        // K = 2, M = 1: F(s0) 1 s, activations 10 x 32 bits over 100 Mbit/s + 1 ms, F(s1) 1 s, B(s1) 2 s,
        // gradient 320 bits back, B(s0) 2 s
        ScheduleResult r = equalStages(ScheduleKind.GPIPE, 2, 1, 1, false, false);
        double c = 320 / 100e6 + 1e-3;
        assertEquals(1 + c + 1 + 2 + c + 2, r.totalSeconds(), 1e-12);
        assertEquals(640, r.links().get(0).total());
        assertEquals(320, r.links().get(0).sourceToTarget());
        List<PhaseRow> sends = r.rows().stream().filter(x -> x.phase() == Phase.SEND).toList();
        assertEquals(2, sends.size());
        assertEquals(1.0, sends.get(0).start(), 1e-12);
        assertEquals(1.0 + c, sends.get(0).end(), 1e-12);
    }

    @Test
    void stageOrders() {
        assertEquals("[F0, F1, F2, B2, B1, B0, U2]",
                StageOrders.order(ScheduleKind.GPIPE, 3, 0, 3, 1, false).toString());
        assertEquals("[F0, F1, F2, B0, F3, B1, B2, B3, U3]",
                StageOrders.order(ScheduleKind.ONE_F_ONE_B, 3, 0, 4, 1, false).toString());
        assertEquals("[F0, B0, F1, B1, U1]", StageOrders.order(ScheduleKind.ONE_F_ONE_B, 2, 1, 2, 1, false).toString());
        assertEquals("[F0, F1, R0, B0, U0, F2, R1, B1, U1, R2, B2, U2]",
                StageOrders.order(ScheduleKind.PIPEDREAM, 3, 1, 3, 1, true).toString());
    }
}

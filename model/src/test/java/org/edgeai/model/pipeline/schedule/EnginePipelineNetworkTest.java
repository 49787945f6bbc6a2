package org.edgeai.model.pipeline.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.pipeline.Fixtures;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class EnginePipelineNetworkTest {

    @Test
    void fifoPerDirectionAndFullDuplex() {
        // 1 Mbit/s, 10 ms: two 1e5-bit messages from s0 to s1 at t = 0 queue (0.1 s each); one from s1 to s0
        // uses the other direction and does not wait
        Topology t = Fixtures.chain(2, 1, 1, 10);
        EnginePipelineNetwork net = new EnginePipelineNetwork(t);
        List<double[]> got = new ArrayList<>();
        net.transfer("s0", "s1", 100_000, (s, a) -> got.add(new double[] {0, s, a}));
        net.transfer("s0", "s1", 100_000, (s, a) -> got.add(new double[] {1, s, a}));
        net.transfer("s1", "s0", 100_000, (s, a) -> got.add(new double[] {2, s, a}));
        net.run();
        assertEquals(3, got.size());
        assertEquals(0.11, find(got, 0)[2], 1e-12);
        assertEquals(0.1, find(got, 1)[1], 1e-12);
        assertEquals(0.21, find(got, 1)[2], 1e-12);
        assertEquals(0.11, find(got, 2)[2], 1e-12);
        assertEquals(200_000, net.linkBits().get(0).sourceToTarget());
        assertEquals(100_000, net.linkBits().get(0).targetToSource());
    }

    private static double[] find(List<double[]> got, int id) {
        return got.stream().filter(x -> x[0] == id).findFirst().orElseThrow();
    }

    @Test
    void storeAndForwardAcrossHops() {
        // s0 - s1 - s2 at 1 Mbit/s and 10 ms: 1e5 bits take 0.1 + 0.01 per hop
        Topology t = Fixtures.chain(3, 1, 1, 10);
        EnginePipelineNetwork net = new EnginePipelineNetwork(t);
        double[] arrival = new double[2];
        net.transfer("s0", "s2", 100_000, (s, a) -> {
            arrival[0] = s;
            arrival[1] = a;
        });
        net.run();
        assertEquals(0, arrival[0], 0);
        assertEquals(0.22, arrival[1], 1e-12);
        assertEquals(100_000, net.linkBits().get(1).total());
    }

    @Test
    void aNodeComputesOneThingAtATime() {
        Topology t = Fixtures.chain(1, 2, 1, 1); // 2 GFLOP/s
        EnginePipelineNetwork net = new EnginePipelineNetwork(t);
        List<double[]> got = new ArrayList<>();
        net.compute("s0", 1e9, (s, e) -> got.add(new double[] {s, e}));
        net.compute("s0", 3e9, (s, e) -> got.add(new double[] {s, e}));
        net.run();
        assertEquals(0.5, got.get(0)[1], 1e-12);
        assertEquals(0.5, got.get(1)[0], 1e-12);
        assertEquals(2.0, got.get(1)[1], 1e-12);
    }

    @Test
    void theEnginesRecordsReachTheObserverAndIdealLinksTakeNoTime() {
        Topology t = Fixtures.chain(3, 2, 1, 10); // 2 GFLOP/s, 1 Mbit/s, 10 ms
        List<org.edgeai.model.engine.trace.SimEvent> seen = new ArrayList<>();
        EnginePipelineNetwork net = new EnginePipelineNetwork(t, false, seen::add);
        net.compute("s0", 2e9, (s, e) -> net.transfer("s0", "s2", 100_000, (s2, a) -> { }));
        net.run();
        assertEquals(List.of(org.edgeai.model.engine.trace.SimEvent.ComputeStarted.class,
                org.edgeai.model.engine.trace.SimEvent.ComputeFinished.class,
                org.edgeai.model.engine.trace.SimEvent.HopStarted.class, org.edgeai.model.engine.trace.SimEvent.HopArrived.class,
                org.edgeai.model.engine.trace.SimEvent.HopStarted.class, org.edgeai.model.engine.trace.SimEvent.HopArrived.class),
                seen.stream().map(Object::getClass).toList());
        var second = (org.edgeai.model.engine.trace.SimEvent.HopArrived) seen.get(5);
        assertEquals(1.0 + 0.22, second.tArriveS(), 1e-12);
        assertEquals(org.edgeai.model.engine.core.MessageKind.ACTIVATION, second.kind());

        EnginePipelineNetwork ideal = EnginePipelineNetwork.idealLinks(t);
        double[] got = new double[2];
        ideal.compute("s1", 2e9, (s, e) -> ideal.transfer("s0", "s2", 100_000, (s2, a) -> {
            got[0] = s2;
            got[1] = a;
        }));
        ideal.run();
        assertArrayEquals(new double[] {1.0, 1.0}, got, 0);
        assertEquals(100_000, ideal.linkBits().get(0).total());
        assertEquals(100_000, ideal.linkBits().get(1).total());
    }
}

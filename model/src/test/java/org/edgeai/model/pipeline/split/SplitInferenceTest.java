package org.edgeai.model.pipeline.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class SplitInferenceTest {

    private static final ObjectMapper OM = new ObjectMapper();

    private static Topology phoneEdge(double devGflops, double srvGflops, double mbps, double ms) {
        Topology t = new Topology();
        t.putNode(new Node("phone", NodeKind.DEVICE, devGflops, 1024, 0, 0, "", null));
        t.putNode(new Node("edge", NodeKind.SERVER, srvGflops, 1024, 0, 0, "", null));
        t.putLink(new Link("phone", "edge", mbps, ms, null));
        return t;
    }

    private static SplitSpec spec(String extra) throws Exception {
        JsonNode n = OM.readTree(("{'model': {'input': [1000], 'layers': ["
                + "{'type': 'custom', 'forwardFlops': 1e9, 'params': 1, 'outputElements': 2000},"
                + "{'type': 'custom', 'forwardFlops': 2e9, 'params': 1, 'outputElements': 100},"
                + "{'type': 'custom', 'forwardFlops': 1e9, 'params': 1, 'outputElements': 10}]},"
                + " 'device': 'phone', 'server': 'edge'" + extra + "}").replace('\'', '"'));
        return SplitSpec.parse(n);
    }

    @Test
    void rowsByHand() throws Exception {
        // device 1 GFLOP/s, server 10, 1 Mbit/s, 10 ms, fp32
        SplitResult r = SplitInference.run(spec(""), phoneEdge(1, 10, 1, 10));
        List<SplitRow> rows = r.rows();
        double result = 10 * 32 / 1e6 + 0.01; // returning 10 fp32 values
        // cut 0: raw input 1000 x 32 bits up, 4e9 FLOPs on the server
        assertEquals(0.4, rows.get(0).serverSeconds(), 1e-12);
        assertEquals(32_000 / 1e6 + 0.01 + result, rows.get(0).transferSeconds(), 1e-12);
        assertEquals(32_000 + 320, rows.get(0).bits(), 0);
        // cut 2: 3 s on the device, 100 x 32 bits up, 0.1 s on the server
        assertEquals(3, rows.get(2).deviceSeconds(), 1e-12);
        assertEquals(3200 / 1e6 + 0.01 + result, rows.get(2).transferSeconds(), 1e-12);
        assertEquals(0.1, rows.get(2).serverSeconds(), 1e-12);
        // cut 3: all on the device, nothing sent
        assertEquals(4, rows.get(3).totalSeconds(), 1e-12);
        assertEquals(0, rows.get(3).bits(), 0);
        assertEquals(0, r.best().cutAfterLayer());
    }

    @Test
    void bestCutIsTheBruteForceMinimumAndMovesWithBandwidth() throws Exception {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            double mbps = Math.pow(10, -2 + 5 * rnd.nextDouble());
            Topology t = phoneEdge(1 + rnd.nextInt(10), 10 + rnd.nextInt(100), mbps, rnd.nextInt(20));
            SplitResult r = SplitInference.run(spec(", 'precisionBits': 16"), t);
            double min = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (SplitRow row : r.rows()) {
                double total = row.deviceSeconds() + row.transferSeconds() + row.serverSeconds();
                assertEquals(total, row.totalSeconds(), 1e-15);
                if (total < min) {
                    min = total;
                    arg = row.cutAfterLayer();
                }
            }
            assertEquals(arg, r.best().cutAfterLayer());
        }
        // server faster than device: a very fast link sends the raw input, a very slow link keeps all on the device
        SplitResult r = SplitInference.run(spec(", 'bandwidthSweepMbps': [0.001, 0.005, 1e6]"), phoneEdge(1, 10, 1, 1));
        assertEquals(3, r.sweep().get(0).best().cutAfterLayer());
        assertEquals(2, r.sweep().get(1).best().cutAfterLayer()); // the 100-element cut in between
        assertEquals(0, r.sweep().get(2).best().cutAfterLayer());
    }

    @Test
    void earlyExitIsTheExpectation() throws Exception {
        Topology t = phoneEdge(1, 10, 1, 10);
        SplitResult plain = SplitInference.run(spec(""), t);
        SplitResult ee = SplitInference.run(spec(", 'earlyExit': {'afterLayer': 1, 'fraction': 0.25, 'exitFlops': 1e8}"), t);
        // cut 2 (exit on the device): exiting requests take 1 s + 0.1 s on the device and send nothing
        SplitRow p = plain.rows().get(2);
        SplitRow e = ee.rows().get(2);
        assertEquals(0.25 * 1.1 + 0.75 * (p.deviceSeconds() + 0.1), e.deviceSeconds(), 1e-12);
        assertEquals(0.75 * p.transferSeconds(), e.transferSeconds(), 1e-12);
        assertEquals(0.75 * p.bits(), e.bits(), 1e-9);
        // cut 0 (exit on the server): exiting requests stop after layer 1 + head on the server
        SplitRow p0 = plain.rows().get(0);
        SplitRow e0 = ee.rows().get(0);
        assertEquals(0.25 * (1e9 + 1e8) / 1e10 + 0.75 * (4e9 + 1e8) / 1e10, e0.serverSeconds(), 1e-12);
        assertEquals(p0.transferSeconds(), e0.transferSeconds(), 1e-12);
    }

    @Test
    void specErrors() {
        SpecException e = assertThrows(SpecException.class, () -> spec(", 'earlyExit': {'afterLayer': 3, 'fraction': 0.2}"));
        assertEquals("split.earlyExit.afterLayer: expected an integer in [1, 2], got 3", e.getMessage());
        e = assertThrows(SpecException.class, () -> spec(", 'earlyExit': {'afterLayer': 1, 'fraction': 1.5}"));
        assertEquals("split.earlyExit.fraction: expected a number >= 0 and <= 1, got 1.5", e.getMessage());
        e = assertThrows(SpecException.class, () -> spec(", 'bandwidthSweepMbps': [1, 0]"));
        assertEquals("split.bandwidthSweepMbps[1]: expected a number > 0, got 0", e.getMessage());
        SpecException u = assertThrows(SpecException.class, () -> SplitInference.run(spec(""), new Topology()));
        assertTrue(u.getMessage().startsWith("split.device: unknown node 'phone'"), u.getMessage());
    }
}

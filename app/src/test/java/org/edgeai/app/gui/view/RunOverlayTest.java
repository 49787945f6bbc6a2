package org.edgeai.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.AnimationOptions.LinkLoad;
import org.edgeai.app.gui.vm.AnimationOptions.LoadMeasure;
import org.edgeai.app.gui.vm.AnimationOptions.NodeColour;
import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.junit.jupiter.api.Test;

/** The run overlay computed from hand-built recordings, without a toolkit. */
class RunOverlayTest {

    // Three nodes: 0 at (0,0), 1 at (100,0), 2 at (0,100); links 0-1 (latency 0.1 s) and 0-2 (latency 0).
    static final double[] SX = {0, 100, 0};
    static final double[] SY = {0, 0, 100};
    static final int[] LU = {0, 0};
    static final int[] LV = {1, 2};
    static final double NODE_R = 10;
    static final RunOverlay.Geometry GEO = new RunOverlay.Geometry(3, SX, SY, 2, LU, LV, NODE_R);
    static final RunOverlay.LinkTable LINKS = new RunOverlay.LinkTable(2, LU, LV, new double[] {0.1, 0});

    static RunOverlay.Style style(NodeColour c, LinkLoad l, LoadMeasure m) {
        return new RunOverlay.Style(c, l, m, 1);
    }

    static RunOverlay.Style plain() {
        return style(NodeColour.NONE, LinkLoad.OFF, LoadMeasure.BITS_IN_FLIGHT);
    }

    static SimEvent.HopStarted hop(MessageKind k, int src, int dst, long bits, double queued, double send, double arrive) {
        return new SimEvent.HopStarted(0, k, src, dst, bits, queued, send, arrive, 0);
    }

    @Test
    void aTransferMovesAlongItsLinkByItsProgressOverTransmissionPlusLatency() {
        RunRecording r = new RunRecording(3, 2);
        r.add(hop(MessageKind.MODEL, 0, 1, 1000, 0, 0.2, 1.2));
        r.add(hop(MessageKind.MODEL, 2, 0, 1000, 0, 0, 0.5));
        RunOverlay.Builder b = new RunOverlay.Builder(r, LINKS);
        RunOverlay.Snapshot s = b.build(0.45, GEO, plain());
        assertEquals(2, s.glyphs());
        // hop 0: (0.45 - 0.2) / (1.2 - 0.2) = 0.25 of the way from (0,0) to (100,0)
        assertEquals(25, s.gx()[0], 1e-4);
        assertEquals(0, s.gy()[0], 1e-4);
        assertFalse(s.gQueued()[0]);
        // hop 1: 0.45 / 0.5 = 0.9 of the way from (0,100) to (0,0)
        assertEquals(0, s.gx()[1], 1e-4);
        assertEquals(10, s.gy()[1], 1e-4);
        // after arrival it is gone
        assertEquals(0, b.build(1.2, GEO, plain()).glyphs());
        // at its very start it sits at the sender's centre
        RunOverlay.Snapshot start = b.build(0.2, GEO, plain());
        assertEquals(0, start.gx()[0], 1e-4);
    }

    @Test
    void queuedTransfersWaitOutsideTheSenderInQueueOrder() {
        RunRecording r = new RunRecording(3, 2);
        r.add(hop(MessageKind.GRADIENT, 0, 1, 1000, 0, 0, 0.3));
        r.add(hop(MessageKind.GRADIENT, 0, 1, 1000, 0, 0.2, 0.5)); // waits until 0.2
        r.add(hop(MessageKind.GRADIENT, 0, 1, 1000, 0, 0.4, 0.7)); // waits until 0.4
        RunOverlay.Snapshot s = new RunOverlay.Builder(r, LINKS).build(0.1, GEO, plain());
        assertEquals(3, s.glyphs());
        double gr = RunOverlay.glyphRadius(1000, 1);
        assertFalse(s.gQueued()[0]);
        assertTrue(s.gQueued()[1]);
        assertTrue(s.gQueued()[2]);
        // the head of the queue just outside the node glyph, the next one 2.2 glyph radii further along the link
        assertEquals(NODE_R + gr, s.gx()[1], 1e-4);
        assertEquals(NODE_R + gr * 3.2, s.gx()[2], 1e-4);
        assertEquals(0, s.gy()[1], 1e-4);
        // in flight: 0.1 / 0.3 of the way
        assertEquals(100 / 3.0, s.gx()[0], 1e-3);
    }

    @Test
    void glyphRadiusGrowsByAConstantStepPerDecadeOfBits() {
        assertEquals(1.5, RunOverlay.glyphRadius(1, 1), 1e-12);
        assertEquals(3.3, RunOverlay.glyphRadius(1000, 1), 1e-12);
        assertEquals(6.6, RunOverlay.glyphRadius(1000, 2), 1e-12);
        double step = RunOverlay.glyphRadius(1_000_000, 1) - RunOverlay.glyphRadius(100_000, 1);
        assertEquals(0.6, step, 1e-12);
        assertEquals(step, RunOverlay.glyphRadius(100, 1) - RunOverlay.glyphRadius(10, 1), 1e-12);
        assertEquals(1.5, RunOverlay.glyphRadius(0, 1), 1e-12, "below one bit counts as one");
    }

    @Test
    void glyphsAreColouredByKindAndEveryKindHasItsOwnColour() {
        Set<Integer> colours = new HashSet<>();
        for (MessageKind k : MessageKind.values()) {
            colours.add(RunOverlay.kindRgb(k));
        }
        assertEquals(MessageKind.values().length, colours.size());
        RunRecording r = new RunRecording(3, 2);
        r.add(hop(MessageKind.ACTIVATION, 0, 1, 8, 0, 0, 1));
        r.add(hop(MessageKind.GRADIENT, 1, 0, 8_000_000, 0, 0, 1));
        RunOverlay.Snapshot s = new RunOverlay.Builder(r, LINKS).build(0.5, GEO, plain());
        assertEquals(RunOverlay.kindRgb(MessageKind.ACTIVATION), s.grgb()[0]);
        assertEquals(RunOverlay.kindRgb(MessageKind.GRADIENT), s.grgb()[1]);
        assertEquals(RunOverlay.glyphRadius(8, 1), s.gr()[0], 1e-5);
        assertEquals(RunOverlay.glyphRadius(8_000_000, 1), s.gr()[1], 1e-5);
    }

    @Test
    void nodesAreBusyWithProgressAndStragglingOrDroppedAfterTheRoundThatSaysSo() {
        RunRecording r = new RunRecording(3, 2);
        r.add(new SimEvent.ComputeStarted(2, 0, 1e9, 0.3, 0.5));
        r.add(new SimEvent.ComputeStarted(1, 1, 1e9, 1.0, 2.0));
        r.add(new SimEvent.RoundFinished(new RoundMetrics(0, 0.6, 3, 0, 3, 0, 2, Map.of("loss", 1.0))));
        r.addSnapshot(new RunRecording.NodeSnapshot(1, new double[] {0.1, 0.4, Double.NaN}, new double[] {2, 3, 5},
                new boolean[] {false, true, false}, new boolean[] {true, false, false}));
        RunOverlay.Builder b = new RunOverlay.Builder(r, LINKS);
        RunOverlay.Snapshot early = b.build(0.4, GEO, plain());
        assertArrayEquals(new byte[] {0, 0, RunOverlay.BUSY}, early.nodeState(), "before the first round ends");
        assertEquals(0.5, early.busyProgress()[2], 1e-6);
        assertEquals(0, early.round());
        RunOverlay.Snapshot later = b.build(1.25, GEO, style(NodeColour.LOCAL_LOSS, LinkLoad.OFF, LoadMeasure.BITS_IN_FLIGHT));
        assertEquals(1, later.round());
        assertArrayEquals(new byte[] {RunOverlay.STRAGGLING, RunOverlay.DROPPED | RunOverlay.BUSY, 0}, later.nodeState());
        assertEquals(0.25, later.busyProgress()[1], 1e-6);
        assertArrayEquals(new double[] {2, 3, 5}, later.nodeValue(), 0);
        assertEquals(2, later.valueMin(), 0);
        assertEquals(5, later.valueMax(), 0);
        assertEquals(RunOverlay.colourMap(0), later.nodeRgb(0));
        assertEquals(RunOverlay.colourMap(1), later.nodeRgb(2));
        RunOverlay.Snapshot dist = b.build(1.25, GEO, style(NodeColour.DISTANCE_TO_MEAN, LinkLoad.OFF, LoadMeasure.BITS_IN_FLIGHT));
        assertEquals(0.1, dist.valueMin(), 0);
        assertEquals(0.4, dist.valueMax(), 0);
        assertEquals(RunOverlay.colourMap(Double.NaN), dist.nodeRgb(2), "no model: grey");
        assertNull(b.build(1.25, GEO, plain()).nodeValue());
    }

    @Test
    void bitsSentSoFarMatchTheRecordingsOwnSumWhileTheCursorMovesBothWays() {
        int nodes = 7;
        RunRecording r = new RunRecording(nodes, 0);
        Random rnd = new Random(5);
        double t = 0;
        int hops = 3 * RunOverlay.Builder.CHECKPOINT + 123; // several checkpoints
        for (int i = 0; i < hops; i++) {
            t += rnd.nextDouble() * 0.01;
            double send = t + (rnd.nextBoolean() ? 0 : rnd.nextDouble() * 0.05);
            int s = rnd.nextInt(nodes);
            r.add(hop(MessageKind.UPDATE, s, (s + 1 + rnd.nextInt(nodes - 1)) % nodes, 1 + rnd.nextInt(100_000), t, send,
                    send + 0.02));
        }
        double[] sx = new double[nodes];
        RunOverlay.Geometry geo = new RunOverlay.Geometry(nodes, sx, sx, 0, new int[0], new int[0], 5);
        RunOverlay.Builder b = new RunOverlay.Builder(r, new RunOverlay.LinkTable(0, new int[0], new int[0], new double[0]));
        RunOverlay.Style st = style(NodeColour.BITS_SENT, LinkLoad.OFF, LoadMeasure.BITS_IN_FLIGHT);
        double end = r.hopQueued(hops - 1);
        double[] cursors = {end * 0.1, end * 0.5, end * 0.9, end * 0.05, end * 0.7, end * 0.69, 0, end + 1};
        for (double c : cursors) {
            RunOverlay.Snapshot s = b.build(c, geo, st);
            for (int n = 0; n < nodes; n++) {
                assertEquals(r.bitsSentBy(n, c), s.nodeValue()[n], 0, "node " + n + " at " + c);
            }
        }
    }

    @Test
    void linkLoadIsBitsInFlightOrTheShareOfDirectionsTransmitting() {
        RunRecording r = new RunRecording(3, 2);
        // link 0-1 has 0.1 s latency: 0 -> 1 transmits 0..0.4 and propagates to 0.5; 1 -> 0 transmits 0..0.9
        r.add(hop(MessageKind.MODEL, 0, 1, 3000, 0, 0, 0.5));
        r.add(hop(MessageKind.MODEL, 1, 0, 5000, 0, 0, 1.0));
        // queued on 0-2: no load
        r.add(hop(MessageKind.MODEL, 0, 2, 7000, 0, 0.8, 1.0));
        RunOverlay.Builder b = new RunOverlay.Builder(r, LINKS);
        RunOverlay.Snapshot bits = b.build(0.3, GEO, style(NodeColour.NONE, LinkLoad.COLOUR, LoadMeasure.BITS_IN_FLIGHT));
        assertEquals(1, bits.loaded());
        assertEquals(0, bits.loadLink()[0]);
        assertEquals(8000, bits.loadValue()[0], 0);
        assertEquals(8000, bits.loadMax(), 0);
        assertEquals(1, bits.loadNorm()[0], 1e-6);
        RunOverlay.Style util = style(NodeColour.NONE, LinkLoad.THICKNESS, LoadMeasure.UTILISATION);
        assertEquals(1.0, b.build(0.3, GEO, util).loadValue()[0], 1e-12, "both directions transmit");
        RunOverlay.Snapshot half = b.build(0.45, GEO, util); // 0 -> 1 only propagates now
        assertEquals(0.5, half.loadValue()[0], 1e-12);
        RunOverlay.Snapshot after = b.build(0.95, GEO, util); // 1 -> 0 propagates, 0 -> 2 transmits (latency 0)
        assertEquals(1, after.loaded());
        assertEquals(1, after.loadLink()[0]);
        assertEquals(0.5, after.loadValue()[0], 1e-12);
        assertEquals(0, b.build(0.3, GEO, plain()).loaded(), "off: nothing computed");
    }

    @Test
    void nodesAndHopsOutsideTheCanvasTopologyAreIgnored() {
        RunRecording r = new RunRecording(5, 0);
        r.add(hop(MessageKind.CONTROL, 3, 4, 10, 0, 0, 1));
        r.add(hop(MessageKind.CONTROL, 0, 1, 10, 0, 0, 1));
        RunOverlay.Snapshot s = new RunOverlay.Builder(r, LINKS).build(0.5, GEO, plain());
        assertEquals(1, s.glyphs());
        assertEquals(3, s.nodeState().length);
    }

    @Test
    void colourMapsRunFromEndToEnd() {
        assertEquals(0x440154, RunOverlay.colourMap(0));
        assertEquals(0xfde725, RunOverlay.colourMap(1));
        assertEquals(0xfde725, RunOverlay.colourMap(7), "clamped");
        assertNotEquals(RunOverlay.colourMap(0.3), RunOverlay.colourMap(0.6));
        assertEquals(0xb30000, RunOverlay.loadMap(1));
    }

    @Test
    void linkTableFindsEitherDirection() {
        RunOverlay.LinkTable t = new RunOverlay.LinkTable(3, new int[] {4, 0, 2}, new int[] {1, 3, 0}, new double[] {1, 2, 3});
        assertEquals(0, t.find(1, 4));
        assertEquals(0, t.find(4, 1));
        assertEquals(2, t.find(0, 2));
        assertEquals(1, t.find(3, 0));
        assertEquals(-1, t.find(1, 2));
        assertEquals(3, t.latencyS(2), 0);
    }
}

package org.edgeai.app.gui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.core.MessageKind;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.engine.trace.SimEvent;
import org.junit.jupiter.api.Test;

class RunRecordingTest {

    /** Hops alive at t by brute force, as (index, progress) strings. */
    static List<String> alive(RunRecording r, double t) {
        List<String> l = new ArrayList<>();
        r.forEachHopAt(t, (i, p) -> l.add(i + ":" + (Double.isNaN(p) ? "?" : String.format("%.3f", p))));
        return l;
    }

    @Test
    void hopsAreInFlightBetweenQueueingAndArrivalAndComputationsArePerNode() {
        RunRecording r = new RunRecording(3, 2);
        // hop 0: 0 -> 1, queued 0, sends 0..0.1, arrives 0.2; hop 1: queued at 0 behind it, sends 0.1, arrives 0.3
        r.add(new SimEvent.HopStarted(0, MessageKind.MODEL, 0, 1, 1000, 0, 0, 0.2, 7));
        r.add(new SimEvent.HopStarted(0, MessageKind.MODEL, 0, 1, 1000, 0, 0.1, 0.3, 8));
        // hop 2: shared access, arrival unknown until HopArrived
        r.add(new SimEvent.HopStarted(0, MessageKind.GRADIENT, 1, 2, 500, 0.05, 0.05, Double.NaN, 9));
        r.add(new SimEvent.ComputeStarted(2, 0, 1e9, 0.3, 0.5));
        r.add(new SimEvent.ComputeStarted(2, 0, 1e9, 0.5, 0.6));
        assertEquals(List.of("0:0.250", "1:-1.000"), alive(r, 0.05 - 1e-9));
        assertEquals(List.of("0:0.500", "1:0.000", "2:?"), alive(r, 0.1));
        r.add(new SimEvent.HopArrived(0, MessageKind.GRADIENT, 1, 2, 500, 0.05, 0.45, 9, true));
        assertEquals(List.of("1:0.750", "2:0.500"), alive(r, 0.25));
        assertEquals(List.of(), alive(r, 0.45));
        assertEquals(-1, r.computeAt(2, 0.29));
        assertEquals(0, r.computeAt(2, 0.3));
        assertEquals(1, r.computeAt(2, 0.55));
        assertEquals(-1, r.computeAt(2, 0.6));
        assertEquals(-1, r.computeAt(0, 0.4));
        assertEquals(0.1, r.nextEventAfter(0.05), 0);
        assertEquals(0.2, r.nextEventAfter(0.1), 0);
        assertEquals(0.5, r.nextEventAfter(0.45), 0);
        r.add(new SimEvent.RoundFinished(new RoundMetrics(0, 0.6, 3, 2500, 3, 2500, 2, Map.of("loss", 1.0))));
        assertEquals(0.6, r.frontier(), 0);
        assertEquals(0, r.roundsFinishedAt(0.59));
        assertEquals(1, r.roundsFinishedAt(0.6));
        assertEquals(0.6, r.nextEventAfter(0.55), 0);
        assertTrue(Double.isNaN(r.nextEventAfter(0.6)));
        assertEquals(2000, r.bitsSentBy(0, 0.1));
        assertEquals(1000, r.bitsSentBy(0, 0.05));
        assertEquals(2500, r.bitsAt(0.6));
    }
}

package org.edgeai.model.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventBufferTest {

    private static SimEvent compute(int node) {
        return new SimEvent.ComputeFinished(node, 0, node);
    }

    @Test
    void dropsLossyRecordsWhenFullButKeepsEveryRoundAndNeverBlocks() {
        EventBuffer buf = new EventBuffer(4);
        assertEquals(4, buf.capacity());
        for (int i = 0; i < 10; i++) {
            buf.onSimEvent(compute(i));
        }
        for (int r = 0; r < 100; r++) {
            buf.onSimEvent(new SimEvent.RoundFinished(new RoundMetrics(r, r, 0, 0, 0, 0, 0, Map.of())));
        }
        assertEquals(6, buf.dropped());
        List<SimEvent> got = new ArrayList<>();
        assertEquals(104, buf.drain(got::add, Integer.MAX_VALUE));
        for (int i = 0; i < 4; i++) {
            assertEquals(i, ((SimEvent.ComputeFinished) got.get(i)).node(), "the oldest records are kept, in order");
        }
        for (int r = 0; r < 100; r++) {
            assertEquals(r, ((SimEvent.RoundFinished) got.get(4 + r)).metrics().round());
        }
        // Space is free again after draining.
        buf.onSimEvent(compute(42));
        got.clear();
        buf.drain(got::add, 1);
        assertEquals(42, ((SimEvent.ComputeFinished) got.get(0)).node());
    }

    @Test
    void drainHandsOverAtMostMaxLossyRecords() {
        EventBuffer buf = new EventBuffer(6); // rounded up to 8
        assertEquals(8, buf.capacity());
        for (int i = 0; i < 5; i++) {
            buf.onSimEvent(compute(i));
        }
        List<SimEvent> got = new ArrayList<>();
        assertEquals(2, buf.drain(got::add, 2));
        assertEquals(3, buf.drain(got::add, 10));
        assertEquals(5, got.size());
        assertThrows(IllegalArgumentException.class, () -> new EventBuffer(1));
    }
}

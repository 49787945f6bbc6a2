package org.edgeai.plugins.algorithms.centralized.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.edgeai.model.engine.bench.EngineBench;
import org.edgeai.plugins.algorithms.centralized.FedAvgProvider;
import org.junit.jupiter.api.Test;

/** The bench runs and reports (with a fake clock: speed is measured by the bench command, not by tests). */
class CentralizedBenchTest {

    @Test
    void reportsRoundsPerSecondFromTheGivenClock() {
        AtomicLong clock = new AtomicLong();
        // Each reading advances 0.25 s: a run of 5 rounds takes 0.25 s of this clock, so 20 rounds/s.
        EngineBench.Result r = CentralizedBench.rounds(() -> clock.addAndGet(250_000_000L), new FedAvgProvider(), Map.of(), 3, 5, 3);
        assertEquals(20.0, r.median(), 1e-9);
        assertEquals(3, r.samples().length);
        assertEquals("rounds/s", r.unit());
        assertTrue(r.name().startsWith("fedavg"));
    }
}

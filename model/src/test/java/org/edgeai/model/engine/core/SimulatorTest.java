package org.edgeai.model.engine.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SimulatorTest {

    /** Records (time, id) of every event it runs. */
    static final class Recorder implements EventHandler {
        final Simulator sim;
        final List<double[]> log = new ArrayList<>();

        Recorder(Simulator sim) {
            this.sim = sim;
        }

        @Override
        public void onEvent(int code, int a, int b) {
            log.add(new double[] {sim.now(), a});
        }

        int[] ids() {
            return log.stream().mapToInt(e -> (int) e[1]).toArray();
        }
    }

    @Test
    void equalTimesRunInSchedulingOrderWhicheverQueueHoldsThem() {
        Simulator sim = new Simulator();
        Recorder r = new Recorder(sim);
        // 5.0 opens the FIFO lane; the 3.0 events go to the heap; later 5.0 events to the lane again.
        sim.scheduleAt(5.0, r, 0, 0, 0);
        sim.scheduleAt(3.0, r, 0, 1, 0);
        sim.scheduleAt(5.0, r, 0, 2, 0);
        sim.scheduleAt(3.0, r, 0, 3, 0);
        sim.scheduleAt(4.0, r, 0, 4, 0);
        sim.scheduleAt(5.0, r, 0, 5, 0);
        sim.scheduleAt(3.0, r, 0, 6, 0);
        sim.run();
        assertArrayEquals(new int[] {1, 3, 6, 4, 0, 2, 5}, r.ids());
        assertEquals(5.0, sim.now());
    }

    @Test
    void randomScheduleRunsInTimeThenSequenceOrder() {
        SplittableRandom rng = new SplittableRandom(11);
        Simulator sim = new Simulator();
        List<double[]> expected = new ArrayList<>(); // time, seq, id
        int[] seq = {0};
        List<double[]> ran = new ArrayList<>();
        EventHandler h = new EventHandler() {
            @Override
            public void onEvent(int code, int a, int b) {
                ran.add(new double[] {sim.now(), a});
                if (code < 2) { // each of the first generations schedules two more, some at the same time
                    for (int k = 0; k < 2; k++) {
                        double t = sim.now() + (rng.nextInt(3) == 0 ? 0 : rng.nextInt(4) * 0.25);
                        int id = seq[0]++;
                        expected.add(new double[] {t, id, id});
                        sim.scheduleAt(t, this, code + 1, id, 0);
                    }
                }
            }
        };
        for (int i = 0; i < 3000; i++) {
            double t = rng.nextInt(50) * 0.5;
            int id = seq[0]++;
            expected.add(new double[] {t, id, id});
            sim.scheduleAt(t, h, 0, id, 0);
        }
        sim.run();
        // Independent reference: sort by (time, sequence); ids are sequence numbers here.
        expected.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        assertEquals(expected.size(), ran.size());
        for (int i = 0; i < ran.size(); i++) {
            assertEquals(expected.get(i)[0], ran.get(i)[0], "time of event " + i);
            assertEquals(expected.get(i)[2], ran.get(i)[1], "id of event " + i);
        }
    }

    @Test
    void manyDelayClassesOverflowingTheLanesStillRunInOrder() {
        // Each event schedules a successor at now + one of 12 fixed delays (more classes than lanes), and every
        // 7th event also one at a random time: lanes, lane tokens and the heap all take part.
        SplittableRandom rng = new SplittableRandom(3);
        double[] delays = {0.3, 0.1, 0.7, 0.2, 1.1, 0.05, 0.9, 0.3, 0.45, 2.0, 0.01, 0.6};
        Simulator sim = new Simulator();
        List<double[]> expected = new ArrayList<>();
        List<double[]> ran = new ArrayList<>();
        int[] seq = {0};
        EventHandler h = new EventHandler() {
            @Override
            public void onEvent(int code, int a, int b) {
                ran.add(new double[] {sim.now(), a});
                if (seq[0] < 60_000) {
                    double t = sim.now() + delays[a % delays.length];
                    int id = seq[0]++;
                    expected.add(new double[] {t, id});
                    sim.scheduleAt(t, this, 0, id, 0);
                    if (a % 7 == 0) {
                        double u = sim.now() + rng.nextInt(8) * 0.125;
                        int id2 = seq[0]++;
                        expected.add(new double[] {u, id2});
                        sim.scheduleAt(u, this, 0, id2, 0);
                    }
                }
            }
        };
        for (int i = 0; i < 40; i++) {
            int id = seq[0]++;
            expected.add(new double[] {i * 0.01, id});
            sim.scheduleAt(i * 0.01, h, 0, id, 0);
        }
        int peak = 0;
        while (sim.step()) {
            peak = Math.max(peak, sim.pending());
        }
        expected.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        assertEquals(expected.size(), ran.size());
        for (int i = 0; i < ran.size(); i++) {
            assertEquals(expected.get(i)[0], ran.get(i)[0], "time of event " + i);
            assertEquals(expected.get(i)[1], ran.get(i)[1], "id of event " + i);
        }
        assertTrue(peak > 40, "pending events accumulate: " + peak);
        assertEquals(0, sim.pending());
    }

    @Test
    void stopFlagStopsBetweenEventsAndStaysSetUntilCleared() {
        Simulator sim = new Simulator();
        List<Integer> ran = new ArrayList<>();
        EventHandler h = (code, a, b) -> {
            ran.add(a);
            if (a == 2) {
                sim.requestStop(); // takes effect after this event, before the next
            }
        };
        for (int i = 0; i < 6; i++) {
            sim.scheduleAt(i, h, 0, i, 0);
        }
        assertEquals(3, sim.run());
        assertEquals(List.of(0, 1, 2), ran);
        assertEquals(3, sim.pending());
        assertFalse(sim.step());
        assertEquals(0, sim.runUntil(10));
        assertEquals(2.0, sim.now(), "a stopped runUntil does not advance the clock");
        sim.clearStop();
        assertTrue(sim.step());
        assertEquals(List.of(0, 1, 2, 3), ran);
        assertEquals(2, sim.run());
    }

    @Test
    void runUntilRunsEventsUpToTheTimeAndAdvancesTheClock() {
        Simulator sim = new Simulator();
        Recorder r = new Recorder(sim);
        sim.scheduleAt(1, r, 0, 1, 0);
        sim.scheduleAt(2, r, 0, 2, 0);
        sim.scheduleAt(2.5, r, 0, 3, 0);
        assertEquals(2, sim.runUntil(2.0));
        assertEquals(2.0, sim.now());
        assertEquals(1, sim.pending());
        assertEquals(0, sim.runUntil(2.25));
        assertEquals(2.25, sim.now());
        assertEquals(2.5, sim.nextEventTime());
    }

    @Test
    void rejectsTimesInThePastNaNAndInfinity() {
        Simulator sim = new Simulator();
        Recorder r = new Recorder(sim);
        sim.scheduleAt(1, r, 0, 0, 0);
        sim.run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(0.5, r, 0, 0, 0));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(Double.NaN, r, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, r, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(Double.POSITIVE_INFINITY, r, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(2, 99, 0, 0, 0));
    }

    @Test
    void handlersAreRegisteredOnceByIdentity() {
        Simulator sim = new Simulator();
        Recorder r1 = new Recorder(sim);
        Recorder r2 = new Recorder(sim);
        int id1 = sim.register(r1);
        int id2 = sim.register(r2);
        assertEquals(id1, sim.register(r1));
        assertTrue(id1 != id2);
        sim.scheduleAt(1, id2, 7, 42, 43);
        sim.run();
        assertEquals(0, r1.log.size());
        assertEquals(42, (int) r2.log.get(0)[1]);
    }

    @Test
    void queuesGrowPastTheirInitialCapacity() {
        Simulator sim = new Simulator();
        Recorder r = new Recorder(sim);
        // Decreasing times all go to the heap; increasing ones to the lane.
        for (int i = 5000; i > 0; i--) {
            sim.scheduleAt(i, r, 0, i, 0);
        }
        for (int i = 0; i < 5000; i++) {
            sim.scheduleAt(10000 + i, r, 0, 10000 + i, 0);
        }
        assertEquals(10000, sim.pending());
        sim.run();
        int[] ids = r.ids();
        for (int i = 1; i < ids.length; i++) {
            assertTrue(ids[i - 1] < ids[i], "order at " + i);
        }
    }

    @Test
    void runInlineOnlyWhenTheEventWouldBeTheVeryNextOne() {
        Simulator sim = new Simulator();
        EventHandler h = (c, a, b) -> { };
        assertTrue(sim.runInline(0.5), "nothing pending");
        assertEquals(0.5, sim.now());
        assertEquals(1, sim.eventsProcessed());
        assertEquals(1, sim.eventsScheduled());
        sim.scheduleAt(2.0, h, 0, 0, 0);
        assertFalse(sim.runInline(0.4), "in the past");
        assertFalse(sim.runInline(2.0), "a pending event at the same time was scheduled first");
        assertFalse(sim.runInline(2.5), "after a pending event");
        assertEquals(0.5, sim.now());
        assertTrue(sim.runInline(1.0));
        assertEquals(1.0, sim.now());
        sim.requestStop();
        assertFalse(sim.runInline(1.5), "a stop was requested");
        sim.clearStop();
        assertEquals(1, sim.run());
        assertEquals(2.0, sim.now());
        assertEquals(3, sim.eventsProcessed());
        assertEquals(3, sim.eventsScheduled());
    }

    /**
     * A Poisson source that runs its next event inline whenever it may runs the same events in the same order at the
     * same times as one that always schedules, among other events at random (and often equal) times. So does one
     * that, when something is due first, holds its next event's place and runs the other events due before it inline
     * ({@link Simulator#hold}, {@link Simulator#takeNextIf}, {@link Simulator#runHeld}): those other events schedule
     * more events, at times equal to the held one's too, which must come after it as they would had it been queued.
     */
    @Test
    void runningInlineKeepsTheOrderOfEvents() {
        List<String> scheduled = poissonSourceAmongOthers(0);
        assertEquals(scheduled, poissonSourceAmongOthers(1));
        assertEquals(scheduled, poissonSourceAmongOthers(2));
        assertTrue(scheduled.size() > 2500, "events: " + scheduled.size());
    }

    /** Mode 0: the source always schedules; 1: it runs its next event inline when it may; 2: also holds it. */
    private static List<String> poissonSourceAmongOthers(int mode) {
        Simulator sim = new Simulator();
        SplittableRandom rng = new SplittableRandom(4);
        List<String> log = new ArrayList<>();
        int[] inlined = new int[2];
        EventHandler other = new EventHandler() {
            @Override
            public void onEvent(int c, int a, int b) {
                log.add(sim.now() + " other " + a);
                if (rng.nextInt(4) == 0) { // a follow-up at a coarse time, maybe now: ties with the source's times
                    sim.scheduleAt(Math.ceil(sim.now() * 4) / 4, this, 0, -a, 0);
                }
            }
        };
        int otherId = sim.register(other);
        EventHandler source = new EventHandler() {
            int count;

            @Override
            public void onEvent(int code, int a, int b) {
                boolean again = true;
                while (again && count < 2000) {
                    log.add(sim.now() + " source " + count++);
                    if (rng.nextInt(3) == 0) { // an event at a coarse time: ties with the source and each other
                        sim.scheduleAt(Math.ceil((sim.now() + rng.nextInt(4) * 0.25) * 4) / 4, other, 0, count, 0);
                    }
                    double next = rng.nextInt(5) == 0 ? Math.ceil(sim.now() * 4 + 1) / 4 : sim.now() + rng.nextDouble() * 0.2;
                    again = mode > 0 && sim.runInline(next);
                    if (again) {
                        inlined[0]++;
                    } else if (mode == 2) {
                        sim.hold(next);
                        while (!(again = sim.runHeld()) && sim.takeNextIf(otherId, 0)) {
                            inlined[1]++;
                            other.onEvent(0, sim.takenA(), sim.takenB());
                        }
                        if (!again) {
                            sim.queueHeld(sim.register(this), 0, 0, 0);
                        }
                    } else {
                        sim.scheduleAt(next, this, 0, 0, 0);
                    }
                }
            }
        };
        sim.scheduleAt(0, source, 0, 0, 0);
        sim.run();
        log.add("processed " + sim.eventsProcessed() + ", scheduled " + sim.eventsScheduled());
        assertTrue(mode == 0 || inlined[0] > 500, "inlined " + inlined[0]);
        assertTrue(mode < 2 || inlined[1] > 100, "others taken inline " + inlined[1]);
        return log;
    }

    @Test
    void aHeldEventCountsAsPendingAndIsQueuedInItsPlace() {
        Simulator sim = new Simulator();
        List<String> log = new ArrayList<>();
        EventHandler h = (c, a, b) -> log.add(sim.now() + " " + a);
        int id = sim.register(h);
        sim.scheduleAt(1.0, id, 0, 1, 0);
        sim.hold(1.0); // after the pending event at 1.0, before anything scheduled from now on
        assertThrows(IllegalStateException.class, () -> sim.hold(2.0));
        assertFalse(sim.runInline(0.5), "not while an event is held");
        assertEquals(2, sim.pending());
        assertFalse(sim.runHeld(), "the event at 1.0 comes first");
        sim.scheduleAt(1.0, id, 0, 3, 0);
        assertFalse(sim.takeNextIf(id, 1), "another code");
        assertTrue(sim.takeNextIf(id, 0), "the event scheduled before the held one");
        assertEquals(1, sim.takenA());
        assertEquals(1.0, sim.now());
        assertFalse(sim.takeNextIf(id, 0), "the held event comes before the one scheduled after it");
        sim.queueHeld(id, 0, 2, 0);
        assertThrows(IllegalStateException.class, () -> sim.queueHeld(id, 0, 2, 0));
        sim.run();
        assertEquals(List.of("1.0 2", "1.0 3"), log);
        assertEquals(3, sim.eventsProcessed());
    }

    @Test
    void runUntilKeepsEventsRunInlineWithinItsBound() {
        Simulator sim = new Simulator();
        List<Double> ran = new ArrayList<>();
        EventHandler ticker = new EventHandler() {
            @Override
            public void onEvent(int code, int a, int b) {
                do {
                    ran.add(sim.now());
                } while (sim.now() < 5 && sim.runInline(sim.now() + 1.0));
                if (sim.now() < 5) {
                    sim.scheduleAt(sim.now() + 1.0, this, 0, 0, 0);
                }
            }
        };
        sim.scheduleAt(0.5, ticker, 0, 0, 0);
        sim.runUntil(3.0);
        assertEquals(List.of(0.5, 1.5, 2.5), ran);
        assertEquals(3.0, sim.now(), "the clock ends at the bound, not past it");
        sim.run();
        assertEquals(List.of(0.5, 1.5, 2.5, 3.5, 4.5, 5.5), ran);
    }
}

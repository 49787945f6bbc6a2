package org.edgeai.model.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link BusyUntil} against a plain map of every time ever set, read the way the network reads it: max(now, t). */
class BusyUntilTest {

    @Test
    void startTimesEqualThoseOfAFullTableUnderRandomUse() {
        SplittableRandom r = new SplittableRandom(7);
        BusyUntil table = new BusyUntil();
        Map<Integer, Double> all = new HashMap<>();
        double now = 0;
        for (int step = 0; step < 400_000; step++) {
            now += r.nextDouble() * 1e-3;
            // Mostly a few hot directions among many, sometimes long busy times (queues building up).
            int d = r.nextInt(10) < 8 ? r.nextInt(50) : r.nextInt(4_000_000);
            double start = Math.max(now, table.get(d));
            double expected = Math.max(now, all.getOrDefault(d, Double.NEGATIVE_INFINITY));
            assertEquals(expected, start, "direction " + d + " at step " + step);
            double end = start + (r.nextInt(100) == 0 ? r.nextDouble() : r.nextDouble() * 2e-3);
            table.put(d, end, now);
            all.put(d, end);
        }
        assertTrue(table.capacity() <= 1 << 16, "the table keeps the live entries only: capacity " + table.capacity());
    }

    @Test
    void hopsOfEqualLengthLeaveOnlyTheLiveEntriesInTheTable() {
        SplittableRandom r = new SplittableRandom(3);
        BusyUntil table = new BusyUntil();
        double[] live = new double[4_000_000];
        Arrays.fill(live, Double.NEGATIVE_INFINITY);
        ArrayDeque<Integer> order = new ArrayDeque<>();
        double now = 0;
        for (int step = 0; step < 200_000; step++) {
            now += r.nextDouble() * 1e-6;
            int d = r.nextInt(4_000_000);
            double start = Math.max(now, table.get(d));
            assertEquals(Math.max(now, live[d]), start, "direction " + d + " at step " + step);
            live[d] = start + 1.6e-6;
            table.put(d, live[d], now);
            order.add(d);
            while (!order.isEmpty() && live[order.peek()] <= now) {
                order.poll();
            }
            // Every entry whose time has passed has been removed.
            double t = now;
            long expected = order.stream().distinct().filter(x -> live[x] > t).count();
            assertEquals(expected, table.size(), "entries kept at step " + step);
        }
        assertEquals(1024, table.capacity(), "a handful of hops on the wire never grows the table");
    }

    @Test
    void manyDirectionsBusyAtOnceGrowTheTable() {
        BusyUntil table = new BusyUntil();
        for (int d = 0; d < 100_000; d++) {
            table.put(d * 7, 10.0 + d, 1.0);
        }
        for (int d = 0; d < 100_000; d++) {
            assertEquals(10.0 + d, table.get(d * 7));
        }
        assertEquals(Double.NEGATIVE_INFINITY, table.get(3));
        assertTrue(table.capacity() >= 200_000);
        // Once they have passed, new entries reuse their slots instead of growing the table further.
        int cap = table.capacity();
        for (int d = 0; d < 100_000; d++) {
            table.put(1_000_000 + d, 1e9, 1e6);
        }
        assertEquals(cap, table.capacity());
    }
}

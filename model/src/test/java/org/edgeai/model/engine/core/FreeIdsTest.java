package org.edgeai.model.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FreeIdsTest {

    @Test
    void idsComeBackOldestFreedFirstAndGrowingAddsTheNewOnesInOrder() {
        FreeIds f = new FreeIds(4);
        assertEquals(0, f.take());
        assertEquals(1, f.take());
        f.give(1);
        f.give(0);
        assertEquals(2, f.take());
        assertEquals(3, f.take());
        assertEquals(1, f.take(), "freed before 0");
        assertEquals(0, f.take());
        assertTrue(f.isEmpty());
        assertEquals(8, f.grow());
        assertEquals(8, f.capacity());
        for (int id = 4; id < 8; id++) {
            assertEquals(id, f.take());
        }
        assertTrue(f.isEmpty());
    }

    /** Against a queue model: random takes and gives, growing when empty; no id is ever out twice. */
    @Test
    void matchesAQueueModelAndNeverHandsAnIdOutTwice() {
        SplittableRandom rng = new SplittableRandom(3);
        FreeIds f = new FreeIds(2);
        ArrayDeque<Integer> model = new ArrayDeque<>(java.util.List.of(0, 1));
        Set<Integer> out = new HashSet<>();
        for (int step = 0; step < 20_000; step++) {
            if (out.isEmpty() || rng.nextInt(3) > 0) {
                if (f.isEmpty()) {
                    assertTrue(model.isEmpty());
                    int old = f.capacity();
                    f.grow();
                    for (int id = old; id < f.capacity(); id++) {
                        model.addLast(id);
                    }
                }
                int id = f.take();
                assertEquals(model.pollFirst(), id);
                assertTrue(out.add(id), "handed out twice: " + id);
            } else {
                int id = out.iterator().next();
                out.remove(id);
                f.give(id);
                model.addLast(id);
            }
        }
        assertTrue(f.capacity() >= 1024, "grew to " + f.capacity());
        assertFalse(out.isEmpty());
    }

    @Test
    void badUseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FreeIds(3));
        assertThrows(IllegalArgumentException.class, () -> new FreeIds(0));
        FreeIds f = new FreeIds(2);
        assertThrows(IllegalStateException.class, f::grow, "ids still free");
    }
}

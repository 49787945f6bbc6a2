package org.edgeai.model.engine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedStreamsTest {

    @Test
    void streamSeedsMatchTheDocumentedSha256Derivation() {
        // Golden values computed independently (Python hashlib) from the documented definition.
        assertEquals(-6104139705375664657L, new SeedStreams(7).seed("network"));
        assertEquals(-1295465708100080444L, new SeedStreams(7).seed("engine.dropout"));
        assertEquals(5724658708879162857L, new SeedStreams(-1).seed("a"));
    }

    @Test
    void streamsDependOnSeedAndNameOnly() {
        SeedStreams s = new SeedStreams(7);
        assertEquals(s.stream("x").nextLong(), new SeedStreams(7).stream("x").nextLong());
        assertNotEquals(s.seed("x"), s.seed("y"));
        assertNotEquals(s.seed("x"), new SeedStreams(8).seed("x"));
        assertEquals(s.child("algorithm").seed("sampling"), new SeedStreams(s.seed("algorithm")).seed("sampling"));
        assertThrows(IllegalArgumentException.class, () -> s.seed(""));
    }

    @Test
    void counterBasedUniformsArePureAndRoughlyUniform() {
        long key = new SeedStreams(3).seed("u");
        assertEquals(SeedStreams.uniform(key, 5, 9), SeedStreams.uniform(key, 5, 9));
        assertNotEquals(SeedStreams.uniform(key, 5, 9), SeedStreams.uniform(key, 9, 5));
        int n = 200_000;
        double sum = 0;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double u = SeedStreams.uniform(key, i / 1000, i % 1000);
            assertTrue(u >= 0 && u < 1);
            sum += u;
            bins[(int) (u * 10)]++;
        }
        assertEquals(0.5, sum / n, 0.005);
        double chi2 = 0;
        for (int b : bins) {
            chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
        }
        assertTrue(chi2 < 27.9, "chi-square with 9 degrees of freedom at 0.1%: " + chi2);
    }
}

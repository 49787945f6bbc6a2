package org.edgeai.app.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Band statistics against printed tables and hand computations. */
class PlotStatsTest {

    @Test
    void tQuantilesMatchTheTables() {
        // two-sided 95 % critical values (Student's t tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2)
        assertEquals(12.7062047, Stats.tQuantile(0.975, 1), 1e-6);
        assertEquals(4.30265273, Stats.tQuantile(0.975, 2), 1e-6);
        assertEquals(3.18244631, Stats.tQuantile(0.975, 3), 1e-6);
        assertEquals(2.77644511, Stats.tQuantile(0.975, 4), 1e-6);
        assertEquals(2.26215716, Stats.tQuantile(0.975, 9), 1e-6);
        assertEquals(2.04522964, Stats.tQuantile(0.975, 29), 1e-6);
        assertEquals(1.98397152, Stats.tQuantile(0.975, 100), 1e-6);
        assertEquals(2.01504837, Stats.tQuantile(0.95, 5), 1e-6);
        assertEquals(3.16927267, Stats.tQuantile(0.995, 10), 1e-6);
        assertEquals(-4.30265273, Stats.tQuantile(0.025, 2), 1e-6, "symmetry");
        assertEquals(0, Stats.tQuantile(0.5, 7), 0);
        // dof = 1 is the Cauchy distribution: quantile tan(pi (p - 1/2))
        assertEquals(Math.tan(Math.PI * 0.4), Stats.tQuantile(0.9, 1), 1e-8);
        // large dof tends to the normal 1.959964
        assertEquals(1.959964, Stats.tQuantile(0.975, 1e7), 1e-5);
    }

    @Test
    void tCdfInvertsTheQuantile() {
        for (double dof : new double[] {1, 2, 3.5, 10, 50}) {
            for (double p : new double[] {0.6, 0.9, 0.975, 0.999}) {
                assertEquals(p, Stats.tCdf(Stats.tQuantile(p, dof), dof), 1e-10, "p=" + p + " dof=" + dof);
            }
        }
    }

    @Test
    void meanSdAndHalfWidthsByHand() {
        double[] v = {1, 2, 3, 99};
        assertEquals(2, Stats.mean(v, 3), 0);
        assertEquals(1, Stats.sampleSd(v, 3), 1e-15); // ((1)^2 + 0 + (1)^2) / 2 = 1
        assertEquals(1, Stats.halfWidth(BandKind.SD, v, 3), 1e-15);
        assertEquals(4.30265273 / Math.sqrt(3), Stats.halfWidth(BandKind.CI95, v, 3), 1e-8);
        assertEquals(0, Stats.halfWidth(BandKind.NONE, v, 3), 0);
        assertEquals(0, Stats.halfWidth(BandKind.SD, v, 1), 0, "one run: no spread");
        double[] w = {2, 4, 4, 4, 5, 5, 7, 9}; // the textbook example: population sd 2, sample sd sqrt(32/7)
        assertEquals(Math.sqrt(32.0 / 7), Stats.sampleSd(w, 8), 1e-14);
        assertTrue(Double.isNaN(Stats.mean(w, 0)));
    }

    @Test
    void badArgumentsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stats.tQuantile(1.0, 3));
        assertTrue(e.getMessage().contains("p: expected a probability in (0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stats.tQuantile(0.9, 0));
        assertTrue(e.getMessage().contains("dof"), e.getMessage());
    }
}

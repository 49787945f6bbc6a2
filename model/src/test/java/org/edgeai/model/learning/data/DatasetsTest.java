package org.edgeai.model.learning.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void digitsMatchTheShippedFileReadIndependently() throws Exception {
        Dataset d = Datasets.digits();
        assertEquals(1797, d.size());
        assertEquals(64, d.featureCount());
        assertEquals(10, d.classes());
        assertEquals("pixel_0_0", d.featureNames().get(0));
        assertEquals("pixel_7_7", d.featureNames().get(63));
        assertEquals("9", d.classNames().get(9));
        int[] counts = new int[10];
        int row = 0;
        try (InputStream in = Datasets.class.getResourceAsStream(Datasets.DIGITS_RESOURCE)) {
            assertNotNull(in, "digits resource on the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                assertEquals(65, f.length);
                for (int j = 0; j < 64; j++) {
                    assertEquals(Float.parseFloat(f[j]), d.feature(row, j), "row " + row + " pixel " + j);
                }
                int label = Integer.parseInt(f[64]);
                assertEquals(label, d.labels()[row]);
                counts[label]++;
                row++;
            }
        }
        assertEquals(1797, row);
        assertArrayEquals(counts, d.classCounts());
        for (float v : d.features()) {
            assertTrue(v >= 0 && v <= 16);
        }
        assertSame(d, Datasets.digits(), "loaded once and shared");
    }

    @Test
    void blobsAreBalancedCentredAndSeeded() {
        Dataset d = Datasets.blobs(301, 3, 0.5, 7);
        assertEquals(301, d.size());
        assertArrayEquals(new int[] {101, 100, 100}, d.classCounts());
        double[][] mean = new double[3][2];
        for (int i = 0; i < d.size(); i++) {
            mean[d.labels()[i]][0] += d.feature(i, 0);
            mean[d.labels()[i]][1] += d.feature(i, 1);
        }
        int[] c = d.classCounts();
        for (int k = 0; k < 3; k++) {
            // Centre 3 (cos 2πk/3, sin 2πk/3); the mean of 100 N(0, 0.25) draws is within 4 sd = 0.2.
            assertEquals(3 * Math.cos(2 * Math.PI * k / 3), mean[k][0] / c[k], 0.2);
            assertEquals(3 * Math.sin(2 * Math.PI * k / 3), mean[k][1] / c[k], 0.2);
        }
        assertEquals(d, Datasets.blobs(301, 3, 0.5, 7));
        assertFalse(d.equals(Datasets.blobs(301, 3, 0.5, 8)));
        assertFalse(isSortedByLabel(d), "rows are shuffled");
    }

    @Test
    void moonsWithoutNoiseLieOnTheHalfCircles() {
        Dataset d = Datasets.moons(101, 0, 1);
        assertArrayEquals(new int[] {50, 51}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0), y = d.feature(i, 1);
            if (d.labels()[i] == 0) {
                assertEquals(1, Math.hypot(x, y), 1e-6);
                assertTrue(y >= -1e-6);
            } else {
                assertEquals(1, Math.hypot(x - 1, y - 0.5), 1e-6);
                assertTrue(y <= 0.5 + 1e-6);
            }
        }
    }

    @Test
    void circlesWithoutNoiseHaveTheTwoRadii() {
        Dataset d = Datasets.circles(200, 0, 0.3, 1);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.feature(i, 0), d.feature(i, 1));
            assertEquals(d.labels()[i] == 0 ? 1 : 0.3, r, 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> Datasets.circles(200, 0, 1.0, 1));
    }

    @Test
    void xorLabelsFollowTheQuadrants() {
        Dataset d = Datasets.xor(500, 0, 3);
        for (int i = 0; i < d.size(); i++) {
            float x = d.feature(i, 0), y = d.feature(i, 1);
            assertTrue(Math.abs(x) <= 1 && Math.abs(y) <= 1);
            assertEquals((x < 0) != (y < 0) ? 1 : 0, d.labels()[i]);
        }
        int ones = d.classCounts()[1];
        assertTrue(ones > 200 && ones < 300, "about half: " + ones);
    }

    @Test
    void spiralsWithoutNoiseFollowTheArms() {
        int k = 3;
        Dataset d = Datasets.spirals(90, k, 0, 5);
        assertArrayEquals(new int[] {30, 30, 30}, d.classCounts());
        for (int i = 0; i < d.size(); i++) {
            double x = d.feature(i, 0), y = d.feature(i, 1);
            double r = Math.hypot(x, y);
            int j = (int) Math.round(r * 30) - 1; // r = (j + 1) / 30
            assertEquals((j + 1) / 30.0, r, 1e-6);
            double t = 2 * Math.PI * d.labels()[i] / k + 2 * Math.PI * r;
            assertEquals(Math.cos(t) * r, x, 1e-5);
            assertEquals(Math.sin(t) * r, y, 1e-5);
        }
    }

    @Test
    void generatorsRejectBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.blobs(1, 3, 1, 0));
        assertTrue(e.getMessage().contains("blobs.samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.moons(100, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(100, 1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> Datasets.xor(100, Double.NaN, 0));
    }

    @Test
    void subsetCopiesTheChosenRows() {
        Dataset d = Datasets.blobs(20, 2, 1, 1);
        Dataset s = d.subset("s", new int[] {3, 3, 0});
        assertEquals(3, s.size());
        assertEquals(d.feature(3, 1), s.feature(1, 1));
        assertEquals(d.labels()[0], s.labels()[2]);
        assertThrows(IllegalArgumentException.class, () -> d.subset("bad", new int[] {20}));
    }

    private static boolean isSortedByLabel(Dataset d) {
        int[] y = d.labels();
        int[] sorted = y.clone();
        Arrays.sort(sorted);
        return Arrays.equals(y, sorted);
    }
}

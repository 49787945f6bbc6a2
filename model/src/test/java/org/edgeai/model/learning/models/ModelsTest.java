package org.edgeai.model.learning.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.edgeai.model.learning.data.Dataset;
import org.junit.jupiter.api.Test;

class ModelsTest {

    private static Dataset classes(int n, int f, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * f];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(c);
            for (int j = 0; j < f; j++) {
                x[i * f + j] = (float) (r.nextGaussian() + 0.5 * y[i] * ((j % 3) - 1));
            }
        }
        return Dataset.classification("test", x, f, y, c, null, null);
    }

    private static Dataset regression(int n, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * f];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                x[i * f + j] = (float) r.nextGaussian();
            }
            t[i] = (float) (r.nextGaussian() * 2);
        }
        return Dataset.regression("reg", x, f, t, null);
    }

    private static float[] randomParams(int d, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[d];
        for (int i = 0; i < d; i++) {
            x[i] = (float) (r.nextGaussian() * scale);
        }
        return x;
    }

    private static int[] batch(int len, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] b = new int[len];
        for (int i = 0; i < len; i++) {
            b[i] = r.nextInt(n);
        }
        b[len - 1] = b[0]; // a repeated sample counts twice
        return b;
    }

    /** The reference gradient agrees with central finite differences of the reference loss (double precision). */
    private static void checkReferenceByFiniteDifferences(Reference.Fn fn, int d, Dataset data, int[] batch, long seed) {
        double[] th = Reference.toDouble(randomParams(d, 0.5, seed));
        double[] g = new double[d];
        fn.eval(th, data, batch, g);
        double h = 1e-6;
        for (int k = 0; k < d; k++) {
            double old = th[k];
            th[k] = old + h;
            double lp = fn.eval(th, data, batch, null);
            th[k] = old - h;
            double lm = fn.eval(th, data, batch, null);
            th[k] = old;
            double fd = (lp - lm) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + k);
        }
    }

    private static void checkFastAgainstReference(Model m, Reference.Fn fn, Dataset data, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 12; trial++) {
            int len = 1 + r.nextInt(11);
            int[] b = batch(len, data.size(), seed + trial);
            int d = m.dimension();
            float[] x = new float[d + 3];
            System.arraycopy(randomParams(d, 0.7, seed * 31 + trial), 0, x, 3, d);
            float[] g = new float[d + 5];
            Model.Workspace ws = m.newWorkspace(16);
            m.gradient(x, 3, data, b, len, g, 5, ws);
            double[] th = new double[d];
            for (int k = 0; k < d; k++) {
                th[k] = x[3 + k];
            }
            double[] gr = new double[d];
            double lossRef = fn.eval(th, data, b, gr);
            for (int k = 0; k < d; k++) {
                assertEquals(gr[k], g[5 + k], 2e-5 * Math.max(1, Math.abs(gr[k])), m + " parameter " + k + " batch " + len);
            }
            assertEquals(lossRef, m.batchLoss(x, 3, data, b, len, ws), 1e-5 * Math.max(1, lossRef), m + " batch loss");
        }
    }

    @Test
    void softmaxReferenceMatchesFiniteDifferences() {
        Dataset data = classes(30, 5, 3, 1);
        checkReferenceByFiniteDifferences((th, ds, b, g) -> Reference.softmax(5, 3, th, ds, b, g), 18, data, batch(7, 30, 2), 3);
    }

    @Test
    void mlpReferenceMatchesFiniteDifferences() {
        Dataset data = classes(30, 5, 3, 4);
        int h = 4;
        int d = 5 * h + h + h * 3 + 3;
        checkReferenceByFiniteDifferences((th, ds, b, g) -> Reference.mlp(5, h, 3, th, ds, b, g), d, data, batch(7, 30, 5), 6);
    }

    @Test
    void linearReferenceMatchesFiniteDifferences() {
        Dataset data = regression(30, 5, 7);
        checkReferenceByFiniteDifferences((th, ds, b, g) -> Reference.linear(5, th, ds, b, g), 6, data, batch(7, 30, 8), 9);
    }

    @Test
    void softmaxGradientMatchesReference() {
        // Shapes that exercise every tile remainder of the kernels.
        for (int[] fc : new int[][] {{1, 2}, {2, 3}, {5, 3}, {7, 5}, {8, 4}, {9, 10}, {64, 10}}) {
            int f = fc[0], c = fc[1];
            Dataset data = classes(40, f, c, f * 100L + c);
            checkFastAgainstReference(new SoftmaxModel(f, c), (th, ds, b, g) -> Reference.softmax(f, c, th, ds, b, g), data, f + c);
        }
    }

    @Test
    void mlpGradientMatchesReference() {
        for (int[] fhc : new int[][] {{2, 3, 2}, {5, 4, 3}, {7, 6, 5}, {9, 8, 10}, {3, 1, 2}}) {
            int f = fhc[0], h = fhc[1], c = fhc[2];
            Dataset data = classes(40, f, c, f * 1000L + h * 10 + c);
            checkFastAgainstReference(new MlpModel(f, h, c), (th, ds, b, g) -> Reference.mlp(f, h, c, th, ds, b, g), data, f + h + c);
        }
    }

    @Test
    void linearGradientMatchesReference() {
        for (int f : new int[] {1, 3, 4, 9, 20}) {
            Dataset data = regression(40, f, f);
            checkFastAgainstReference(new LinearModel(f), (th, ds, b, g) -> Reference.linear(f, th, ds, b, g), data, f);
        }
        Dataset binary = classes(40, 3, 2, 77);
        checkFastAgainstReference(new LinearModel(3), (th, ds, b, g) -> Reference.linear(3, th, ds, b, g), binary, 5);
    }

    @Test
    void softmaxLossAtZeroIsLnClasses() {
        for (int c : new int[] {2, 3, 10}) {
            SoftmaxModel m = new SoftmaxModel(4, c);
            float[] x = new float[m.dimension()];
            m.initialize(x, 0, 1);
            Dataset data = classes(50, 4, c, c);
            assertEquals(Math.log(c), m.loss(x, 0, data, m.newWorkspace(1)), 1e-12);
            assertEquals(Math.log(c), m.batchLoss(x, 0, data, new int[] {0, 1, 2}, 3, m.newWorkspace(3)), 1e-12);
        }
    }

    @Test
    void wholeSetLossAndAccuracyMatchReference() {
        Dataset data = classes(600, 7, 4, 21); // more than one chunk of 256 rows
        SoftmaxModel m = new SoftmaxModel(7, 4);
        float[] x = randomParams(m.dimension(), 0.4, 22);
        double[] th = Reference.toDouble(x);
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Model.Workspace ws = m.newWorkspace(8);
        assertEquals(Reference.softmax(7, 4, th, data, all, null), m.loss(x, 0, data, ws), 1e-6);
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            correct += Reference.predictSoftmax(7, 4, th, data, i) == data.labels()[i] ? 1 : 0;
        }
        assertEquals((double) correct / data.size(), m.accuracy(x, 0, data, ws), 1e-12);
        assertEquals(m.accuracy(x, 0, data, ws), m.accuracy(x, 0, data), 0.0);
        assertEquals(m.loss(x, 0, data, ws), m.loss(x, 0, data), 0.0);
        assertTrue(correct > 0 && correct < data.size(), "a non-trivial accuracy");

        MlpModel mlp = new MlpModel(7, 5, 4);
        float[] xm = randomParams(mlp.dimension(), 0.5, 23);
        assertEquals(Reference.mlp(7, 5, 4, Reference.toDouble(xm), data, all, null), mlp.loss(xm, 0, data, mlp.newWorkspace(4)), 1e-6);

        Dataset reg = regression(300, 6, 24);
        LinearModel lin = new LinearModel(6);
        float[] xl = randomParams(7, 1, 25);
        int[] allR = new int[300];
        for (int i = 0; i < 300; i++) {
            allR[i] = i;
        }
        assertEquals(Reference.linear(6, Reference.toDouble(xl), reg, allR, null), lin.loss(xl, 0, reg, lin.newWorkspace(4)), 1e-6);
        assertTrue(Double.isNaN(lin.accuracy(xl, 0, reg, lin.newWorkspace(4))), "no accuracy for regression");
    }

    @Test
    void linearAccuracyOnTwoClassesUsesTheSign() {
        float[] x = {1, -1, 0, 0, 1, 0, -1, 0, 0.5f, 0.5f};
        Dataset d = Dataset.classification("two", x, 2, new int[] {1, 0, 1, 0, 0}, 2, null, null);
        LinearModel m = new LinearModel(2);
        // Rows (1,-1), (0,0), (1,0), (-1,0), (0.5,0.5); z = first feature: 1, 0, 1, -1, 0.5, so the
        // predictions (z > 0) are 1, 0, 1, 0, 1 against labels 1, 0, 1, 0, 0: four of five right.
        float[] th = {1, 0, 0};
        assertEquals(4.0 / 5, m.accuracy(th, 0, d, m.newWorkspace(1)), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LinearModel.checkData(classes(10, 2, 3, 1)));
    }

    @Test
    void emptyBatchGivesZeroGradient() {
        SoftmaxModel m = new SoftmaxModel(3, 2);
        float[] g = new float[m.dimension()];
        java.util.Arrays.fill(g, 5f);
        m.gradient(randomParams(8, 1, 1), 0, classes(5, 3, 2, 1), new int[0], 0, g, 0, m.newWorkspace(1));
        assertArrayEquals(new float[8], g);
    }

    @Test
    void flopsPerSampleFollowTheShapes() {
        assertEquals(2620, new SoftmaxModel(64, 10).flopsPerSample()); // 4*64*10 + 6*10
        assertEquals(650, new SoftmaxModel(64, 10).dimension());
        MlpModel mlp = new MlpModel(64, 32, 10);
        assertEquals(4 * 64 * 32 + 6 * 32 * 10 + 4 * 32 + 6 * 10, mlp.flopsPerSample());
        assertEquals(64 * 32 + 32 + 32 * 10 + 10, mlp.dimension());
        assertEquals(4 * 20 + 4, new LinearModel(20).flopsPerSample());
        assertEquals(2 * 64 * 10 + 4 * 10, new SoftmaxModel(64, 10).forwardFlopsPerSample());
        assertEquals(2 * 64 * 32 + 2 * 32 + 2 * 32 * 10 + 4 * 10, mlp.forwardFlopsPerSample());
        assertEquals(2 * 20 + 2, new LinearModel(20).forwardFlopsPerSample());
        assertEquals(21, new LinearModel(20).dimension());
    }

    @Test
    void mlpStartsFromSeededGlorotUniform() {
        MlpModel m = new MlpModel(64, 32, 10);
        float[] a = new float[m.dimension()];
        float[] b = new float[m.dimension()];
        float[] c = new float[m.dimension()];
        m.initialize(a, 0, 5);
        m.initialize(b, 0, 5);
        m.initialize(c, 0, 6);
        assertArrayEquals(a, b);
        assertNotEquals(a[0], c[0]);
        double l1 = Math.sqrt(6.0 / (64 + 32));
        double l2 = Math.sqrt(6.0 / (32 + 10));
        double sumSq = 0;
        for (int k = 0; k < 64 * 32; k++) {
            assertTrue(Math.abs(a[k]) <= l1);
            sumSq += a[k] * a[k];
        }
        // Variance of U(-l, l) is l^2 / 3.
        assertEquals(l1 * l1 / 3, sumSq / (64 * 32), 0.1 * l1 * l1 / 3);
        for (int k = 0; k < 32; k++) {
            assertEquals(0f, a[64 * 32 + k], "hidden biases start at 0");
        }
        for (int k = 0; k < 320; k++) {
            assertTrue(Math.abs(a[64 * 32 + 32 + k]) <= l2);
        }
        for (int k = 0; k < 10; k++) {
            assertEquals(0f, a[m.dimension() - 10 + k], "class biases start at 0");
        }
    }

    @Test
    void modelsRejectBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxModel(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new SoftmaxModel(3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlpModel(3, 0, 2));
        assertTrue(e.getMessage().contains("hidden"), e.getMessage());
    }
}

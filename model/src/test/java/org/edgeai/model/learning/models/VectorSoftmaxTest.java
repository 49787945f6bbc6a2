package org.edgeai.model.learning.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;

import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.data.Datasets;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels give exactly the scalar path's bits (so a run's files do not depend on whether the JVM has the
 * vector module). The tests run with {@code --add-modules jdk.incubator.vector} (Surefire's argLine), so the vector
 * path is really taken here; the first test says so.
 */
class VectorSoftmaxTest {

    @Test
    void theVectorPathIsOnInTheseTests() {
        assertTrue(Simd.enabled(), "Surefire starts the tests with the vector module; got: " + Simd.description());
        assertTrue(Simd.lanes() >= 4, "lanes " + Simd.lanes());
    }

    @Test
    void expEqualsTheScalarExpBitForBit() {
        int lanes = VectorSoftmax.LANES;
        float[] in = new float[lanes * 40_000];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (-95 * r.nextDouble() * r.nextDouble());
        }
        // Edge cases: ties of floor(x log2e + 1/2), the cut-off, zero and tiny values, integers of t.
        float[] edge = {0f, -0f, -1e-30f, -0.34657359f, -0.6931472f, -1.0397208f, -87.3f, -87.29999f, -87.30001f,
                -86.64f, -100f, -1f, -2f, -0.5f, Float.NEGATIVE_INFINITY};
        System.arraycopy(edge, 0, in, 0, edge.length);
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i += lanes) {
            VectorSoftmax.exp(FloatVector.fromArray(VectorSoftmax.S, in, i)).intoArray(out, i);
        }
        for (int i = 0; i < in.length; i++) {
            assertEquals(Float.floatToRawIntBits(Kernels.exp(in[i])), Float.floatToRawIntBits(out[i]), "exp(" + in[i] + ")");
        }
    }

    @Test
    void gradientLossAndAccuracyEqualTheScalarPathForManyShapes() {
        SplittableRandom r = new SplittableRandom(11);
        int lanes = VectorSoftmax.LANES;
        for (int c : new int[] {2, 3, lanes / 2 + 1, lanes - 1, lanes}) {
            for (int f : new int[] {1, 2, 4, 5, 8, 13}) {
                Dataset data = randomData(f, c, 57, r);
                SoftmaxModel m = new SoftmaxModel(f, c);
                assertTrue(Simd.fitsOneVector(c));
                for (int scale : new int[] {1, 40}) { // 40: logits far apart, some exponentials below the cut-off
                    float[] x = new float[3 * m.dimension() + 5];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) (scale * r.nextGaussian());
                    }
                    int xOff = m.dimension() + 2; // a middle row: the vector path must not touch the others
                    for (int batchLen = 1; batchLen <= 9; batchLen++) {
                        int[] batch = new int[batchLen];
                        for (int b = 0; b < batchLen; b++) {
                            batch[b] = r.nextInt(data.size()); // repetitions allowed
                        }
                        String what = "f=" + f + " c=" + c + " scale=" + scale + " B=" + batchLen;
                        assertSamePaths(m, data, x, xOff, batch, what);
                        // Parameters and gradient exactly d long: nothing may be read or written beyond them.
                        float[] exact = java.util.Arrays.copyOfRange(x, xOff, xOff + m.dimension());
                        assertSamePaths(m, data, exact, 0, batch, what + " (exact length)");
                    }
                }
            }
        }
    }

    @Test
    void digitsGradientsAtTrainedLookingParametersEqualTheScalarPath() {
        Dataset data = Datasets.digits();
        SoftmaxModel m = new SoftmaxModel(data.featureCount(), data.classes());
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[m.dimension() * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * r.nextGaussian());
        }
        for (int rep = 0; rep < 20; rep++) {
            int[] batch = new int[32];
            for (int b = 0; b < 32; b++) {
                batch[b] = r.nextInt(data.size());
            }
            assertSamePaths(m, data, x, m.dimension(), batch, "digits rep " + rep);
        }
    }

    private static void assertSamePaths(SoftmaxModel m, Dataset data, float[] x, int xOff, int[] batch, String what) {
        int d = m.dimension();
        Model.Workspace vector = m.newWorkspace(batch.length);
        Model.Workspace scalar = m.newScalarWorkspace(batch.length);
        float[] gv = new float[x.length];
        float[] gs = new float[x.length];
        java.util.Arrays.fill(gv, 7f); // rows other than the node's must stay as they are
        java.util.Arrays.fill(gs, 7f);
        m.gradient(x, xOff, data, batch, batch.length, gv, xOff, vector);
        m.gradient(x, xOff, data, batch, batch.length, gs, xOff, scalar);
        assertArrayEquals(gs, gv, what + ": gradient");
        for (int i = 0; i < d; i++) {
            assertEquals(Float.floatToRawIntBits(gs[xOff + i]), Float.floatToRawIntBits(gv[xOff + i]), what + ": bits of g[" + i + "]");
        }
        assertEquals(Double.doubleToRawLongBits(m.batchLoss(x, xOff, data, batch, batch.length, scalar)),
                Double.doubleToRawLongBits(m.batchLoss(x, xOff, data, batch, batch.length, vector)), what + ": batch loss");
        assertEquals(Double.doubleToRawLongBits(m.loss(x, xOff, data, scalar)),
                Double.doubleToRawLongBits(m.loss(x, xOff, data, vector)), what + ": loss");
        assertEquals(m.accuracy(x, xOff, data, scalar), m.accuracy(x, xOff, data, vector), what + ": accuracy");
    }

    private static Dataset randomData(int f, int c, int n, SplittableRandom r) {
        float[] a = new float[n * f];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % c;
            for (int j = 0; j < f; j++) {
                a[i * f + j] = (float) (r.nextGaussian() + (j % c == y[i] ? 1 : 0));
            }
        }
        return Dataset.classification("random", a, f, y, c, null, null);
    }
}

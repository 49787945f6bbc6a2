package org.edgeai.model.learning.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.edgeai.model.learning.Seeds;

/**
 * The built-in data sets: the handwritten digits shipped with the model, and seeded 2-D teaching sets.
 *
 * <p>Every generator is deterministic in its arguments and seed; samples come out in a seeded random
 * order (not grouped by class). Class sizes differ by at most one (earlier classes get the extra samples).
 * Noise is added as independent N(0, noise²) to each coordinate. Cost O(samples).
 */
public final class Datasets {

    /** Classpath location of the digits copy (1,797 x 64 pixels 0..16 plus the label 0..9, no header). */
    public static final String DIGITS_RESOURCE = "/org/edgeai/model/learning/data/digits.csv.gz";

    private static volatile Dataset digits;

    private Datasets() {
    }

    /**
     * Optical Recognition of Handwritten Digits (UCI; E. Alpaydin and C. Kaynak, 1998; CC BY 4.0), the
     * 1,797-sample copy distributed with scikit-learn: 64 features (an 8 x 8 image, row-major, values
     * 0..16), classes 0..9. Read once from the classpath and shared (the instance is immutable).
     */
    public static Dataset digits() {
        Dataset d = digits;
        if (d == null) {
            synchronized (Datasets.class) {
                d = digits;
                if (d == null) {
                    d = loadDigits();
                    digits = d;
                }
            }
        }
        return d;
    }

    private static Dataset loadDigits() {
        try (InputStream in = Datasets.class.getResourceAsStream(DIGITS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("digits data missing from the classpath: " + DIGITS_RESOURCE);
            }
            Dataset raw = CsvDatasetReader.read("digits.csv.gz", in, -1, false);
            List<String> names = new ArrayList<>(64);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    names.add("pixel_" + r + "_" + c);
                }
            }
            return Dataset.classification("digits", raw.features(), raw.featureCount(), raw.labels(), raw.classes(),
                    names, raw.classNames());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIGITS_RESOURCE, e);
        }
    }

    /**
     * Gaussian blobs: class k centred at 3 (cos 2πk/K, sin 2πk/K), points = centre + spread · N(0, I).
     *
     * @param samples &gt;= classes
     * @param classes &gt;= 2
     * @param spread  standard deviation of each blob, &gt;= 0
     */
    public static Dataset blobs(int samples, int classes, double spread, long seed) {
        checkSamples("blobs", samples, classes);
        checkNonNegative("blobs", "spread", spread);
        if (classes < 2) {
            throw new IllegalArgumentException("blobs.classes: expected an integer >= 2, got " + classes);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * samples];
        int[] y = new int[samples];
        int i = 0;
        for (int k = 0; k < classes; k++) {
            double cx = 3 * Math.cos(2 * Math.PI * k / classes);
            double cy = 3 * Math.sin(2 * Math.PI * k / classes);
            for (int j = 0; j < share(samples, classes, k); j++, i++) {
                x[2 * i] = (float) (cx + spread * Seeds.normal(rng));
                x[2 * i + 1] = (float) (cy + spread * Seeds.normal(rng));
                y[i] = k;
            }
        }
        return shuffled("blobs", x, y, classes, rng);
    }

    /**
     * Two interleaving half circles (as scikit-learn's make_moons): class 0 on (cos t, sin t), class 1 on
     * (1 − cos t, 0.5 − sin t), t evenly spaced in [0, π]; class 0 gets ⌊samples/2⌋ points.
     */
    public static Dataset moons(int samples, double noise, long seed) {
        checkSamples("moons", samples, 2);
        checkNonNegative("moons", "noise", noise);
        SplittableRandom rng = new SplittableRandom(seed);
        int nOut = samples / 2;
        int nIn = samples - nOut;
        float[] x = new float[2 * samples];
        int[] y = new int[samples];
        for (int i = 0; i < nOut; i++) {
            double t = nOut == 1 ? 0 : Math.PI * i / (nOut - 1);
            x[2 * i] = (float) (Math.cos(t) + noise * Seeds.normal(rng));
            x[2 * i + 1] = (float) (Math.sin(t) + noise * Seeds.normal(rng));
        }
        for (int j = 0; j < nIn; j++) {
            int i = nOut + j;
            double t = nIn == 1 ? 0 : Math.PI * j / (nIn - 1);
            x[2 * i] = (float) (1 - Math.cos(t) + noise * Seeds.normal(rng));
            x[2 * i + 1] = (float) (0.5 - Math.sin(t) + noise * Seeds.normal(rng));
            y[i] = 1;
        }
        return shuffled("moons", x, y, 2, rng);
    }

    /**
     * Two concentric circles (as scikit-learn's make_circles): class 0 on the unit circle, class 1 on the
     * circle of radius {@code factor}, angles evenly spaced; class 0 gets ⌊samples/2⌋ points.
     *
     * @param factor inner radius, in (0, 1)
     */
    public static Dataset circles(int samples, double noise, double factor, long seed) {
        checkSamples("circles", samples, 2);
        checkNonNegative("circles", "noise", noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("circles.factor: expected a number in (0, 1), got " + factor);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int nOut = samples / 2;
        int nIn = samples - nOut;
        float[] x = new float[2 * samples];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            boolean outer = i < nOut;
            int j = outer ? i : i - nOut;
            double t = 2 * Math.PI * j / (outer ? nOut : nIn);
            double r = outer ? 1 : factor;
            x[2 * i] = (float) (r * Math.cos(t) + noise * Seeds.normal(rng));
            x[2 * i + 1] = (float) (r * Math.sin(t) + noise * Seeds.normal(rng));
            y[i] = outer ? 0 : 1;
        }
        return shuffled("circles", x, y, 2, rng);
    }

    /**
     * XOR: points uniform in [-1, 1]², label 1 when the two coordinates have opposite signs, then the
     * noise is added (so noise blurs the boundary).
     */
    public static Dataset xor(int samples, double noise, long seed) {
        checkSamples("xor", samples, 2);
        checkNonNegative("xor", "noise", noise);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * samples];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            double a = 2 * rng.nextDouble() - 1;
            double b = 2 * rng.nextDouble() - 1;
            y[i] = (a < 0) != (b < 0) ? 1 : 0;
            x[2 * i] = (float) (a + noise * Seeds.normal(rng));
            x[2 * i + 1] = (float) (b + noise * Seeds.normal(rng));
        }
        return Dataset.classification("xor", x, 2, y, 2, List.of("x", "y"), List.of("0", "1"));
    }

    /**
     * Interleaved spirals, one arm per class: the j-th of the n_k points of arm k has radius r = (j + 1)/n_k
     * and angle 2πk/K + 2πr (one full turn from centre to rim).
     */
    public static Dataset spirals(int samples, int classes, double noise, long seed) {
        checkSamples("spirals", samples, classes);
        checkNonNegative("spirals", "noise", noise);
        if (classes < 2) {
            throw new IllegalArgumentException("spirals.classes: expected an integer >= 2, got " + classes);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * samples];
        int[] y = new int[samples];
        int i = 0;
        for (int k = 0; k < classes; k++) {
            int nk = share(samples, classes, k);
            for (int j = 0; j < nk; j++, i++) {
                double r = (j + 1.0) / nk;
                double t = 2 * Math.PI * k / classes + 2 * Math.PI * r;
                x[2 * i] = (float) (r * Math.cos(t) + noise * Seeds.normal(rng));
                x[2 * i + 1] = (float) (r * Math.sin(t) + noise * Seeds.normal(rng));
                y[i] = k;
            }
        }
        return shuffled("spirals", x, y, classes, rng);
    }

    /** Size of class k when {@code n} samples are shared by {@code k} classes as evenly as possible. */
    static int share(int n, int parts, int k) {
        return n / parts + (k < n % parts ? 1 : 0);
    }

    private static Dataset shuffled(String name, float[] x, int[] y, int classes, SplittableRandom rng) {
        int n = y.length;
        int[] p = Seeds.permutation(n, rng);
        float[] nx = new float[2 * n];
        int[] ny = new int[n];
        for (int i = 0; i < n; i++) {
            nx[2 * i] = x[2 * p[i]];
            nx[2 * i + 1] = x[2 * p[i] + 1];
            ny[i] = y[p[i]];
        }
        List<String> cn = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            cn.add(Integer.toString(k));
        }
        return Dataset.classification(name, nx, 2, ny, classes, List.of("x", "y"), cn);
    }

    private static void checkSamples(String set, int samples, int classes) {
        if (samples < Math.max(2, classes)) {
            throw new IllegalArgumentException(set + ".samples: expected an integer >= " + Math.max(2, classes)
                    + ", got " + samples);
        }
    }

    private static void checkNonNegative(String set, String param, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(set + "." + param + ": expected a finite number >= 0, got " + v);
        }
    }
}

package org.edgeai.model.learning.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A data set split into a training and a test part, features standardized with the training part's
 * statistics.
 *
 * @param train        training samples, standardized
 * @param test         test samples, standardized with the training statistics (may be empty)
 * @param trainIndices the training samples' indices in the original set, increasing
 * @param testIndices  the test samples' indices in the original set, increasing
 * @param mean         per-feature mean of the raw training features
 * @param scale        per-feature divisor: the population standard deviation of the raw training
 *                     features, or 1 where that is below 1e-12 (a constant feature is only centred)
 */
public record SplitData(Dataset train, Dataset test, int[] trainIndices, int[] testIndices, double[] mean, double[] scale) {

    /**
     * Seeded stratified split: within each class the samples are shuffled and the first
     * {@code round(testFraction · count)} go to the test part (for a regression set, the same over all
     * samples). Then standardization to mean 0 and standard deviation 1 per feature, using the training
     * part only. O(n f).
     *
     * @param testFraction in [0, 1); 0 gives an empty test set
     * @throws IllegalArgumentException when the fraction is out of range or leaves no training sample
     */
    public static SplitData split(Dataset data, double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction: expected a number in [0, 1), got " + testFraction);
        }
        int n = data.size();
        boolean[] isTest = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed);
        if (data.isClassification()) {
            int[][] byClass = indicesByClass(data);
            for (int[] members : byClass) {
                int[] p = members.clone();
                org.edgeai.model.learning.Seeds.shuffle(p, rng);
                int nt = (int) Math.round(testFraction * p.length);
                for (int k = 0; k < nt; k++) {
                    isTest[p[k]] = true;
                }
            }
        } else {
            int[] p = org.edgeai.model.learning.Seeds.permutation(n, rng);
            int nt = (int) Math.round(testFraction * n);
            for (int k = 0; k < nt; k++) {
                isTest[p[k]] = true;
            }
        }
        int nTest = 0;
        for (boolean b : isTest) {
            nTest += b ? 1 : 0;
        }
        if (nTest == n) {
            throw new IllegalArgumentException("testFraction: " + testFraction + " leaves no training sample in "
                    + data.name() + " (" + n + " samples)");
        }
        int[] trainIdx = new int[n - nTest];
        int[] testIdx = new int[nTest];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (isTest[i]) {
                testIdx[b++] = i;
            } else {
                trainIdx[a++] = i;
            }
        }
        Dataset rawTrain = data.subset(data.name() + "-train", trainIdx);
        Dataset rawTest = data.subset(data.name() + "-test", testIdx);
        int f = data.featureCount();
        double[] mean = new double[f];
        double[] scale = new double[f];
        float[] tx = rawTrain.features();
        int nt = rawTrain.size();
        for (int i = 0; i < nt; i++) {
            for (int j = 0; j < f; j++) {
                mean[j] += tx[i * f + j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= nt;
        }
        for (int i = 0; i < nt; i++) {
            for (int j = 0; j < f; j++) {
                double d = tx[i * f + j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            double sd = Math.sqrt(scale[j] / nt);
            scale[j] = sd < 1e-12 ? 1 : sd;
        }
        return new SplitData(standardize(rawTrain, mean, scale), standardize(rawTest, mean, scale), trainIdx, testIdx, mean, scale);
    }

    /** The features mapped by (x − mean) / scale, as a new set with the same labels. O(n f). */
    public static Dataset standardize(Dataset d, double[] mean, double[] scale) {
        int f = d.featureCount();
        if (mean.length != f || scale.length != f) {
            throw new IllegalArgumentException("standardize: statistics for " + mean.length + " features, data has " + f);
        }
        float[] x = d.features();
        float[] out = new float[x.length];
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) ((x[i * f + j] - mean[j]) / scale[j]);
            }
        }
        return d.withFeatures(out);
    }

    /** Sample indices of each class, increasing. O(n). */
    public static int[][] indicesByClass(Dataset d) {
        int[] counts = d.classCounts();
        int[][] out = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[counts.length];
        int[] y = d.labels();
        for (int i = 0; i < y.length; i++) {
            out[y[i]][fill[y[i]]++] = i;
        }
        return out;
    }

    @Override
    public String toString() {
        return "SplitData[train=" + train + ", test=" + test + ", mean=" + Arrays.toString(mean) + "]";
    }
}

package org.edgeai.model.learning.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of samples: features as one row-major {@code float[n * f]} array, and either an integer class
 * label per sample (classification, {@link #classes()} &gt;= 1) or a real target per sample (regression,
 * {@link #classes()} == 0). Immutable by contract: the arrays are shared, not copied, for speed; callers
 * must not modify what {@link #features()}, {@link #labels()} or {@link #targets()} return.
 *
 * <p>Memory: {@code 4 n (f + 1)} bytes. All accessors are O(1).
 */
public final class Dataset {

    private final String name;
    private final int n;
    private final int f;
    private final float[] x;
    private final int[] labels;
    private final float[] targets;
    private final int classes;
    private final List<String> featureNames;
    private final List<String> classNames;

    private Dataset(String name, int n, int f, float[] x, int[] labels, float[] targets, int classes,
                    List<String> featureNames, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.n = n;
        this.f = f;
        this.x = x;
        this.labels = labels;
        this.targets = targets;
        this.classes = classes;
        this.featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
        if (!this.featureNames.isEmpty() && this.featureNames.size() != f) {
            throw new IllegalArgumentException(name + ": " + this.featureNames.size() + " feature names for " + f + " features");
        }
    }

    /**
     * A classification set.
     *
     * @param features   row-major {@code n * f} values (kept, not copied)
     * @param f          features per sample, &gt;= 1
     * @param labels     {@code n} labels in {@code [0, classes)} (kept, not copied)
     * @param classes    number of classes, &gt;= 1
     * @param featureNames {@code f} names, or empty / {@code null}
     * @param classNames {@code classes} names (e.g. the labels as written in a file), or empty / {@code null}
     */
    public static Dataset classification(String name, float[] features, int f, int[] labels, int classes,
                                         List<String> featureNames, List<String> classNames) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (f < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1 feature, got " + f);
        }
        if (classes < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1 class, got " + classes);
        }
        if (features.length != labels.length * (long) f) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature values for "
                    + labels.length + " samples of " + f + " features");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label of sample " + i + " is " + labels[i]
                        + ", expected a class in [0, " + (classes - 1) + "]");
            }
        }
        if (classNames != null && !classNames.isEmpty() && classNames.size() != classes) {
            throw new IllegalArgumentException(name + ": " + classNames.size() + " class names for " + classes + " classes");
        }
        return new Dataset(name, labels.length, f, features, labels, null, classes, featureNames, classNames);
    }

    /** A regression set: {@code n} real targets (kept, not copied). */
    public static Dataset regression(String name, float[] features, int f, float[] targets, List<String> featureNames) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (f < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1 feature, got " + f);
        }
        if (features.length != targets.length * (long) f) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature values for "
                    + targets.length + " samples of " + f + " features");
        }
        return new Dataset(name, targets.length, f, features, null, targets, 0, featureNames, null);
    }

    public String name() {
        return name;
    }

    /** Number of samples. */
    public int size() {
        return n;
    }

    /** Features per sample. */
    public int featureCount() {
        return f;
    }

    /** Row-major {@code size() * featureCount()} features; sample i starts at {@code i * featureCount()}. */
    public float[] features() {
        return x;
    }

    public float feature(int sample, int feature) {
        return x[sample * f + feature];
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** Class labels in {@code [0, classes())}, or {@code null} for a regression set. */
    public int[] labels() {
        return labels;
    }

    /** Real targets, or {@code null} for a classification set. */
    public float[] targets() {
        return targets;
    }

    /** Number of classes, or 0 for a regression set. */
    public int classes() {
        return classes;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Samples per class; length {@link #classes()}. O(n). */
    public int[] classCounts() {
        int[] c = new int[classes];
        if (labels != null) {
            for (int y : labels) {
                c[y]++;
            }
        }
        return c;
    }

    /** The samples at {@code indices}, in that order (features copied). O(|indices| f). */
    public Dataset subset(String newName, int[] indices) {
        float[] nx = new float[indices.length * f];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException(name + ": sample index " + i + " out of [0, " + n + ")");
            }
            System.arraycopy(x, i * f, nx, k * f, f);
        }
        if (labels != null) {
            int[] ny = new int[indices.length];
            for (int k = 0; k < indices.length; k++) {
                ny[k] = labels[indices[k]];
            }
            return new Dataset(newName, indices.length, f, nx, ny, null, classes, featureNames, classNames);
        }
        float[] nt = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            nt[k] = targets[indices[k]];
        }
        return new Dataset(newName, indices.length, f, nx, null, nt, 0, featureNames, null);
    }

    /** A copy with the features replaced (same labels/targets and names). */
    Dataset withFeatures(float[] newFeatures) {
        if (newFeatures.length != x.length) {
            throw new IllegalArgumentException("feature array length differs");
        }
        return new Dataset(name, n, f, newFeatures, labels, targets, classes, featureNames, classNames);
    }

    @Override
    public String toString() {
        return name + " (" + n + " samples x " + f + " features, "
                + (labels != null ? classes + " classes" : "regression") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && d.n == n && d.f == f && d.classes == classes && Arrays.equals(d.x, x)
                && Arrays.equals(d.labels, labels) && Arrays.equals(d.targets, targets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(x) * 31 + Arrays.hashCode(labels) + 17 * Arrays.hashCode(targets);
    }
}

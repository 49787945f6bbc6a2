package org.edgeai.model.pipeline.layers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one sample's tensor, without the batch dimension: {@code [C, H, W]} for images,
 * {@code [T, D]} for token sequences, {@code [T]} for token ids, {@code [D]} for vectors. Immutable.
 */
public final class Shape {

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** @throws IllegalArgumentException when there are no dimensions or one is &lt; 1 */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("shape dimensions must be >= 1, got " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public int last() {
        return dims[dims.length - 1];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements (product of the dimensions). */
    public long elements() {
        long e = 1;
        for (int d : dims) {
            e *= d;
        }
        return e;
    }

    /** The same shape with the last dimension replaced. */
    public Shape withLast(int d) {
        int[] n = dims.clone();
        n[n.length - 1] = d;
        return Shape.of(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(s.dims, dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code [3, 224, 224]}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code 3x224x224}. */
    public String compact() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}

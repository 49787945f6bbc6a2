package org.edgeai.model.learning.compress;

/** Order statistics for top-k. */
final class Select {

    private Select() {
    }

    /**
     * The k-th largest (1-based) of {@code a[0 .. n)}, which contains no NaN; {@code a} is not modified.
     * A min-heap of the k largest so far ({@code heap} has room for k): O(n) comparisons plus
     * O(log k) per insertion, about k ln(n/k) insertions for values in random order, O(n log k) at worst.
     * (Measured faster than a quickselect at n = 650, k = 33, whose partition branches mispredict.)
     */
    static float kthLargest(float[] a, int n, int k, float[] heap) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("select: k = " + k + " outside [1, " + n + "]");
        }
        System.arraycopy(a, 0, heap, 0, k);
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDown(heap, k, i);
        }
        for (int i = k; i < n; i++) {
            float v = a[i];
            if (v > heap[0]) {
                heap[0] = v;
                siftDown(heap, k, 0);
            }
        }
        return heap[0];
    }

    private static void siftDown(float[] h, int size, int i) {
        float v = h[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && h[c + 1] < h[c]) {
                c++;
            }
            if (h[c] >= v) {
                break;
            }
            h[i] = h[c];
            i = c;
        }
        h[i] = v;
    }
}

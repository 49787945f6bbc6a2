package org.edgeai.model.learning.compress;

import java.util.Arrays;

/** Selection of order statistics in O(n) expected, O(n log n) worst case. */
final class Select {

    private Select() {
    }

    /**
     * The k-th smallest (0-based) of {@code a[0 .. n)}, which contains no NaN; permutes {@code a}.
     * Quickselect with median-of-three pivots; after 2·log2(n) + 8 rounds without finishing, the rest is
     * sorted, which bounds the worst case.
     */
    static float kthSmallest(float[] a, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("select: k = " + k + " outside [0, " + n + ")");
        }
        int lo = 0;
        int hi = n - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8;
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            float pivot = median(a[lo], a[mid], a[hi]);
            // Three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot.
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                float v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static float median(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}

package org.edgeai.app.gui.run;

/**
 * Binary searches over ascending {@code double} arrays (times of hops, computations and timeline blocks): the one
 * implementation the recording, the HUD's index and the timeline share. O(log n), no allocation.
 */
public final class SortedTimes {

    private SortedTimes() {
    }

    /** First index in [from, to) whose value is &gt;= key ({@code to} when none). */
    public static int lowerBound(double[] a, int from, int to, double key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in [from, to) whose value is &gt; key ({@code to} when none). */
    public static int upperBound(double[] a, int from, int to, double key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

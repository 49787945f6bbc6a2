package org.edgeai.plugins.generators;

import java.util.Arrays;

/** A growable list of undirected edges as two parallel int arrays; amortized O(1) add. */
final class EdgeList {

    private int[] u;
    private int[] v;
    private int size;

    EdgeList(int capacity) {
        int c = Math.max(16, capacity);
        u = new int[c];
        v = new int[c];
    }

    void add(int a, int b) {
        if (size == u.length) {
            int c = (int) Math.min(Integer.MAX_VALUE - 8, (long) u.length * 2);
            if (c == size) {
                throw new IllegalStateException("edge list is full at " + size + " edges");
            }
            u = Arrays.copyOf(u, c);
            v = Arrays.copyOf(v, c);
        }
        u[size] = a;
        v[size++] = b;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    int u(int e) {
        return u[e];
    }

    int v(int e) {
        return v[e];
    }

    /** The first endpoints, trimmed to {@link #size()} (a copy). */
    int[] us() {
        return Arrays.copyOf(u, size);
    }

    /** The second endpoints, trimmed to {@link #size()} (a copy). */
    int[] vs() {
        return Arrays.copyOf(v, size);
    }
}

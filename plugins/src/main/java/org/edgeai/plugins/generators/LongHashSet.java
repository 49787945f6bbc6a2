package org.edgeai.plugins.generators;

/**
 * An open-addressing set of non-negative longs (linear probing, backward-shift deletion), used as an edge
 * set keyed by {@code min * n + max}. About 16 bytes per element instead of ~50 for a boxed HashSet.
 * Iteration order is never exposed, so hashing cannot leak into results.
 */
final class LongHashSet {

    private static final long EMPTY = -1L;

    private long[] table;
    private int mask;
    private int size;

    LongHashSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        table = new long[cap];
        java.util.Arrays.fill(table, EMPTY);
        mask = cap - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    boolean contains(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long t = table[i];
            if (t == EMPTY) {
                return false;
            }
            if (t == key) {
                return true;
            }
        }
    }

    /** @return true when the key was not present */
    boolean add(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("key must be >= 0, got " + key);
        }
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long t = table[i];
            if (t == EMPTY) {
                table[i] = key;
                size++;
                return true;
            }
            if (t == key) {
                return false;
            }
        }
    }

    /** @return true when the key was present */
    boolean remove(long key) {
        int i = slot(key);
        while (true) {
            long t = table[i];
            if (t == EMPTY) {
                return false;
            }
            if (t == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        // backward-shift deletion keeps every probe chain unbroken without tombstones
        int hole = i;
        int j = (i + 1) & mask;
        while (table[j] != EMPTY) {
            int home = slot(table[j]);
            // move table[j] into the hole unless its home lies cyclically in (hole, j]
            boolean homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeBetween) {
                table[hole] = table[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        table[hole] = EMPTY;
        size--;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        java.util.Arrays.fill(table, EMPTY);
        mask = table.length - 1;
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }
}

package org.edgeai.model.engine.net;

import java.util.Arrays;

/**
 * The time until which each direction's transmitter is busy (its last committed hop's last bit), kept only while
 * that time lies in the future. A hop starts at max(now, busy-until), so a time that has passed is the same as none:
 * such entries are dropped or reused, and the table holds about as many entries as there are hops on the wire
 * (a handful in gossip on 10^6 nodes) instead of one per direction. It then lives in the cache, and sending on a
 * random link of a large graph touches one fewer scattered cache line per direction (measured on gossip with
 * 4·10^6 directions: a 128 MB per-direction table became a 64 MB one plus this).
 *
 * <p>Open addressing with linear probing, keyed by direction; an entry whose time has passed is reusable by any key
 * (a key is never stored twice, because an insertion first looks along its whole probe chain). When more than half
 * of the slots have been used, the table is rebuilt with the live entries only (and doubled when those fill a
 * quarter of it): amortized O(1) per operation, no allocation between rebuilds.
 */
final class BusyUntil {

    private static final int EMPTY = -1;

    private int[] keys;
    private double[] until;
    private int mask;
    private int shift; // 32 − log2(capacity): the home slot is the top bits of a Fibonacci hash
    private int used; // slots ever filled since the last rebuild

    BusyUntil() {
        allocate(1024);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        until = new double[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        used = 0;
    }

    private int home(int d) {
        return (d * 0x9E3779B9) >>> shift;
    }

    /** The busy-until time of direction {@code d}, or −∞ when it has none (it is free from any time on). */
    double get(int d) {
        int[] k = keys;
        for (int i = home(d); ; i = (i + 1) & mask) {
            int key = k[i];
            if (key == d) {
                return until[i];
            }
            if (key == EMPTY) {
                return Double.NEGATIVE_INFINITY;
            }
        }
    }

    /** Sets direction {@code d} busy until {@code t} (&gt; {@code now}, else nothing needs keeping). */
    void put(int d, double t, double now) {
        int[] k = keys;
        int reuse = -1;
        int i = home(d);
        for (; ; i = (i + 1) & mask) {
            int key = k[i];
            if (key == d) {
                until[i] = t;
                return;
            }
            if (key == EMPTY) {
                break;
            }
            if (reuse < 0 && until[i] <= now) {
                reuse = i;
            }
        }
        if (!(t > now)) {
            return; // passed already: the same as no entry (and d has none)
        }
        if (reuse >= 0) {
            k[reuse] = d;
            until[reuse] = t;
            return;
        }
        k[i] = d;
        until[i] = t;
        if (++used > (mask + 1) >>> 1) {
            rebuild(now);
        }
    }

    /** Keeps the entries still in the future, in a table twice as large when they fill a quarter of this one. */
    private void rebuild(double now) {
        int[] oldKeys = keys;
        double[] oldUntil = until;
        int live = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldUntil[i] > now) {
                live++;
            }
        }
        allocate(live > oldKeys.length >>> 2 ? oldKeys.length * 2 : oldKeys.length);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldUntil[i] > now) {
                int j = home(oldKeys[i]);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                until[j] = oldUntil[i];
                used++;
            }
        }
    }

    /** Number of slots (for tests). */
    int capacity() {
        return mask + 1;
    }
}

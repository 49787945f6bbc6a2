package org.edgeai.model.engine.net;

import java.util.Arrays;

/**
 * The time until which each direction's transmitter is busy (its last committed hop's last bit), kept only while
 * that time lies in the future. A hop starts at max(now, busy-until), so a time that has passed is the same as none:
 * such entries are removed, and the table holds about as many entries as there are hops on the wire (a handful in
 * gossip on 10^6 nodes) instead of one per direction. It then lives in the cache, and sending on a random link of a
 * large graph touches one fewer scattered cache line per direction (measured on gossip with 4·10^6 directions: a
 * 128 MB per-direction table became a 64 MB one plus this).
 *
 * <p>Open addressing with linear probing, keyed by direction, at most half full. Every time set is also appended to
 * an expiry queue; each {@link #put} first removes the entries whose time has passed, taking them from the queue's
 * head (with backward-shift deletion, so no tombstones lengthen the probes). A lookup therefore almost always ends at
 * its first slot. The queue is in the order the times were set, which is their order in time when the hops have the
 * same length (gossip); otherwise an entry that has passed may stay behind a later one for a while, which is
 * harmless: {@link #get} may return a time that has passed, and the caller takes max(now, time). Amortized O(1) per
 * operation, no allocation unless the number of hops on the wire grows.
 *
 * <p>Requires what the network guarantees: the time set for a direction never decreases (a hop ends after the hop
 * before it on the same direction), and {@code now} never decreases.
 */
final class BusyUntil {

    private static final int EMPTY = -1;

    private int[] keys;
    private double[] until;
    private int mask;
    private int shift; // 32 − log2(capacity): the home slot is the top bits of a Fibonacci hash
    private int size;

    // Expiry queue: every (direction, time) set, in the order set; a ring buffer.
    private int[] qKey = new int[1024];
    private double[] qUntil = new double[1024];
    private int qHead;
    private int qSize;

    BusyUntil() {
        allocate(1024);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        until = new double[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        size = 0;
    }

    private int home(int d) {
        return (d * 0x9E3779B9) >>> shift;
    }

    /**
     * The busy-until time of direction {@code d}: −∞ when it has none, possibly a time that has passed (either means
     * that it is free now).
     */
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
        expire(now);
        if (!(t > now)) {
            return; // passed already: the same as no entry (any older entry of d has passed too)
        }
        int[] k = keys;
        int i = home(d);
        for (; ; i = (i + 1) & mask) {
            int key = k[i];
            if (key == d) {
                break;
            }
            if (key == EMPTY) {
                k[i] = d;
                if (++size > (mask + 1) >>> 1) {
                    until[i] = t;
                    grow();
                    enqueue(d, t);
                    return;
                }
                break;
            }
        }
        until[i] = t;
        enqueue(d, t);
    }

    /** Removes the entries at the queue's head whose time has passed. */
    private void expire(double now) {
        int qm = qKey.length - 1;
        while (qSize > 0 && qUntil[qHead] <= now) {
            int d = qKey[qHead];
            double t = qUntil[qHead];
            qHead = (qHead + 1) & qm;
            qSize--;
            int i = slotOf(d);
            if (i >= 0 && until[i] == t) { // else d was set again later: its newer queue entry removes it
                remove(i);
            }
        }
    }

    private int slotOf(int d) {
        int[] k = keys;
        for (int i = home(d); ; i = (i + 1) & mask) {
            int key = k[i];
            if (key == d) {
                return i;
            }
            if (key == EMPTY) {
                return -1;
            }
        }
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole so that no lookup stops early. */
    private void remove(int hole) {
        int[] k = keys;
        int m = mask;
        size--;
        int j = hole;
        while (true) {
            j = (j + 1) & m;
            int key = k[j];
            if (key == EMPTY) {
                break;
            }
            int h = home(key);
            // The entry at j may move to the hole when its home is not in the cyclic range (hole, j].
            if (((j - h) & m) >= ((j - hole) & m)) {
                k[hole] = key;
                until[hole] = until[j];
                hole = j;
            }
        }
        k[hole] = EMPTY;
    }

    private void enqueue(int d, double t) {
        if (qSize == qKey.length) {
            int cap = qSize * 2;
            int[] nk = new int[cap];
            double[] nu = new double[cap];
            for (int s = 0; s < qSize; s++) {
                int p = (qHead + s) & (qSize - 1);
                nk[s] = qKey[p];
                nu[s] = qUntil[p];
            }
            qKey = nk;
            qUntil = nu;
            qHead = 0;
        }
        int p = (qHead + qSize) & (qKey.length - 1);
        qKey[p] = d;
        qUntil[p] = t;
        qSize++;
    }

    /** Doubles the table (more than half of it holds hops on the wire). */
    private void grow() {
        int[] oldKeys = keys;
        double[] oldUntil = until;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = home(oldKeys[i]);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                until[j] = oldUntil[i];
                size++;
            }
        }
    }

    /** Number of slots (for tests). */
    int capacity() {
        return mask + 1;
    }

    /** Number of entries kept, passed ones not yet removed included (for tests). */
    int size() {
        return size;
    }
}

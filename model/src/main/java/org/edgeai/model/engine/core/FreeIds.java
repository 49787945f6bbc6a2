package org.edgeai.model.engine.core;

/**
 * The free ids of a pool of records (0 .. capacity − 1), handed out oldest-freed first: a FIFO ring, not a stack.
 * When records are freed in about the order they were taken (messages and exchanges with equal delays), they are
 * then reused in that order too, so a pool's records are written and read in sequence, which the hardware
 * prefetcher follows, instead of at the scattered places a stack would hand out (decision 0014).
 *
 * <p>The capacity is a power of two and only grows, by {@link #grow()} when every id is taken. Not thread-safe.
 */
public final class FreeIds {

    private int[] ids;
    private int head;
    private int count;

    /** A pool of {@code capacity} ids (a power of two), all free, to be handed out in increasing order. */
    public FreeIds(int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("FreeIds: capacity must be a power of two, got " + capacity);
        }
        ids = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            ids[i] = i;
        }
        count = capacity;
    }

    /** True when every id is taken. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** The number of ids in the pool, taken or free. */
    public int capacity() {
        return ids.length;
    }

    /** Takes the free id that was freed longest ago (or never taken, lowest first). The pool must not be empty. */
    public int take() {
        int[] a = ids;
        int h = head;
        head = (h + 1) & (a.length - 1);
        count--;
        return a[h];
    }

    /** Frees {@code id} (taken and not freed since). */
    public void give(int id) {
        int[] a = ids;
        a[(head + count++) & (a.length - 1)] = id;
    }

    /**
     * Doubles the capacity when every id is taken: the new ids, old capacity .. new capacity − 1, become free in
     * increasing order.
     *
     * @return the new capacity
     */
    public int grow() {
        if (count != 0) {
            throw new IllegalStateException("FreeIds: grow only when every id is taken (" + count + " free)");
        }
        int old = ids.length;
        if (old >= (1 << 30)) {
            throw new IllegalStateException("FreeIds: more than " + old + " ids");
        }
        int cap = old * 2;
        ids = new int[cap];
        for (int i = old; i < cap; i++) {
            ids[i - old] = i;
        }
        head = 0;
        count = cap - old;
        return cap;
    }
}

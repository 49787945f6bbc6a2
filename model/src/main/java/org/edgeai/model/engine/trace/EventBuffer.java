package org.edgeai.model.engine.trace;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The hand-over from the engine thread to the GUI thread: a {@link SimObserver} that never blocks the engine.
 *
 * <p>Two lanes:
 * <ul>
 *   <li>the <em>lossy</em> lane, a bounded single-producer / single-consumer ring for hop and compute
 *       records: when it is full the newest record is dropped and counted ({@link #dropped()}); the GUI only
 *       loses animation detail;</li>
 *   <li>the <em>essential</em> lane, an unbounded lock-free queue for {@link SimEvent.RoundFinished} and
 *       {@link SimEvent.LinkStateChanged} (one per round or link event, so it stays small): charts never miss a
 *       round.</li>
 * </ul>
 * Each lane keeps publication order; the order between lanes is not kept. One producer thread (the engine)
 * and one consumer thread (the GUI, once per frame) at a time.
 */
public final class EventBuffer implements SimObserver {

    private final SimEvent[] ring;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next to read (consumer)
    private final AtomicLong tail = new AtomicLong(); // next to write (producer)
    private final AtomicLong dropped = new AtomicLong();
    private final ConcurrentLinkedQueue<SimEvent> essential = new ConcurrentLinkedQueue<>();

    /**
     * @param capacity capacity of the lossy lane, rounded up to a power of two, in [2, 2^26]
     */
    public EventBuffer(int capacity) {
        if (capacity < 2 || capacity > (1 << 26)) {
            throw new IllegalArgumentException("EventBuffer capacity must be in [2, 67108864], got " + capacity);
        }
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        ring = new SimEvent[cap];
        mask = cap - 1;
    }

    /** Publishes a record; O(1), never blocks. */
    @Override
    public void onSimEvent(SimEvent event) {
        if (event instanceof SimEvent.RoundFinished || event instanceof SimEvent.LinkStateChanged) {
            essential.add(event);
            return;
        }
        long t = tail.get();
        if (t - head.getAcquire() >= ring.length) {
            dropped.incrementAndGet();
            return;
        }
        ring[(int) (t & mask)] = event;
        tail.setRelease(t + 1);
    }

    /**
     * Hands at most {@code max} lossy records (oldest first) and then every essential record to {@code sink}.
     *
     * @return the number of records handed over
     */
    public int drain(Consumer<? super SimEvent> sink, int max) {
        int n = 0;
        long h = head.get();
        long t = tail.getAcquire();
        while (h < t && n < max) {
            int i = (int) (h & mask);
            SimEvent e = ring[i];
            ring[i] = null;
            h++;
            n++;
            sink.accept(e);
        }
        head.setRelease(h);
        SimEvent e;
        while ((e = essential.poll()) != null) {
            sink.accept(e);
            n++;
        }
        return n;
    }

    /**
     * Lossy records published and not yet drained, in [0, capacity]; a racy snapshot from any thread (the engine
     * thread reads it to slow down before the ring overflows).
     */
    public int pending() {
        return (int) Math.max(0, tail.get() - head.get());
    }

    /** Lossy records dropped because the ring was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Capacity of the lossy lane. */
    public int capacity() {
        return ring.length;
    }
}

package org.edgeai.model.engine.core;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The discrete-event kernel: a virtual clock in seconds and a queue of pending events, each an (owner, code,
 * a, b) tuple run at its time.
 *
 * <h2>Ordering</h2>
 * Events run in increasing time; events with equal times run in the order they were scheduled (every event
 * gets a sequence number from a monotonically increasing 64-bit counter, and the queue orders by
 * {@code (time, sequence)}). Nothing else (no hash, no identity, no wall clock) takes part in the order, so a
 * run is a deterministic function of its inputs.
 *
 * <h2>Data structure and cost</h2>
 * Two sorted sources, merged at every pop by {@code (time, sequence)}:
 * <ul>
 *   <li>a <em>FIFO lane</em>: an event whose time is &ge; the time of the last event in the lane is appended to
 *       a ring buffer, which is therefore sorted; append and pop are O(1). Events scheduled at
 *       {@code now + constant} (arrivals after a fixed latency, the common case in network simulation) all go
 *       here;</li>
 *   <li>a 4-ary min-heap over parallel primitive arrays ({@code double} time, {@code long} sequence,
 *       {@code int} slot) for the others, O(log₄ P) per operation for P events in the heap.</li>
 * </ul>
 * The merge is exact, so the order is the one defined above whichever source holds an event. Nothing is
 * allocated per event once the arrays have grown to the peak number of pending events (they double when
 * full and never shrink).
 *
 * <h2>Handlers</h2>
 * An event's owner is stored as a small int id, not as a reference: {@link #register(EventHandler)} gives the
 * id (the same one for the same object, by identity), and {@link #scheduleAt(double, int, int, int, int)} is
 * the hot-path entry. The overloads taking an {@link EventHandler} register it on first use. Owners are meant
 * to be long-lived (an algorithm, the network): a handler stays registered as long as the simulator lives, and
 * registering more than 2^20 distinct handlers is refused (it means one is created per event).
 *
 * <h2>Control and threads</h2>
 * Single-threaded: all methods except {@link #requestStop()}, {@link #clearStop()} and
 * {@link #stopRequested()} must be called from the thread that runs the simulation. The stop flag is
 * volatile and is checked between events, never inside one: after {@code requestStop()} the running loop
 * returns before starting its next event. It stays set (and every run method returns at once) until
 * {@link #clearStop()}.
 *
 * <p>There is no cancellation: an owner that wants to invalidate an event it scheduled keeps an epoch
 * number, passes it as an argument, and ignores the event when the epoch no longer matches.
 */
public final class Simulator {

    private static final int INITIAL_CAPACITY = 1024;
    private static final int MAX_HANDLERS = 1 << 20;

    private double now;
    private long nextSeq;
    private long processed;
    private volatile boolean stopRequested;

    // Handlers by id.
    private EventHandler[] handlers = new EventHandler[8];
    private int handlerCount;
    private final Map<EventHandler, Integer> handlerIds = new IdentityHashMap<>();
    private EventHandler lastHandler;
    private int lastHandlerId;

    // Heap, in heap order.
    private double[] hTime;
    private long[] hSeq;
    private int[] hSlot;
    private int size;

    // Heap payload pool, by slot: stride 4 = handler, code, a, b.
    private int[] sPay;
    private int[] free;
    private int freeTop;

    // FIFO lane: ring buffer sorted by (time, seq).
    private double[] lTime;
    private long[] lSeq;
    private int[] lPay; // stride 4
    private int lHead;
    private int lSize;
    private int lMask;
    private double lLastTime;

    /** A simulator at time 0 with an empty queue. */
    public Simulator() {
        hTime = new double[INITIAL_CAPACITY];
        hSeq = new long[INITIAL_CAPACITY];
        hSlot = new int[INITIAL_CAPACITY];
        sPay = new int[4 * INITIAL_CAPACITY];
        free = new int[INITIAL_CAPACITY];
        for (int i = 0; i < INITIAL_CAPACITY; i++) {
            free[i] = INITIAL_CAPACITY - 1 - i;
        }
        freeTop = INITIAL_CAPACITY;
        lTime = new double[INITIAL_CAPACITY];
        lSeq = new long[INITIAL_CAPACITY];
        lPay = new int[4 * INITIAL_CAPACITY];
        lMask = INITIAL_CAPACITY - 1;
    }

    /** The current virtual time in seconds (the time of the event being run, or of the last one). */
    public double now() {
        return now;
    }

    /** Number of events run so far. */
    public long eventsProcessed() {
        return processed;
    }

    /** Number of events scheduled so far (the next event gets this sequence number). */
    public long eventsScheduled() {
        return nextSeq;
    }

    /** Number of pending events. */
    public int pending() {
        return size + lSize;
    }

    /** The time of the next pending event, or {@code +Infinity} when there is none. */
    public double nextEventTime() {
        double t = size == 0 ? Double.POSITIVE_INFINITY : hTime[0];
        return lSize > 0 && lTime[lHead] < t ? lTime[lHead] : t;
    }

    // ------------------------------------------------------------------ handlers

    /**
     * The id of {@code handler}, registering it on first use (by identity). O(1) for the handler used last,
     * else one identity-map lookup.
     */
    public int register(EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (handler == lastHandler) {
            return lastHandlerId;
        }
        Integer id = handlerIds.get(handler);
        if (id == null) {
            if (handlerCount == MAX_HANDLERS) {
                throw new IllegalStateException("simulator: more than " + MAX_HANDLERS
                        + " distinct event handlers; handlers must be long-lived owners, not one object per event");
            }
            if (handlerCount == handlers.length) {
                handlers = Arrays.copyOf(handlers, handlerCount * 2);
            }
            id = handlerCount;
            handlers[handlerCount++] = handler;
            handlerIds.put(handler, id);
        }
        lastHandler = handler;
        lastHandlerId = id;
        return id;
    }

    // ------------------------------------------------------------------ scheduling

    /**
     * Schedules an event {@code delay} seconds from now.
     *
     * @param delay   &ge; 0 and finite
     * @param handler the event's owner, not null
     * @throws IllegalArgumentException when the delay is negative, NaN or infinite
     */
    public void schedule(double delay, EventHandler handler, int code, int a, int b) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("schedule: delay must be a finite number >= 0 seconds, got " + delay);
        }
        scheduleAt(now + delay, register(handler), code, a, b);
    }

    /**
     * Schedules an event at absolute time {@code time}.
     *
     * @param time    &ge; {@link #now()} and finite, in seconds
     * @param handler the event's owner, not null
     * @throws IllegalArgumentException when the time lies in the past, is NaN or infinite
     */
    public void scheduleAt(double time, EventHandler handler, int code, int a, int b) {
        scheduleAt(time, register(handler), code, a, b);
    }

    /**
     * Schedules an event at absolute time {@code time} for the handler with id {@code handlerId} (from
     * {@link #register}). O(1) when the time is &ge; the last time put in the FIFO lane, else O(log₄ P);
     * allocation-free unless the queue grows.
     *
     * @throws IllegalArgumentException when the time lies in the past, is NaN or infinite, or the id is unknown
     */
    public void scheduleAt(double time, int handlerId, int code, int a, int b) {
        if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("scheduleAt: time must be finite and >= now (" + now + " s), got " + time);
        }
        if (handlerId < 0 || handlerId >= handlerCount) {
            throw new IllegalArgumentException("scheduleAt: unknown handler id " + handlerId);
        }
        long seq = nextSeq++;
        if (lSize == 0 || time >= lLastTime) {
            if (lSize == lTime.length) {
                growLane();
            }
            int i = (lHead + lSize) & lMask;
            lTime[i] = time;
            lSeq[i] = seq;
            int k = i << 2;
            int[] p = lPay;
            p[k] = handlerId;
            p[k + 1] = code;
            p[k + 2] = a;
            p[k + 3] = b;
            lSize++;
            lLastTime = time;
            return;
        }
        if (freeTop == 0) {
            growHeap();
        }
        int slot = free[--freeTop];
        int k = slot << 2;
        int[] p = sPay;
        p[k] = handlerId;
        p[k + 1] = code;
        p[k + 2] = a;
        p[k + 3] = b;
        siftUp(size++, time, seq, slot);
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs the next event, unless a stop was requested or nothing is pending.
     *
     * @return true when an event ran
     */
    public boolean step() {
        if (stopRequested || (size | lSize) == 0) {
            return false;
        }
        runNext();
        return true;
    }

    /**
     * Runs every event with time &le; {@code time}, in order, then advances the clock to {@code time}. Stops
     * early (leaving the clock at the last event run) when a stop is requested.
     *
     * @param time a time &ge; {@link #now()}
     * @return the number of events run
     */
    public long runUntil(double time) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("runUntil: time must be >= now (" + now + " s), got " + time);
        }
        long before = processed;
        while ((size | lSize) != 0 && nextEventTime() <= time) {
            if (stopRequested) {
                return processed - before;
            }
            runNext();
        }
        if (!stopRequested && time != Double.POSITIVE_INFINITY) {
            now = time;
        }
        return processed - before;
    }

    /**
     * Runs events until none is pending or a stop is requested.
     *
     * @return the number of events run
     */
    public long run() {
        long before = processed;
        while ((size | lSize) != 0 && !stopRequested) {
            runNext();
        }
        return processed - before;
    }

    /**
     * Runs at most {@code maxEvents} events (fewer when the queue empties or a stop is requested).
     *
     * @return the number of events run
     */
    public long run(long maxEvents) {
        long before = processed;
        long limit = processed + maxEvents;
        while ((size | lSize) != 0 && processed < limit && !stopRequested) {
            runNext();
        }
        return processed - before;
    }

    /** Asks the running loop to return before its next event; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Clears a stop request so the run methods run events again; safe from any thread. */
    public void clearStop() {
        stopRequested = false;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    // ------------------------------------------------------------------ internals

    private void runNext() {
        int h;
        int code;
        int a;
        int b;
        boolean fromLane;
        if (lSize == 0) {
            fromLane = false;
        } else if (size == 0) {
            fromLane = true;
        } else {
            double lt = lTime[lHead];
            double ht = hTime[0];
            fromLane = lt < ht || (lt == ht && lSeq[lHead] < hSeq[0]);
        }
        if (fromLane) {
            int i = lHead;
            now = lTime[i];
            int k = i << 2;
            int[] p = lPay;
            h = p[k];
            code = p[k + 1];
            a = p[k + 2];
            b = p[k + 3];
            lHead = (i + 1) & lMask;
            lSize--;
        } else {
            int slot = hSlot[0];
            now = hTime[0];
            int last = --size;
            if (last > 0) {
                siftDown(hTime[last], hSeq[last], hSlot[last], last);
            }
            int k = slot << 2;
            int[] p = sPay;
            h = p[k];
            code = p[k + 1];
            a = p[k + 2];
            b = p[k + 3];
            free[freeTop++] = slot;
        }
        processed++;
        handlers[h].onEvent(code, a, b);
    }

    private void siftUp(int i, double t, long s, int slot) {
        double[] ht = hTime;
        long[] hs = hSeq;
        int[] hl = hSlot;
        while (i > 0) {
            int p = (i - 1) >>> 2;
            double pt = ht[p];
            if (pt < t || (pt == t && hs[p] < s)) {
                break;
            }
            ht[i] = pt;
            hs[i] = hs[p];
            hl[i] = hl[p];
            i = p;
        }
        ht[i] = t;
        hs[i] = s;
        hl[i] = slot;
    }

    /** Places (t, s, slot) at the root's hole and moves it down; {@code n} is the heap size. */
    private void siftDown(double t, long s, int slot, int n) {
        double[] ht = hTime;
        long[] hs = hSeq;
        int[] hl = hSlot;
        int i = 0;
        while (true) {
            int c = (i << 2) + 1;
            if (c >= n) {
                break;
            }
            int best = c;
            double bt = ht[c];
            long bs = hs[c];
            int end = Math.min(c + 4, n);
            for (int k = c + 1; k < end; k++) {
                double kt = ht[k];
                if (kt < bt || (kt == bt && hs[k] < bs)) {
                    best = k;
                    bt = kt;
                    bs = hs[k];
                }
            }
            if (bt < t || (bt == t && bs < s)) {
                ht[i] = bt;
                hs[i] = bs;
                hl[i] = hl[best];
                i = best;
            } else {
                break;
            }
        }
        ht[i] = t;
        hs[i] = s;
        hl[i] = slot;
    }

    private void growHeap() {
        int old = hTime.length;
        if (old >= (1 << 28)) {
            throw new IllegalStateException("simulator: more than " + old + " pending events in the heap");
        }
        int cap = old * 2;
        hTime = Arrays.copyOf(hTime, cap);
        hSeq = Arrays.copyOf(hSeq, cap);
        hSlot = Arrays.copyOf(hSlot, cap);
        sPay = Arrays.copyOf(sPay, 4 * cap);
        free = Arrays.copyOf(free, cap);
        // All old slots are in use (the free list was empty); hand out the new ones lowest first.
        for (int i = cap - 1; i >= old; i--) {
            free[freeTop++] = i;
        }
    }

    private void growLane() {
        int old = lTime.length;
        if (old >= (1 << 28)) {
            throw new IllegalStateException("simulator: more than " + old + " pending events in the FIFO lane");
        }
        int cap = old * 2;
        double[] t = new double[cap];
        long[] s = new long[cap];
        int[] p = new int[4 * cap];
        for (int j = 0; j < lSize; j++) {
            int i = (lHead + j) & lMask;
            t[j] = lTime[i];
            s[j] = lSeq[i];
            System.arraycopy(lPay, i << 2, p, j << 2, 4);
        }
        lTime = t;
        lSeq = s;
        lPay = p;
        lHead = 0;
        lMask = cap - 1;
    }
}

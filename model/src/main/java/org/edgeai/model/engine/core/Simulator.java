package org.edgeai.model.engine.core;

import java.util.Arrays;

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
 * Pending events live in <em>FIFO lanes</em> (ring buffers sorted by construction) and a 4-ary min-heap over
 * parallel primitive arrays ({@code double} time, {@code long} sequence, {@code int} slot):
 * <ul>
 *   <li>an event that comes after the last one of the <em>primary lane</em> (a later time, or the same time and a
 *       later sequence number, which is always the case but for a held event) is appended to it: O(1). Events
 *       scheduled at {@code now + constant} (arrivals after a fixed latency, the common case in network
 *       simulation) all go there, and running one costs one comparison with the heap's top;</li>
 *   <li>otherwise it is appended to the best-fitting of {@value #SECONDARY_LANES} secondary lanes (the
 *       non-empty one with the latest last event that comes before it, else an empty one): O(1) when that
 *       lane is not empty. Each non-empty secondary lane is represented in the heap by its head, so a few
 *       distinct delays (link classes) each fill a lane of their own;</li>
 *   <li>only events that fit no lane go to the heap: O(log₄ P) for P events there.</li>
 * </ul>
 * The next event is the smaller of the primary lane's head and the heap's top, so the order is exactly the
 * {@code (time, sequence)} order defined above whichever structure holds an event. Nothing is allocated per
 * event once the arrays have grown to the peak number of pending events (they double when full and never
 * shrink).
 *
 * <h2>Handlers</h2>
 * An event's owner is stored as a small int id, not as a reference: {@link #register(EventHandler)} gives the
 * id (the same one for the same object, by identity), and {@link #scheduleAt(double, int, int, int, int)} is
 * the hot-path entry. The overloads taking an {@link EventHandler} register it on first use. Owners are meant
 * to be long-lived (an algorithm, the network): a handler stays registered as long as the simulator lives, and
 * registering more than 2^20 distinct handlers is refused (it means one is created per event).
 *
 * <h2>Events run inline</h2>
 * A handler may run, within its own event, events that would be the very next ones anyway: its own next event
 * ({@link #runInline}), or, after holding its next event's place in the order ({@link #hold}), the events due
 * before it ({@link #takeNextIf}) and then that event ({@link #runHeld}; else {@link #queueHeld}). The clock, the
 * sequence numbers and the counters advance exactly as in the run loop, no event passes a stop request or the bound
 * of {@link #runUntil}, so the order of events is the same either way; only the queue operations and dispatches
 * are saved (gossip's wake-ups and exchange arrivals, decisions 14 and 15).
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
    private final HandlerIds<EventHandler> handlers =
            new HandlerIds<>(new EventHandler[8], MAX_HANDLERS, "simulator", "event handlers");

    // Heap, in heap order.
    private double[] hTime;
    private long[] hSeq;
    private int[] hSlot;
    private int size;

    // Heap payload pool, by slot: stride 4 = handler, code, a, b.
    private int[] sPay;
    private int[] free;
    private int freeTop;

    // Primary FIFO lane: ring buffer sorted by (time, seq), merged with the heap at every pop.
    private double[] pTime;
    private long[] pSeq;
    private int[] pPay; // stride 4
    private int pHead;
    private int pSize;
    private int pMask;
    private double pLast;

    // Secondary FIFO lanes; lane q's head is in the heap as slot -1 - q.
    private static final int SECONDARY_LANES = 7;
    private final double[][] lTime = new double[SECONDARY_LANES][];
    private final long[][] lSeq = new long[SECONDARY_LANES][];
    private final int[][] lPay = new int[SECONDARY_LANES][]; // stride 4
    private final int[] lHead = new int[SECONDARY_LANES];
    private final int[] lSize = new int[SECONDARY_LANES];
    private final int[] lMask = new int[SECONDARY_LANES];
    private final double[] lLast = new double[SECONDARY_LANES];
    private int lanesUsed; // secondary lanes 0 .. lanesUsed-1 have storage
    private int lanesNonEmpty;
    private int pendingInLanes;

    // The held event (see hold): its time and sequence number, reserved but not queued.
    private boolean held;
    private double heldTime;
    private long heldSeq;
    // Payload of the event taken by takeNextIf.
    private int takenA;
    private int takenB;
    /** Events run inline must not pass this time: runUntil's bound while it runs, else +infinity. */
    private double horizon = Double.POSITIVE_INFINITY;

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
        pTime = new double[INITIAL_CAPACITY];
        pSeq = new long[INITIAL_CAPACITY];
        pPay = new int[4 * INITIAL_CAPACITY];
        pMask = INITIAL_CAPACITY - 1;
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
        return pSize + size - lanesNonEmpty + pendingInLanes + (held ? 1 : 0);
    }

    /** The time of the next pending event, or {@code +Infinity} when there is none. */
    public double nextEventTime() {
        double t = size == 0 ? Double.POSITIVE_INFINITY : hTime[0];
        t = pSize > 0 && pTime[pHead] < t ? pTime[pHead] : t;
        return held && heldTime < t ? heldTime : t;
    }

    // ------------------------------------------------------------------ handlers

    /**
     * The id of {@code handler}, registering it on first use (by identity). O(1) for the handler used last,
     * else one identity-map lookup.
     */
    public int register(EventHandler handler) {
        return handlers.id(handler);
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
        if (!(time >= now) || time == Double.POSITIVE_INFINITY || handlerId < 0 || handlerId >= handlers.size()) {
            throw badSchedule(time, handlerId);
        }
        insert(time, nextSeq++, handlerId, code, a, b);
    }

    /** Queues an event whose sequence number is given (the next one, or a held event's reserved one). */
    private void insert(double time, long seq, int handlerId, int code, int a, int b) {
        int n = pSize;
        if (n == 0 || time > pLast || (time == pLast && seq > pSeq[(pHead + n - 1) & pMask])) {
            if (n == pTime.length) {
                growPrimary();
            }
            int i = (pHead + n) & pMask;
            pTime[i] = time;
            pSeq[i] = seq;
            int k = i << 2;
            int[] p = pPay;
            p[k] = handlerId;
            p[k + 1] = code;
            p[k + 2] = a;
            p[k + 3] = b;
            pSize = n + 1;
            pLast = time;
            return;
        }
        scheduleOffPrimary(time, seq, handlerId, code, a, b);
    }

    private IllegalArgumentException badSchedule(double time, int handlerId) {
        if (handlerId < 0 || handlerId >= handlers.size()) {
            return new IllegalArgumentException("scheduleAt: unknown handler id " + handlerId);
        }
        return new IllegalArgumentException("scheduleAt: time must be finite and >= now (" + now + " s), got " + time);
    }

    /** An event earlier than the primary lane's last one: a secondary lane, else the heap. */
    private void scheduleOffPrimary(double time, long seq, int handlerId, int code, int a, int b) {
        // Best fit among the secondary lanes: the non-empty lane with the largest last time <= time, else an
        // empty lane.
        int lane = -1;
        int emptyLane = -1;
        double bestLast = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < lanesUsed; q++) {
            if (lSize[q] == 0) {
                if (emptyLane < 0) {
                    emptyLane = q;
                }
            } else {
                double last = lLast[q];
                boolean after = last < time
                        || (last == time && seq > lSeq[q][(lHead[q] + lSize[q] - 1) & lMask[q]]);
                if (after && last >= bestLast) {
                    lane = q;
                    bestLast = last;
                }
            }
        }
        if (lane < 0) {
            lane = emptyLane;
            if (lane < 0 && lanesUsed < SECONDARY_LANES) {
                lane = lanesUsed++;
                lTime[lane] = new double[INITIAL_CAPACITY];
                lSeq[lane] = new long[INITIAL_CAPACITY];
                lPay[lane] = new int[4 * INITIAL_CAPACITY];
                lMask[lane] = INITIAL_CAPACITY - 1;
            }
        }
        if (lane >= 0) {
            int n = lSize[lane];
            if (n == lTime[lane].length) {
                growLane(lane);
            }
            int i = (lHead[lane] + n) & lMask[lane];
            lTime[lane][i] = time;
            lSeq[lane][i] = seq;
            int k = i << 2;
            int[] p = lPay[lane];
            p[k] = handlerId;
            p[k + 1] = code;
            p[k + 2] = a;
            p[k + 3] = b;
            lSize[lane] = n + 1;
            lLast[lane] = time;
            pendingInLanes++;
            if (n == 0) {
                lanesNonEmpty++;
                pushHeap(time, seq, -1 - lane); // the lane's new head
            }
            return;
        }
        if (freeTop == 0) {
            growSlots();
        }
        int slot = free[--freeTop];
        int k = slot << 2;
        int[] p = sPay;
        p[k] = handlerId;
        p[k + 1] = code;
        p[k + 2] = a;
        p[k + 3] = b;
        pushHeap(time, seq, slot);
    }

    private void pushHeap(double time, long seq, int slot) {
        if (size == hTime.length) {
            growHeap();
        }
        siftUp(size++, time, seq, slot);
    }

    /**
     * Lets the running handler run its own next event inline instead of scheduling it: when an event scheduled now
     * at {@code time} would be the very next one to run (its time is &ge; now and strictly before every pending
     * event's, since a pending event at an equal time was scheduled earlier and runs first) and no stop has been
     * requested, the clock advances to {@code time}, the event is counted as scheduled and run, and this returns
     * true: the caller must then do that event's work at once, as the first thing after this call. Otherwise
     * nothing changes and the caller schedules the event as usual. Either way the events run in exactly the same
     * order at the same times; inline, the event costs no queue operation and no dispatch (gossip's wake-ups, a
     * Poisson process much denser than anything else pending, mostly run this way).
     *
     * @return true when the event is to be run inline now
     */
    public boolean runInline(double time) {
        if (stopRequested || held || !(time >= now) || !(time < nextEventTime()) || time > horizon) {
            return false;
        }
        now = time;
        nextSeq++;
        processed++;
        return true;
    }

    /**
     * Holds the place of the running handler's next event at {@code time}: it gets its sequence number now, as
     * {@link #scheduleAt} would give it, but is not queued yet. Until the handler either runs it
     * ({@link #runHeld()}) or queues it ({@link #queueHeld}), which it must do before returning, it counts as
     * pending, and {@link #takeNextIf} takes only events that come before it. With this a handler can run the
     * events due before its own next event inline, and then that event, in exactly the order the run loop would
     * (gossip: the exchange arrivals that fall between two wake-ups).
     *
     * @throws IllegalStateException when an event is held already
     * @throws IllegalArgumentException when the time lies in the past, is NaN or infinite
     */
    public void hold(double time) {
        if (held) {
            throw new IllegalStateException("hold: an event is held already");
        }
        if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("hold: time must be finite and >= now (" + now + " s), got " + time);
        }
        held = true;
        heldTime = time;
        heldSeq = nextSeq++;
    }

    /**
     * Runs the held event inline when it is the very next event (no pending event comes before it) and no stop has
     * been requested: the clock advances to its time, it counts as run, and this returns true; the caller must then
     * do its work at once. Otherwise it stays held and this returns false.
     */
    public boolean runHeld() {
        double t = heldTime;
        long sq = heldSeq;
        if (!held || stopRequested || t > horizon || !before(t, sq)) {
            return false;
        }
        held = false;
        now = t;
        processed++;
        return true;
    }

    /** Queues the held event for {@code handlerId} with its reserved place in the order. */
    public void queueHeld(int handlerId, int code, int a, int b) {
        if (!held) {
            throw new IllegalStateException("queueHeld: no event is held");
        }
        if (handlerId < 0 || handlerId >= handlers.size()) {
            throw badSchedule(heldTime, handlerId);
        }
        held = false;
        insert(heldTime, heldSeq, handlerId, code, a, b);
    }

    /** Whether an event at (t, sq) would run before every queued event. */
    private boolean before(double t, long sq) {
        if (pSize != 0) {
            double pt = pTime[pHead];
            if (pt < t || (pt == t && pSeq[pHead] < sq)) {
                return false;
            }
        }
        if (size != 0) {
            double ht = hTime[0];
            return ht > t || (ht == t && hSeq[0] > sq);
        }
        return true;
    }

    /**
     * Lets a running handler run, inline, the next event when it is a given kind of event: when the head of the
     * primary FIFO lane is the very next event (before the heap's top and the held event, if any), its owner is
     * {@code handlerId} and its code {@code code}, and no stop has been requested, the event is removed, the clock
     * advances to its time, it counts as run, and this returns true: the caller must then do that event's work at
     * once ({@link #takenA()} and {@link #takenB()} are its arguments). Otherwise nothing changes. The order of
     * events is the same either way.
     */
    public boolean takeNextIf(int handlerId, int code) {
        int n = pSize;
        if (n == 0 || stopRequested) {
            return false;
        }
        int i = pHead;
        int k = i << 2;
        int[] p = pPay;
        if (p[k] != handlerId || p[k + 1] != code) {
            return false;
        }
        double pt = pTime[i];
        long ps = pSeq[i];
        if ((size != 0 && !(pt < hTime[0] || (pt == hTime[0] && ps < hSeq[0])))
                || (held && !(pt < heldTime || (pt == heldTime && ps < heldSeq))) || pt > horizon) {
            return false;
        }
        now = pt;
        takenA = p[k + 2];
        takenB = p[k + 3];
        pHead = (i + 1) & pMask;
        pSize = n - 1;
        processed++;
        return true;
    }

    /** The first argument of the event taken by the last successful {@link #takeNextIf}. */
    public int takenA() {
        return takenA;
    }

    /** The second argument of the event taken by the last successful {@link #takeNextIf}. */
    public int takenB() {
        return takenB;
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs the next event, unless a stop was requested or nothing is pending.
     *
     * @return true when an event ran
     */
    public boolean step() {
        if (stopRequested || (size | pSize) == 0) {
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
        horizon = time; // events run inline stay within the bound too
        try {
            while ((size | pSize) != 0 && nextEventTime() <= time) {
                if (stopRequested) {
                    return processed - before;
                }
                runNext();
            }
        } finally {
            horizon = Double.POSITIVE_INFINITY;
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
        while ((size | pSize) != 0 && !stopRequested) {
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
        while ((size | pSize) != 0 && processed < limit && !stopRequested) {
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
        int n = pSize;
        if (n != 0) {
            int i = pHead;
            double pt = pTime[i];
            if (size == 0 || pt < hTime[0] || (pt == hTime[0] && pSeq[i] < hSeq[0])) {
                now = pt;
                int k = i << 2;
                int[] p = pPay;
                pHead = (i + 1) & pMask;
                pSize = n - 1;
                processed++;
                handlers.byId()[p[k]].onEvent(p[k + 1], p[k + 2], p[k + 3]);
                return;
            }
        }
        runFromHeap();
    }

    /** Runs the heap's top: an event of its own, or the head of a secondary lane. */
    private void runFromHeap() {
        int h;
        int code;
        int a;
        int b;
        int slot = hSlot[0];
        now = hTime[0];
        if (slot < 0) {
            int q = -1 - slot;
            int i = lHead[q];
            int k = i << 2;
            int[] p = lPay[q];
            h = p[k];
            code = p[k + 1];
            a = p[k + 2];
            b = p[k + 3];
            int next = (i + 1) & lMask[q];
            lHead[q] = next;
            pendingInLanes--;
            if (--lSize[q] > 0) {
                siftDown(lTime[q][next], lSeq[q][next], slot, size); // the lane's next head replaces the top
            } else {
                lanesNonEmpty--;
                popTop();
            }
        } else {
            int k = slot << 2;
            int[] p = sPay;
            h = p[k];
            code = p[k + 1];
            a = p[k + 2];
            b = p[k + 3];
            free[freeTop++] = slot;
            popTop();
        }
        processed++;
        handlers.byId()[h].onEvent(code, a, b);
    }

    private void popTop() {
        int last = --size;
        if (last > 0) {
            siftDown(hTime[last], hSeq[last], hSlot[last], last);
        }
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
    }

    private void growSlots() {
        int old = free.length;
        if (old >= (1 << 28)) {
            throw new IllegalStateException("simulator: more than " + old + " pending events in the heap");
        }
        int cap = old * 2;
        sPay = Arrays.copyOf(sPay, 4 * cap);
        free = Arrays.copyOf(free, cap);
        // All old slots are in use (the free list was empty); hand out the new ones lowest first.
        for (int i = cap - 1; i >= old; i--) {
            free[freeTop++] = i;
        }
    }

    private void growPrimary() {
        int old = pTime.length;
        if (old >= (1 << 28)) {
            throw new IllegalStateException("simulator: more than " + old + " pending events in the primary FIFO lane");
        }
        int cap = old * 2;
        double[] t = new double[cap];
        long[] s = new long[cap];
        int[] p = new int[4 * cap];
        for (int j = 0; j < pSize; j++) {
            int i = (pHead + j) & pMask;
            t[j] = pTime[i];
            s[j] = pSeq[i];
            System.arraycopy(pPay, i << 2, p, j << 2, 4);
        }
        pTime = t;
        pSeq = s;
        pPay = p;
        pHead = 0;
        pMask = cap - 1;
    }

    private void growLane(int q) {
        int old = lTime[q].length;
        if (old >= (1 << 28)) {
            throw new IllegalStateException("simulator: more than " + old + " pending events in a FIFO lane");
        }
        int cap = old * 2;
        double[] t = new double[cap];
        long[] s = new long[cap];
        int[] p = new int[4 * cap];
        int head = lHead[q];
        int mask = lMask[q];
        for (int j = 0; j < lSize[q]; j++) {
            int i = (head + j) & mask;
            t[j] = lTime[q][i];
            s[j] = lSeq[q][i];
            System.arraycopy(lPay[q], i << 2, p, j << 2, 4);
        }
        lTime[q] = t;
        lSeq[q] = s;
        lPay[q] = p;
        lHead[q] = 0;
        lMask[q] = cap - 1;
    }
}

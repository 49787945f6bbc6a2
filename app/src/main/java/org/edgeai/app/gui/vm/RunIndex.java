package org.edgeai.app.gui.vm;

import java.util.Arrays;
import java.util.List;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.model.engine.trace.RoundMetrics;

/**
 * Running totals over a {@link RunRecording}, kept up to date incrementally so the HUD's questions cost
 * O(log H + hops in one queueing window) a frame instead of O(whole run): bits on links at a cursor time, and the
 * survey's latency split (communication vs computation) over the first N rounds. Single-threaded (the JavaFX
 * thread, or a test); call {@link #sync()} after the recording grew.
 *
 * <h2>Bits at a time t</h2>
 * Exactly {@link RunRecording#bitsAt(double)}: the bits of every hop queued by t whose sending started by t. Hops are
 * kept in queueing order, so the hops queued by t are a prefix found by binary search, and only the hops queued in
 * the last W seconds before t (W = the longest wait between queueing and sending seen) can still be waiting; so
 * bitsAt(t) = prefix(bits of the hops queued by t − W) + the window's hops whose sending started by t.
 *
 * <h2>Compute per round</h2>
 * T_r, the compute time of round r on its critical path, is taken as the busiest node's compute in round r (the sum
 * of its computations tagged with round r): in a synchronous round every node computes in parallel and the round
 * cannot end before its busiest node has computed, so T_r is a lower bound of the compute on the round's critical
 * path; the rest of the round's duration (transmission, latency, queueing, waiting for others) is communication. A
 * node's computations are processed in start order, and are assumed to come round by round (true of every built-in
 * algorithm); computations drained after their round's end still count (T_r only grows).
 */
final class RunIndex {

    private final RunRecording rec;

    // bits
    private int hopsSeen;
    private long[] prefix = new long[1025]; // prefix[i] = bits of hops [0, i)
    private double maxWait;                   // longest hopSend − hopQueued seen
    private int[] open = new int[16];         // hops whose arrival was unknown when seen (their send time may move)
    private int openCount;

    // compute
    private final int[] seen;          // per node: computations processed
    private final int[] nodeRound;     // per node: round of its running sum, -1 none
    private final double[] nodeSum;    // per node: compute seconds in nodeRound
    private double[] perRound = new double[64]; // T_r by engine round
    private double[] cumT = new double[65];     // cumT[n] = sum of T_r for r < n, valid below cumValid
    private int cumValid = 1;
    private int roundsKnown;

    RunIndex(RunRecording rec) {
        this.rec = rec;
        seen = new int[rec.nodes()];
        nodeRound = new int[rec.nodes()];
        nodeSum = new double[rec.nodes()];
        Arrays.fill(nodeRound, -1);
    }

    RunRecording recording() {
        return rec;
    }

    /** Takes in what the recording got since the last call: O(new hops + new computations + nodes + open hops). */
    void sync() {
        // Hops whose send time could still move: re-read them until their arrival is known.
        int k = 0;
        for (int j = 0; j < openCount; j++) {
            int i = open[j];
            maxWait = Math.max(maxWait, rec.hopSend(i) - rec.hopQueued(i));
            if (Double.isNaN(rec.hopArrive(i))) {
                open[k++] = i;
            }
        }
        openCount = k;
        int h = rec.hopCount();
        if (h > hopsSeen) {
            if (h + 1 > prefix.length) {
                prefix = Arrays.copyOf(prefix, Math.max(h + 1, prefix.length * 2));
            }
            for (int i = hopsSeen; i < h; i++) {
                prefix[i + 1] = prefix[i] + rec.hopBits(i);
                maxWait = Math.max(maxWait, rec.hopSend(i) - rec.hopQueued(i));
                if (Double.isNaN(rec.hopArrive(i))) {
                    if (openCount == open.length) {
                        open = Arrays.copyOf(open, openCount * 2);
                    }
                    open[openCount++] = i;
                }
            }
            hopsSeen = h;
        }
        for (int n = 0; n < seen.length; n++) {
            int c = rec.computeCount(n);
            for (int j = seen[n]; j < c; j++) {
                int r = rec.computeRound(n, j);
                if (r < 0) {
                    continue;
                }
                if (r != nodeRound[n]) {
                    nodeRound[n] = r;
                    nodeSum[n] = 0;
                }
                nodeSum[n] += rec.computeEnd(n, j) - rec.computeStart(n, j);
                raise(r, nodeSum[n]);
            }
            seen[n] = c;
        }
        roundsKnown = rec.rounds().size();
    }

    private void raise(int r, double v) {
        if (r >= perRound.length) {
            perRound = Arrays.copyOf(perRound, Math.max(r + 1, perRound.length * 2));
        }
        if (v > perRound[r]) {
            perRound[r] = v;
            cumValid = Math.min(cumValid, r + 1);
        }
    }

    /** Exactly {@link RunRecording#bitsAt(double)} as of the last {@link #sync()}. */
    long bitsAt(double t) {
        // hop queue times ascend, so searching all hops and clamping equals searching the ones seen
        int end = Math.min(hopsSeen, rec.hopsQueuedBy(t));
        int start = Math.min(end, rec.hopsQueuedBefore(t - maxWait));
        long s = prefix[start];
        for (int i = start; i < end; i++) {
            if (rec.hopSend(i) <= t) {
                s += rec.hopBits(i);
            }
        }
        return s;
    }

    /** T_r: the busiest node's compute seconds in engine round {@code r} (0 when none recorded). */
    double computeOfRound(int r) {
        return r >= 0 && r < perRound.length ? perRound[r] : 0;
    }

    /** Sum of T_r over the first {@code n} rounds. O(rounds changed since the last call). */
    double computeOfFirst(int n) {
        if (n + 1 > cumT.length) {
            cumT = Arrays.copyOf(cumT, Math.max(n + 1, cumT.length * 2));
        }
        for (int i = Math.max(1, cumValid); i <= n; i++) {
            cumT[i] = cumT[i - 1] + computeOfRound(i - 1);
        }
        cumValid = Math.max(cumValid, n + 1);
        return cumT[n];
    }

    /**
     * The latency split over the first {@code n} finished rounds (clamped to those recorded).
     *
     * @return null when no round is finished
     */
    Split split(int n) {
        List<RoundMetrics> rounds = rec.rounds();
        int m = Math.min(n, Math.min(roundsKnown, rounds.size()));
        if (m <= 0) {
            return null;
        }
        RoundMetrics last = rounds.get(m - 1);
        double compute = computeOfFirst(m);
        return new Split(m, last.timeS(), compute, Math.max(0, last.timeS() - compute), last.linkBits());
    }

    /**
     * The survey's latency ≈ L/r·N + T·N over the first N rounds, as measured.
     *
     * @param rounds        N, rounds finished
     * @param elapsedS      the end time of round N, seconds (the latency so far)
     * @param computeS      T·N: the sum over rounds of the busiest node's compute, seconds
     * @param communicationS L/r·N: the rest of the elapsed time (never negative), seconds
     * @param linkBits      L·N: bits carried by links by the end of round N
     */
    record Split(int rounds, double elapsedS, double computeS, double communicationS, long linkBits) {

        /** L: link bits per round. */
        double bitsPerRound() {
            return (double) linkBits / rounds;
        }

        /** T: compute seconds per round. */
        double computePerRound() {
            return computeS / rounds;
        }

        /** L/r: communication seconds per round. */
        double communicationPerRound() {
            return communicationS / rounds;
        }

        /** r: the effective rate L / (L/r), bit/s; NaN when there was no communication time. */
        double effectiveRate() {
            return communicationS > 0 ? linkBits / communicationS : Double.NaN;
        }

        /** Share of the elapsed time spent communicating, in [0, 1]. */
        double communicationShare() {
            double tot = communicationS + computeS;
            return tot > 0 ? communicationS / tot : 0;
        }
    }
}

package org.edgeai.app.gui.view;

import java.util.Arrays;
import java.util.List;

import org.edgeai.app.gui.run.RunRecording;
import org.edgeai.app.gui.vm.AnimationOptions.LinkLoad;
import org.edgeai.app.gui.vm.AnimationOptions.LoadMeasure;
import org.edgeai.app.gui.vm.AnimationOptions.NodeColour;
import org.edgeai.model.engine.core.MessageKind;

/**
 * What a run adds to the topology canvas at one cursor time, as an immutable {@link Snapshot} of primitive arrays:
 * the transfers (glyphs moving from sender to receiver over their transmission plus latency, or waiting at the
 * sender), each node's state (busy with a progress, straggling, dropped) and colour by a chosen quantity, and the
 * load of each link. Built on the JavaFX thread from a {@link RunRecording} (any recording: a live run's or one
 * made from a pipeline's schedule) and rasterized in the background; no JavaFX here, so it is tested without a
 * toolkit.
 *
 * <p>Cost of {@link Builder#build}: O(log H + hops alive at t + n log C) per frame (H hops recorded, C
 * computations of a node), plus, for "bits sent so far", the hops queued since the previous frame (a seek back
 * restarts from a checkpoint kept every {@value Builder#CHECKPOINT} hops).
 *
 * <p>Node indices are the topology's node order, as in the recording (the engine numbers nodes the same way).
 */
public final class RunOverlay {

    private RunOverlay() {
    }

    /** Node state flags in {@link Snapshot#nodeState()}. */
    public static final byte BUSY = 1;
    public static final byte STRAGGLING = 2;
    public static final byte DROPPED = 4;

    /**
     * Colour (0xRRGGBB) of each message kind, by {@link MessageKind} ordinal: model amber, gradient red, update
     * green, scalar brown, control grey, activation purple (readable on light and dark themes; the model, the
     * commonest message, is amber so that it stands out against the blue device glyphs). The timeline uses the same.
     */
    private static final int[] KIND_RGB = {0xf0a202, 0xd62728, 0x2ca02c, 0x8c564b, 0x7f7f7f, 0x9467bd};

    static {
        if (KIND_RGB.length != MessageKind.values().length) {
            throw new IllegalStateException("a colour is needed for every message kind");
        }
    }

    /** The glyph colour of a message kind, 0xRRGGBB. */
    public static int kindRgb(MessageKind kind) {
        return KIND_RGB[kind.ordinal()];
    }

    /** Bits of the glyph-size legend's entries (1 kbit, 100 kbit, 10 Mbit, 1 Gbit). */
    public static final long[] LEGEND_BITS = {1_000L, 100_000L, 10_000_000L, 1_000_000_000L};

    /**
     * The radius of a transfer glyph in pixels: {@code unit × (1.5 + 0.6 × log10(bits))}, so each factor of ten in
     * size adds 0.6 units (1 bit: 1.5, 1 kbit: 3.3, 1 Mbit: 5.1, 1 Gbit: 6.9 units). Bits below 1 count as 1.
     *
     * @param unit pixels per unit (glyph scale × presentation scale × zoom factor), &gt; 0
     */
    public static double glyphRadius(long bits, double unit) {
        return unit * (1.5 + 0.6 * Math.log10(Math.max(1L, bits)));
    }

    /** Viridis, 9 stops: the node colour map (perceptually uniform, readable by colour-blind users). */
    private static final int[] VIRIDIS = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962,
        0xaddc30, 0xfde725};

    /** The node colour map at {@code v} in [0, 1] (clamped; NaN gives grey), 0xRRGGBB. */
    public static int colourMap(double v) {
        if (Double.isNaN(v)) {
            return 0x9a9a9a;
        }
        double x = Math.max(0, Math.min(1, v)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) x);
        return mix(VIRIDIS[i], VIRIDIS[i + 1], x - i);
    }

    /** Link load colour map at {@code v} in [0, 1]: light orange to dark red. */
    public static int loadMap(double v) {
        double x = Math.max(0, Math.min(1, v));
        return x < 0.5 ? mix(0xfdd49e, 0xfc8d59, x * 2) : mix(0xfc8d59, 0xb30000, x * 2 - 1);
    }

    static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /**
     * The canvas geometry of a frame: node screen positions (px) and links by node index. Arrays are read, never
     * changed.
     *
     * @param nodeRadius the node glyphs' radius in px (queued transfers wait just outside it)
     */
    public record Geometry(int n, double[] sx, double[] sy, int m, int[] lu, int[] lv, double nodeRadius) {
    }

    /**
     * How to draw, as plain values.
     *
     * @param glyphUnit pixels per glyph-radius unit (see {@link #glyphRadius})
     */
    public record Style(NodeColour nodeColour, LinkLoad linkLoad, LoadMeasure loadMeasure, double glyphUnit) {
    }

    /**
     * One frame's overlay. Arrays are owned by the snapshot and never changed after it is built.
     *
     * @param time         the cursor, virtual s
     * @param round        rounds finished at the cursor
     * @param glyphs       number of transfer glyphs; {@code gx, gy} centre (px), {@code gr} radius (px),
     *                     {@code grgb} colour, {@code gQueued} whether it waits at its sender
     * @param nodeState    per node, {@link #BUSY} | {@link #STRAGGLING} | {@link #DROPPED}
     * @param busyProgress per node, the share of its current computation done, in [0, 1] (0 when idle)
     * @param nodeValue    per node, the colouring quantity (NaN where unknown), or null when nodes are not coloured
     * @param valueMin     smallest finite {@code nodeValue} (NaN if none)
     * @param valueMax     largest finite {@code nodeValue} (NaN if none)
     * @param loaded       number of links with load &gt; 0; {@code loadLink} their indices, {@code loadValue} the
     *                     load (bits, or utilisation in [0, 1]), {@code loadNorm} the load scaled to [0, 1]
     * @param loadMax      the largest load this frame (the legend's top)
     */
    public record Snapshot(double time, int round, int glyphs, float[] gx, float[] gy, float[] gr, int[] grgb,
                           boolean[] gQueued, byte[] nodeState, float[] busyProgress, NodeColour quantity, double[] nodeValue,
                           double valueMin, double valueMax, LinkLoad linkLoad, LoadMeasure loadMeasure, int loaded,
                           int[] loadLink, double[] loadValue, float[] loadNorm, double loadMax) {

        /** The node's colour by the quantity, or -1 when not coloured. */
        public int nodeRgb(int i) {
            if (nodeValue == null) {
                return -1;
            }
            double v = nodeValue[i];
            if (Double.isNaN(v)) {
                return colourMap(Double.NaN);
            }
            double span = valueMax - valueMin;
            return colourMap(span > 0 ? (v - valueMin) / span : 0.5);
        }
    }

    /**
     * Links of the topology by node pair, with their latency (s) and bandwidth (bit/s), for the overlay's link
     * load. Immutable once built. Lookup O(log m).
     */
    public static final class LinkTable {
        private final long[] keys;
        private final int[] index;
        private final double[] latencyS;

        /**
         * @param lu        link endpoints (node indices)
         * @param lv        link endpoints
         * @param latencyS  per link, s
         */
        public LinkTable(int m, int[] lu, int[] lv, double[] latencyS) {
            long[] k = new long[m];
            for (int e = 0; e < m; e++) {
                k[e] = (pair(lu[e], lv[e]) << 20) | e; // sort by pair, keep the index (m < 2^20)
            }
            if (m >= 1 << 20) {
                throw new IllegalArgumentException("LinkTable: at most 2^20 links, got " + m);
            }
            Arrays.sort(k);
            keys = new long[m];
            index = new int[m];
            for (int e = 0; e < m; e++) {
                keys[e] = k[e] >>> 20;
                index[e] = (int) (k[e] & 0xFFFFF);
            }
            this.latencyS = latencyS.clone();
        }

        private static long pair(int u, int v) {
            int a = Math.min(u, v);
            int b = Math.max(u, v);
            return ((long) a << 21) | b; // node indices < 2^21
        }

        /** The link between nodes u and v (either direction), or -1. */
        public int find(int u, int v) {
            int i = Arrays.binarySearch(keys, pair(u, v));
            return i >= 0 ? index[i] : -1;
        }

        public double latencyS(int link) {
            return latencyS[link];
        }
    }

    /**
     * Builds a recording's snapshots frame after frame. Keeps the per-node "bits sent" accumulation between frames
     * (moving forward costs the hops queued meanwhile). JavaFX thread (the recording's thread).
     */
    public static final class Builder {
        /** Hops between checkpoints of the per-node bits accumulation. */
        static final int CHECKPOINT = 1 << 15;
        private static final int QUEUE_SLOTS = 8; // queued glyphs beyond this many stack on the last slot

        private final RunRecording rec;
        private final LinkTable links;
        private final int recNodes;
        // bits sent: hops [0, pos) summed per sender; checkpoints every CHECKPOINT hops
        private final long[] acc;
        private int pos;
        private long[][] checkpoints = new long[4][];
        // per-frame scratch (reused; results are copied into fresh arrays)
        private float[] gx = new float[256];
        private float[] gy = new float[256];
        private float[] gr = new float[256];
        private int[] grgb = new int[256];
        private boolean[] gq = new boolean[256];
        private int[] queueCount = new int[0];
        private int[] touchedQueue = new int[64];
        private double[] load = new double[0];
        private int[] touchedLoad = new int[64];
        private long[] queuedBits;

        public Builder(RunRecording rec, LinkTable links) {
            this.rec = rec;
            this.links = links;
            this.recNodes = rec.nodes();
            this.acc = new long[recNodes];
            this.queuedBits = new long[recNodes];
        }

        public RunRecording recording() {
            return rec;
        }

        /** The overlay at cursor {@code t}. */
        public Snapshot build(double t, Geometry g, Style style) {
            int n = Math.min(g.n(), recNodes);
            double[] sx = g.sx();
            double[] sy = g.sy();
            if (queueCount.length < 2 * g.m() + g.n()) {
                queueCount = new int[2 * g.m() + g.n()];
            }
            if (load.length < g.m()) {
                load = new double[g.m()];
            }
            boolean wantLoad = style.linkLoad() != LinkLoad.OFF;
            boolean util = style.loadMeasure() == LoadMeasure.UTILISATION;
            boolean wantBits = style.nodeColour() == NodeColour.BITS_SENT;
            if (wantBits) {
                Arrays.fill(queuedBits, 0);
            }
            int[] count = {0, 0, 0}; // glyphs, touched queues, touched loads
            double unit = style.glyphUnit();
            rec.forEachHopAt(t, (h, p) -> {
                int s = rec.hopSrc(h);
                int d = rec.hopDst(h);
                if (s < 0 || d < 0 || s >= n || d >= n) {
                    return;
                }
                long bits = rec.hopBits(h);
                boolean queued = p < 0;
                int link = links == null ? -1 : links.find(s, d);
                double x0 = sx[s], y0 = sy[s], x1 = sx[d], y1 = sy[d];
                double r = glyphRadius(bits, unit);
                double px, py;
                if (queued) {
                    if (wantBits) {
                        queuedBits[s] += bits; // not on the link yet
                    }
                    // Wait at the sender, just outside its glyph, in queue order along the way to the receiver.
                    int slot = link >= 0 ? 2 * link + (s < d ? 0 : 1) : 2 * g.m() + s;
                    int k = queueCount[slot]++;
                    if (k == 0) {
                        touchedQueue = push(touchedQueue, count[1]++, slot);
                    }
                    double dx = x1 - x0, dy = y1 - y0;
                    double len = Math.hypot(dx, dy);
                    double off = g.nodeRadius() + r * (1 + 2.2 * Math.min(k, QUEUE_SLOTS - 1));
                    if (len > 1e-9) {
                        off = Math.min(off, len / 2);
                        px = x0 + dx / len * off;
                        py = y0 + dy / len * off;
                    } else {
                        px = x0;
                        py = y0;
                    }
                } else {
                    double f = Double.isNaN(p) ? 0 : p; // arrival not known yet: at the sender
                    px = x0 + (x1 - x0) * f;
                    py = y0 + (y1 - y0) * f;
                    if (wantLoad && link >= 0) {
                        double v;
                        if (util) {
                            double arrive = rec.hopArrive(h);
                            boolean sending = Double.isNaN(arrive) || t < arrive - links.latencyS(link);
                            v = sending ? 0.5 : 0; // one of the link's two directions
                        } else {
                            v = bits;
                        }
                        if (v > 0) {
                            if (load[link] == 0) {
                                touchedLoad = push(touchedLoad, count[2]++, link);
                            }
                            load[link] += v;
                        }
                    }
                }
                int i = count[0]++;
                if (i == gx.length) {
                    int c = i * 2;
                    gx = Arrays.copyOf(gx, c);
                    gy = Arrays.copyOf(gy, c);
                    gr = Arrays.copyOf(gr, c);
                    grgb = Arrays.copyOf(grgb, c);
                    gq = Arrays.copyOf(gq, c);
                }
                gx[i] = (float) px;
                gy[i] = (float) py;
                gr[i] = (float) r;
                grgb[i] = KIND_RGB[rec.hopKind(h).ordinal()];
                gq[i] = queued;
            });
            int glyphs = count[0];
            for (int k = 0; k < count[1]; k++) {
                queueCount[touchedQueue[k]] = 0;
            }
            // link load
            int loaded = count[2];
            int[] loadLink = new int[loaded];
            double[] loadValue = new double[loaded];
            float[] loadNorm = new float[loaded];
            double loadMax = 0;
            for (int k = 0; k < loaded; k++) {
                int e = touchedLoad[k];
                loadLink[k] = e;
                loadValue[k] = util ? Math.min(1, load[e]) : load[e];
                load[e] = 0;
                loadMax = Math.max(loadMax, loadValue[k]);
            }
            for (int k = 0; k < loaded; k++) {
                double v = loadValue[k];
                loadNorm[k] = (float) (util ? v : Math.log1p(v) / Math.log1p(Math.max(loadMax, 1)));
            }
            if (util && loaded > 0) {
                loadMax = 1;
            }
            // nodes
            int rounds = rec.roundsFinishedAt(t);
            RunRecording.NodeSnapshot snap = snapshotAt(rounds);
            byte[] state = new byte[g.n()];
            float[] busy = new float[g.n()];
            for (int i = 0; i < n; i++) {
                int c = rec.computeAt(i, t);
                if (c >= 0) {
                    double s = rec.computeStart(i, c);
                    double e = rec.computeEnd(i, c);
                    state[i] |= BUSY;
                    busy[i] = (float) (e > s ? Math.max(0, Math.min(1, (t - s) / (e - s))) : 0);
                }
                if (snap != null) {
                    if (snap.straggling() != null && i < snap.straggling().length && snap.straggling()[i]) {
                        state[i] |= STRAGGLING;
                    }
                    if (snap.dropped() != null && i < snap.dropped().length && snap.dropped()[i]) {
                        state[i] |= DROPPED;
                    }
                }
            }
            double[] value = null;
            switch (style.nodeColour()) {
                case LOCAL_LOSS -> value = copyOf(snap == null ? null : snap.localLoss(), g.n());
                case DISTANCE_TO_MEAN -> value = copyOf(snap == null ? null : snap.distanceToMean(), g.n());
                case BITS_SENT -> {
                    advanceTo(rec.hopsQueuedBy(t));
                    value = new double[g.n()];
                    Arrays.fill(value, Double.NaN);
                    for (int i = 0; i < n; i++) {
                        value[i] = acc[i] - queuedBits[i];
                    }
                }
                default -> {
                }
            }
            double lo = Double.NaN, hi = Double.NaN;
            if (value != null) {
                for (double v : value) {
                    if (Double.isFinite(v)) {
                        lo = Double.isNaN(lo) ? v : Math.min(lo, v);
                        hi = Double.isNaN(hi) ? v : Math.max(hi, v);
                    }
                }
            }
            return new Snapshot(t, rounds, glyphs, Arrays.copyOf(gx, glyphs), Arrays.copyOf(gy, glyphs),
                    Arrays.copyOf(gr, glyphs), Arrays.copyOf(grgb, glyphs), Arrays.copyOf(gq, glyphs), state, busy,
                    style.nodeColour(), value, lo, hi, style.linkLoad(), style.loadMeasure(), loaded, loadLink, loadValue,
                    loadNorm, loadMax);
        }

        /** The snapshot after file round {@code rounds} (what holds during the next round), or null. */
        private RunRecording.NodeSnapshot snapshotAt(int rounds) {
            if (rounds <= 0) {
                return null;
            }
            List<RunRecording.NodeSnapshot> all = rec.snapshots();
            int k = Math.min(rounds, all.size()) - 1;
            if (k >= 0 && all.get(k).round() == rounds) {
                return all.get(k); // the usual case: one snapshot per round, in order
            }
            return rec.snapshotAtRound(rounds);
        }

        private static double[] copyOf(double[] v, int n) {
            double[] c = new double[n];
            Arrays.fill(c, Double.NaN);
            if (v != null) {
                System.arraycopy(v, 0, c, 0, Math.min(n, v.length));
            }
            return c;
        }

        /** Moves the bits accumulation to cover hops [0, end). */
        private void advanceTo(int end) {
            if (end < pos) {
                int c = end / CHECKPOINT;
                while (c > 0 && (c >= checkpoints.length || checkpoints[c] == null)) {
                    c--;
                }
                if (c == 0) {
                    Arrays.fill(acc, 0);
                } else {
                    System.arraycopy(checkpoints[c], 0, acc, 0, recNodes);
                }
                pos = c * CHECKPOINT;
            }
            while (pos < end) {
                int s = rec.hopSrc(pos);
                if (s >= 0 && s < recNodes) {
                    acc[s] += rec.hopBits(pos);
                }
                pos++;
                if (pos % CHECKPOINT == 0) {
                    int c = pos / CHECKPOINT;
                    if (c >= checkpoints.length) {
                        checkpoints = Arrays.copyOf(checkpoints, c * 2);
                    }
                    if (checkpoints[c] == null) {
                        checkpoints[c] = acc.clone();
                    }
                }
            }
        }

        private static int[] push(int[] a, int i, int v) {
            if (i == a.length) {
                a = Arrays.copyOf(a, i * 2);
            }
            a[i] = v;
            return a;
        }
    }
}

package org.edgeai.model.learning.compress;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.edgeai.model.learning.Seeds;

/**
 * The built-in compression schemes (ALGORITHMS.md "Compressors"; bits from DESIGN.md). The plugin
 * providers in {@code org.edgeai.plugins.compressors} delegate here.
 */
public final class Compressors {

    public static final List<String> TYPES = List.of("none", "fp16", "qsgd", "topk", "randk", "sign");

    private Compressors() {
    }

    /** The identity: 32d bits. */
    public static CompressionScheme none() {
        return NONE;
    }

    /** Each value rounded to half precision ({@link Fp16}): 16d bits. */
    public static CompressionScheme fp16() {
        return FP16;
    }

    /**
     * QSGD with s levels: with r = |v_k| / ||v||₂ · s and l = ⌊r⌋, value k becomes
     * ||v||₂ · sign(v_k) · ξ / s with ξ = l + 1 with probability r − l, else l. Unbiased.
     * 32 + d(1 + ⌈log2(s+1)⌉) bits (the norm, then per value a sign bit and the level).
     *
     * @param levels s &gt;= 1
     * @param seed   seed of the senders' streams
     */
    public static CompressionScheme qsgd(int levels, long seed) {
        return new Qsgd(levels, seed);
    }

    /**
     * Top-k: the k = max(1, round(ratio · d)) values of largest magnitude (ties to the lower index), the
     * rest zero. With {@code errorFeedback} the sender keeps e (starting at 0): p = v + e, it sends
     * topk(p) and keeps e = p − topk(p). k(32 + ⌈log2 d⌉) bits (value and index of each kept entry).
     *
     * @param ratio in [0, 1]
     */
    public static CompressionScheme topk(double ratio, boolean errorFeedback) {
        return new Topk(ratio, errorFeedback);
    }

    /**
     * Random-k: k = max(1, round(ratio · d)) positions chosen uniformly without replacement from a 32-bit
     * seed that travels with the message (so the receiver regenerates them), each kept value scaled by
     * d/k, the rest zero. Unbiased. 32k + 32 bits.
     *
     * @param ratio in [0, 1]
     * @param seed  seed of the senders' streams (which draw the per-message seeds)
     */
    public static CompressionScheme randk(double ratio, long seed) {
        return new Randk(ratio, seed);
    }

    /** Scaled sign: (||v||₁ / d) · sign(v), with sign(0) = +1 (one bit must say + or −). d + 32 bits. */
    public static CompressionScheme sign() {
        return SIGN;
    }

    /**
     * A scheme by type id and parameter values ({@code levels}, {@code ratio}, {@code errorFeedback},
     * with the providers' defaults when absent).
     *
     * @throws IllegalArgumentException for an unknown type, naming the types that exist
     */
    public static CompressionScheme create(String type, Map<String, ?> params, long seed) {
        return switch (type) {
            case "none" -> none();
            case "fp16" -> fp16();
            case "qsgd" -> qsgd(intParam(params, "levels", 16), seed);
            case "topk" -> topk(dblParam(params, "ratio", 0.05), boolParam(params, "errorFeedback", true));
            case "randk" -> randk(dblParam(params, "ratio", 0.05), seed);
            case "sign" -> sign();
            default -> throw new IllegalArgumentException("compression.type: unknown '" + type + "'; expected one of "
                    + String.join(", ", TYPES));
        };
    }

    private static int intParam(Map<String, ?> p, String k, int def) {
        Object v = p == null ? null : p.get(k);
        return v == null ? def : ((Number) v).intValue();
    }

    private static double dblParam(Map<String, ?> p, String k, double def) {
        Object v = p == null ? null : p.get(k);
        return v == null ? def : ((Number) v).doubleValue();
    }

    private static boolean boolParam(Map<String, ?> p, String k, boolean def) {
        Object v = p == null ? null : p.get(k);
        return v == null ? def : (Boolean) v;
    }

    /** k = max(1, round(ratio · d)), at most d (d &gt;= 1). */
    public static int keep(double ratio, int d) {
        return (int) Math.min(d, Math.max(1, Math.round(ratio * d)));
    }

    /** ⌈log2 x⌉ for x &gt;= 1. */
    public static int ceilLog2(long x) {
        if (x < 1) {
            throw new IllegalArgumentException("ceilLog2: expected x >= 1, got " + x);
        }
        return x == 1 ? 0 : 64 - Long.numberOfLeadingZeros(x - 1);
    }

    private static void checkD(int d) {
        if (d < 0) {
            throw new IllegalArgumentException("compress: expected a length d >= 0, got " + d);
        }
    }

    // ------------------------------------------------------------------------------------------- none

    private static final CompressionScheme NONE = new Stateless("none", "none", true) {
        @Override
        public long bits(int d) {
            checkD(d);
            return Math.max(1, 32L * d);
        }

        @Override
        void apply(float[] src, int so, float[] dst, int dOff, int d) {
            System.arraycopy(src, so, dst, dOff, d);
        }
    };

    // ------------------------------------------------------------------------------------------- fp16

    private static final CompressionScheme FP16 = new Stateless("fp16", "fp16", false) {
        @Override
        public long bits(int d) {
            checkD(d);
            return Math.max(1, 16L * d);
        }

        @Override
        void apply(float[] src, int so, float[] dst, int dOff, int d) {
            for (int k = 0; k < d; k++) {
                dst[dOff + k] = Fp16.round(src[so + k]);
            }
        }
    };

    // ------------------------------------------------------------------------------------------- sign

    private static final CompressionScheme SIGN = new Stateless("sign", "sign", false) {
        @Override
        public long bits(int d) {
            checkD(d);
            return d + 32L;
        }

        @Override
        void apply(float[] src, int so, float[] dst, int dOff, int d) {
            if (d == 0) {
                return;
            }
            double l1 = 0;
            for (int k = 0; k < d; k++) {
                l1 += Math.abs(src[so + k]);
            }
            float scale = (float) (l1 / d);
            for (int k = 0; k < d; k++) {
                dst[dOff + k] = src[so + k] < 0 ? -scale : scale;
            }
        }
    };

    /** A scheme without state or randomness: one shared compressor. */
    private abstract static class Stateless implements CompressionScheme, Compressor {
        private final String id;
        private final String description;
        private final boolean unbiased;

        Stateless(String id, String description, boolean unbiased) {
            this.id = id;
            this.description = description;
            this.unbiased = unbiased;
        }

        abstract void apply(float[] src, int so, float[] dst, int dOff, int d);

        @Override
        public String id() {
            return id;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public boolean unbiased() {
            return unbiased;
        }

        @Override
        public Compressor forSender(long sender) {
            return this;
        }

        @Override
        public CompressionScheme scheme() {
            return this;
        }

        @Override
        public long compress(float[] src, int srcOff, float[] dst, int dstOff, int d) {
            long b = bits(d);
            apply(src, srcOff, dst, dstOff, d);
            return b;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    // ------------------------------------------------------------------------------------------- qsgd

    private static final class Qsgd implements CompressionScheme {
        private final int levels;
        private final int levelBits;
        private final long seed;

        Qsgd(int levels, long seed) {
            if (levels < 1) {
                throw new IllegalArgumentException("qsgd.levels: expected an integer >= 1, got " + levels);
            }
            this.levels = levels;
            this.levelBits = ceilLog2(levels + 1L);
            this.seed = seed;
        }

        @Override
        public String id() {
            return "qsgd";
        }

        @Override
        public String describe() {
            return "qsgd(levels=" + levels + ")";
        }

        @Override
        public long bits(int d) {
            checkD(d);
            return 32L + (long) d * (1 + levelBits);
        }

        @Override
        public boolean unbiased() {
            return true;
        }

        @Override
        public Compressor forSender(long sender) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, sender));
            return new Compressor() {
                @Override
                public CompressionScheme scheme() {
                    return Qsgd.this;
                }

                @Override
                public long compress(float[] src, int so, float[] dst, int dOff, int d) {
                    long b = bits(d);
                    double sq = 0;
                    for (int k = 0; k < d; k++) {
                        sq += (double) src[so + k] * src[so + k];
                    }
                    double norm = Math.sqrt(sq);
                    float normF = (float) norm;
                    if (norm == 0 || normF == 0 || !Double.isFinite(norm)) {
                        // Zero vector: nothing to quantize. Non-finite: pass the norm through so the receiver sees it.
                        for (int k = 0; k < d; k++) {
                            dst[dOff + k] = norm == 0 || normF == 0 ? 0f : src[so + k] * Float.NaN;
                        }
                        return b;
                    }
                    // r = |v| / ||v|| * s (clamped to s against rounding). Stochastic rounding without a
                    // branch: ξ = floor(r + u), u ~ U[0, 1), is l + 1 exactly when u >= 1 − (r − l), which
                    // has probability r − l. The value sent is ξ · (normF / s).
                    double s = levels;
                    double toLevel = s / norm;
                    double step = normF / s;
                    for (int k = 0; k < d; k++) {
                        float v = src[so + k];
                        double r = Math.min(s, Math.abs(v) * toLevel);
                        int xi = (int) (r + rng.nextDouble());
                        float q = (float) (xi * step);
                        dst[dOff + k] = v < 0 ? -q : q;
                    }
                    return b;
                }
            };
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    // ------------------------------------------------------------------------------------------- topk

    private static final class Topk implements CompressionScheme {
        private final double ratio;
        private final boolean errorFeedback;

        Topk(double ratio, boolean errorFeedback) {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new IllegalArgumentException("topk.ratio: expected a number in [0, 1], got " + ratio);
            }
            this.ratio = ratio;
            this.errorFeedback = errorFeedback;
        }

        @Override
        public String id() {
            return "topk";
        }

        @Override
        public String describe() {
            return "topk(ratio=" + ratio + ", errorFeedback=" + errorFeedback + ")";
        }

        @Override
        public long bits(int d) {
            checkD(d);
            if (d == 0) {
                return 1;
            }
            long k = keep(ratio, d);
            return k * (32L + ceilLog2(d));
        }

        @Override
        public boolean unbiased() {
            return false;
        }

        @Override
        public Compressor forSender(long sender) {
            return new TopkCompressor(this);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Top-k with optional error memory; scratch and memory sized at the first message. */
    static final class TopkCompressor implements Compressor {
        private final Topk scheme;
        private float[] memory;
        private float[] p = new float[0];
        private float[] mag = new float[0];
        private float[] work = new float[0];

        TopkCompressor(Topk scheme) {
            this.scheme = scheme;
        }

        @Override
        public CompressionScheme scheme() {
            return scheme;
        }

        /** The error memory e (a copy), or zeros of length 0 before the first message / without feedback. */
        float[] memory() {
            return memory == null ? new float[0] : memory.clone();
        }

        @Override
        public long compress(float[] src, int so, float[] dst, int dOff, int d) {
            long b = scheme.bits(d);
            if (d == 0) {
                return b;
            }
            if (p.length < d) {
                p = new float[d];
                mag = new float[d];
                work = new float[d];
            }
            if (scheme.errorFeedback) {
                if (memory == null) {
                    memory = new float[d];
                } else if (memory.length != d) {
                    throw new IllegalArgumentException("topk with error feedback: this sender's memory holds "
                            + memory.length + " values, the message has " + d + " (use one compressor per stream)");
                }
                for (int i = 0; i < d; i++) {
                    p[i] = src[so + i] + memory[i];
                }
            } else {
                System.arraycopy(src, so, p, 0, d);
            }
            int k = keep(scheme.ratio, d);
            for (int i = 0; i < d; i++) {
                float a = Math.abs(p[i]);
                mag[i] = a != a ? Float.POSITIVE_INFINITY : a; // NaN counts as largest, so it is sent and visible
            }
            float thr = Select.kthLargest(mag, d, k, work);
            int greater = 0;
            for (int i = 0; i < d; i++) {
                greater += mag[i] > thr ? 1 : 0;
            }
            int ties = k - greater; // entries equal to the threshold still to keep, lowest index first
            for (int i = 0; i < d; i++) {
                float v = p[i];
                float m = mag[i];
                boolean keep = m > thr || (m == thr && ties-- > 0);
                dst[dOff + i] = keep ? v : 0f;
                if (scheme.errorFeedback) {
                    memory[i] = keep ? 0f : v;
                }
            }
            return b;
        }

    }

    // ------------------------------------------------------------------------------------------- randk

    private static final class Randk implements CompressionScheme {
        private final double ratio;
        private final long seed;

        Randk(double ratio, long seed) {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new IllegalArgumentException("randk.ratio: expected a number in [0, 1], got " + ratio);
            }
            this.ratio = ratio;
            this.seed = seed;
        }

        @Override
        public String id() {
            return "randk";
        }

        @Override
        public String describe() {
            return "randk(ratio=" + ratio + ")";
        }

        @Override
        public long bits(int d) {
            checkD(d);
            if (d == 0) {
                return 1;
            }
            return 32L * keep(ratio, d) + 32;
        }

        @Override
        public boolean unbiased() {
            return true;
        }

        @Override
        public Compressor forSender(long sender) {
            return new RandkCompressor(this, new SplittableRandom(Seeds.derive(seed, sender)));
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    static final class RandkCompressor implements Compressor {
        private final Randk scheme;
        private final SplittableRandom rng;
        private int[] perm = new int[0];
        private int[] partner = new int[0];
        private float[] kept = new float[0];
        private int lastSeed;

        RandkCompressor(Randk scheme, SplittableRandom rng) {
            this.scheme = scheme;
            this.rng = rng;
        }

        @Override
        public CompressionScheme scheme() {
            return scheme;
        }

        /** The 32-bit seed of the last message (what the receiver regenerates the positions from). */
        int lastSeed() {
            return lastSeed;
        }

        /**
         * The k positions a receiver derives from a message seed: the first k entries of a partial
         * Fisher–Yates shuffle of 0..d−1 driven by {@code new SplittableRandom(messageSeed)}.
         */
        static int[] positions(int messageSeed, int d, int k) {
            int[] p = new int[d];
            for (int i = 0; i < d; i++) {
                p[i] = i;
            }
            SplittableRandom r = new SplittableRandom(messageSeed);
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(d - i);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return Arrays.copyOf(p, k);
        }

        @Override
        public long compress(float[] src, int so, float[] dst, int dOff, int d) {
            long b = scheme.bits(d);
            if (d == 0) {
                return b;
            }
            int k = keep(scheme.ratio, d);
            if (perm.length != d) {
                perm = new int[d];
                for (int i = 0; i < d; i++) {
                    perm[i] = i;
                }
                partner = new int[d];
                kept = new float[d];
            }
            lastSeed = rng.nextInt();
            // Partial Fisher–Yates on the identity permutation (the same positions as positions()),
            // undone afterwards so that each message costs O(k), not O(d), besides writing dst.
            SplittableRandom r = new SplittableRandom(lastSeed);
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(d - i);
                partner[i] = j;
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                kept[i] = src[so + perm[i]]; // read before dst is written: src and dst may coincide
            }
            float scale = (float) ((double) d / k);
            Arrays.fill(dst, dOff, dOff + d, 0f);
            for (int i = 0; i < k; i++) {
                dst[dOff + perm[i]] = kept[i] * scale;
            }
            for (int i = k - 1; i >= 0; i--) {
                int j = partner[i];
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            return b;
        }
    }

    @Override
    public String toString() {
        return "Compressors" + Arrays.toString(TYPES.toArray());
    }
}

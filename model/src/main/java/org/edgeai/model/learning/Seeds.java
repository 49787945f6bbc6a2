package org.edgeai.model.learning;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic derivation of independent random streams from one seed, and the few random draws the
 * learning code needs, defined here so that results do not depend on a JDK's choice of algorithm.
 *
 * <p>A component that receives a seed derives one sub-seed per purpose with {@link #derive(long, String)}
 * (e.g. {@code "split"}, {@code "partition"}) and one per node with {@link #derive(long, long)}, so that
 * adding a draw in one place never shifts the numbers drawn in another.
 */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64's finalizer: a bijective mix of 64 bits with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The seed of the sub-stream called {@code name} (compared by its UTF-8 bytes) of {@code seed}. */
    public static long derive(long seed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(mix(seed) ^ h);
    }

    /** The seed of the sub-stream number {@code index} (e.g. a node index) of {@code seed}. */
    public static long derive(long seed, long index) {
        return mix(mix(seed + 0x9e3779b97f4a7c15L) ^ mix(index ^ 0x632be59bd9b4e019L));
    }

    /** A generator for the sub-stream {@code name} of {@code seed}. */
    public static SplittableRandom stream(long seed, String name) {
        return new SplittableRandom(derive(seed, name));
    }

    /**
     * A standard normal draw by the Marsaglia polar method over {@link SplittableRandom#nextDouble()}
     * (two uniforms per try, acceptance 78.5 %; the second value of a pair is discarded so that the
     * method keeps no state).
     */
    public static double normal(SplittableRandom rng) {
        while (true) {
            double u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    /** Fisher–Yates shuffle of the whole array, in place. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The identity permutation 0..n-1, shuffled. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }
}

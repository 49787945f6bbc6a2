package org.edgeai.model.engine.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one experiment seed, by name.
 *
 * <p>The seed of stream {@code name} is the first 8 bytes (big-endian) of
 * {@code SHA-256("edgeai-seed-streams/v1" || seed as 8 bytes big-endian || UTF-8 bytes of name)}. A stream
 * depends only on the experiment seed and its own name: adding, removing or reordering other streams never
 * changes it, and the derivation is the same on every JVM and platform. {@link #child(String)} gives a
 * nested family (its seed is {@code seed(name)}), so components can name their own sub-streams.
 *
 * <p>Names used by the engine: {@code engine.compute-speed} (per-node speed factors),
 * {@code engine.straggler} and {@code engine.dropout} (per-round faults). Other components pick their own
 * names (e.g. {@code algorithm}, {@code workload.partition}); the GUI uses its own streams so that watching
 * never changes results.
 *
 * <p>Immutable and thread-safe; {@link #stream(String)} returns a fresh generator at the start of the named
 * stream on every call (so two calls with the same name give the same sequence).
 */
public final class SeedStreams {

    private static final byte[] DOMAIN = "edgeai-seed-streams/v1".getBytes(StandardCharsets.US_ASCII);

    private final long seed;

    public SeedStreams(long seed) {
        this.seed = seed;
    }

    /** The experiment (or parent) seed this family is derived from. */
    public long rootSeed() {
        return seed;
    }

    /** The 64-bit seed of stream {@code name}. One SHA-256 over a few dozen bytes (about a microsecond). */
    public long seed(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("stream name must be a non-empty string, got " + (name == null ? "null" : "\"\""));
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        md.update(DOMAIN);
        for (int i = 7; i >= 0; i--) {
            md.update((byte) (seed >>> (8 * i)));
        }
        md.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] h = md.digest();
        long r = 0;
        for (int i = 0; i < 8; i++) {
            r = (r << 8) | (h[i] & 0xFF);
        }
        return r;
    }

    /** A new generator at the start of stream {@code name}. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(seed(name));
    }

    /** A {@link java.util.Random} seeded from stream {@code name}, for APIs that want one (JGraphT). */
    public Random random(String name) {
        return new Random(seed(name));
    }

    /** The family of streams nested under {@code name}. */
    public SeedStreams child(String name) {
        return new SeedStreams(seed(name));
    }

    // ------------------------------------------------------------ counter-based draws

    /**
     * A strong 64-bit mixing function (the SplitMix64 / MurmurHash3 finalizer): a bijection whose output bits
     * each depend on every input bit.
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform draw in [0, 1) that is a pure function of {@code (streamSeed, i, j)}: counter-based
     * randomness, so per-(round, node) draws do not depend on the order in which they are asked for.
     * Uses 53 bits of {@code mix64(mix64(streamSeed ^ mix64(i)) + j * golden)}.
     */
    public static double uniform(long streamSeed, long i, long j) {
        long h = mix64(mix64(streamSeed ^ mix64(i + 0x9E3779B97F4A7C15L)) + j * 0x9E3779B97F4A7C15L);
        return (h >>> 11) * 0x1.0p-53;
    }
}

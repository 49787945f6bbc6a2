package org.edgeai.model.experiment;

import java.nio.charset.StandardCharsets;

/**
 * Splits the one experiment seed into independent, named streams (DESIGN.md, Determinism): a component
 * gets {@code derive(seed, "its name")}, so adding a component never shifts the seed of another.
 *
 * <p>The formula, fixed for reproducibility across versions:
 * {@code derive(seed, name) = mix64(mix64(seed) XOR fnv1a64(UTF-8 bytes of name))}, where {@code mix64} is
 * SplitMix64's finalizer ({@code z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >>> 27;
 * z *= 0x94d049bb133111eb; z ^= z >>> 31}) and {@code fnv1a64} the 64-bit FNV-1a hash (offset basis
 * 0xcbf29ce484222325, prime 0x100000001b3). Both steps are bijections, so for one seed different names
 * give different streams and for one name different seeds give different streams.
 *
 * <p>Names in use: {@value #TOPOLOGY} (the topology generator), {@value #LAYOUT} (random layouts).
 */
public final class Seeds {

    /** The stream of the topology generator. */
    public static final String TOPOLOGY = "topology";
    /** The stream of random drawing layouts (never part of a run's results). */
    public static final String LAYOUT = "layout";

    private Seeds() {
    }

    /** The seed of stream {@code name} of experiment seed {@code seed}. O(length of name). */
    public static long derive(long seed, String name) {
        return mix64(mix64(seed) ^ fnv1a64(name));
    }

    /** SplitMix64's output finalizer (a bijection on 64-bit values). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}

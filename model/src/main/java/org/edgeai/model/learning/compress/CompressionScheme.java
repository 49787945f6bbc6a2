package org.edgeai.model.learning.compress;

/**
 * A configured compression scheme ({@code topk(ratio=0.05, errorFeedback=true)}, ...): immutable; it
 * states message sizes and makes one {@link Compressor} per sender.
 *
 * <p>Bit accounting (DESIGN.md), d = values in the message, never below 1 bit:
 * none 32d; fp16 16d; qsgd with s levels 32 + d(1 + ⌈log2(s+1)⌉); topk with k = max(1, round(ratio·d))
 * k(32 + ⌈log2 d⌉); randk 32k + 32; sign d + 32.
 */
public interface CompressionScheme {

    /** The type id: {@code none}, {@code fp16}, {@code qsgd}, {@code topk}, {@code randk}, {@code sign}. */
    String id();

    /** The id with its parameters, e.g. {@code qsgd(levels=16)}. */
    String describe();

    /** Exact size in bits of a message of {@code d} values (&gt;= 1). */
    long bits(int d);

    /** True when E[C(v)] = v (none, qsgd, randk); fp16 rounds, topk and sign are biased. */
    boolean unbiased();

    /**
     * The compressor of one sender; its random stream is {@code Seeds.derive(seed, sender)} and its memory
     * starts empty. Calling it twice with the same key gives two independent copies in the same state.
     */
    Compressor forSender(long sender);
}

package org.edgeai.model.learning.compress;

/**
 * One sender's compressor: turns a vector into the value its receivers use and reports the message's
 * exact size. Stateful schemes (top-k with error feedback) keep their memory here, and randomized ones
 * (qsgd, randk) their own random stream, so an algorithm keeps one {@code Compressor} per sending node
 * (from {@link CompressionScheme#forSender(long)}).
 *
 * <p>Works on plain {@code float[]} slices and allocates nothing per message (scratch is kept and reused).
 * Not thread-safe.
 */
public interface Compressor {

    /** The scheme this compressor belongs to. */
    CompressionScheme scheme();

    /**
     * Compresses {@code src[srcOff .. srcOff + d)}: writes the decompressed value the receiver uses to
     * {@code dst[dstOff .. dstOff + d)} (which may be the same slice as the source) and returns the exact
     * message size in bits, {@code scheme().bits(d)}.
     */
    long compress(float[] src, int srcOff, float[] dst, int dstOff, int d);

    /** Convenience (allocates): the decompressed value of the whole array {@code v}. */
    default float[] compress(float[] v) {
        float[] out = new float[v.length];
        compress(v, 0, out, 0, v.length);
        return out;
    }
}

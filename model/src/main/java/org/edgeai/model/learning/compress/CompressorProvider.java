package org.edgeai.model.learning.compress;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.Provider;

/**
 * A compression plugin ({@code none}, {@code fp16}, {@code qsgd}, {@code topk}, {@code randk},
 * {@code sign}, or a third party's), found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.edgeai.model.learning.compress.CompressorProvider}. Its id is the
 * {@code compression.type} of an experiment file; its parameters are that section's other keys
 * (the engine's own keys such as {@code direction} are removed before validation).
 */
public interface CompressorProvider extends Provider {

    /**
     * The configured scheme.
     *
     * @param params validated by {@link #validate(java.util.Map)}
     * @param seed   seed of the senders' random streams (ignored by deterministic schemes)
     */
    CompressionScheme create(Parameters params, long seed);
}

package org.edgeai.plugins.compressors;

import java.util.List;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** Stochastic quantization to s levels of |v_k|/||v||_2, unbiased: 32 + d(1 + ceil(log2(s+1))) bits. */
public final class QsgdCompressorProvider implements CompressorProvider {

    @Override
    public String id() {
        return "qsgd";
    }

    @Override
    public String displayName() {
        return "QSGD";
    }

    @Override
    public String description() {
        return "Stochastic quantization to s levels of |v_k|/||v||_2, unbiased: 32 + d(1 + ceil(log2(s+1))) bits.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of(
                ParameterDescriptor.integer("levels", 16L, 1L, 1L << 30, "quantization levels s (more levels: less noise, more bits)"));
    }

    @Override
    public CompressionScheme create(Parameters params, long seed) {
        return Compressors.qsgd(params.getInt("levels"), seed);
    }
}

package org.edgeai.plugins.compressors;

import java.util.List;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** Sends k = max(1, round(ratio*d)) values at positions drawn from a seed shared with the receiver, scaled by d/k, unbiased: 32k + 32 bits. */
public final class RandkCompressorProvider implements CompressorProvider {

    @Override
    public String id() {
        return "randk";
    }

    @Override
    public String displayName() {
        return "Random-k sparsification";
    }

    @Override
    public String description() {
        return "Sends k = max(1, round(ratio*d)) values at positions drawn from a seed shared with the receiver, scaled by d/k, unbiased: 32k + 32 bits.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of(
                ParameterDescriptor.real("ratio", 0.05, 0.0, 1.0, "share of the values kept"));
    }

    @Override
    public CompressionScheme create(Parameters params, long seed) {
        return Compressors.randk(params.getDouble("ratio"), seed);
    }
}

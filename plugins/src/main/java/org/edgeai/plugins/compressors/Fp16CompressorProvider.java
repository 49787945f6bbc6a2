package org.edgeai.plugins.compressors;

import java.util.List;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** Rounds every value to IEEE half precision (nearest, ties to even): 16d bits. */
public final class Fp16CompressorProvider implements CompressorProvider {

    @Override
    public String id() {
        return "fp16";
    }

    @Override
    public String displayName() {
        return "Half precision (fp16)";
    }

    @Override
    public String description() {
        return "Rounds every value to IEEE half precision (nearest, ties to even): 16d bits.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public CompressionScheme create(Parameters params, long seed) {
        return Compressors.fp16();
    }
}

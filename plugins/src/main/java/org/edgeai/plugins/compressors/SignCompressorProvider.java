package org.edgeai.plugins.compressors;

import java.util.List;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** Sends the sign of every value and the mean magnitude ||v||_1/d: d + 32 bits. Biased. */
public final class SignCompressorProvider implements CompressorProvider {

    @Override
    public String id() {
        return "sign";
    }

    @Override
    public String displayName() {
        return "Scaled sign";
    }

    @Override
    public String description() {
        return "Sends the sign of every value and the mean magnitude ||v||_1/d: d + 32 bits. Biased.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public CompressionScheme create(Parameters params, long seed) {
        return Compressors.sign();
    }
}

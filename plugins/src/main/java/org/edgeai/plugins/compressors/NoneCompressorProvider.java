package org.edgeai.plugins.compressors;

import java.util.List;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** Sends every value as a 32-bit float: 32d bits. */
public final class NoneCompressorProvider implements CompressorProvider {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public String displayName() {
        return "No compression";
    }

    @Override
    public String description() {
        return "Sends every value as a 32-bit float: 32d bits.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public CompressionScheme create(Parameters params, long seed) {
        return Compressors.none();
    }
}

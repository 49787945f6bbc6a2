package org.edgeai.plugins.compressors;

import java.util.List;

import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/** Sends the k = max(1, round(ratio*d)) largest-magnitude values with their indices: k(32 + ceil(log2 d)) bits; optional error feedback. */
public final class TopkCompressorProvider implements CompressorProvider {

    @Override
    public String id() {
        return "topk";
    }

    @Override
    public String displayName() {
        return "Top-k sparsification";
    }

    @Override
    public String description() {
        return "Sends the k = max(1, round(ratio*d)) largest-magnitude values with their indices: k(32 + ceil(log2 d)) bits; optional error feedback.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of(
                ParameterDescriptor.real("ratio", 0.05, 0.0, 1.0, "share of the values kept"),
                ParameterDescriptor.bool("errorFeedback", true, "add what was not sent to the next message"));
    }

    @Override
    public CompressionScheme create(Parameters params, long seed) {
        return Compressors.topk(params.getDouble("ratio"), params.getBoolean("errorFeedback"));
    }
}

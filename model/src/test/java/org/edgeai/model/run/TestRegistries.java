package org.edgeai.model.run;

import java.util.List;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.learning.compress.CompressionScheme;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.learning.compress.Compressors;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;

/** Registries for the runner's tests: no generators (topologies are listed), the test algorithms, two compressors. */
final class TestRegistries {

    private TestRegistries() {
    }

    /** A compressor provider delegating to {@link Compressors#create}, as the plugins do. */
    record Compressor(String id, List<ParameterDescriptor> parameters) implements CompressorProvider {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public String description() {
            return "test " + id;
        }

        @Override
        public CompressionScheme create(Parameters params, long seed) {
            return Compressors.create(id, params.asMap(), seed);
        }
    }

    static RunRegistries registries() {
        return new RunRegistries(ProviderRegistry.<GeneratorProvider>of("generator", List.of()),
                ProviderRegistry.<AlgorithmProvider>of("algorithm", List.of(new AveragingProvider(), new CentralAverageProvider())),
                ProviderRegistry.<CompressorProvider>of("compressor", List.of(
                        new Compressor("none", List.of()),
                        new Compressor("qsgd", List.of(ParameterDescriptor.integer("levels", 16L, 1L, 1L << 20, "levels"))),
                        new Compressor("topk", List.of(ParameterDescriptor.real("ratio", 0.05, 0.0, 1.0, "share kept"),
                                ParameterDescriptor.bool("errorFeedback", true, "error feedback"))))));
    }

}

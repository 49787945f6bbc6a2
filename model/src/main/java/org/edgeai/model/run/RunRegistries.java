package org.edgeai.model.run;

import java.util.List;
import java.util.Objects;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * The plugin families a run needs: topology generators, algorithms and compressors. The app builds them with
 * {@link ProviderRegistry#load} over its class loader (plus any plugin folder); tests assemble them with
 * {@link ProviderRegistry#of}.
 *
 * @param generators  {@code topology.generator.type}
 * @param algorithms  {@code algorithm.type}
 * @param compressors {@code compression.type}
 */
public record RunRegistries(ProviderRegistry<GeneratorProvider> generators, ProviderRegistry<AlgorithmProvider> algorithms,
                            ProviderRegistry<CompressorProvider> compressors) {

    public RunRegistries {
        Objects.requireNonNull(generators, "generators");
        Objects.requireNonNull(algorithms, "algorithms");
        Objects.requireNonNull(compressors, "compressors");
    }

    /** The three families found with {@link java.util.ServiceLoader} on {@code loader}. */
    public static RunRegistries load(ClassLoader loader) {
        return new RunRegistries(ProviderRegistry.load("generator", GeneratorProvider.class, loader),
                ProviderRegistry.load("algorithm", AlgorithmProvider.class, loader),
                ProviderRegistry.load("compressor", CompressorProvider.class, loader));
    }

    /** The messages of every provider that was found but disabled, generators first. */
    public List<String> failures() {
        return java.util.stream.Stream.of(generators.failures(), algorithms.failures(), compressors.failures())
                .flatMap(List::stream).toList();
    }
}

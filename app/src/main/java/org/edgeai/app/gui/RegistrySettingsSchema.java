package org.edgeai.app.gui;

import java.util.ArrayList;
import java.util.List;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.learning.Workloads;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.ProviderRegistry;

/**
 * The settings form's parameters from the plugins themselves: algorithms and compressors list exactly
 * the ids, defaults, ranges and help their providers declare (so the form and {@code run} agree), the
 * workload's task parameters come from {@link Workloads}; the network and run sections, which belong to
 * the run rather than to a plugin, keep the built-in descriptors.
 */
public final class RegistrySettingsSchema implements SettingsSchema {

    private static final ParameterDescriptor DIRECTION = ParameterDescriptor.choice("direction", "uplink",
            List.of("uplink", "both"), "Compress device-to-server messages only, or server-to-device ones too.");

    private final ProviderRegistry<AlgorithmProvider> algorithms;
    private final ProviderRegistry<CompressorProvider> compressors;
    private final BuiltInSettingsSchema runSections = new BuiltInSettingsSchema();

    public RegistrySettingsSchema(ProviderRegistry<AlgorithmProvider> algorithms,
                                  ProviderRegistry<CompressorProvider> compressors) {
        this.algorithms = algorithms;
        this.compressors = compressors;
    }

    public static RegistrySettingsSchema load(ClassLoader loader) {
        return new RegistrySettingsSchema(ProviderRegistry.load("algorithm", AlgorithmProvider.class, loader),
                ProviderRegistry.load("compressor", CompressorProvider.class, loader));
    }

    /** The algorithms the form lists (the same registry a run uses). */
    public ProviderRegistry<AlgorithmProvider> algorithms() {
        return algorithms;
    }

    /** The compressors the form lists (the same registry a run uses). */
    public ProviderRegistry<CompressorProvider> compressors() {
        return compressors;
    }

    /** Algorithm and compressor plugins that were found but disabled. */
    public List<String> failures() {
        List<String> f = new ArrayList<>(algorithms.failures());
        f.addAll(compressors.failures());
        return f;
    }

    @Override
    public List<String> sections() {
        return runSections.sections();
    }

    @Override
    public String typeKey(String section) {
        return runSections.typeKey(section);
    }

    @Override
    public List<String> types(String section) {
        return switch (section) {
            case "workload" -> Workloads.TASKS;
            case "algorithm" -> algorithms.ids();
            case "compression" -> compressors.ids();
            default -> runSections.types(section);
        };
    }

    @Override
    public List<ParameterDescriptor> parameters(String section, String type) {
        return switch (section) {
            case "workload" -> Workloads.TASKS.contains(type) ? Workloads.taskParameters(type) : List.of();
            case "algorithm" -> algorithms.find(type).map(AlgorithmProvider::parameters).orElse(List.of());
            case "compression" -> {
                List<ParameterDescriptor> p = new ArrayList<>(
                        compressors.find(type).map(CompressorProvider::parameters).orElse(List.of()));
                p.add(DIRECTION);
                yield p;
            }
            default -> runSections.parameters(section, type);
        };
    }
}

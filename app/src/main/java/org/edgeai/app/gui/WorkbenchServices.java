package org.edgeai.app.gui;

import java.util.Objects;

/**
 * The one place where the workbench's view models get the model and plugin code they use. The
 * application builds it in {@link WorkbenchApp} with {@link #defaults(ClassLoader)}; tests build their
 * own. The defaults are thin adapters over the model ({@code ExperimentFile}, {@code TopologyIO},
 * {@code org.edgeai.model.topology.analysis}), so the GUI reads, writes and analyses exactly as the
 * command line does.
 *
 * @param documents  experiment files (load/save)
 * @param exchange   topology import/export (GraphML, GML, DOT, JSON)
 * @param spectrum   mixing-matrix spectrum for the Spectrum view
 * @param generators topology generators for the Generate dialogs
 * @param settings   parameter descriptors for the experiment settings form
 * @param samples    samples in the Explorer (the first opens on a first start)
 */
public record WorkbenchServices(DocumentStore documents, TopologyExchange exchange, SpectrumService spectrum,
                                GeneratorCatalog generators, SettingsSchema settings, SampleCatalog samples) {

    public WorkbenchServices {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(generators, "generators");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(samples, "samples");
    }

    /** The application's services: generators found with ServiceLoader on {@code loader}, the rest built in. */
    public static WorkbenchServices defaults(ClassLoader loader) {
        GeneratorCatalog generators = GeneratorCatalog.load(loader);
        ExperimentFileStore documents = new ExperimentFileStore(generators.registry());
        TopologyIoExchange exchange = new TopologyIoExchange(generators.registry());
        return new WorkbenchServices(documents, exchange, new AnalysisSpectrumService(), generators,
                RegistrySettingsSchema.load(loader), new BundledSamples(documents, generators.registry()));
    }

    /**
     * The registries a run needs ({@code RunPlan.of}): the generators of {@link #generators()} and the algorithms
     * and compressors of the settings form when it is a {@link RegistrySettingsSchema} (so the form and the run
     * agree), else those found with ServiceLoader on this class's loader, as the command line's {@code Workspace}
     * finds them.
     */
    public org.edgeai.model.run.RunRegistries runRegistries() {
        if (settings instanceof RegistrySettingsSchema r) {
            return new org.edgeai.model.run.RunRegistries(generators.registry(), r.algorithms(), r.compressors());
        }
        ClassLoader l = WorkbenchServices.class.getClassLoader();
        return new org.edgeai.model.run.RunRegistries(generators.registry(),
                org.edgeai.model.spi.ProviderRegistry.load("algorithm", org.edgeai.model.engine.AlgorithmProvider.class, l),
                org.edgeai.model.spi.ProviderRegistry.load("compressor",
                        org.edgeai.model.learning.compress.CompressorProvider.class, l));
    }

    /** Plugins found but disabled (they threw while loading or describing themselves), one line each. */
    public java.util.List<String> pluginFailures() {
        java.util.List<String> f = new java.util.ArrayList<>(generators.failures());
        if (settings instanceof RegistrySettingsSchema r) {
            f.addAll(r.failures());
        }
        return f;
    }

    public WorkbenchServices withGenerators(GeneratorCatalog g) {
        return new WorkbenchServices(documents, exchange, spectrum, g, settings, samples);
    }

    public WorkbenchServices withSamples(SampleCatalog c) {
        return new WorkbenchServices(documents, exchange, spectrum, generators, settings, c);
    }

    public WorkbenchServices withDocuments(DocumentStore d) {
        return new WorkbenchServices(d, exchange, spectrum, generators, settings, samples);
    }
}

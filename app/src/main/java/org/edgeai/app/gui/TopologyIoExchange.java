package org.edgeai.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.io.TopologyFormat;
import org.edgeai.model.io.TopologyIO;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.GeneratorProvider;

/** File &gt; Import / Export through the model's {@link TopologyIO}: GraphML, GML, DOT and JSON. */
public final class TopologyIoExchange implements TopologyExchange {

    private static final List<String> FORMATS = List.of("graphml", "gml", "dot", "json");

    private final ProviderRegistry<GeneratorProvider> generators;

    public TopologyIoExchange(ProviderRegistry<GeneratorProvider> generators) {
        this.generators = generators;
    }

    @Override
    public List<String> importFormats() {
        return FORMATS;
    }

    @Override
    public List<String> exportFormats() {
        return FORMATS;
    }

    @Override
    public Topology importTopology(Path file, String format) throws IOException {
        return TopologyIO.read(Files.readString(file), format(format), file.getFileName().toString(), generators,
                org.edgeai.model.topology.TopologyDefaults.standard());
    }

    @Override
    public void exportTopology(Topology topology, Path file, String format) throws IOException {
        ExperimentFile.writeAtomically(file, TopologyIO.toString(topology, format(format)));
    }

    private static TopologyFormat format(String id) {
        return TopologyFormat.of(Path.of("x." + id.toLowerCase(Locale.ROOT)));
    }
}

package org.edgeai.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.experiment.TopologySpec;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * Experiment files for the editor, through the model's {@link ExperimentFile}: the same parser, validation
 * and located messages as the command line, so a file the GUI saves runs identically with {@code run}.
 *
 * <p>A topology the user has not changed since it was loaded keeps the section it came from (a generator
 * stays a generator); an edited one is saved as listed nodes and links.
 */
public final class ExperimentFileStore implements DocumentStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderRegistry<GeneratorProvider> generators;
    /** The topology section each loaded file came with, and the topology it built, by absolute path. */
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();

    private record Loaded(TopologySpec spec, Topology built) {
    }

    public ExperimentFileStore(ProviderRegistry<GeneratorProvider> generators) {
        this.generators = generators;
    }

    @Override
    public EditorDocumentData load(Path file) throws IOException {
        try {
            Experiment e = ExperimentFile.load(file, generators);
            Topology t = e.buildTopology(generators);
            loaded.put(file.toAbsolutePath().normalize(), new Loaded(e.topology(), t.copy()));
            return toDocument(e, t);
        } catch (ExperimentFileException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex); // DocumentStore's contract: located, one line
        }
    }

    /** The document of an experiment read from text (a bundled sample); {@code origin} names it in messages. */
    public EditorDocumentData read(String json, String origin) {
        try {
            Experiment e = ExperimentFile.fromJson(json, origin, generators);
            return toDocument(e, e.buildTopology(generators));
        } catch (ExperimentFileException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    @Override
    public void save(EditorDocumentData data, Path file) throws IOException {
        Loaded before = loaded.get(file.toAbsolutePath().normalize());
        TopologySpec spec = before != null && before.built().equals(data.topology())
                ? before.spec()
                : TopologySpec.listed(data.topology(), TopologyDefaults.standard());
        Experiment e = toExperiment(data.settings(), spec);
        try {
            ExperimentFile.save(e, file);
        } catch (ExperimentFileException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        loaded.put(file.toAbsolutePath().normalize(), new Loaded(spec, data.topology().copy()));
    }

    static EditorDocumentData toDocument(Experiment e, Topology t) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (Map.Entry<String, Section> s : e.sections().entrySet()) {
            sections.put(s.getKey(), JSON.convertValue(s.getValue().json(), new TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("rounds", e.rounds());
        sections.put("run", run);
        return new EditorDocumentData(new ExperimentSettings(e.name(), e.description(), e.seed(), sections), t);
    }

    static Experiment toExperiment(ExperimentSettings s, TopologySpec spec) {
        Experiment e = Experiment.of(spec).withName(s.name()).withDescription(s.description()).withSeed(s.seed());
        for (Map.Entry<String, Map<String, Object>> sec : s.sections().entrySet()) {
            if (sec.getKey().equals("run")) {
                Object r = sec.getValue().get("rounds");
                if (r instanceof Number n) {
                    e = e.withRounds(n.longValue());
                }
            } else if (!sec.getValue().isEmpty()) {
                ObjectNode node = JSON.valueToTree(sec.getValue());
                e = e.withSection(Section.of(sec.getKey(), node));
            }
        }
        return e;
    }
}

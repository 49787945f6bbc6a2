package org.edgeai.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.io.TopologyFormat;
import org.edgeai.model.io.TopologyIO;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.TopologyDefaults;

/**
 * The files of {@code sample-topologies/}, bundled in the jar under {@code samples/} and listed, in the
 * Explorer's order, by {@code samples/INDEX} (a test checks that it names every file of the folder). The
 * first one opens on a first start.
 */
public final class BundledSamples implements SampleCatalog {

    static final String ROOT = "samples/";

    private final ExperimentFileStore store;
    private final ProviderRegistry<GeneratorProvider> generators;
    private final List<Sample> samples;

    public BundledSamples(ExperimentFileStore store, ProviderRegistry<GeneratorProvider> generators) {
        this.store = store;
        this.generators = generators;
        this.samples = readIndex();
    }

    /** File names listed in {@code samples/INDEX}, comments (#) and blank lines skipped. */
    static List<String> index() {
        String text = resource("INDEX");
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                names.add(l);
            }
        }
        return names;
    }

    private static List<Sample> readIndex() {
        ObjectMapper json = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        for (String name : index()) {
            String title = name;
            String description = "";
            if (name.endsWith(".json")) {
                try {
                    JsonNode root = json.readTree(resource(name));
                    title = root.path("name").asText(name);
                    description = root.path("description").asText("");
                } catch (IOException e) {
                    description = "unreadable: " + e.getMessage();
                }
            } else {
                description = "A topology in " + name.substring(name.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT)
                        + " (" + name + ")";
            }
            out.add(new Sample(name, title, description));
        }
        return List.copyOf(out);
    }

    @Override
    public List<Sample> samples() {
        return samples;
    }

    @Override
    public EditorDocumentData open(String id) {
        if (samples.stream().noneMatch(s -> s.id().equals(id))) {
            throw new IllegalArgumentException("unknown sample '" + id + "'; expected one of "
                    + String.join(", ", samples.stream().map(Sample::id).toList()));
        }
        String text = resource(id);
        TopologyFormat f = TopologyFormat.of(java.nio.file.Path.of(id));
        if (f == TopologyFormat.JSON) {
            return store.read(text, id);
        }
        String base = id.substring(0, id.lastIndexOf('.'));
        return new EditorDocumentData(ExperimentSettings.defaults(base),
                TopologyIO.read(text, f, id, generators, TopologyDefaults.standard()));
    }

    static String resource(String name) {
        try (InputStream in = BundledSamples.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("sample '" + name + "' is not bundled (missing " + ROOT + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

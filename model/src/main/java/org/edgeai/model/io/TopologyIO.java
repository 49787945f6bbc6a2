package org.edgeai.model.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.JsonDocument;
import org.edgeai.model.experiment.PrettyJson;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.experiment.TopologySpec;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * Reads and writes topologies in the formats of {@link TopologyFormat}, chosen by file extension, so graphs
 * move to and from NetworkX, Gephi and Graphviz.
 *
 * <p>Attributes in every format: nodes {@code kind, computeGflops, memoryMb, x, y, label, accessMbps}, links
 * {@code bandwidthMbps, latencyMs, weight} (GML writes the display label as {@code displayLabel}, since
 * NetworkX keeps node names in {@code label}). What a file does not give takes the defaults (standard ones,
 * or those passed in); without positions for every node the {@code force} layout places them. Every format
 * writes every property, so write → read gives an equal topology (same nodes, links, order and values).
 *
 * <p>Problems in a file are {@link ExperimentFileException}s (GraphML, GML, DOT: {@link TopologyFileException})
 * naming the file, the line and column where known, what was expected and what was got. All methods are
 * O(size of the file) plus the layout's cost when positions are missing.
 */
public final class TopologyIO {

    private TopologyIO() {
    }

    /**
     * Reads a topology, the format chosen by extension.
     *
     * @param generators for JSON files that use a generator (an experiment file or a topology section)
     * @throws IllegalArgumentException for an unknown extension, listing the known ones
     * @throws ExperimentFileException  for a problem in the file or a file that cannot be read
     */
    public static Topology read(Path file, ProviderRegistry<GeneratorProvider> generators) {
        return read(file, generators, TopologyDefaults.standard());
    }

    /** As {@link #read(Path, ProviderRegistry)}, missing attributes of GraphML, GML and DOT taking {@code defaults}. */
    public static Topology read(Path file, ProviderRegistry<GeneratorProvider> generators, TopologyDefaults defaults) {
        TopologyFormat format = TopologyFormat.of(file);
        String origin = String.valueOf(file.getFileName());
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new TopologyFileException(origin, 0, 0, "cannot read the file: no such file " + file, e);
        } catch (CharacterCodingException e) {
            throw new TopologyFileException(origin, 0, 0, "cannot read the file: it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new TopologyFileException(origin, 0, 0, "cannot read the file: " + e, e);
        }
        return read(text, format, origin, generators, defaults);
    }

    /**
     * Reads a topology from text.
     *
     * @param origin the name used in messages, e.g. the file name
     */
    public static Topology read(String text, TopologyFormat format, String origin,
                                ProviderRegistry<GeneratorProvider> generators, TopologyDefaults defaults) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return switch (format) {
            case JSON -> readJson(text, origin, generators);
            case GRAPHML -> GraphMlFormat.read(new StringReader(text), origin).toTopology(defaults);
            case GML -> GmlFormat.read(text, origin).toTopology(defaults);
            case DOT -> DotFormat.read(text, origin).toTopology(defaults);
        };
    }

    private static Topology readJson(String text, String origin, ProviderRegistry<GeneratorProvider> generators) {
        JsonDocument doc = JsonDocument.parse(text, origin);
        Section root = doc.rootSection();
        if (root.has("schemaVersion") || root.has("topology")) {
            return ExperimentFile.read(doc, generators).buildTopology(generators);
        }
        return TopologySpec.parse(root, generators).build(generators, 0);
    }

    /**
     * Writes a topology, the format chosen by extension, replacing the file atomically where possible.
     *
     * @throws IllegalArgumentException for an unknown extension, or a name or label the format cannot hold
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void write(Topology t, Path file) {
        ExperimentFile.writeAtomically(file, toString(t, TopologyFormat.of(file)));
    }

    /** The topology as the text of a file of {@code format}. */
    public static String toString(Topology t, TopologyFormat format) {
        return switch (format) {
            case JSON -> PrettyJson.write(TopologySpec.listed(t, null).toJson(false));
            case GRAPHML -> GraphMlFormat.write(t);
            case GML -> GmlFormat.write(t);
            case DOT -> DotFormat.write(t);
        };
    }
}

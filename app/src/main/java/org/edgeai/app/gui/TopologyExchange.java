package org.edgeai.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.edgeai.model.topology.Topology;

/**
 * Topology import and export in other tools' formats (File &gt; Import / Export). Called on a background
 * thread. Built in: {@link SimpleTopologyExchange} (JSON and DOT); after the merge, an adapter over
 * {@code org.edgeai.model.io.TopologyIO} adds GraphML and GML.
 */
public interface TopologyExchange {

    /** Format ids the user can import, e.g. {@code json}, {@code graphml}; also the file extensions. */
    List<String> importFormats();

    List<String> exportFormats();

    /**
     * @param format one of {@link #importFormats()}
     * @throws IllegalArgumentException for invalid content or an unknown format (listing the known ones)
     */
    Topology importTopology(Path file, String format) throws IOException;

    /** @param format one of {@link #exportFormats()} */
    void exportTopology(Topology topology, Path file, String format) throws IOException;

    /** The format of a file by its extension, if known for import. */
    default java.util.Optional<String> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return importFormats().contains(ext) ? java.util.Optional.of(ext) : java.util.Optional.empty();
    }
}

package org.edgeai.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgeai.app.gui.doc.EditorDocumentData;
import org.junit.jupiter.api.Test;

/** The Explorer's samples: INDEX names every file of sample-topologies/, and each one opens. */
class BundledSamplesTest {

    @Test
    void indexListsExactlyTheSampleFolder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("../sample-topologies"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("INDEX")).sorted().toList();
        }
        assertEquals(onDisk, BundledSamples.index().stream().sorted().toList(),
                "sample-topologies/INDEX must list every sample file once");
    }

    @Test
    void everySampleOpensWithItsTopology() {
        WorkbenchServices services = WorkbenchServices.defaults(getClass().getClassLoader());
        SampleCatalog catalog = services.samples();
        assertEquals("ring-16.json", catalog.samples().get(0).id(), "the first sample is the one a first start opens");
        for (SampleCatalog.Sample s : catalog.samples()) {
            EditorDocumentData d = assertDoesNotFail(() -> catalog.open(s.id()), s.id());
            assertTrue(d.topology().nodeCount() >= 2, s.id() + " has a topology");
            assertTrue(!s.title().isBlank(), s.id());
        }
        assertEquals(16, catalog.samples().stream().filter(s -> s.id().equals("ring-16.json")).findFirst()
                .map(s -> assertDoesNotFail(() -> catalog.open(s.id()), s.id()).topology().nodeCount()).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalog.open("nope.json"));
        assertTrue(e.getMessage().contains("ring-16.json"), e.getMessage());
    }

    interface Open {
        EditorDocumentData open() throws IOException;
    }

    static EditorDocumentData assertDoesNotFail(Open o, String id) {
        try {
            return o.open();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("sample " + id + " does not open: " + e.getMessage(), e);
        }
    }
}

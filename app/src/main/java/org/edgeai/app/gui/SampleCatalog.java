package org.edgeai.app.gui;

import java.io.IOException;
import java.util.List;

import org.edgeai.app.gui.doc.EditorDocumentData;

/** The samples the Explorer lists; the first one opens on a first start. */
public interface SampleCatalog {

    /**
     * @param id          stable id
     * @param title       shown in the Explorer
     * @param description tooltip
     */
    record Sample(String id, String title, String description) {
    }

    List<Sample> samples();

    /** @throws IllegalArgumentException naming the known ids */
    EditorDocumentData open(String id) throws IOException;
}

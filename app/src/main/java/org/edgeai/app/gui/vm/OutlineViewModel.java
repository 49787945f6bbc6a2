package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;

/**
 * The Outline view: every node and link of the active editor as a table row, filtered by a text that
 * matches any column (case-insensitive). Rebuilt in O(n + m) after each edit.
 */
public final class OutlineViewModel {

    /**
     * @param element "node" or "link"
     * @param id      node id or "a -- b"
     * @param kind    node kind (with device subtype) or "link"
     * @param label   node label
     * @param detail  compute and memory, or bandwidth and latency
     * @param link    the link's key, or {@code null} for a node
     */
    public record Row(String element, String id, String kind, String label, String detail, LinkKey link) {
        boolean matches(String f) {
            return f.isEmpty() || id.toLowerCase(Locale.ROOT).contains(f) || kind.contains(f)
                    || label.toLowerCase(Locale.ROOT).contains(f) || detail.toLowerCase(Locale.ROOT).contains(f)
                    || element.contains(f);
        }
    }

    private final ObjectProperty<TopologyEditorViewModel> editor = new SimpleObjectProperty<>();
    private final ObservableList<Row> all = FXCollections.observableArrayList();
    private final FilteredList<Row> rows = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty("");
    private final InvalidationListener revisionListener = o -> rebuild();

    public OutlineViewModel() {
        editor.addListener((o, old, now) -> {
            if (old != null) {
                old.document().revisionProperty().removeListener(revisionListener);
            }
            if (now != null) {
                now.document().revisionProperty().addListener(revisionListener);
            }
            rebuild();
        });
        filter.addListener((o, a, b) -> {
            String f = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            rows.setPredicate(r -> r.matches(f));
        });
    }

    public ObjectProperty<TopologyEditorViewModel> editorProperty() {
        return editor;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The rows that pass the filter, nodes first, in the topology's order. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** Selects the rows' elements in the editor (the table's selection drives the canvas's). */
    public void select(List<Row> chosen) {
        TopologyEditorViewModel ed = editor.get();
        if (ed == null) {
            return;
        }
        java.util.Set<String> nodes = new java.util.LinkedHashSet<>();
        java.util.Set<LinkKey> links = new java.util.LinkedHashSet<>();
        for (Row r : chosen) {
            if (r.link() == null) {
                nodes.add(r.id());
            } else {
                links.add(r.link());
            }
        }
        ed.selectOnly(nodes, links);
    }

    private void rebuild() {
        TopologyEditorViewModel ed = editor.get();
        List<Row> out = new ArrayList<>();
        if (ed != null) {
            for (Node n : ed.topology().nodes()) {
                String kind = n.kind().id() + org.edgeai.app.gui.DeviceType.of(n).map(t -> " (" + t.id() + ")").orElse("");
                out.add(new Row("node", n.id(), kind, n.label(),
                        String.format(Locale.ROOT, "%.4g GFLOP/s, %.0f MB", n.computeGflops(), n.memoryMb()), null));
            }
            for (Link l : ed.topology().links()) {
                out.add(new Row("link", l.key().toString(), "link", "",
                        String.format(Locale.ROOT, "%.4g Mbit/s, %.4g ms", l.bandwidthMbps(), l.latencyMs()), l.key()));
            }
        }
        all.setAll(out);
    }
}

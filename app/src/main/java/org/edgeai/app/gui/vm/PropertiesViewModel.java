package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;

/**
 * The Properties view: the rows for the active editor's selection (nodes, links, or both), or for the
 * experiment when nothing is selected. Multi-edit: setting a row changes every selected element of that
 * category as one undoable edit. An invalid value (e.g. compute &le; 0) is refused with the model's
 * message in {@link #errorProperty()} and the Console.
 */
public final class PropertiesViewModel {

    public static final String EXPERIMENT = "Experiment";
    public static final String NODES = "Nodes";
    public static final String LINKS = "Links";

    private final ConsoleViewModel console;
    private final ObjectProperty<TopologyEditorViewModel> editor = new SimpleObjectProperty<>();
    private final ObservableList<PropertyItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final SetChangeListener<Object> selectionListener = c -> rebuild();
    private final InvalidationListener revisionListener = o -> refresh();

    public PropertiesViewModel(ConsoleViewModel console) {
        this.console = console;
        editor.addListener((o, old, now) -> {
            if (old != null) {
                old.selectedNodes().removeListener(selectionListener);
                old.selectedLinks().removeListener(selectionListener);
                old.document().revisionProperty().removeListener(revisionListener);
            }
            if (now != null) {
                now.selectedNodes().addListener(selectionListener);
                now.selectedLinks().addListener(selectionListener);
                now.document().revisionProperty().addListener(revisionListener);
            }
            rebuild();
        });
    }

    /** The editor whose selection is shown (the active one); {@code null} shows nothing. */
    public ObjectProperty<TopologyEditorViewModel> editorProperty() {
        return editor;
    }

    public ObservableList<PropertyItem> items() {
        return items;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The row named {@code name} in {@code category}. */
    public PropertyItem item(String category, String name) {
        return items.stream().filter(i -> i.category().equals(category) && i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no property " + category + "/" + name + " in " + items));
    }

    private void refresh() {
        items.forEach(PropertyItem::refresh);
    }

    private void rebuild() {
        TopologyEditorViewModel ed = editor.get();
        items.setAll(ed == null ? List.of() : rows(ed, ed.selectedNodes().size(), ed.selectedLinks().size()));
    }

    private List<PropertyItem> rows(TopologyEditorViewModel ed, int n, int m) {
        List<PropertyItem> out = new ArrayList<>();
        if (n == 0 && m == 0) {
            experimentItems(ed, out);
        }
        // Categories do not name the selection, so clicking from one node to another keeps the rows'
        // shape and the view can keep its editors (the "Selected" row says what is selected).
        if (n > 0) {
            out.add(new PropertyItem(NODES, "Selected", "The selected nodes.", String.class, () -> ed.selectedNodes().size() == 1
                    ? ed.selectedNodes().iterator().next() : ed.selectedNodes().size() + " nodes", null));
            nodeItems(ed, NODES, out);
        }
        if (m > 0) {
            out.add(new PropertyItem(LINKS, "Selected", "The selected links.", String.class, () -> ed.selectedLinks().size() == 1
                    ? ed.selectedLinks().iterator().next().toString() : ed.selectedLinks().size() + " links", null));
            linkItems(ed, LINKS, out);
        }
        return out;
    }

    /**
     * The four shapes the rows can take (experiment; nodes; links; nodes and links), over an empty
     * experiment: a view can build its editors for each once, up front, and later only re-point them.
     */
    public List<List<PropertyItem>> shapes() {
        var doc = new org.edgeai.app.gui.doc.EditorDocument(new org.edgeai.app.gui.doc.EditorDocumentData(
                org.edgeai.app.gui.doc.ExperimentSettings.defaults("shape"), new org.edgeai.model.topology.Topology()), null);
        TopologyEditorViewModel ed = new TopologyEditorViewModel(doc, UiExecutors.synchronous(), console, new TopologyClipboard());
        return List.of(rows(ed, 0, 0), rows(ed, 1, 0), rows(ed, 0, 1), rows(ed, 1, 1));
    }

    private void experimentItems(TopologyEditorViewModel ed, List<PropertyItem> out) {
        var doc = ed.document();
        out.add(new PropertyItem(EXPERIMENT, "Name", "Shown in the Explorer and the run table.", String.class,
                () -> doc.settings().name(), v -> guard(() -> doc.editSettings("Rename experiment",
                        doc.settings().withName(Objects.toString(v, "").isBlank() ? reject("name must not be empty") : v.toString())))));
        out.add(new PropertyItem(EXPERIMENT, "Description", "Free text.", String.class,
                () -> doc.settings().description(), v -> guard(() -> doc.editSettings("Edit description",
                        doc.settings().withDescription(Objects.toString(v, ""))))));
        out.add(new PropertyItem(EXPERIMENT, "Seed", "The experiment's seed: same seed, same run.", Long.class,
                () -> doc.settings().seed(), v -> guard(() -> doc.editSettings("Set seed",
                        doc.settings().withSeed(asLong("Seed", v))))));
        out.add(new PropertyItem(EXPERIMENT, "Nodes", "Number of nodes.", Integer.class, () -> doc.topology().nodeCount(), null));
        out.add(new PropertyItem(EXPERIMENT, "Links", "Number of links.", Integer.class, () -> doc.topology().linkCount(), null));
    }

    private void nodeItems(TopologyEditorViewModel ed, String cat, List<PropertyItem> out) {
        out.add(nodeItem(ed, cat, "Label", "Text beside the glyph; a device label starting with phone, sensor, vehicle "
                + "or drone picks that icon.", String.class, Node::label, (n, v) -> n.withLabel(Objects.toString(v, ""))));
        out.add(nodeItem(ed, cat, "Kind", "device, server or cloud.", NodeKind.class, Node::kind,
                (n, v) -> n.withKind(v instanceof NodeKind k ? k : NodeKind.fromId(String.valueOf(v).toLowerCase(Locale.ROOT)))));
        out.add(nodeItem(ed, cat, "Compute (GFLOP/s)", "Effective compute speed, > 0.", Double.class, Node::computeGflops,
                (n, v) -> n.withCompute(asDouble("Compute", v))));
        out.add(nodeItem(ed, cat, "Memory (MB)", "Memory, > 0.", Double.class, Node::memoryMb,
                (n, v) -> n.withMemory(asDouble("Memory", v))));
        out.add(nodeItem(ed, cat, "Access (Mbit/s)", "Shared access capacity of a server or cloud; empty for none.",
                Double.class, Node::accessMbps, (n, v) -> n.withAccessMbps(v == null ? null : asDouble("Access", v))));
        out.add(nodeItem(ed, cat, "X", "Drawing position.", Double.class, Node::x, (n, v) -> n.withPosition(asDouble("X", v), n.y())));
        out.add(nodeItem(ed, cat, "Y", "Drawing position.", Double.class, Node::y, (n, v) -> n.withPosition(n.x(), asDouble("Y", v))));
    }

    private void linkItems(TopologyEditorViewModel ed, String cat, List<PropertyItem> out) {
        out.add(linkItem(ed, cat, "Bandwidth (Mbit/s)", "Capacity of each direction, > 0.", Link::bandwidthMbps,
                (l, v) -> l.withBandwidth(asDouble("Bandwidth", v))));
        out.add(linkItem(ed, cat, "Latency (ms)", "Propagation latency, >= 0.", Link::latencyMs,
                (l, v) -> l.withLatency(asDouble("Latency", v))));
        out.add(linkItem(ed, cat, "Weight", "Mixing weight for the custom rule; empty for none.", Link::weight,
                (l, v) -> l.withWeight(v == null ? null : asDouble("Weight", v))));
    }

    private PropertyItem nodeItem(TopologyEditorViewModel ed, String cat, String name, String help, Class<?> type,
                                  Function<Node, Object> get, java.util.function.BiFunction<Node, Object, Node> set) {
        return new PropertyItem(cat, name, help, type, () -> common(ed.topology(), ed.selectedNodes(), get), v -> guard(() -> {
            Set<String> ids = Set.copyOf(ed.selectedNodes());
            ed.document().edit("Set " + name.replaceAll(" \\(.*", "").toLowerCase(Locale.ROOT) + " of "
                    + (ids.size() == 1 ? ids.iterator().next() : ids.size() + " nodes"), t -> update(t, ids, n -> set.apply(n, v)));
        }));
    }

    private PropertyItem linkItem(TopologyEditorViewModel ed, String cat, String name, String help,
                                  Function<Link, Object> get, java.util.function.BiFunction<Link, Object, Link> set) {
        return new PropertyItem(cat, name, help, Double.class, () -> commonLink(ed.topology(), ed.selectedLinks(), get), v -> guard(() -> {
            Set<LinkKey> keys = Set.copyOf(ed.selectedLinks());
            ed.document().edit("Set " + name.replaceAll(" \\(.*", "").toLowerCase(Locale.ROOT) + " of "
                    + (keys.size() == 1 ? keys.iterator().next() : keys.size() + " links"), t -> {
                        for (LinkKey k : keys) {
                            t.putLink(set.apply(t.findLink(k.a(), k.b()).orElseThrow(), v));
                        }
                    });
        }));
    }

    private static void update(Topology t, Set<String> ids, UnaryOperator<Node> f) {
        for (String id : ids) {
            t.putNode(f.apply(t.node(id)));
        }
    }

    private static Object common(Topology t, Set<String> ids, Function<Node, Object> get) {
        Object v = null;
        boolean first = true;
        for (String id : ids) {
            Object x = t.findNode(id).map(get).orElse(null);
            if (first) {
                v = x;
                first = false;
            } else if (!Objects.equals(v, x)) {
                return null;
            }
        }
        return v;
    }

    private static Object commonLink(Topology t, Set<LinkKey> keys, Function<Link, Object> get) {
        Object v = null;
        boolean first = true;
        for (LinkKey k : keys) {
            Object x = t.findLink(k.a(), k.b()).map(get).orElse(null);
            if (first) {
                v = x;
                first = false;
            } else if (!Objects.equals(v, x)) {
                return null;
            }
        }
        return v;
    }

    private void guard(Runnable r) {
        try {
            r.run();
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            console.error("property not changed: " + e.getMessage());
            refresh();
        }
    }

    private static <T> T reject(String why) {
        throw new IllegalArgumentException(why);
    }

    static double asDouble(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(Objects.toString(v, "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, got \"" + v + "\"");
        }
    }

    static long asLong(String name, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(Objects.toString(v, "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected an integer, got \"" + v + "\"");
        }
    }
}

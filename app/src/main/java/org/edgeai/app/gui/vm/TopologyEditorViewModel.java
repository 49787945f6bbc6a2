package org.edgeai.app.gui.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import org.edgeai.app.gui.doc.EditorDocument;
import org.edgeai.app.gui.doc.TopologyEdit;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.LayoutKind;
import org.edgeai.model.topology.layout.Layouts;

/**
 * The topology editor of one document: tool, selection, viewport, grid, and every editing command as
 * one undoable edit. Never touches a JavaFX {@code Node}; coordinates are in world (layout) units unless a
 * name says screen. Hit tests are linear scans (1,000 nodes and 5,000 links cost well under a millisecond).
 */
public final class TopologyEditorViewModel {

    /** Grid spacing in world units (half the layouts' node spacing). */
    public static final double GRID = Layouts.SPACING / 2;
    private static final Pattern GENERATED_ID = Pattern.compile("n(\\d+)");

    private final EditorDocument doc;
    private final UiExecutors executors;
    private final ConsoleViewModel console;
    private final TopologyClipboard clipboard;
    private final ObjectProperty<PaletteItem> tool = new SimpleObjectProperty<>(PaletteItem.SELECT);
    private final ObservableSet<String> selectedNodes = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<LinkKey> selectedLinks = FXCollections.observableSet(new LinkedHashSet<>());
    private final BooleanProperty gridVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(false);
    private final Viewport viewport = new Viewport();
    private TopologyDefaults defaults = TopologyDefaults.standard();
    private int pasteCount;

    public TopologyEditorViewModel(EditorDocument doc, UiExecutors executors, ConsoleViewModel console, TopologyClipboard clipboard) {
        this.doc = Objects.requireNonNull(doc);
        this.executors = executors;
        this.console = console;
        this.clipboard = clipboard;
        // Undo can remove selected elements: keep the selection to what exists.
        doc.revisionProperty().addListener((o, a, b) -> pruneSelection());
    }

    public EditorDocument document() {
        return doc;
    }

    public Topology topology() {
        return doc.topology();
    }

    public ObjectProperty<PaletteItem> toolProperty() {
        return tool;
    }

    public ObservableSet<String> selectedNodes() {
        return selectedNodes;
    }

    public ObservableSet<LinkKey> selectedLinks() {
        return selectedLinks;
    }

    public BooleanProperty gridVisibleProperty() {
        return gridVisible;
    }

    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    public Viewport viewport() {
        return viewport;
    }

    /**
     * True while the experiment of this editor runs: every editing command (add, link, move, delete, cut, paste,
     * generate, re-layout, property and settings edits, undo, redo) is refused with one message (the document's
     * {@link EditorDocument#checkUnlocked guard}). Set by the run controls; read-only here.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty lockedProperty() {
        return doc.lockedProperty();
    }

    public boolean isLocked() {
        return doc.isLocked();
    }

    // ------------------------------------------------------------------ adding

    /**
     * Adds a node of the palette item's kind (and device subtype) at a world position (snapped when snapping
     * is on), selects it, and returns its id.
     *
     * @throws IllegalArgumentException when {@code item} does not add nodes
     */
    public String addNode(PaletteItem item, double wx, double wy) {
        if (!item.addsNodes()) {
            throw new IllegalArgumentException("palette item " + item + " does not add nodes");
        }
        if (!doc.checkUnlocked("Add " + item.title().toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        String id = nextId(doc.topology(), 1).get(0);
        Node n = item.deviceType().map(t -> t.create(id, defaults))
                .orElseGet(() -> Node.of(id, item.kind().orElseThrow(), defaults))
                .withPosition(snap(wx), snap(wy));
        doc.edit("Add " + item.title().toLowerCase(java.util.Locale.ROOT) + " " + id, t -> t.putNode(n));
        selectOnly(Set.of(id), Set.of());
        return id;
    }

    /**
     * Links two nodes with the default link properties and selects the link; if they are linked already,
     * selects the existing link. Returns null (and changes nothing) while {@link #isLocked() locked}.
     *
     * @throws IllegalArgumentException for a self link or an unknown node
     */
    public LinkKey connect(String a, String b) {
        Topology t = doc.topology();
        if (!doc.checkUnlocked("Link " + a + " \u2013 " + b)) {
            return null;
        }
        if (!t.hasLink(a, b)) {
            Link l = Link.of(a, b, defaults);
            doc.edit("Link " + a + " \u2013 " + b, c -> c.putLink(l));
        }
        LinkKey k = LinkKey.of(a, b);
        selectOnly(Set.of(), Set.of(k));
        return k;
    }

    /** The next {@code count} free ids of the form n&lt;k&gt;, k above every such id in use. */
    static List<String> nextId(Topology t, int count) {
        long max = -1;
        for (Node n : t.nodes()) {
            Matcher m = GENERATED_ID.matcher(n.id());
            if (m.matches() && m.group(1).length() < 18) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String id = "n" + (max + i);
            while (t.hasNode(id)) { // a non-numeric clash cannot happen, but stay safe
                id = id + "_";
            }
            ids.add(id);
        }
        return ids;
    }

    private double snap(double v) {
        return snapToGrid.get() ? Math.round(v / GRID) * GRID : v;
    }

    // ------------------------------------------------------------------ moving, deleting

    /** Moves the given nodes by a world offset as one edit (each snapped to the grid when snapping is on). */
    public void moveNodes(Set<String> ids, double dx, double dy) {
        if (ids.isEmpty() || (dx == 0 && dy == 0 && !snapToGrid.get())) {
            return;
        }
        doc.edit(ids.size() == 1 ? "Move " + ids.iterator().next() : "Move " + ids.size() + " nodes", t -> {
            for (String id : ids) {
                Node n = t.node(id);
                t.putNode(n.withPosition(snap(n.x() + dx), snap(n.y() + dy)));
            }
        });
    }

    /** Deletes the selected nodes (with their links) and links, as one edit. */
    public void deleteSelection() {
        if (selectedNodes.isEmpty() && selectedLinks.isEmpty()) {
            return;
        }
        if (!doc.checkUnlocked("Delete " + describe(selectedNodes.size(), selectedLinks.size()))) {
            return;
        }
        Set<String> nodes = Set.copyOf(selectedNodes);
        Set<LinkKey> links = Set.copyOf(selectedLinks);
        doc.edit("Delete " + describe(nodes.size(), links.size()), t -> {
            for (LinkKey k : links) {
                if (t.hasLink(k.a(), k.b())) {
                    t.removeLink(k.a(), k.b());
                }
            }
            for (String id : nodes) {
                t.removeNode(id);
            }
        });
        clearSelection();
    }

    private static String describe(int nodes, int links) {
        List<String> parts = new ArrayList<>();
        if (nodes > 0) {
            parts.add(nodes + (nodes == 1 ? " node" : " nodes"));
        }
        if (links > 0) {
            parts.add(links + (links == 1 ? " link" : " links"));
        }
        return String.join(" and ", parts);
    }

    // ------------------------------------------------------------------ selection

    public void clearSelection() {
        selectedNodes.clear();
        selectedLinks.clear();
    }

    public void selectOnly(Set<String> nodes, Set<LinkKey> links) {
        selectedNodes.retainAll(nodes);
        selectedNodes.addAll(nodes);
        selectedLinks.retainAll(links);
        selectedLinks.addAll(links);
    }

    public void selectAll() {
        selectedNodes.addAll(doc.topology().nodes().stream().map(Node::id).toList());
        selectedLinks.addAll(doc.topology().links().stream().map(Link::key).toList());
    }

    /** A click on a node: selects only it, or toggles it when {@code additive}. */
    public void clickNode(String id, boolean additive) {
        if (additive) {
            if (!selectedNodes.remove(id)) {
                selectedNodes.add(id);
            }
        } else if (!selectedNodes.contains(id)) {
            selectOnly(Set.of(id), Set.of());
        }
    }

    public void clickLink(LinkKey k, boolean additive) {
        if (additive) {
            if (!selectedLinks.remove(k)) {
                selectedLinks.add(k);
            }
        } else {
            selectOnly(Set.of(), Set.of(k));
        }
    }

    /** Rubber band: selects the nodes inside the world rectangle and the links between them. */
    public void selectInRect(double x0, double y0, double x1, double y1, boolean additive) {
        double minX = Math.min(x0, x1), maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1), maxY = Math.max(y0, y1);
        Set<String> inside = new LinkedHashSet<>();
        for (Node n : doc.topology().nodes()) {
            if (n.x() >= minX && n.x() <= maxX && n.y() >= minY && n.y() <= maxY) {
                inside.add(n.id());
            }
        }
        Set<LinkKey> links = new LinkedHashSet<>();
        for (Link l : doc.topology().links()) {
            if (inside.contains(l.source()) && inside.contains(l.target())) {
                links.add(l.key());
            }
        }
        if (additive) {
            selectedNodes.addAll(inside);
            selectedLinks.addAll(links);
        } else {
            selectOnly(inside, links);
        }
    }

    private void pruneSelection() {
        Topology t = doc.topology();
        selectedNodes.removeIf(id -> !t.hasNode(id));
        selectedLinks.removeIf(k -> !t.hasLink(k.a(), k.b()));
    }

    // ------------------------------------------------------------------ hit tests

    /** The topmost node whose centre is within {@code tolerance} world units of (wx, wy), or null. */
    public String nodeAt(double wx, double wy, double tolerance) {
        String hit = null;
        double best = tolerance * tolerance;
        for (Node n : doc.topology().nodes()) {
            double dx = n.x() - wx;
            double dy = n.y() - wy;
            double d2 = dx * dx + dy * dy;
            if (d2 <= best) { // later nodes are drawn on top: prefer them on ties
                best = d2;
                hit = n.id();
            }
        }
        return hit;
    }

    /** The link nearest to (wx, wy) within {@code tolerance} world units, or null. */
    public LinkKey linkAt(double wx, double wy, double tolerance) {
        Topology t = doc.topology();
        LinkKey hit = null;
        double best = tolerance * tolerance;
        for (Link l : t.links()) {
            Node a = t.node(l.source());
            Node b = t.node(l.target());
            double d2 = segmentDistance2(wx, wy, a.x(), a.y(), b.x(), b.y());
            if (d2 <= best) {
                best = d2;
                hit = l.key();
            }
        }
        return hit;
    }

    static double segmentDistance2(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax, vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double s = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
        double dx = ax + s * vx - px, dy = ay + s * vy - py;
        return dx * dx + dy * dy;
    }

    // ------------------------------------------------------------------ clipboard

    /** Copies the selected nodes and the links among them. */
    public void copy() {
        Topology t = doc.topology();
        List<Node> nodes = new ArrayList<>();
        for (Node n : t.nodes()) {
            if (selectedNodes.contains(n.id())) {
                nodes.add(n);
            }
        }
        List<Link> links = new ArrayList<>();
        for (Link l : t.links()) {
            if (selectedNodes.contains(l.source()) && selectedNodes.contains(l.target())) {
                links.add(l);
            }
        }
        clipboard.put(nodes, links);
        pasteCount = 0;
    }

    /** Copies the selected nodes (and the links among them), then deletes the selection. */
    public void cut() {
        if (!doc.checkUnlocked("Cut")) {
            return;
        }
        copy();
        deleteSelection();
    }

    /** Pastes the clipboard with fresh ids, offset so copies do not hide the originals, and selects it. */
    public void paste() {
        if (clipboard.isEmpty() || !doc.checkUnlocked("Paste")) {
            return;
        }
        pasteCount++;
        double off = GRID * 0.6 * pasteCount;
        List<String> ids = nextId(doc.topology(), clipboard.nodes().size());
        Map<String, String> rename = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rename.put(clipboard.nodes().get(i).id(), ids.get(i));
        }
        Set<LinkKey> newLinks = new LinkedHashSet<>();
        doc.edit("Paste " + describe(ids.size(), clipboard.links().size()), t -> {
            for (Node n : clipboard.nodes()) {
                t.putNode(new Node(rename.get(n.id()), n.kind(), n.computeGflops(), n.memoryMb(),
                        n.x() + off, n.y() + off, n.label(), n.accessMbps()));
            }
            for (Link l : clipboard.links()) {
                Link c = new Link(rename.get(l.source()), rename.get(l.target()), l.bandwidthMbps(), l.latencyMs(), l.weight());
                t.putLink(c);
                newLinks.add(c.key());
            }
        });
        selectOnly(new LinkedHashSet<>(ids), newLinks);
    }

    // ------------------------------------------------------------------ whole-graph edits

    /**
     * Puts a generated topology in the editor as one edit: {@code replace} swaps the whole graph; otherwise
     * the generated nodes get fresh ids and are placed to the right of the existing ones.
     */
    public void applyGenerated(String name, Topology generated, boolean replace) {
        if (!doc.checkUnlocked(name)) {
            return;
        }
        TopologyEdit e;
        if (replace) {
            e = TopologyEdit.between(name, doc.topology(), generated);
        } else {
            Topology live = doc.topology();
            double shift = 0;
            if (live.nodeCount() > 0) {
                double maxX = live.nodes().stream().mapToDouble(Node::x).max().orElse(0);
                double minG = generated.nodes().stream().mapToDouble(Node::x).min().orElse(0);
                shift = maxX - minG + Layouts.SPACING * 2;
            }
            List<String> ids = nextId(live, generated.nodeCount());
            Map<String, String> rename = new HashMap<>();
            int i = 0;
            for (Node n : generated.nodes()) {
                rename.put(n.id(), ids.get(i++));
            }
            double dx = shift;
            e = TopologyEdit.of(name, live, t -> {
                for (Node n : generated.nodes()) {
                    t.putNode(new Node(rename.get(n.id()), n.kind(), n.computeGflops(), n.memoryMb(), n.x() + dx, n.y(),
                            n.label(), n.accessMbps()));
                }
                for (Link l : generated.links()) {
                    t.putLink(new Link(rename.get(l.source()), rename.get(l.target()), l.bandwidthMbps(), l.latencyMs(), l.weight()));
                }
            });
        }
        doc.apply(e);
        clearSelection();
    }

    /**
     * Re-lays out every node with {@code kind}: positions are computed on a snapshot in the background and
     * applied as one edit, unless the graph's structure changed meanwhile. {@code done} runs after (on the
     * ui executor) with true when applied.
     */
    public void relayout(LayoutKind kind, Consumer<Boolean> done) {
        if (!doc.checkUnlocked("Layout: " + kind.id())) {
            done.accept(false);
            return;
        }
        Topology snapshot = doc.topology().copy();
        long seed = doc.settings().seed();
        long revision = doc.revision();
        executors.background().execute(() -> {
            double[][] p;
            try {
                p = Layouts.layout(kind, snapshot.indexed(), seed);
            } catch (RuntimeException ex) {
                executors.ui().execute(() -> {
                    console.error("layout " + kind.id() + " failed: " + ex.getMessage());
                    done.accept(false);
                });
                return;
            }
            executors.ui().execute(() -> {
                if (doc.isLocked()) {
                    doc.checkUnlocked("Layout: " + kind.id());
                    done.accept(false);
                    return;
                }
                if (doc.revision() != revision) {
                    console.warn("layout " + kind.id() + " discarded: the graph changed while it was computed");
                    done.accept(false);
                    return;
                }
                List<String> ids = new ArrayList<>();
                snapshot.nodes().forEach(n -> ids.add(n.id()));
                doc.edit("Layout: " + kind.id(), t -> {
                    for (int i = 0; i < ids.size(); i++) {
                        t.putNode(t.node(ids.get(i)).withPosition(p[0][i], p[1][i]));
                    }
                });
                done.accept(true);
            });
        });
    }

    /** Node defaults used for new nodes and links (the experiment's topology defaults). */
    public void setDefaults(TopologyDefaults d) {
        defaults = Objects.requireNonNull(d);
    }

    public TopologyDefaults defaults() {
        return defaults;
    }
}

package org.edgeai.app.gui.doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.LinkKey;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.Topology;

/**
 * A reversible edit of a live {@link Topology}, stored as the difference between the state before and
 * after: nodes and links added, removed (with their places in the order) and changed (old and new
 * record). Memory is proportional to what changed, so the undo history can be unlimited. Applying and
 * reverting reproduce the exact order of nodes and links; when an edit reorders elements in a way a
 * difference cannot express (e.g. a generator replacing the graph), it keeps the whole before and after
 * content instead.
 *
 * <p>Build one with {@link #of}: the change is made on a copy, so a change that throws leaves the live
 * topology untouched.
 */
public final class TopologyEdit implements UndoableEdit {

    private record Placed<T>(int index, T value) {
    }

    private record Change<T>(T before, T after) {
    }

    private final String name;
    private final Topology live;
    // Difference form.
    private final List<Placed<Node>> removedNodes = new ArrayList<>();
    private final List<Placed<Link>> removedLinks = new ArrayList<>();
    private final List<Node> addedNodes = new ArrayList<>();
    private final List<Link> addedLinks = new ArrayList<>();
    private final List<Change<Node>> changedNodes = new ArrayList<>();
    private final List<Change<Link>> changedLinks = new ArrayList<>();
    // Whole-content form (null in difference form).
    private List<Node> beforeNodes;
    private List<Link> beforeLinks;
    private List<Node> afterNodes;
    private List<Link> afterLinks;

    private TopologyEdit(String name, Topology live) {
        this.name = Objects.requireNonNull(name);
        this.live = live;
    }

    /**
     * The edit that {@code change} makes to {@code live}, computed on a copy in O(n + m); {@code live} is
     * not modified (call {@link #apply()}, usually through {@link UndoStack#push}).
     *
     * @return the edit, or {@code null} when {@code change} changed nothing
     * @throws IllegalArgumentException (or whatever {@code change} throws) for an invalid change
     */
    public static TopologyEdit of(String name, Topology live, Consumer<Topology> change) {
        Topology after = live.copy();
        change.accept(after);
        return between(name, live, after);
    }

    /** The edit from {@code live}'s current content to {@code after}'s, or {@code null} if they are equal. */
    public static TopologyEdit between(String name, Topology live, Topology after) {
        TopologyEdit e = new TopologyEdit(name, live);
        if (!e.diff(live, after)) {
            e.clearDiff();
            e.beforeNodes = new ArrayList<>(live.nodes());
            e.beforeLinks = new ArrayList<>(live.links());
            e.afterNodes = new ArrayList<>(after.nodes());
            e.afterLinks = new ArrayList<>(after.links());
        }
        return e.isEmpty() ? null : e;
    }

    /** Fills the difference; false when it cannot reproduce {@code after}'s order. */
    private boolean diff(Topology before, Topology after) {
        int i = 0;
        List<String> keptNodeOrder = new ArrayList<>();
        for (Node n : before.nodes()) {
            Node a = after.findNode(n.id()).orElse(null);
            if (a == null) {
                removedNodes.add(new Placed<>(i, n));
            } else {
                keptNodeOrder.add(n.id());
                if (!a.equals(n)) {
                    changedNodes.add(new Change<>(n, a));
                }
            }
            i++;
        }
        for (Node a : after.nodes()) {
            if (!before.hasNode(a.id())) {
                addedNodes.add(a);
            }
        }
        i = 0;
        List<LinkKey> keptLinkOrder = new ArrayList<>();
        for (Link l : before.links()) {
            Link a = after.findLink(l.source(), l.target()).orElse(null);
            if (a == null) {
                removedLinks.add(new Placed<>(i, l));
            } else {
                keptLinkOrder.add(l.key());
                if (!a.equals(l)) {
                    changedLinks.add(new Change<>(l, a));
                }
            }
            i++;
        }
        for (Link a : after.links()) {
            if (!before.hasLink(a.source(), a.target())) {
                addedLinks.add(a);
            }
        }
        // Applying keeps the survivors' order and appends the additions: is that after's order?
        addedNodes.forEach(n -> keptNodeOrder.add(n.id()));
        addedLinks.forEach(l -> keptLinkOrder.add(l.key()));
        return keptNodeOrder.equals(TopologyContent.nodeIds(after))
                && keptLinkOrder.equals(TopologyContent.linkKeys(after));
    }

    private void clearDiff() {
        removedNodes.clear();
        removedLinks.clear();
        addedNodes.clear();
        addedLinks.clear();
        changedNodes.clear();
        changedLinks.clear();
    }

    private boolean isEmpty() {
        return beforeNodes == null ? removedNodes.isEmpty() && removedLinks.isEmpty() && addedNodes.isEmpty()
                && addedLinks.isEmpty() && changedNodes.isEmpty() && changedLinks.isEmpty()
                : beforeNodes.equals(afterNodes) && beforeLinks.equals(afterLinks);
    }

    @Override
    public String name() {
        return name;
    }

    /** The live topology this edit changes. */
    public Topology target() {
        return live;
    }

    /** Number of nodes and links this edit adds, removes or changes (for tests and status messages). */
    public int size() {
        return beforeNodes != null ? beforeNodes.size() + beforeLinks.size() + afterNodes.size() + afterLinks.size()
                : removedNodes.size() + removedLinks.size() + addedNodes.size() + addedLinks.size()
                + changedNodes.size() + changedLinks.size();
    }

    @Override
    public void apply() {
        if (beforeNodes != null) {
            TopologyContent.replace(live, afterNodes, afterLinks);
            return;
        }
        for (Placed<Link> l : removedLinks) {
            live.removeLink(l.value().source(), l.value().target());
        }
        for (Placed<Node> n : removedNodes) {
            live.removeNode(n.value().id());
        }
        changedNodes.forEach(c -> live.putNode(c.after()));
        addedNodes.forEach(live::putNode);
        changedLinks.forEach(c -> live.putLink(c.after()));
        addedLinks.forEach(live::putLink);
    }

    @Override
    public void revert() {
        if (beforeNodes != null) {
            TopologyContent.replace(live, beforeNodes, beforeLinks);
            return;
        }
        for (Link l : addedLinks) {
            live.removeLink(l.source(), l.target());
        }
        for (Node n : addedNodes) {
            live.removeNode(n.id());
        }
        changedNodes.forEach(c -> live.putNode(c.before()));
        changedLinks.forEach(c -> live.putLink(c.before()));
        if (removedNodes.isEmpty() && removedLinks.isEmpty()) {
            return;
        }
        // Put the removed elements back at their places: insert in ascending original index.
        List<Node> nodes = insert(new ArrayList<>(live.nodes()), removedNodes);
        List<Link> links = insert(new ArrayList<>(live.links()), removedLinks);
        TopologyContent.replace(live, nodes, links);
    }

    private static <T> List<T> insert(List<T> current, List<Placed<T>> removed) {
        if (removed.isEmpty()) {
            return current;
        }
        List<T> out = new ArrayList<>(current.size() + removed.size());
        int r = 0;
        int c = 0;
        for (int i = 0; i < current.size() + removed.size(); i++) {
            if (r < removed.size() && removed.get(r).index() == i) {
                out.add(removed.get(r++).value());
            } else {
                out.add(current.get(c++));
            }
        }
        return out;
    }

    /** Node ids touched by this edit, for selection updates; in no particular meaning of order. */
    public Map<String, Node> nodesAfter() {
        Map<String, Node> m = new LinkedHashMap<>();
        if (afterNodes != null) {
            afterNodes.forEach(n -> m.put(n.id(), n));
        } else {
            addedNodes.forEach(n -> m.put(n.id(), n));
            changedNodes.forEach(c -> m.put(c.after().id(), c.after()));
        }
        return m;
    }

    @Override
    public String toString() {
        return "TopologyEdit(" + name + ", " + size() + " elements" + (beforeNodes != null ? ", whole content" : "") + ")";
    }
}

package org.edgeai.app.gui.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One part stack: an ordered list of views shown as tabs, the selected one, and the stack's size as a
 * fraction of the window (width for left and right, height for bottom). Mutable; owned by a
 * {@link Perspective}.
 */
public final class PartStack {

    private final StackPosition position;
    private final List<ViewId> views = new ArrayList<>();
    private ViewId selected;
    private double size;

    PartStack(StackPosition position, double size) {
        this.position = Objects.requireNonNull(position);
        setSize(size);
    }

    public StackPosition position() {
        return position;
    }

    /** The views in tab order (read-only). */
    public List<ViewId> views() {
        return Collections.unmodifiableList(views);
    }

    public boolean isEmpty() {
        return views.isEmpty();
    }

    /** The selected view, or {@code null} when the stack is empty. */
    public ViewId selected() {
        return selected;
    }

    /** Fraction of the window, in (0, 1). */
    public double size() {
        return size;
    }

    void setSize(double s) {
        if (!(s > 0 && s < 1)) {
            throw new IllegalArgumentException(position.id() + " stack size must be a fraction in (0, 1), got " + s);
        }
        size = s;
    }

    void add(ViewId v, int index) {
        views.add(Math.max(0, Math.min(index, views.size())), v);
        selected = v;
    }

    void remove(ViewId v) {
        int i = views.indexOf(v);
        if (i < 0) {
            return;
        }
        views.remove(i);
        if (v == selected) {
            selected = views.isEmpty() ? null : views.get(Math.min(i, views.size() - 1));
        }
    }

    void select(ViewId v) {
        if (!views.contains(v)) {
            throw new IllegalArgumentException("view " + v.id() + " is not in the " + position.id() + " stack");
        }
        selected = v;
    }

    PartStack copy() {
        PartStack c = new PartStack(position, size);
        c.views.addAll(views);
        c.selected = selected;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartStack p && p.position == position && p.views.equals(views)
                && Objects.equals(p.selected, selected) && p.size == size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, views, selected, size);
    }

    @Override
    public String toString() {
        return position.id() + views + (selected == null ? "" : "*" + selected.id()) + "@" + size;
    }
}

package org.edgeai.app.gui.layout;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named arrangement of views: three part stacks around the editor, views detached into their own
 * windows, and whether it is shown in presentation mode. Plain Java (no JavaFX), so it can be saved,
 * restored and tested without a screen. Every view is in at most one place; a view that is in no stack
 * and not detached is hidden, and remembers its "home" stack so showing it again puts it back there.
 */
public final class Perspective {

    private final String id;
    private final String title;
    private final EnumMap<StackPosition, PartStack> stacks = new EnumMap<>(StackPosition.class);
    private final LinkedHashMap<ViewId, WindowBounds> detached = new LinkedHashMap<>();
    private final EnumMap<ViewId, StackPosition> home = new EnumMap<>(ViewId.class);
    private boolean presentation;

    /**
     * An empty perspective with the given stack sizes (fractions of the window in (0, 1)).
     *
     * @param id    stable id, lower-case ({@code design}, {@code run}, ...)
     * @param title shown on the tool bar
     */
    public Perspective(String id, String title, double leftSize, double rightSize, double bottomSize) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        stacks.put(StackPosition.LEFT, new PartStack(StackPosition.LEFT, leftSize));
        stacks.put(StackPosition.RIGHT, new PartStack(StackPosition.RIGHT, rightSize));
        stacks.put(StackPosition.BOTTOM, new PartStack(StackPosition.BOTTOM, bottomSize));
        for (ViewId v : ViewId.values()) {
            home.put(v, Perspectives.defaultHome(v));
        }
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public PartStack stack(StackPosition p) {
        return stacks.get(p);
    }

    public boolean presentation() {
        return presentation;
    }

    public Perspective setPresentation(boolean on) {
        presentation = on;
        return this;
    }

    /** Detached views and their window bounds, in the order they were detached (read-only). */
    public Map<ViewId, WindowBounds> detached() {
        return Collections.unmodifiableMap(detached);
    }

    /** The stack that holds {@code v}, if it is in one. */
    public Optional<StackPosition> stackOf(ViewId v) {
        for (PartStack s : stacks.values()) {
            if (s.views().contains(v)) {
                return Optional.of(s.position());
            }
        }
        return Optional.empty();
    }

    public boolean isDetached(ViewId v) {
        return detached.containsKey(v);
    }

    /** True when {@code v} is in a stack or in its own window. */
    public boolean isVisible(ViewId v) {
        return isDetached(v) || stackOf(v).isPresent();
    }

    /** The stack {@code v} goes back to when shown or re-attached. */
    public StackPosition home(ViewId v) {
        return home.get(v);
    }

    // ------------------------------------------------------------------ edits

    /** Puts {@code v} at the end of stack {@code p} (building a perspective). */
    public Perspective add(StackPosition p, ViewId... views) {
        for (ViewId v : views) {
            removeEverywhere(v);
            stacks.get(p).add(v, Integer.MAX_VALUE);
            home.put(v, p);
        }
        return this;
    }

    /** Shows {@code v}: selects it where it is, or puts it back in its home stack and selects it. */
    public void show(ViewId v) {
        Optional<StackPosition> at = stackOf(v);
        if (at.isPresent()) {
            stacks.get(at.get()).select(v);
        } else if (!isDetached(v)) {
            stacks.get(home.get(v)).add(v, Integer.MAX_VALUE);
        }
    }

    /** Hides {@code v} (closes its tab or its window); it remembers where it was. */
    public void hide(ViewId v) {
        removeEverywhere(v);
    }

    /** Moves {@code v} to the end of stack {@code p}, selected; it becomes the view's home. */
    public void move(ViewId v, StackPosition p) {
        removeEverywhere(v);
        stacks.get(p).add(v, Integer.MAX_VALUE);
        home.put(v, p);
    }

    /** Moves {@code v} into a window of its own at {@code bounds}. */
    public void detach(ViewId v, WindowBounds bounds) {
        Objects.requireNonNull(bounds);
        removeEverywhere(v);
        detached.put(v, bounds);
    }

    /** Records where a detached window was moved to (no-op for a view that is not detached). */
    public void updateDetachedBounds(ViewId v, WindowBounds bounds) {
        if (detached.containsKey(v)) {
            detached.put(v, bounds);
        }
    }

    /** Puts a detached view back into its home stack. */
    public void attach(ViewId v) {
        if (detached.remove(v) != null) {
            stacks.get(home.get(v)).add(v, Integer.MAX_VALUE);
        }
    }

    /** Selects each given view in its stack (building a perspective). */
    public Perspective withSelected(ViewId... views) {
        for (ViewId v : views) {
            select(v);
        }
        return this;
    }

    public void select(ViewId v) {
        StackPosition p = stackOf(v).orElseThrow(
                () -> new IllegalArgumentException("view " + v.id() + " is not in a stack of perspective " + id));
        stacks.get(p).select(v);
    }

    /** Sets a stack's size as a fraction of the window, in (0, 1). */
    public void setStackSize(StackPosition p, double fraction) {
        stacks.get(p).setSize(fraction);
    }

    private void removeEverywhere(ViewId v) {
        stackOf(v).ifPresent(p -> {
            home.put(v, p);
            stacks.get(p).remove(v);
        });
        detached.remove(v);
    }

    /** Restores the remembered home of {@code v} (used when loading a saved layout). */
    void setHome(ViewId v, StackPosition p) {
        home.put(v, p);
    }

    void putDetached(ViewId v, WindowBounds b) {
        detached.put(v, b);
    }

    void selectRaw(StackPosition p, ViewId v) {
        stacks.get(p).select(v);
    }

    public Perspective copy() {
        Perspective c = new Perspective(id, title, stacks.get(StackPosition.LEFT).size(),
                stacks.get(StackPosition.RIGHT).size(), stacks.get(StackPosition.BOTTOM).size());
        for (StackPosition p : StackPosition.values()) {
            c.stacks.put(p, stacks.get(p).copy());
        }
        c.detached.putAll(detached);
        c.home.putAll(home);
        c.presentation = presentation;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Perspective p && p.id.equals(id) && p.title.equals(title) && p.stacks.equals(stacks)
                && p.detached.equals(detached) && p.home.equals(home) && p.presentation == presentation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, stacks, detached, presentation);
    }

    @Override
    public String toString() {
        return "Perspective(" + id + ": " + stacks.values() + ", detached " + detached.keySet()
                + (presentation ? ", presentation" : "") + ")";
    }
}

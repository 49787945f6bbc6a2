package org.edgeai.app.gui.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole workbench layout as a plain model (Eclipse e4 style): the perspectives as the user arranged
 * them, the active one, the main window's bounds and the theme. The renderer draws it and reports
 * changes back; {@link LayoutStore} saves and restores it; tests build and check it without a screen.
 *
 * <p>Not thread-safe: used on one thread (the JavaFX thread in the application). Listeners are told after
 * every change that alters what is shown.
 */
public final class WorkbenchLayout {

    /** The themes the workbench ships. */
    public enum Theme {
        LIGHT, DARK;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Theme fromId(String id) {
            for (Theme t : values()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown theme '" + id + "'; expected light or dark");
        }
    }

    private final LinkedHashMap<String, Perspective> perspectives = new LinkedHashMap<>();
    private String active;
    private WindowBounds window = WindowBounds.DEFAULT_MAIN;
    private Theme theme = Theme.LIGHT;
    private final List<Runnable> listeners = new ArrayList<>();

    /** The default layout: every default perspective, Design active, light theme. */
    public static WorkbenchLayout defaults() {
        WorkbenchLayout l = new WorkbenchLayout();
        l.perspectives.putAll(Perspectives.defaults());
        l.active = Perspectives.DESIGN;
        return l;
    }

    WorkbenchLayout() {
    }

    /** Perspectives in tool-bar order (read-only). */
    public Map<String, Perspective> perspectives() {
        return Collections.unmodifiableMap(perspectives);
    }

    public Perspective active() {
        return perspectives.get(active);
    }

    public String activeId() {
        return active;
    }

    public WindowBounds window() {
        return window;
    }

    public Theme theme() {
        return theme;
    }

    /** Whether the active perspective is shown in presentation mode. */
    public boolean presentation() {
        return active().presentation();
    }

    // ------------------------------------------------------------------ edits (each tells the listeners)

    /**
     * Makes perspective {@code id} active, keeping the others as they are.
     *
     * @throws IllegalArgumentException naming the known perspectives when {@code id} is none of them
     */
    public void switchTo(String id) {
        if (!perspectives.containsKey(id)) {
            throw new IllegalArgumentException("unknown perspective '" + id + "'; expected one of "
                    + String.join(", ", perspectives.keySet()));
        }
        if (!id.equals(active)) {
            active = id;
            fire();
        }
    }

    /** Restores the active perspective to its default arrangement. */
    public void resetActive() {
        perspectives.put(active, Perspectives.defaultOf(active));
        fire();
    }

    public void setWindow(WindowBounds b) {
        window = Objects.requireNonNull(b);
    }

    public void setTheme(Theme t) {
        if (t != theme) {
            theme = Objects.requireNonNull(t);
            fire();
        }
    }

    public void setPresentation(boolean on) {
        if (on != active().presentation()) {
            active().setPresentation(on);
            fire();
        }
    }

    public void show(ViewId v) {
        active().show(v);
        fire();
    }

    public void hide(ViewId v) {
        active().hide(v);
        fire();
    }

    public void toggle(ViewId v) {
        if (active().isVisible(v)) {
            hide(v);
        } else {
            show(v);
        }
    }

    public void move(ViewId v, StackPosition p) {
        active().move(v, p);
        fire();
    }

    public void detach(ViewId v, WindowBounds b) {
        active().detach(v, b);
        fire();
    }

    public void attach(ViewId v) {
        active().attach(v);
        fire();
    }

    /** Records a tab selection; no listener is told (the renderer already shows it). */
    public void select(ViewId v) {
        active().select(v);
    }

    /** Records a divider position; no listener is told (the renderer already shows it). */
    public void setStackSize(StackPosition p, double fraction) {
        active().setStackSize(p, fraction);
    }

    /** Records a detached window's new bounds; no listener is told. */
    public void updateDetachedBounds(ViewId v, WindowBounds b) {
        active().updateDetachedBounds(v, b);
    }

    // ------------------------------------------------------------------ listeners, copies

    /** Called after every change that alters what is shown (perspective, placement, theme, presentation). */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    private void fire() {
        for (Runnable r : List.copyOf(listeners)) {
            r.run();
        }
    }

    void putPerspective(Perspective p) {
        perspectives.put(p.id(), p);
    }

    void setActiveRaw(String id) {
        active = id;
    }

    void setThemeRaw(Theme t) {
        theme = t;
    }

    /** A deep copy without listeners. */
    public WorkbenchLayout copy() {
        WorkbenchLayout c = new WorkbenchLayout();
        perspectives.forEach((k, v) -> c.perspectives.put(k, v.copy()));
        c.active = active;
        c.window = window;
        c.theme = theme;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkbenchLayout l && l.perspectives.equals(perspectives) && l.active.equals(active)
                && l.window.equals(window) && l.theme == theme;
    }

    @Override
    public int hashCode() {
        return Objects.hash(perspectives, active, window, theme);
    }

    @Override
    public String toString() {
        return "WorkbenchLayout(active " + active + ", " + theme.id() + ", " + window + ", " + perspectives.values() + ")";
    }
}

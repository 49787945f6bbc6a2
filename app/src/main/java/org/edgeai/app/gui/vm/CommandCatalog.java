package org.edgeai.app.gui.vm;

import java.util.List;

/**
 * Every command of the menus, with its keyboard shortcut, in menu order: the menus are built from this
 * list and Help &gt; Keyboard Shortcuts lists it, so the two never disagree. Accelerators use JavaFX's
 * {@code KeyCombination} syntax ("Shortcut" is Ctrl, or Cmd on a Mac).
 */
public final class CommandCatalog {

    /**
     * @param id          stable id, used by the view to attach the action
     * @param menu        File, Edit, View, Run, Tools or Help
     * @param label       menu text
     * @param accelerator shortcut, never empty
     */
    public record Command(String id, String menu, String label, String accelerator) {
    }

    public static final List<String> MENUS = List.of("File", "Edit", "View", "Run", "Tools", "Help");

    private static final List<Command> ALL = List.of(
            new Command("file.new", "File", "New Experiment", "Shortcut+N"),
            new Command("file.open", "File", "Open…", "Shortcut+O"),
            new Command("file.save", "File", "Save", "Shortcut+S"),
            new Command("file.saveAs", "File", "Save As…", "Shortcut+Shift+S"),
            new Command("file.import", "File", "Import Topology…", "Shortcut+I"),
            new Command("file.export", "File", "Export Topology…", "Shortcut+E"),
            new Command("file.close", "File", "Close", "Shortcut+W"),
            new Command("file.quit", "File", "Quit", "Shortcut+Q"),
            new Command("edit.undo", "Edit", "Undo", "Shortcut+Z"),
            new Command("edit.redo", "Edit", "Redo", "Shortcut+Y"),
            new Command("edit.cut", "Edit", "Cut", "Shortcut+X"),
            new Command("edit.copy", "Edit", "Copy", "Shortcut+C"),
            new Command("edit.paste", "Edit", "Paste", "Shortcut+V"),
            new Command("edit.delete", "Edit", "Delete", "Delete"),
            new Command("edit.selectAll", "Edit", "Select All", "Shortcut+A"),
            new Command("view.zoomIn", "View", "Zoom In", "Shortcut+EQUALS"),
            new Command("view.zoomOut", "View", "Zoom Out", "Shortcut+MINUS"),
            new Command("view.fit", "View", "Fit to Window", "Shortcut+0"),
            new Command("view.grid", "View", "Show Grid", "Shortcut+G"),
            new Command("view.snap", "View", "Snap to Grid", "Shortcut+Shift+G"),
            new Command("view.theme", "View", "Dark Theme", "Shortcut+Shift+D"),
            new Command("view.presentation", "View", "Presentation Mode", "F11"),
            new Command("view.resetPerspective", "View", "Reset Perspective", "Shortcut+Shift+R"),
            new Command("view.perspective.design", "View", "Design Perspective", "Shortcut+1"),
            new Command("view.perspective.run", "View", "Run Perspective", "Shortcut+2"),
            new Command("view.perspective.analyze", "View", "Analyze Perspective", "Shortcut+3"),
            new Command("view.perspective.pipeline", "View", "Pipeline Perspective", "Shortcut+4"),
            new Command("view.perspective.teach", "View", "Teach Perspective", "Shortcut+5"),
            new Command("run.start", "Run", "Run Experiment", "F5"),
            new Command("run.pause", "Run", "Pause / Resume", "F7"),
            new Command("run.stepEvent", "Run", "Step One Event", "F8"),
            new Command("run.stepRound", "Run", "Step One Round", "F6"),
            new Command("run.jump", "Run", "Jump to Round…", "Shortcut+J"),
            new Command("run.reset", "Run", "Reset Playback", "Shift+F6"),
            new Command("run.cancel", "Run", "Cancel Run", "Shift+F5"),
            new Command("run.openFolder", "Run", "Open Run Folder", "Shortcut+Shift+F"),
            new Command("run.compare", "Run", "Compare…", "Shortcut+Shift+C"),
            new Command("tools.generate", "Tools", "Generate Topology…", "Shortcut+Shift+N"),
            new Command("tools.layout.circle", "Tools", "Layout: Circle", "Shortcut+Alt+C"),
            new Command("tools.layout.tree", "Tools", "Layout: Tree", "Shortcut+Alt+T"),
            new Command("tools.layout.force", "Tools", "Layout: Force-Directed", "Shortcut+Alt+F"),
            new Command("tools.layout.grid", "Tools", "Layout: Grid", "Shortcut+Alt+G"),
            new Command("help.shortcuts", "Help", "Keyboard Shortcuts", "F1"),
            new Command("help.about", "Help", "About", "Shortcut+F1"));

    private CommandCatalog() {
    }

    public static List<Command> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException naming the ids when {@code id} is unknown */
    public static Command get(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown command '" + id + "'"));
    }

    /** The shortcuts table shown by Help, one "shortcut  label  (menu)" line per command. */
    public static String shortcutsText() {
        StringBuilder sb = new StringBuilder();
        for (Command c : ALL) {
            sb.append(String.format("%-20s %-26s %s%n", c.accelerator().replace("Shortcut", "Ctrl"), c.label(), c.menu()));
        }
        return sb.toString();
    }
}

package org.edgeai.app.gui.vm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The workbench's own directory: layout, recent files, recovery files and the session marker. Given by
 * the system property {@value #PROPERTY}, else {@code ~/.edge-ai-workbench/}; tests pass a temporary one.
 */
public record WorkbenchHome(Path dir) {

    public static final String PROPERTY = "edgeai.workbench.home";

    public WorkbenchHome {
        Objects.requireNonNull(dir);
    }

    public static WorkbenchHome fromSystem() {
        String p = System.getProperty(PROPERTY);
        return new WorkbenchHome(p != null && !p.isBlank() ? Path.of(p)
                : Path.of(System.getProperty("user.home"), ".edge-ai-workbench"));
    }

    public Path layoutFile() {
        return dir.resolve("layout.json");
    }

    public Path recentFile() {
        return dir.resolve("recent.txt");
    }

    /** Plugin jars the workbench loads at start beside the built-ins (see the command line's {@code --plugins}). */
    public Path pluginDir() {
        return dir.resolve("plugins");
    }

    /** Where runs started in the workbench write their files: one folder per run. */
    public Path runsDir() {
        return dir.resolve("runs");
    }

    public Path recoveryDir() {
        return dir.resolve("recovery");
    }

    /** Exists while a workbench runs; found at start, it means the last one did not close properly. */
    public Path sessionMarker() {
        return dir.resolve("session.lock");
    }
}

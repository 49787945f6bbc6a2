package org.edgeai.app.gui.view;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads (without initializing) the control, dialog and skin classes the workbench will need, on a
 * background thread right after the window opens. The first dialog, menu or property editor would
 * otherwise load hundreds of classes on the JavaFX thread and freeze the window for a few hundred
 * milliseconds. Loading is thread-safe and idempotent, so the JavaFX thread simply finds the classes
 * ready (or waits for the one being loaded).
 */
public final class ClassPreloader {

    private static final List<String> PREFIXES = List.of(
            "javafx/scene/control/", "com/sun/javafx/scene/control/", "javafx/stage/", "com/sun/javafx/stage/",
            "javafx/scene/chart/", "org/controlsfx/control/PropertySheet", "org/controlsfx/property/",
            "impl/org/controlsfx/skin/PropertySheet", "org/controlsfx/control/StatusBar", "impl/org/controlsfx/skin/StatusBar",
            "org/controlsfx/control/textfield/");

    private ClassPreloader() {
    }

    /** Starts preloading on a daemon thread; the future completes when done (failures are ignored). */
    public static CompletableFuture<Integer> start() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            int n = 0;
            try {
                n = preload();
            } catch (RuntimeException | LinkageError e) {
                // Preloading is an optimization only.
            }
            f.complete(n);
        }, "workbench-class-preloader");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return f;
    }

    private static int preload() {
        ClassLoader cl = ClassPreloader.class.getClassLoader();
        int n = 0;
        for (Class<?> anchor : new Class<?>[] {javafx.scene.control.Control.class, javafx.stage.Stage.class,
                org.controlsfx.control.PropertySheet.class}) {
            for (String name : classesIn(anchor)) {
                try {
                    Class.forName(name, false, cl);
                    n++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // Optional or platform-specific classes: skip.
                }
            }
        }
        return n;
    }

    private static List<String> classesIn(Class<?> anchor) {
        List<String> out = new ArrayList<>();
        try {
            var src = anchor.getProtectionDomain().getCodeSource();
            if (src == null) {
                return out;
            }
            Path p = Path.of(src.getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                return out;
            }
            try (JarFile jar = new JarFile(p.toFile())) {
                Enumeration<JarEntry> es = jar.entries();
                while (es.hasMoreElements()) {
                    String e = es.nextElement().getName();
                    if (e.endsWith(".class") && !e.contains("module-info") && PREFIXES.stream().anyMatch(e::startsWith)) {
                        out.add(e.substring(0, e.length() - 6).replace('/', '.'));
                    }
                }
            }
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Not a jar (e.g. a jlink image): nothing to preload.
        }
        return out;
    }
}

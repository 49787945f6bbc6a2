package org.edgeai.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.edgeai.app.cli.Workspace;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;

/**
 * The workbench application. Wiring: {@link WorkbenchServices#defaults(ClassLoader)} (the one place to plug
 * in the model's experiment files, topology I/O and analysis), the home directory from the system
 * property {@value WorkbenchHome#PROPERTY} (default {@code ~/.edge-ai-workbench}), two daemon threads for
 * background work, and the JavaFX thread for results.
 */
public class WorkbenchApp extends Application {

    private ExecutorService background;

    @Override
    public void start(Stage stage) {
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "workbench-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        WorkbenchHome home = WorkbenchHome.fromSystem();
        ClassLoader loader = WorkbenchApp.class.getClassLoader();
        if (Files.isDirectory(home.pluginDir())) {
            loader = Workspace.pluginLoader(home.pluginDir(), loader);
        }
        WorkbenchServices services = WorkbenchServices.defaults(loader);
        Workbench wb = new Workbench(services, home, new UiExecutors(background, Platform::runLater), null);
        ConsoleCapture.install(wb.viewModel().console(), Platform::runLater);
        services.pluginFailures().forEach(f -> wb.viewModel().console().warn(f)); // disabled, never fatal
        List<Path> files = getParameters().getRaw().stream().map(Path::of).filter(Files::isRegularFile).toList();
        wb.start(stage, files);
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}

package org.edgeai.app.gui;

import java.nio.file.Path;
import java.util.List;

import javafx.stage.Stage;

import org.edgeai.app.gui.view.FxPrompts;
import org.edgeai.app.gui.view.WorkbenchWindow;
import org.edgeai.app.gui.vm.UiExecutors;
import org.edgeai.app.gui.vm.WorkbenchHome;
import org.edgeai.app.gui.vm.WorkbenchViewModel;

/**
 * The composition root: services, home directory, executors and prompts in; the view model and the
 * window out. {@link WorkbenchApp} builds one for the application; GUI tests build theirs with test
 * services, a temporary home and scripted prompts.
 */
public final class Workbench {

    private final WorkbenchViewModel viewModel;
    private final WorkbenchWindow window;

    /** @param prompts the questions' answers; {@code null} for the real dialogs */
    public Workbench(WorkbenchServices services, WorkbenchHome home, UiExecutors executors, UserPrompts prompts) {
        WorkbenchWindow[] w = new WorkbenchWindow[1];
        UserPrompts p = prompts != null ? prompts : new FxPrompts(() -> w[0] == null ? null : w[0].stage());
        this.viewModel = new WorkbenchViewModel(services, home, executors, p);
        this.window = new WorkbenchWindow(viewModel);
        w[0] = window;
    }

    /** Shows the window, then starts the session (restore offer, files to open, or the default sample). */
    public void start(Stage stage, List<Path> files) {
        window.show(stage);
        viewModel.start(files);
    }

    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    public WorkbenchWindow window() {
        return window;
    }
}

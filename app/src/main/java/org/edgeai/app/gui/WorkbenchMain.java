package org.edgeai.app.gui;

import javafx.application.Application;

/** Opens the workbench window; called by {@link org.edgeai.app.Launcher} only when a window is wanted. */
public final class WorkbenchMain {

    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}

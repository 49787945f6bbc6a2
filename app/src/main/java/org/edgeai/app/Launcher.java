package org.edgeai.app;

import org.edgeai.app.cli.WorkbenchCli;

/**
 * The jar's entry point. Without arguments (or with only an experiment file) it opens the workbench
 * window; with a subcommand or an option it runs the headless command line.
 *
 * <p>Deliberately not a {@code javafx.application.Application}: the command line must run with no display
 * and must never load a JavaFX class, so JavaFX is reached only through {@link #openWorkbench}, which
 * names the GUI class reflectively.
 *
 * <p>A JVM started without the vector module runs the workbench in a second JVM that has it ({@link VectorRelaunch}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (VectorRelaunch.wanted()) {
            System.exit(VectorRelaunch.run(args));
        }
        VectorRelaunch.watchLauncher();
        if (WorkbenchCli.isGuiInvocation(args)) {
            openWorkbench(args);
        } else {
            System.exit(WorkbenchCli.execute(args));
        }
    }

    private static void openWorkbench(String[] args) {
        try {
            Class.forName("org.edgeai.app.gui.WorkbenchMain")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("error: cannot open the workbench window: " + cause);
            System.err.println("(the command line works without a display: try --help)");
            System.exit(1);
        }
    }
}

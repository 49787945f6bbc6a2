package org.edgeai.app.gui;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import org.edgeai.app.gui.vm.ConsoleViewModel;

/**
 * Shows the process's standard error in the Console view as well as on the terminal: the SLF4J simple
 * logger (ND4J and the model log through it) writes there, and so do uncaught exceptions. Lines are
 * handed to the Console on the ui executor; the terminal output is unchanged.
 */
final class ConsoleCapture extends OutputStream {

    private final PrintStream original;
    private final ConsoleViewModel console;
    private final Executor ui;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private ConsoleCapture(PrintStream original, ConsoleViewModel console, Executor ui) {
        this.original = original;
        this.console = console;
        this.ui = ui;
    }

    /** Installs the capture for the process (the application only; tests keep their streams). */
    static void install(ConsoleViewModel console, Executor ui) {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ConsoleCapture(err, console, ui), true, StandardCharsets.UTF_8));
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            ui.execute(() -> console.error("uncaught in " + t.getName() + ": " + e));
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                e.printStackTrace(err);
            }
        });
    }

    @Override
    public synchronized void write(int b) {
        original.write(b);
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        original.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                flushLine();
            } else {
                line.write(b[i]);
            }
        }
    }

    @Override
    public void flush() {
        original.flush();
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (text.isEmpty()) {
            return;
        }
        boolean problem = text.contains("ERROR") || text.contains("Exception") || text.startsWith("\tat ");
        boolean warning = text.contains("WARN");
        ui.execute(() -> {
            if (problem) {
                console.error(text);
            } else if (warning) {
                console.warn(text);
            } else {
                console.info(text);
            }
        });
    }
}

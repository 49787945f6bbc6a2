package org.edgeai.app.gui.vm;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Console view's lines: the workbench's messages and errors, newest last, at most {@value #MAX_LINES}. */
public final class ConsoleViewModel {

    public static final int MAX_LINES = 5000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public enum Level { INFO, WARN, ERROR }

    /** @param level severity; @param text the message */
    public record Line(Level level, String time, String text) {
        @Override
        public String toString() {
            return time + "  " + (level == Level.INFO ? "" : level + ": ") + text;
        }
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();

    public ObservableList<Line> lines() {
        return lines;
    }

    public void info(String text) {
        add(Level.INFO, text);
    }

    public void warn(String text) {
        add(Level.WARN, text);
    }

    public void error(String text) {
        add(Level.ERROR, text);
    }

    public void clear() {
        lines.clear();
    }

    private void add(Level level, String text) {
        lines.add(new Line(level, LocalTime.now().format(TIME), text));
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }
}

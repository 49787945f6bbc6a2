package org.edgeai.app.gui.vm;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.edgeai.app.gui.UserPrompts;

/** Scripted answers to the workbench's questions, and a record of what was asked (tests). */
public final class ScriptedPrompts implements UserPrompts {

    public final Deque<SaveChoice> saveAnswers = new ArrayDeque<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public boolean restoreAnswer = true;
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public synchronized SaveChoice askSaveChanges(String title) {
        asked.add("save? " + title);
        if (saveAnswers.isEmpty()) {
            throw new AssertionError("unexpected question: save changes to " + title + "?");
        }
        return saveAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseOpen(String title, List<String> extensions) {
        asked.add("open: " + title);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public synchronized Optional<Path> chooseSave(String title, String suggestedName, List<String> extensions) {
        asked.add("save as: " + title + " (" + suggestedName + ")");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public synchronized boolean askRestore(List<String> titles) {
        asked.add("restore? " + titles);
        return restoreAnswer;
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}

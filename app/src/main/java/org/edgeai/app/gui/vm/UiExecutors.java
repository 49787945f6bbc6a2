package org.edgeai.app.gui.vm;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where view models run work: {@code background} for anything that may take over a few milliseconds
 * (files, generation, layouts, spectra), {@code ui} to come back to the JavaFX thread with the result.
 * The application uses a small daemon pool and {@code Platform::runLater}; view-model tests use
 * {@link #synchronous()}, so they run without a toolkit and without waiting.
 */
public record UiExecutors(Executor background, Executor ui) {

    public UiExecutors {
        Objects.requireNonNull(background);
        Objects.requireNonNull(ui);
    }

    /** Both on the calling thread (tests). */
    public static UiExecutors synchronous() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }
}

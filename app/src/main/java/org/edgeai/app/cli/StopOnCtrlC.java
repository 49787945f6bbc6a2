package org.edgeai.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C as a stop request for a command that writes files: the JVM's shutdown hook sets {@link #flag()} and then
 * holds the exit until {@link #close()} says the files are complete. Use in try-with-resources around the work.
 */
final class StopOnCtrlC implements AutoCloseable {

    private final AtomicBoolean flag = new AtomicBoolean();
    private final CountDownLatch flushed = new CountDownLatch(1);
    private final Thread hook;

    /** @param name the hook thread's name, e.g. "run: stop on Ctrl-C" */
    StopOnCtrlC(String name) {
        hook = new Thread(() -> {
            flag.set(true);
            try {
                flushed.await(); // the JVM exits only once the files are complete
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Set when Ctrl-C (or any JVM shutdown) asks the work to stop. */
    AtomicBoolean flag() {
        return flag;
    }

    /** The files are complete: a pending exit may go ahead, and the hook is removed. */
    @Override
    public void close() {
        flushed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and now returns
        }
    }
}

package org.edgeai.app.gui.vm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that runs nothing until told: lets a test see the state while background work is pending. */
final class QueueExecutor implements Executor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    int size() {
        return queue.size();
    }

    /** Runs queued tasks, including any they queue, until none is left. */
    void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}

package org.edgeai.app.gui.view;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/**
 * Watches how long the JavaFX thread is blocked. Every 5 ms a ping is posted with
 * {@code Platform.runLater}; when it runs, the watchdog records, for the time it waited:
 * <ul>
 *   <li><b>work</b>: the CPU time the JavaFX thread spent meanwhile (never more than the wait): the
 *       longest block of work on the JavaFX thread. This is the asserted figure (DESIGN.md: no work over
 *       ~50 ms on the JavaFX thread). It does not grow when the machine is busy with other processes (a
 *       2-core machine shared with other builds deschedules threads for hundreds of milliseconds, which
 *       says nothing about the workbench);</li>
 *   <li><b>with render</b>: the same plus the renderer thread's CPU (software rendering), reported;</li>
 *   <li><b>wall</b>: the wall-clock wait, reported.</li>
 * </ul>
 * When a ping has waited over 40 ms, a stack of the JavaFX thread is sampled for the failure message.
 * {@link #pause()} excludes phases that are not under test (building a whole window). A phase may carry a budget of
 * its own ({@link #phase(String, double)}) where the work is JavaFX's own first pass over a window it shows for the
 * first time, which no code of ours can move off the thread (decision 0013).
 */
final class FxWatchdog implements AutoCloseable {

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedDeque<Long> outstanding = new ConcurrentLinkedDeque<>();
    private final StringBuilder samples = new StringBuilder();
    private volatile boolean paused;
    private volatile long maxWorkNanos;
    private volatile long maxWallNanos;
    private volatile long maxRenderNanos;
    private volatile long pings;
    private volatile String phase = "";
    private volatile double phaseBudgetMs = BUDGET_MS;
    private volatile String worstPhase = "";
    // The ping whose work was the largest share of its phase's budget: the asserted one.
    private volatile double worstShare;
    private volatile double worstShareWorkMs;
    private volatile double worstShareBudgetMs;
    private volatile String worstSharePhase = "";
    private long sampledFor = -1;
    private long fxId = -1;
    private long rendererId = -1;

    FxWatchdog start() throws Exception {
        mx.setThreadCpuTimeEnabled(true);
        long[] id = new long[1];
        java.util.concurrent.CountDownLatch l = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            id[0] = Thread.currentThread().getId();
            l.countDown();
        });
        if (!l.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX thread does not answer");
        }
        fxId = id[0];
        pinger.scheduleAtFixedRate(this::sample, 2, 5, TimeUnit.MILLISECONDS);
        pinger.scheduleAtFixedRate(this::ping, 0, 5, TimeUnit.MILLISECONDS);
        return this;
    }

    private long rendererCpu() {
        if (rendererId < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    rendererId = t.getId();
                }
            }
        }
        long c = rendererId < 0 ? 0 : mx.getThreadCpuTime(rendererId);
        return Math.max(0, c);
    }

    private void ping() {
        if (paused) {
            return;
        }
        long sent = System.nanoTime();
        long fxAtSend = mx.getThreadCpuTime(fxId);
        long cpuAtSend = fxAtSend + rendererCpu();
        String at = phase;
        double budget = phaseBudgetMs;
        outstanding.addLast(sent);
        Platform.runLater(() -> {
            outstanding.remove(sent);
            long wall = System.nanoTime() - sent;
            long fxWork = Math.min(wall, mx.getCurrentThreadCpuTime() - fxAtSend);
            long withRender = Math.min(wall, mx.getCurrentThreadCpuTime() + rendererCpu() - cpuAtSend);
            if (!paused) {
                pings++;
                if (fxWork > maxWorkNanos) {
                    maxWorkNanos = fxWork;
                    worstPhase = at;
                }
                if (fxWork / 1e6 / budget > worstShare) {
                    worstShare = fxWork / 1e6 / budget;
                    worstShareWorkMs = fxWork / 1e6;
                    worstShareBudgetMs = budget;
                    worstSharePhase = at;
                }
                maxRenderNanos = Math.max(maxRenderNanos, withRender);
                maxWallNanos = Math.max(maxWallNanos, wall);
            }
        });
    }

    private synchronized void sample() {
        Long oldest = outstanding.peekFirst();
        if (oldest == null || paused || oldest == sampledFor || System.nanoTime() - oldest < 40_000_000L) {
            return;
        }
        sampledFor = oldest;
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getId() == fxId && samples.length() < 30_000) {
                samples.append("--- waited > 40 ms during ").append(phase).append('\n');
                StackTraceElement[] st = e.getValue();
                for (int i = 0; i < Math.min(st.length, 14); i++) {
                    samples.append("    at ").append(st[i]).append('\n');
                }
            }
        }
    }

    /** DESIGN.md's budget for one block of work on the JavaFX thread, ms. */
    static final double BUDGET_MS = 50;

    /**
     * Prints the figures and asserts that the watchdog ran and that no block of work on the JavaFX thread exceeded
     * its phase's budget, {@link #BUDGET_MS} unless the phase says otherwise (the failure names the phase and shows
     * the sampled stacks). Call after {@link #close()}.
     */
    void assertWithinBudget() {
        org.junit.jupiter.api.Assertions.assertTrue(pings > 20, "the watchdog did not run");
        System.out.printf("FX watchdog: max work on the FX thread %.1f ms (during: %s); with the renderer %.1f ms; "
                + "max wall-clock wait %.1f ms; %d pings%n", maxWorkMillis(), worstPhase(), maxWithRenderMillis(),
                maxWallMillis(), pings);
        org.junit.jupiter.api.Assertions.assertTrue(worstShare <= 1, String.format(
                "the JavaFX thread was blocked by %.1f ms of work (budget %.0f) during: %s%n%s",
                worstShareWorkMs, worstShareBudgetMs, worstSharePhase, samples()));
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    /** Names what the test is doing, for the failure message; its budget is {@link #BUDGET_MS}. */
    void phase(String p) {
        phase(p, BUDGET_MS);
    }

    /**
     * As {@link #phase(String)} with a budget of its own, only for JavaFX's first pass over a newly shown window
     * (its CSS and layout: about 40 ms on a quiet host, up to 70 ms on a loaded one, measured); say why at the call.
     */
    void phase(String p, double budgetMs) {
        phase = p;
        phaseBudgetMs = budgetMs;
    }

    /** The most CPU the JavaFX and render threads together used while one ping waited, ms (reported). */
    double maxWithRenderMillis() {
        return maxRenderNanos / 1e6;
    }

    /** The most CPU the JavaFX thread used while one ping waited: the longest block of work on it, ms. */
    double maxWorkMillis() {
        return maxWorkNanos / 1e6;
    }

    /** The longest wall-clock wait of a ping, ms (includes time the machine gave to other processes). */
    double maxWallMillis() {
        return maxWallNanos / 1e6;
    }

    long pings() {
        return pings;
    }

    String worstPhase() {
        return worstPhase;
    }

    synchronized String samples() {
        return samples.toString();
    }

    @Override
    public void close() {
        pinger.shutdownNow();
    }
}

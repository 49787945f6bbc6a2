package org.edgeai.model.run;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.edgeai.model.engine.trace.SimObserver;

/**
 * How to run a plan: what to trace, who hears about rounds, the stop flag, and the clock that measures the
 * simulation loop's wall time. Immutable; {@code with...} return copies.
 *
 * @param trace     {@link TraceMode#FULL} (default) or {@link TraceMode#NONE}
 * @param listener  told about every finished round, or null
 * @param stop      set it (from any thread) to end the run at the end of the round in progress; never null
 * @param nanoClock a monotonic nanosecond clock for {@code wall_time_s} (the app passes {@code System::nanoTime};
 *                  the model itself never reads the wall clock); the default always reads 0
 * @param observer  the engine's event observer (e.g. the GUI's buffer), or null
 * @param control   cancels the run from another thread, also in the middle of a round; or null. Its stop
 *                  request is honoured like {@code stop}
 * @param probe     looks at the learning state after every round, or null
 */
public record RunOptions(TraceMode trace, RunListener listener, AtomicBoolean stop, LongSupplier nanoClock,
                         SimObserver observer, RunControl control, RoundProbe probe) {

    public RunOptions {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Full trace, no listener, a fresh stop flag, a clock that reads 0, no observer. */
    public static RunOptions defaults() {
        return new RunOptions(TraceMode.FULL, null, new AtomicBoolean(), () -> 0L, null, null, null);
    }

    public RunOptions withTrace(TraceMode t) {
        return new RunOptions(t, listener, stop, nanoClock, observer, control, probe);
    }

    public RunOptions withListener(RunListener l) {
        return new RunOptions(trace, l, stop, nanoClock, observer, control, probe);
    }

    public RunOptions withStop(AtomicBoolean s) {
        return new RunOptions(trace, listener, s, nanoClock, observer, control, probe);
    }

    public RunOptions withClock(LongSupplier c) {
        return new RunOptions(trace, listener, stop, c, observer, control, probe);
    }

    public RunOptions withObserver(SimObserver o) {
        return new RunOptions(trace, listener, stop, nanoClock, o, control, probe);
    }

    public RunOptions withControl(RunControl c) {
        return new RunOptions(trace, listener, stop, nanoClock, observer, c, probe);
    }

    public RunOptions withProbe(RoundProbe p) {
        return new RunOptions(trace, listener, stop, nanoClock, observer, control, p);
    }

    /** Whether a stop was asked for, through {@code stop} or the control. */
    boolean stopRequested() {
        return stop.get() || (control != null && control.stopFlag().get());
    }
}

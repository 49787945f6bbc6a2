package org.edgeai.app.gui.run;

import java.util.Locale;

/**
 * Where the animation is in virtual time, and how fast it moves: the mapping from screen time to simulated time.
 * Plain state, advanced once per frame by the JavaFX thread; never runs ahead of what has been recorded (the
 * frontier), so the engine thread can be ahead of the picture but never behind it.
 *
 * <h2>Speed</h2>
 * A speed is simulated seconds per screen second, from {@link #MIN_SPEED} (1 simulated ms per second, to watch a
 * single packet cross a link) to {@link #MAX_SPEED}, or {@link #isAsFastAsPossible() as fast as possible}, where
 * the cursor follows the recording's frontier. A slider in [0, 1] maps log-linearly onto [MIN, MAX]; its top
 * position is "as fast as possible".
 */
public final class PlaybackClock {

    /** Simulated seconds per screen second at the slowest setting: 1 ms per second. */
    public static final double MIN_SPEED = 1e-3;
    /** Simulated seconds per screen second at the fastest finite setting. */
    public static final double MAX_SPEED = 1e3;

    private double cursor;
    private double speed = 0.1;
    private boolean fastest;
    private boolean paused = true;
    private double target = Double.NaN; // a time to run to and then pause (step round, jump to round)

    /** The cursor, virtual seconds. */
    public double cursor() {
        return cursor;
    }

    public boolean isPaused() {
        return paused;
    }

    public void play() {
        paused = false;
        target = Double.NaN;
    }

    public void pause() {
        paused = true;
        target = Double.NaN;
    }

    /** Simulated seconds per screen second (meaningless when as fast as possible). */
    public double speed() {
        return speed;
    }

    public boolean isAsFastAsPossible() {
        return fastest;
    }

    /** Sets a finite speed, clamped to [MIN_SPEED, MAX_SPEED]. */
    public void setSpeed(double simSecondsPerSecond) {
        if (!(simSecondsPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0 simulated seconds per second, got " + simSecondsPerSecond);
        }
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, simSecondsPerSecond));
        fastest = false;
    }

    public void setAsFastAsPossible() {
        fastest = true;
    }

    /** The slider position in [0, 1] of the current setting (1 = as fast as possible). */
    public double sliderPosition() {
        if (fastest) {
            return 1;
        }
        return Math.log(speed / MIN_SPEED) / Math.log(MAX_SPEED / MIN_SPEED) * SLIDER_FINITE;
    }

    /** The share of the slider for finite speeds; above it is "as fast as possible". */
    public static final double SLIDER_FINITE = 0.95;

    /** Sets the speed from a slider position in [0, 1]. */
    public void setSliderPosition(double p) {
        double q = Math.max(0, Math.min(1, p));
        if (q > SLIDER_FINITE + 1e-9) {
            setAsFastAsPossible();
        } else {
            setSpeed(MIN_SPEED * Math.pow(MAX_SPEED / MIN_SPEED, q / SLIDER_FINITE));
        }
    }

    /** The mapping in words, e.g. "1 s on screen = 10 ms simulated" or "as fast as possible". */
    public String mappingText() {
        if (fastest) {
            return "as fast as possible";
        }
        return "1 s on screen = " + duration(speed) + " simulated";
    }

    /** A duration in seconds as text with a fitting unit (µs, ms, s, min, h). */
    public static String duration(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-3) {
            return trim(s * 1e6) + " µs";
        }
        if (a < 1) {
            return trim(s * 1e3) + " ms";
        }
        if (a < 120) {
            return trim(s) + " s";
        }
        if (a < 7200) {
            return trim(s / 60) + " min";
        }
        return trim(s / 3600) + " h";
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.3g", v);
        if (t.contains(".") && !t.contains("e")) {
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return t;
    }

    /**
     * Moves the cursor by one frame: {@code wallSeconds} of screen time at the speed, never past {@code frontier}
     * (the end of the recording) and never past a pending target, where it pauses.
     *
     * @return whether the cursor moved
     */
    public boolean advance(double wallSeconds, double frontier) {
        if (paused && Double.isNaN(target)) {
            return false;
        }
        double before = cursor;
        double next;
        if (!Double.isNaN(target)) {
            next = fastest ? target : Math.min(target, cursor + wallSeconds * speed);
            next = Math.min(next, frontier);
            if (next >= target) {
                next = target;
                target = Double.NaN;
                paused = true;
            }
        } else {
            next = fastest ? frontier : Math.min(frontier, cursor + wallSeconds * speed);
        }
        cursor = Math.max(cursor, next);
        return cursor != before;
    }

    /**
     * Plays to {@code t} at the current speed and pauses there (Step round, Jump to round N): the cursor waits at
     * the frontier while the engine has not got that far.
     */
    public void runTo(double t) {
        if (t > cursor) {
            target = t;
            paused = false;
        }
    }

    /** The time the cursor is playing to, or NaN. */
    public double target() {
        return target;
    }

    /** Puts the cursor at {@code t} at once and pauses (Step, the scrubber). */
    public void seek(double t) {
        if (!(t >= 0)) {
            throw new IllegalArgumentException("cursor time must be >= 0 s, got " + t);
        }
        cursor = t;
        paused = true;
        target = Double.NaN;
    }

    /** Back to the start, paused. */
    public void reset() {
        cursor = 0;
        paused = true;
        target = Double.NaN;
    }
}

package org.edgeai.model.engine;

import java.util.Objects;

/**
 * A scheduled change of a link's state: at {@code timeS} the link between {@code source} and {@code target}
 * (either order) goes down or comes up. See {@link org.edgeai.model.engine.net.Network} for what a down link
 * does to messages.
 *
 * @param timeS  virtual time, finite and &ge; 0, seconds
 * @param source one endpoint's node id
 * @param target the other endpoint's node id
 * @param up     true when the link comes up, false when it goes down
 */
public record LinkEvent(double timeS, String source, String target, boolean up) {

    public LinkEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
            throw new IllegalArgumentException("link event " + source + " -- " + target
                    + ": time must be a finite number >= 0 seconds, got " + timeS);
        }
    }

    public static LinkEvent down(double timeS, String source, String target) {
        return new LinkEvent(timeS, source, target, false);
    }

    public static LinkEvent up(double timeS, String source, String target) {
        return new LinkEvent(timeS, source, target, true);
    }
}

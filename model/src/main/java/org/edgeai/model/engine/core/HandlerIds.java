package org.edgeai.model.engine.core;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Small int ids for long-lived handler objects, by identity: events and messages store the id (an int in a
 * primitive array), and the owner looks the handler up in {@link #byId()} when it delivers. The handler used last
 * is remembered, so asking again for its id costs one comparison.
 *
 * <p>Handlers are meant to be long-lived owners (an algorithm, the network): one stays registered as long as the
 * registry lives, and registering more than the limit is refused (it means one object is created per event).
 *
 * @param <T> the handler type
 */
public final class HandlerIds<T> {

    private final Map<T, Integer> ids = new IdentityHashMap<>();
    private final int max;
    private final String owner;
    private final String what;
    private T[] byId;
    private int count;
    private T last;
    private int lastId;

    /**
     * @param initial an empty array of the handler type (its length is the first capacity, at least 1)
     * @param max     the most handlers allowed
     * @param owner   the owner's name in the error message ("simulator", "network")
     * @param what    what the handlers are, plural ("event handlers")
     */
    public HandlerIds(T[] initial, int max, String owner, String what) {
        if (initial.length == 0) {
            throw new IllegalArgumentException("HandlerIds: the initial array must not be empty");
        }
        this.byId = initial;
        this.max = max;
        this.owner = owner;
        this.what = what;
    }

    /** The id of {@code handler}, registering it on first use. O(1) for the handler used last. */
    public int id(T handler) {
        if (handler == last && handler != null) {
            return lastId;
        }
        return idSlow(handler);
    }

    private int idSlow(T handler) {
        Objects.requireNonNull(handler, "handler");
        Integer id = ids.get(handler);
        if (id == null) {
            if (count == max) {
                throw new IllegalStateException(owner + ": more than " + max + " distinct " + what
                        + "; handlers must be long-lived owners, not one object per event or message");
            }
            if (count == byId.length) {
                byId = Arrays.copyOf(byId, count * 2);
            }
            id = count;
            byId[count++] = handler;
            ids.put(handler, id);
        }
        last = handler;
        lastId = id;
        return id;
    }

    /** The handlers by id (ids 0 .. {@link #size()} − 1). The array is replaced when it grows: do not keep it. */
    public T[] byId() {
        return byId;
    }

    /** Number of registered handlers; valid ids are below it. */
    public int size() {
        return count;
    }
}

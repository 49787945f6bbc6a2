package org.edgeai.model.experiment;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds the line and column of a JSON path in a document's text. Locations are needed only when
 * something is wrong, so instead of keeping one entry per value (10^6 entries for a file listing 10^5
 * nodes) the text is kept and scanned again on demand, in O(size of the text) per lookup.
 *
 * <p>Values replaced by {@link JsonOverrides} are located at their override (e.g. {@code --set seed=x}),
 * and so is everything inside them. A path that does not exist resolves to its nearest existing ancestor
 * (a missing key is reported at the object that lacks it). Immutable; shared by the sections of a document.
 */
final class Locator {

    private record Override(String path, SourceLocation at) {
    }

    private final String origin;
    private final String text;
    private final List<Override> overrides;

    Locator(String origin, String text) {
        this(origin, text, List.of());
    }

    private Locator(String origin, String text, List<Override> overrides) {
        this.origin = origin == null ? "" : origin;
        this.text = text;
        this.overrides = overrides;
    }

    /** A locator with no text: every path resolves to the bare origin. */
    static Locator none(String origin) {
        return new Locator(origin, null);
    }

    String origin() {
        return origin;
    }

    Locator withOverride(String path, SourceLocation at) {
        List<Override> l = new ArrayList<>(overrides);
        l.add(new Override(path, at));
        return new Locator(origin, text, List.copyOf(l));
    }

    /** Where the value at {@code path} starts (or its nearest located ancestor). */
    SourceLocation value(String path) {
        return find(path, false);
    }

    /** Where the key of the member at {@code path} is written (or the value's nearest located ancestor). */
    SourceLocation key(String path) {
        return find(path, true);
    }

    private SourceLocation find(String path, boolean key) {
        // the latest override that contains the path wins: it replaced whatever the file said there
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (JsonPath.within(path, overrides.get(i).path())) {
                return overrides.get(i).at();
            }
        }
        if (text == null) {
            return SourceLocation.of(origin);
        }
        try {
            return scan(path, key);
        } catch (IOException | RuntimeException e) {
            return SourceLocation.of(origin);
        }
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int index = -1;
        String field;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    private SourceLocation scan(String target, boolean wantKey) throws IOException {
        SourceLocation best = null;
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = JsonDocument.FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Frame top = stack.peek();
                if (t == JsonToken.FIELD_NAME) {
                    top.field = p.currentName();
                    if (wantKey && JsonPath.key(top.path, top.field).equals(target)) {
                        return at(p.currentTokenLocation());
                    }
                    continue;
                }
                String path;
                if (top == null) {
                    path = "";
                } else if (top.array) {
                    top.index++;
                    path = JsonPath.index(top.path, top.index);
                } else {
                    path = JsonPath.key(top.path, top.field);
                }
                if (path.equals(target)) {
                    return at(p.currentTokenLocation());
                }
                if (JsonPath.within(target, path)) {
                    best = at(p.currentTokenLocation());
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (!JsonPath.within(target, path)) {
                        p.skipChildren(); // the target is not inside: skip the subtree in one go
                    } else {
                        stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                    }
                }
            }
        }
        return best == null ? SourceLocation.of(origin) : best;
    }

    private SourceLocation at(JsonLocation l) {
        return new SourceLocation(origin, l.getLineNr(), l.getColumnNr());
    }
}

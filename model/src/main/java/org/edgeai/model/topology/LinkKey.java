package org.edgeai.model.topology;

/** An unordered pair of node ids, normalized so that {@code a <= b} lexicographically. */
public record LinkKey(String a, String b) {

    public static LinkKey of(String u, String v) {
        return u.compareTo(v) <= 0 ? new LinkKey(u, v) : new LinkKey(v, u);
    }

    @Override
    public String toString() {
        return a + " -- " + b;
    }
}

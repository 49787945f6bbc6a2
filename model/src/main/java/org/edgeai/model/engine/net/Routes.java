package org.edgeai.model.engine.net;

import java.util.Arrays;

/**
 * Least-latency routing tables, one per destination, computed lazily by Dijkstra over the links that are up
 * and cached until a link changes state.
 *
 * <h2>The rule</h2>
 * Paths are ranked by (1) total latency, the sum of the links' latencies each rounded to whole nanoseconds
 * ({@code Math.round(latencyMs * 1e6)}), so that equal sums compare equal exactly; (2) number of hops;
 * (3) the sequence of node <em>indices</em> (topology order, not string ids) from the source to the
 * destination, lexicographically: at the first position where two optimal paths differ, the one with the
 * smaller node index wins. All paths tied on (1) and (2) have the same length, so (3) is a total order.
 *
 * <h2>Why per destination</h2>
 * Dijkstra from the destination gives every node u its distance (D, H) to the destination and, as next hop,
 * the smallest-index neighbour w with lat(u, w) + D(w) = D(u) and 1 + H(w) = H(u). Following next hops from
 * the source picks, position by position, the smallest node that still lies on an optimal path, which is
 * exactly rule (3). Since the suffix of a lexicographically smallest optimal path is itself the smallest
 * optimal path from its first node, hop-by-hop forwarding (each node consults the table when the message
 * reaches it) follows the same path as source routing while nothing changes, and adapts when links go down.
 *
 * <p>Cost: O((n + m) log m) time and 16·n bytes per destination table; tables stay cached until
 * {@link #invalidate()}.
 */
final class Routes {

    private final int n;
    private final int[] off;
    private final int[] to;
    private final int[] linkOf;
    private final int[] rev;
    private final long[] latNs;
    private final boolean[] linkUp;

    private final Table[] cache;
    private int[] cachedDst = new int[16];
    private int cachedCount;

    // Dijkstra scratch (lazy-deletion binary heap on (dist, hops)).
    private long[] hd = new long[64];
    private int[] hh = new int[64];
    private int[] hn = new int[64];
    private int hsize;
    private boolean[] settled;

    static final class Table {
        final int[] nextDir;  // direction from u towards the destination, -1 if none or u == destination
        final long[] distNs;  // Long.MAX_VALUE when unreachable
        final int[] hops;

        Table(int n) {
            nextDir = new int[n];
            distNs = new long[n];
            hops = new int[n];
            Arrays.fill(nextDir, -1);
            Arrays.fill(distNs, Long.MAX_VALUE);
            Arrays.fill(hops, Integer.MAX_VALUE);
        }
    }

    Routes(int n, int[] off, int[] to, int[] linkOf, int[] rev, long[] latNs, boolean[] linkUp) {
        this.n = n;
        this.off = off;
        this.to = to;
        this.linkOf = linkOf;
        this.rev = rev;
        this.latNs = latNs;
        this.linkUp = linkUp;
        this.cache = new Table[n];
    }

    /** The direction a message at {@code u} bound for {@code dst} takes next, or -1 when there is none. */
    int nextDir(int u, int dst) {
        Table t = cache[dst];
        if (t == null) {
            t = compute(dst);
        }
        return t.nextDir[u];
    }

    Table table(int dst) {
        Table t = cache[dst];
        return t == null ? compute(dst) : t;
    }

    /** Forgets every table (a link went down or came up). O(number of cached tables). */
    void invalidate() {
        for (int i = 0; i < cachedCount; i++) {
            cache[cachedDst[i]] = null;
        }
        cachedCount = 0;
    }

    int cachedTables() {
        return cachedCount;
    }

    private Table compute(int dst) {
        Table t = new Table(n);
        if (settled == null) {
            settled = new boolean[n];
        } else {
            Arrays.fill(settled, false);
        }
        long[] dist = t.distNs;
        int[] hops = t.hops;
        int[] next = t.nextDir;
        dist[dst] = 0;
        hops[dst] = 0;
        hsize = 0;
        push(0, 0, dst);
        while (hsize > 0) {
            long d = hd[0];
            int h = hh[0];
            int w = hn[0];
            pop();
            if (settled[w] || d != dist[w] || h != hops[w]) {
                continue;
            }
            settled[w] = true;
            for (int p = off[w], end = off[w + 1]; p < end; p++) {
                int e = linkOf[p];
                if (!linkUp[e]) {
                    continue;
                }
                int u = to[p];
                if (settled[u]) {
                    continue;
                }
                long cd = d + latNs[e];
                int ch = h + 1;
                long ud = dist[u];
                int uh = hops[u];
                boolean better = cd < ud || (cd == ud && (ch < uh || (ch == uh && w < to[next[u]])));
                if (better) {
                    next[u] = rev[p];
                    if (cd != ud || ch != uh) {
                        dist[u] = cd;
                        hops[u] = ch;
                        push(cd, ch, u);
                    }
                }
            }
        }
        cache[dst] = t;
        if (cachedCount == cachedDst.length) {
            cachedDst = Arrays.copyOf(cachedDst, cachedCount * 2);
        }
        cachedDst[cachedCount++] = dst;
        return t;
    }

    private void push(long d, int h, int node) {
        if (hsize == hd.length) {
            hd = Arrays.copyOf(hd, hsize * 2);
            hh = Arrays.copyOf(hh, hsize * 2);
            hn = Arrays.copyOf(hn, hsize * 2);
        }
        int i = hsize++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (hd[p] < d || (hd[p] == d && hh[p] <= h)) {
                break;
            }
            hd[i] = hd[p];
            hh[i] = hh[p];
            hn[i] = hn[p];
            i = p;
        }
        hd[i] = d;
        hh[i] = h;
        hn[i] = node;
    }

    private void pop() {
        int last = --hsize;
        if (last == 0) {
            return;
        }
        long d = hd[last];
        int h = hh[last];
        int node = hn[last];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= last) {
                break;
            }
            if (c + 1 < last && (hd[c + 1] < hd[c] || (hd[c + 1] == hd[c] && hh[c + 1] < hh[c]))) {
                c++;
            }
            if (hd[c] < d || (hd[c] == d && hh[c] < h)) {
                hd[i] = hd[c];
                hh[i] = hh[c];
                hn[i] = hn[c];
                i = c;
            } else {
                break;
            }
        }
        hd[i] = d;
        hh[i] = h;
        hn[i] = node;
    }
}

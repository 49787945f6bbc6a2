package org.edgeai.plugins.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;

/** Independent checks on generated graphs, written with plain collections. */
final class GraphChecks {

    private GraphChecks() {
    }

    static GeneratedGraph gen(GeneratorProvider p, Map<String, ?> raw, long seed) {
        return p.generate(p.validate(raw), seed);
    }

    /** Asserts no self loops, no repeated pairs, endpoints in range. */
    static void assertSimple(GeneratedGraph g) {
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = g.edgeU()[e];
            int b = g.edgeV()[e];
            assertTrue(a >= 0 && a < g.n() && b >= 0 && b < g.n(), "edge " + e + " endpoint out of range: " + a + "-" + b);
            assertTrue(a != b, "self loop at " + a);
            assertTrue(seen.add(key(a, b)), "duplicate edge " + a + "-" + b);
        }
    }

    static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    static int[] degrees(GeneratedGraph g) {
        int[] d = new int[g.n()];
        for (int e = 0; e < g.edgeCount(); e++) {
            d[g.edgeU()[e]]++;
            d[g.edgeV()[e]]++;
        }
        return d;
    }

    static boolean connected(GeneratedGraph g) {
        if (g.n() <= 1) {
            return true;
        }
        int[] d = degrees(g);
        int[][] adj = new int[g.n()][];
        for (int i = 0; i < g.n(); i++) {
            adj[i] = new int[d[i]];
        }
        int[] fill = new int[g.n()];
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = g.edgeU()[e];
            int b = g.edgeV()[e];
            adj[a][fill[a]++] = b;
            adj[b][fill[b]++] = a;
        }
        boolean[] seen = new boolean[g.n()];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(0);
        seen[0] = true;
        int count = 1;
        while (!q.isEmpty()) {
            for (int w : adj[q.poll()]) {
                if (!seen[w]) {
                    seen[w] = true;
                    count++;
                    q.add(w);
                }
            }
        }
        return count == g.n();
    }

    /** The edge set as normalized "a-b" (a &lt; b) pairs, sorted numerically. */
    static TreeSet<Long> edgeSet(GeneratedGraph g) {
        TreeSet<Long> s = new TreeSet<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            s.add(key(g.edgeU()[e], g.edgeV()[e]));
        }
        return s;
    }

    /** The edges in generation order as "u-v u-v ...", for golden small cases. */
    static String edgeList(GeneratedGraph g) {
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < g.edgeCount(); e++) {
            if (e > 0) {
                sb.append(' ');
            }
            sb.append(g.edgeU()[e]).append('-').append(g.edgeV()[e]);
        }
        return sb.toString();
    }

    /**
     * SHA-256 (hex) of the graph in generation order: n, then every edge "u-v" on its own line, then the
     * positions' exact bits when there are any. Any change in a draw, the edge order or a position changes it.
     */
    static String fingerprint(GeneratedGraph g) {
        StringBuilder sb = new StringBuilder().append(g.n()).append('\n');
        for (int e = 0; e < g.edgeCount(); e++) {
            sb.append(g.edgeU()[e]).append('-').append(g.edgeV()[e]).append('\n');
        }
        if (g.hasPositions()) {
            for (int i = 0; i < g.n(); i++) {
                sb.append(Long.toHexString(Double.doubleToLongBits(g.x()[i]))).append(',')
                        .append(Long.toHexString(Double.doubleToLongBits(g.y()[i]))).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static void assertAllDegrees(GeneratedGraph g, int expected) {
        int[] d = degrees(g);
        for (int i = 0; i < g.n(); i++) {
            assertEquals(expected, d[i], "degree of n" + i);
        }
    }
}

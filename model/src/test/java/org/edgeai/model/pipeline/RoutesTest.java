package org.edgeai.model.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Topology;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static Topology graph(String... edges) {
        Topology t = new Topology();
        for (String e : edges) {
            String[] p = e.split(":");
            for (String id : new String[] {p[0], p[1]}) {
                if (!t.hasNode(id)) {
                    t.putNode(Fixtures.node(id, 1));
                }
            }
            t.putLink(new Link(p[0], p[1], 10, Double.parseDouble(p[2]), null));
        }
        return t;
    }

    @Test
    void leastLatencyThenFewestHopsThenSmallestIds() {
        // a-b-d costs 2, a-c-d costs 2, a-e-f-d costs 2: fewest hops, then b < c
        Topology t = graph("a:c:1", "c:d:1", "a:b:1", "b:d:1", "a:e:0.5", "e:f:0.5", "f:d:1", "a:d:5");
        assertEquals(List.of("a", "b", "d"), Routes.shortestPath(t, "a", "d"));
        // a cheaper 3-hop path wins over 2 hops
        Topology u = graph("a:b:1", "b:d:1", "a:e:0.1", "e:f:0.1", "f:d:0.1");
        assertEquals(List.of("a", "e", "f", "d"), Routes.shortestPath(u, "a", "d"));
        assertEquals(List.of("d", "f", "e", "a"), Routes.shortestPath(u, "d", "a"));
        assertEquals(List.of("a"), Routes.shortestPath(u, "a", "a"));
        // zero latencies: hop count decides
        Topology z = graph("a:b:0", "b:c:0", "c:d:0", "a:d:0");
        assertEquals(List.of("a", "d"), Routes.shortestPath(z, "a", "d"));
    }

    @Test
    void errors() {
        Topology t = graph("a:b:1");
        t.putNode(Fixtures.node("z", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Routes.shortestPath(t, "a", "z"));
        assertEquals("no path from node 'a' to node 'z'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Routes.shortestPath(t, "a", "q"));
        assertTrue(e.getMessage().contains("unknown node 'q'") && e.getMessage().contains("a, b, z"), e.getMessage());
    }
}

package org.edgeai.plugins.generators;

import static org.edgeai.plugins.generators.GraphChecks.assertSimple;
import static org.edgeai.plugins.generators.GraphChecks.edgeList;
import static org.edgeai.plugins.generators.GraphChecks.fingerprint;
import static org.edgeai.plugins.generators.GraphChecks.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.TopologyBuilder;
import org.junit.jupiter.api.Test;

/**
 * Golden results with fixed seeds: the exact edge list (in generation order) of a small case per random
 * generator, and the SHA-256 {@link GraphChecks#fingerprint} (edges in order, positions' bits) of a
 * mid-size case. They were recorded from this implementation after the structural, statistical and
 * JGraphT-equivalence tests passed; a change here means every saved experiment would draw another graph,
 * which must be a deliberate, documented decision.
 */
class GoldenTest {

    private record Case(AbstractGenerator generator, Map<String, ?> params) {
    }

    private static final List<Case> MID = List.of(
            new Case(new ErdosRenyiGenerator(), Map.of("nodes", 2000, "p", 0.005, "connected", true)),
            new Case(new WattsStrogatzGenerator(), Map.of("nodes", 2000, "k", 6, "beta", 0.2)),
            new Case(new BarabasiAlbertGenerator(), Map.of("nodes", 2000, "m", 3)),
            new Case(new RandomRegularGenerator(), Map.of("nodes", 2000, "degree", 5)),
            new Case(new RandomGeometricGenerator(), Map.of("nodes", 2000, "radius", 0.03)));

    private static void assertGolden(String expectedEdges, AbstractGenerator p, Map<String, ?> params, long seed) {
        GeneratedGraph g = gen(p, params, seed);
        assertSimple(g);
        assertEquals(expectedEdges, edgeList(g), p.id());
    }

    @Test
    void erdosRenyiSmall() {
        assertGolden("2-1 3-0 3-1 3-2 4-0 5-0 5-1 6-0 6-1 6-3 6-4 7-0 7-2 7-4",
                new ErdosRenyiGenerator(), Map.of("nodes", 8, "p", 0.4), 42);
    }

    @Test
    void wattsStrogatzSmall() {
        assertGolden("0-1 0-2 1-2 1-3 2-3 2-4 3-9 3-5 4-5 4-7 5-6 5-7 6-7 6-8 7-8 7-9 8-9 8-0 9-0 9-1",
                new WattsStrogatzGenerator(), Map.of("nodes", 10, "k", 4, "beta", 0.3), 42);
    }

    @Test
    void barabasiAlbertSmall() {
        assertGolden("0-1 2-1 2-0 3-0 3-2 4-0 4-3 5-3 5-1 6-2 6-3 7-2 7-0 8-6 8-2 9-3 9-0",
                new BarabasiAlbertGenerator(), Map.of("nodes", 10, "m", 2), 42);
    }

    @Test
    void randomRegularSmall() {
        assertGolden("1-9 8-3 2-6 3-6 8-4 9-2 9-5 4-7 0-5 6-1 1-8 7-2 7-0 4-5 0-3",
                new RandomRegularGenerator(), Map.of("nodes", 10, "degree", 3), 42);
    }

    @Test
    void randomGeometricSmall() {
        Map<String, ?> params = Map.of("nodes", 10, "radius", 0.4);
        assertGolden("0-7 1-4 1-5 1-6 1-8 1-9 2-3 2-4 2-8 2-9 3-4 3-5 3-8 3-9 4-5 4-6 4-8 4-9 5-6 5-8 5-9 6-7 8-9",
                new RandomGeometricGenerator(), params, 42);
        GeneratedGraph g = gen(new RandomGeometricGenerator(), params, 42);
        assertEquals(234.50340497056095, g.x()[0]);
        assertEquals(50.568106302343324, g.y()[0]);
    }

    @Test
    void midSizeFingerprints() {
        List<String> expected = List.of(
                "9a54611eab9ba91e772fe47f95c7108bad72ccce7369cbb6b810b2669b319e1b",
                "3d8d633151e5125539035ffc9e6e796b626e0caaaf3e03e3a13eb4a13df146ba",
                "70e28c4a58d2b162d80268a54c1fcc38b24d0de17fd0010bc267f08950ce4776",
                "14eb843637e5fe499fd474ce40dbbc0f9d7f1d6fe60eb132c42f2e912f02e250",
                "bebf9fe2ce0e01e7c672101d92681a74724731b964ff2becd2f369c83e280147");
        List<Integer> links = List.of(10082, 6000, 5994, 5000, 5556);
        for (int i = 0; i < MID.size(); i++) {
            Case c = MID.get(i);
            GeneratedGraph g = gen(c.generator(), c.params(), 7);
            assertSimple(g);
            assertEquals(links.get(i), g.edgeCount(), c.generator().id());
            assertEquals(expected.get(i), fingerprint(g), c.generator().id());
        }
    }

    @Test
    void sameSeedSameGraphDifferentSeedDifferentGraph() {
        for (Case c : MID) {
            String a = fingerprint(gen(c.generator(), c.params(), 1001));
            assertEquals(a, fingerprint(gen(c.generator(), c.params(), 1001)), c.generator().id());
            assertNotEquals(a, fingerprint(gen(c.generator(), c.params(), 1002)), c.generator().id());
        }
    }

    @Test
    void sameSeedsSameTopologyIncludingTheLayout() {
        for (Case c : MID) {
            GeneratedGraph g = gen(c.generator(), Map.of(), 5);
            Topology a = TopologyBuilder.build(g, TopologyDefaults.standard(), 9);
            Topology b = TopologyBuilder.build(gen(c.generator(), Map.of(), 5), TopologyDefaults.standard(), 9);
            assertEquals(a, b, c.generator().id());
        }
    }
}

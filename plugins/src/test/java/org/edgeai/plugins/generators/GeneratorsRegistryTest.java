package org.edgeai.plugins.generators;

import static org.edgeai.plugins.generators.GraphChecks.assertSimple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.ParameterType;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.generate.GeneratedGraph;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.edgeai.model.topology.generate.TopologyBuilder;
import org.junit.jupiter.api.Test;

class GeneratorsRegistryTest {

    private static final List<String> IDS = List.of("barabasi-albert", "complete", "erdos-renyi", "exponential", "grid",
            "hypercube", "random-geometric", "random-regular", "ring", "star", "tree", "watts-strogatz");

    private static ProviderRegistry<GeneratorProvider> registry() {
        return Generators.registry(GeneratorsRegistryTest.class.getClassLoader());
    }

    @Test
    void serviceLoaderFindsAllTwelveGenerators() {
        ProviderRegistry<GeneratorProvider> r = registry();
        assertEquals(IDS, r.ids());
        assertEquals(List.of(), r.failures());
        assertEquals("generator", r.family());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry().get("lattice"));
        assertEquals("unknown generator 'lattice'; expected one of " + String.join(", ", IDS), ex.getMessage());
    }

    @Test
    void everyParameterHasADefaultARangeAndHelpSoTheGuiCanOfferIt() {
        for (GeneratorProvider p : registry().all()) {
            assertFalse(p.displayName().isBlank(), p.id());
            assertFalse(p.description().isBlank(), p.id());
            for (ParameterDescriptor d : p.parameters()) {
                assertFalse(d.required(), p.id() + "." + d.name() + " has a default");
                assertFalse(d.help().isBlank(), p.id() + "." + d.name() + " has help");
                if (d.type() == ParameterType.INTEGER || d.type() == ParameterType.DOUBLE) {
                    assertTrue(d.min() != null && d.max() != null, p.id() + "." + d.name() + " has a range");
                }
            }
        }
    }

    @Test
    void everyGeneratorBuildsASimpleTopologyFromItsDefaults() {
        for (GeneratorProvider p : registry().all()) {
            GeneratedGraph g = p.generate(p.validate(Map.of()), 7);
            assertSimple(g);
            assertTrue(g.n() >= 2 && g.edgeCount() >= 1, p.id());
            Topology t = TopologyBuilder.build(g, TopologyDefaults.standard(), 7);
            assertEquals(g.n(), t.nodeCount(), p.id());
            assertEquals(g.edgeCount(), t.linkCount(), p.id());
            // positions: every node placed, no two at the same point
            long distinct = t.nodes().stream().map(n -> Math.round(n.x() * 1e3) + "," + Math.round(n.y() * 1e3)).distinct().count();
            assertEquals(g.n(), distinct, p.id() + ": distinct positions");
        }
    }

    @Test
    void parameterNamesAreTheDocumentedJsonKeys() {
        ProviderRegistry<GeneratorProvider> r = registry();
        assertEquals(List.of("nodes"), names(r.get("ring")));
        assertEquals(List.of("nodes", "branching"), names(r.get("tree")));
        assertEquals(List.of("nodes", "p", "connected"), names(r.get("erdos-renyi")));
        assertEquals(List.of("nodes"), names(r.get("complete")));
        assertEquals(List.of("nodes"), names(r.get("star")));
        assertEquals(List.of("rows", "cols", "torus"), names(r.get("grid")));
        assertEquals(List.of("nodes", "k", "beta"), names(r.get("watts-strogatz")));
        assertEquals(List.of("nodes", "m"), names(r.get("barabasi-albert")));
        assertEquals(List.of("dimension"), names(r.get("hypercube")));
        assertEquals(List.of("nodes", "degree"), names(r.get("random-regular")));
        assertEquals(List.of("nodes", "radius"), names(r.get("random-geometric")));
        assertEquals(List.of("nodes"), names(r.get("exponential")));
    }

    private static List<String> names(GeneratorProvider p) {
        return p.parameters().stream().map(ParameterDescriptor::name).toList();
    }
}

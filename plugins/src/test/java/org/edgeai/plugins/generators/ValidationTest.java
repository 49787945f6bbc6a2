package org.edgeai.plugins.generators;

import static org.edgeai.plugins.generators.GraphChecks.gen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.edgeai.model.spi.Parameters;
import org.edgeai.model.topology.generate.GeneratorProvider;
import org.junit.jupiter.api.Test;

/** Bad input gets a message that names the generator, the parameter, what was expected and what was got. */
class ValidationTest {

    private static String error(GeneratorProvider p, Map<String, ?> raw) {
        return assertThrows(IllegalArgumentException.class, () -> gen(p, raw, 1)).getMessage();
    }

    @Test
    void ringWithTwoNodesNamesTheParameterAndTheRange() {
        assertEquals("ring: nodes: expected a value in [3, 10000000], got 2", error(new RingGenerator(), Map.of("nodes", 2)));
    }

    @Test
    void outOfRangeAndWrongTypesAreRejectedByTheDescriptors() {
        assertEquals("erdos-renyi: p: expected a value in [0, 1], got 1.5", error(new ErdosRenyiGenerator(), Map.of("p", 1.5)));
        assertEquals("watts-strogatz: beta: expected a value in [0, 1], got -0.1", error(new WattsStrogatzGenerator(), Map.of("beta", -0.1)));
        assertEquals("hypercube: dimension: expected a value in [1, 20], got 21", error(new HypercubeGenerator(), Map.of("dimension", 21)));
        assertEquals("tree: branching: expected a value in [1, 10000000], got 0", error(new TreeGenerator(), Map.of("branching", 0)));
        assertEquals("complete: nodes: expected a value in [2, 10000], got 10001", error(new CompleteGenerator(), Map.of("nodes", 10001)));
        assertEquals("star: nodes: expected an integer, got 2.5", error(new StarGenerator(), Map.of("nodes", 2.5)));
        assertEquals("grid: torus: expected true or false, got \"yes\"", error(new GridGenerator(), Map.of("torus", "yes")));
        assertEquals("ring: unknown parameter 'node'; expected one of nodes", error(new RingGenerator(), Map.of("node", 5)));
    }

    @Test
    void crossParameterConstraintsNameTheParametersAndValues() {
        String ws = error(new WattsStrogatzGenerator(), Map.of("nodes", 10, "k", 3));
        assertEquals("watts-strogatz: k must be even, got k=3", ws);
        assertEquals("watts-strogatz: k must be less than nodes, got k=10, nodes=10",
                error(new WattsStrogatzGenerator(), Map.of("nodes", 10, "k", 10)));
        assertEquals("barabasi-albert: m must be less than nodes, got m=5, nodes=5",
                error(new BarabasiAlbertGenerator(), Map.of("nodes", 5, "m", 5)));
        assertEquals("random-regular: nodes * degree must be even (every link has two ends), got nodes=5, degree=3",
                error(new RandomRegularGenerator(), Map.of("nodes", 5, "degree", 3)));
        assertEquals("random-regular: degree must be less than nodes, got degree=6, nodes=6",
                error(new RandomRegularGenerator(), Map.of("nodes", 6, "degree", 6)));
        String torus = error(new GridGenerator(), Map.of("rows", 2, "cols", 5, "torus", true));
        assertTrue(torus.startsWith("grid: torus needs rows >= 3 and cols >= 3"), torus);
        assertTrue(torus.contains("duplicate") && torus.endsWith("got rows=2, cols=5"), torus);
        String big = error(new GridGenerator(), Map.of("rows", 10000, "cols", 10000));
        assertTrue(big.contains("rows * cols") && big.contains("10000000") && big.contains("rows=10000"), big);
    }

    @Test
    void linkLimitIsEnforcedBeforeAnythingIsAllocated() {
        String er = error(new ErdosRenyiGenerator(), Map.of("nodes", 1_000_000, "p", 0.5));
        assertTrue(er.startsWith("erdos-renyi: nodes=1000000 and p=0.5 on average give 249999750000 links, more than the limit of 50000000"), er);
        String ex = error(new ExponentialGenerator(), Map.of("nodes", 10_000_000));
        assertTrue(ex.contains("more than the limit"), ex);
    }

    @Test
    void generateRevalidatesUncheckedParameters() {
        // Parameters.of skips validation; generate must still enforce the ranges
        RingGenerator ring = new RingGenerator();
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ring.generate(Parameters.of(Map.of("nodes", 1)), 0));
        assertEquals("ring: nodes: expected a value in [3, 10000000], got 1", ex.getMessage());
    }
}

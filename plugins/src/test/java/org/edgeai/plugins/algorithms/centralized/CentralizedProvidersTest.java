package org.edgeai.plugins.algorithms.centralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;
import org.edgeai.model.spi.ProviderRegistry;
import org.junit.jupiter.api.Test;

class CentralizedProvidersTest {

    private static final ProviderRegistry<AlgorithmProvider> REGISTRY =
            ProviderRegistry.load("algorithm", AlgorithmProvider.class, CentralizedProvidersTest.class.getClassLoader());
    private static final List<String> IDS = List.of("fedavg", "fedprox", "hier-fedavg", "lag", "ps-sgd", "zo-sgd");

    @Test
    void allCentralizedAlgorithmsAreRegistered() {
        assertEquals(List.of(), REGISTRY.failures());
        for (String id : IDS) {
            AlgorithmProvider p = REGISTRY.find(id).orElseThrow(() -> new AssertionError("no provider " + id));
            assertEquals(AlgorithmProvider.Family.CENTRALIZED, p.family());
            assertTrue(!p.displayName().isBlank() && !p.description().isBlank(), id);
            for (ParameterDescriptor d : p.parameters()) {
                assertTrue(!d.help().isBlank(), id + "." + d.name());
            }
        }
    }

    @Test
    void everyAlgorithmHasTheLearningRateAndAggregationParameters() {
        for (String id : IDS) {
            Parameters p = REGISTRY.get(id).validate(Map.of());
            assertTrue(p.getDouble("learningRate") > 0, id);
            assertEquals("digital", p.getString("aggregation"), id);
            assertEquals(20.0, p.getDouble("snrDb"), id);
        }
        Parameters fedavg = REGISTRY.get("fedavg").validate(Map.of());
        assertEquals(0.1, fedavg.getDouble("clientFraction"));
        assertEquals(5L, fedavg.getLong("localSteps"));
        assertEquals(0.1, fedavg.getDouble("learningRate"));
        assertEquals(0.01, REGISTRY.get("fedprox").validate(Map.of()).getDouble("mu"));
        assertEquals(5L, REGISTRY.get("hier-fedavg").validate(Map.of()).getLong("cloudPeriod"));
        assertEquals(false, REGISTRY.get("ps-sgd").validate(Map.of()).getBoolean("fullBatch"));
        assertEquals("", REGISTRY.get("ps-sgd").validate(Map.of()).getString("server"));
    }

    @Test
    void badParametersAreNamed() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.get("fedavg").validate(Map.of("clientFraction", 1.5)));
        assertTrue(ex.getMessage().startsWith("fedavg: clientFraction"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("ps-sgd").validate(Map.of("aggregation", "analog")));
        assertTrue(ex.getMessage().contains("digital, over-the-air"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> REGISTRY.get("hier-fedavg").validate(Map.of("server", "s")));
        assertTrue(ex.getMessage().contains("unknown parameter 'server'") && ex.getMessage().contains("cloud"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> Aggregation.fromId("analog"));
        assertTrue(ex.getMessage().contains("digital, over-the-air"), ex.getMessage());
    }
}

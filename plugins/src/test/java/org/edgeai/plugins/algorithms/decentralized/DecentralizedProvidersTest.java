package org.edgeai.plugins.algorithms.decentralized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.engine.trace.RoundMetrics;
import org.edgeai.model.run.RunSetup;
import org.edgeai.model.spi.ProviderRegistry;
import org.junit.jupiter.api.Test;

class DecentralizedProvidersTest {

    private static final List<String> IDS = List.of("dsgd", "gossip-avg", "gossip-sgd", "allreduce-ring", "allreduce-tree",
            "choco-sgd");

    private static ProviderRegistry<AlgorithmProvider> registry() {
        return ProviderRegistry.load("algorithm", AlgorithmProvider.class, DecentralizedProvidersTest.class.getClassLoader());
    }

    @Test
    void everyDecentralizedAlgorithmIsRegisteredWithValidDefaults() {
        ProviderRegistry<AlgorithmProvider> reg = registry();
        for (String id : IDS) {
            AlgorithmProvider p = reg.get(id);
            assertEquals(AlgorithmProvider.Family.DECENTRALIZED, p.family(), id);
            assertTrue(!p.displayName().isBlank() && !p.description().isBlank(), id);
            var defaults = p.validate(Map.of());
            p.parameters().forEach(d -> assertTrue(defaults.has(d.name()) && !d.help().isBlank(), id + "." + d.name()));
            if (p.parameters().stream().anyMatch(d -> d.name().equals("learningRate"))) {
                assertEquals(0.1, defaults.getDouble("learningRate"), id);
            }
            if (p.parameters().stream().anyMatch(d -> d.name().equals("mixing"))) {
                assertEquals("metropolis", defaults.getString("mixing"), id);
            }
        }
    }

    @Test
    void defaultsLearnOnASmallClassificationRun() {
        int n = 8;
        var w = Fixture.digits(n);
        for (String id : IDS) {
            if (id.equals("gossip-avg")) {
                continue; // averaging only, no gradient step: its task is consensus (covered below and in GossipTest)
            }
            Fixture.Run run = Fixture.run(Fixture.ring(n), w, registry().get(id), Map.of(), 30);
            double loss0 = run.learning().metrics().loss();
            RoundMetrics m = null;
            for (int r = 0; r < 30; r++) {
                m = run.round();
            }
            assertTrue(m.values().get(RunSetup.LOSS) < 0.6 * loss0, id + ": " + m.values() + " from " + loss0);
            assertTrue(m.values().get(RunSetup.ACCURACY) > 0.75, id + ": " + m.values());
            assertEquals(List.of(RunSetup.LOSS, RunSetup.ACCURACY, RunSetup.CONSENSUS_ERROR), List.copyOf(m.values().keySet()));
        }
    }

    @Test
    void defaultsReachConsensus() {
        int n = 8;
        int d = 3;
        for (String id : IDS) {
            Fixture.Run run = Fixture.run(Fixture.ring(n), Fixture.consensus(n, d), registry().get(id), Map.of(), 60);
            double ce0 = Fixture.consensusError(run.x(), n, d);
            RoundMetrics m = null;
            for (int r = 0; r < 60; r++) {
                m = run.round();
            }
            assertTrue(m.values().get(RunSetup.CONSENSUS_ERROR) < 1e-2 * ce0, id + ": " + m.values() + " from " + ce0);
        }
    }

    @Test
    void badParametersNameTheParameter() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> registry().get("choco-sgd").validate(Map.of("gamma", 1.5)));
        assertTrue(ex.getMessage().contains("gamma"), ex.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry().get("gossip-avg").validate(Map.of("learningRate", 0.1)));
        assertTrue(unknown.getMessage().contains("learningRate"), unknown.getMessage());
    }
}

package org.edgeai.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.ProviderRegistry;
import org.junit.jupiter.api.Test;

/** The settings form offers exactly what the installed plugins declare. */
class RegistrySettingsSchemaTest {

    final RegistrySettingsSchema schema = RegistrySettingsSchema.load(getClass().getClassLoader());

    @Test
    void algorithmsAndTheirParametersComeFromTheProviders() {
        ProviderRegistry<AlgorithmProvider> reg = ProviderRegistry.load("algorithm", AlgorithmProvider.class,
                getClass().getClassLoader());
        assertEquals(reg.ids(), schema.types("algorithm"));
        assertTrue(schema.types("algorithm").containsAll(List.of("ps-sgd", "fedavg", "dsgd", "gossip-avg", "choco-sgd")));
        for (String id : reg.ids()) {
            assertEquals(reg.get(id).parameters(), schema.parameters("algorithm", id), id);
        }
        assertTrue(schema.parameters("algorithm", "gossip-avg").isEmpty(), "gossip-avg takes no parameters");
    }

    @Test
    void compressionAddsTheRunsDirection() {
        assertEquals(List.of("fp16", "none", "qsgd", "randk", "sign", "topk"), schema.types("compression"));
        List<String> names = schema.parameters("compression", "qsgd").stream().map(ParameterDescriptor::name).toList();
        assertTrue(names.contains("levels") && names.get(names.size() - 1).equals("direction"), names.toString());
        ParameterDescriptor levels = schema.parameters("compression", "qsgd").get(0);
        assertEquals(16L, levels.defaultValue(), "the form shows the compressor's real default");
    }

    @Test
    void workloadTasksAndRunSections() {
        assertEquals(List.of("classification", "consensus", "least-squares"), schema.types("workload"));
        assertEquals("task", schema.typeKey("workload"));
        assertTrue(schema.parameters("workload", "consensus").stream().anyMatch(d -> d.name().equals("dimension")));
        assertTrue(schema.parameters("run", "").stream().anyMatch(d -> d.name().equals("rounds")));
    }
}

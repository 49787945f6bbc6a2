package org.edgeai.model.run;

import org.edgeai.model.testing.TestGenerators;

/** The runner's test registries ({@link TestRegistries}) with the test generators, for tests in other packages. */
public final class PublicTestRegistries {

    private PublicTestRegistries() {
    }

    /** Generators {@code ring}, {@code star}, {@code seedprobe}; algorithms {@code test-avg}, {@code test-central}; compressors none, qsgd, topk. */
    public static RunRegistries registries() {
        RunRegistries r = TestRegistries.registries();
        return new RunRegistries(TestGenerators.registry(), r.algorithms(), r.compressors());
    }
}

package org.edgeai.app.cli;

import org.edgeai.model.learning.models.Simd;

import picocli.CommandLine;

/** The version from the jar manifest (Implementation-Version), or "development build" from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Edge AI Workbench " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                "Model kernels: " + Simd.description()};
    }
}

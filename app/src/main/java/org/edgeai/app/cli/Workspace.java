package org.edgeai.app.cli;

import java.nio.file.Path;
import java.util.List;

import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * What every command needs: the plugin registries (built-ins on the class path) and experiment loading
 * that turns any problem into a located one-line message.
 */
final class Workspace {

    private final ProviderRegistry<GeneratorProvider> generators;

    Workspace(ClassLoader loader) {
        this.generators = ProviderRegistry.load("generator", GeneratorProvider.class, loader);
    }

    static Workspace standard() {
        return new Workspace(Workspace.class.getClassLoader());
    }

    ProviderRegistry<GeneratorProvider> generators() {
        return generators;
    }

    Experiment load(Path file, List<String> overrides) {
        return ExperimentFile.load(file, generators, overrides == null ? List.of() : overrides);
    }

    /**
     * Re-throws a section parser's path-only error as an {@link ExperimentFileException} that also names
     * the file, line and column.
     */
    static ExperimentFileException located(Section s, SpecException ex) {
        String prefix = ex.path() + ": ";
        String problem = ex.getMessage().startsWith(prefix) ? ex.getMessage().substring(prefix.length()) : ex.getMessage();
        return s.error(ex.path(), problem);
    }
}

package org.edgeai.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.edgeai.model.engine.AlgorithmProvider;
import org.edgeai.model.experiment.Experiment;
import org.edgeai.model.experiment.ExperimentFile;
import org.edgeai.model.experiment.ExperimentFileException;
import org.edgeai.model.experiment.Section;
import org.edgeai.model.learning.compress.CompressorProvider;
import org.edgeai.model.pipeline.SpecException;
import org.edgeai.model.run.RunRegistries;
import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * What every command needs: the plugin registries (built-ins on the class path, plus the jars of a plugin
 * folder) and experiment loading that turns any problem into a located one-line message.
 *
 * <p>Plugins: {@link #withPlugins(Path)} puts every {@code *.jar} of a folder (in name order) on a
 * {@link URLClassLoader} whose parent is the app's loader, and finds providers with
 * {@link java.util.ServiceLoader} through it: a jar contributes by listing its classes in
 * {@code META-INF/services/<provider interface>}. A plugin that fails to load or to describe itself is left
 * out and reported ({@link #failures()}); it never takes a command down.
 */
public final class Workspace {

    /** The folder the GUI loads plugins from: {@code ~/.edge-ai-workbench/plugins}. */
    public static Path defaultPluginFolder() {
        return Path.of(System.getProperty("user.home"), ".edge-ai-workbench", "plugins");
    }

    private final ProviderRegistry<GeneratorProvider> generators;
    private final ProviderRegistry<AlgorithmProvider> algorithms;
    private final ProviderRegistry<CompressorProvider> compressors;

    public Workspace(ClassLoader loader) {
        this.generators = ProviderRegistry.load("generator", GeneratorProvider.class, loader);
        this.algorithms = ProviderRegistry.load("algorithm", AlgorithmProvider.class, loader);
        this.compressors = ProviderRegistry.load("compressor", CompressorProvider.class, loader);
    }

    /** The built-in providers (the app's class path). */
    public static Workspace standard() {
        return new Workspace(Workspace.class.getClassLoader());
    }

    /**
     * The built-ins plus the plugins in {@code folder} ({@link #standard()} when {@code folder} is null).
     *
     * @throws UserException when the folder does not exist or cannot be read
     */
    public static Workspace withPlugins(Path folder) {
        return folder == null ? standard() : new Workspace(pluginLoader(folder, Workspace.class.getClassLoader()));
    }

    /**
     * A class loader over the {@code *.jar} files of {@code folder}, sorted by name, with parent {@code parent}.
     * The loader stays open for the life of the process (its classes are in use until then).
     *
     * @throws UserException when {@code folder} is not a readable folder
     */
    public static ClassLoader pluginLoader(Path folder, ClassLoader parent) {
        if (!Files.isDirectory(folder)) {
            throw new UserException("--plugins " + folder + ": no such folder");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new UserException("--plugins " + folder + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin folder " + folder + ": " + e.getMessage(), e);
        }
        return new URLClassLoader("plugins", jars.toArray(new URL[0]), parent);
    }

    public ProviderRegistry<GeneratorProvider> generators() {
        return generators;
    }

    public ProviderRegistry<AlgorithmProvider> algorithms() {
        return algorithms;
    }

    public ProviderRegistry<CompressorProvider> compressors() {
        return compressors;
    }

    /** The three registries a run needs. */
    public RunRegistries registries() {
        return new RunRegistries(generators, algorithms, compressors);
    }

    /** Messages about providers that were found but disabled, generators first. */
    public List<String> failures() {
        return registries().failures();
    }

    /** Writes each failure as a {@code warning:} line. */
    public void reportFailures(PrintWriter err) {
        for (String f : failures()) {
            err.println("warning: " + f);
        }
        err.flush();
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

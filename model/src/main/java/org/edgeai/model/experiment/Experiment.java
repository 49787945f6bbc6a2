package org.edgeai.model.experiment;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.edgeai.model.spi.ProviderRegistry;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.generate.GeneratorProvider;

/**
 * An experiment in memory: what an experiment file ({@code "schemaVersion": 1}) holds. Typed here: name,
 * description, seed, the topology section ({@link TopologySpec}) and {@code run.rounds}. The sections that
 * later parts of the workbench give meaning to ({@code workload}, {@code algorithm}, {@code pipeline},
 * {@code split}, {@code compression}, {@code network}, {@code sweep}) are kept as {@link Section}s, as written, and read
 * through {@link #section(String)} by the code that owns them.
 *
 * <p>Every value remembers whether it was written: the getters return the value in force (the default when
 * not written) and {@link ExperimentFile} saves either the written form or the form with every default
 * filled in. Immutable; edits return a copy.
 */
public final class Experiment {

    /** The file format version this workbench reads and writes. */
    public static final int SCHEMA_VERSION = 1;
    /** Seed of an experiment that gives none. */
    public static final long DEFAULT_SEED = 0;
    /** {@code run.rounds} of an experiment that gives none. */
    public static final long DEFAULT_ROUNDS = 100;
    /** Largest {@code run.rounds}. */
    public static final long MAX_ROUNDS = 1_000_000_000L;

    /**
     * The top-level keys, in the order they are written: DESIGN.md's example, with a pipeline experiment's
     * {@code pipeline} and a split-inference experiment's {@code split} beside {@code algorithm}, and
     * {@code sweep} last.
     */
    public static final List<String> KEYS = List.of("schemaVersion", "name", "description", "seed", "topology",
            "workload", "algorithm", "pipeline", "split", "compression", "network", "run", "sweep");

    /** The sections kept as written for later code, in the order they are written. */
    public static final List<String> RAW_SECTIONS = List.of("workload", "algorithm", "pipeline", "split", "compression",
            "network", "sweep");

    private final String name;
    private final String description;
    private final Long seed;
    private final TopologySpec topology;
    private final Long rounds;
    private final Map<String, Section> sections;
    private final Path source;

    Experiment(String name, String description, Long seed, TopologySpec topology, Long rounds,
               Map<String, Section> sections, Path source) {
        this.name = name;
        this.description = description;
        this.seed = seed;
        this.topology = Objects.requireNonNull(topology, "topology");
        if (rounds != null && (rounds < 1 || rounds > MAX_ROUNDS)) {
            throw new IllegalArgumentException("run.rounds: expected an integer in [1, " + MAX_ROUNDS + "], got " + rounds);
        }
        this.rounds = rounds;
        Map<String, Section> m = new LinkedHashMap<>();
        for (String k : RAW_SECTIONS) {
            Section s = sections == null ? null : sections.get(k);
            if (s != null) {
                m.put(k, s);
            }
        }
        if (sections != null) {
            for (String k : sections.keySet()) {
                if (!RAW_SECTIONS.contains(k)) {
                    throw new IllegalArgumentException(Names.unknown("section", k, RAW_SECTIONS));
                }
            }
        }
        this.sections = Collections.unmodifiableMap(m);
        this.source = source;
    }

    /** A new experiment over a topology, every other value at its default. */
    public static Experiment of(TopologySpec topology) {
        return new Experiment(null, null, null, topology, null, Map.of(), null);
    }

    // ------------------------------------------------------------------ values in force

    /** The name; when none was written, the file's name without extension, or {@code "untitled"}. */
    public String name() {
        if (name != null) {
            return name;
        }
        if (source != null && source.getFileName() != null) {
            String f = source.getFileName().toString();
            int dot = f.lastIndexOf('.');
            return dot > 0 ? f.substring(0, dot) : f;
        }
        return "untitled";
    }

    /** The description, empty when none was written. */
    public String description() {
        return description == null ? "" : description;
    }

    /** The experiment seed (default {@value #DEFAULT_SEED}); components derive their own with {@link Seeds}. */
    public long seed() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    /** Number of rounds to run (default {@value #DEFAULT_ROUNDS}), in [1, {@value #MAX_ROUNDS}]. */
    public long rounds() {
        return rounds == null ? DEFAULT_ROUNDS : rounds;
    }

    public TopologySpec topology() {
        return topology;
    }

    /**
     * Builds the topology ({@link TopologySpec#build}) with this experiment's seed.
     *
     * @throws ExperimentFileException located in the file when the topology cannot be built
     */
    public Topology buildTopology(ProviderRegistry<GeneratorProvider> generators) {
        return topology.build(generators, seed());
    }

    /** One of {@link #RAW_SECTIONS}, if the experiment has it. */
    public Optional<Section> section(String key) {
        if (!RAW_SECTIONS.contains(key)) {
            throw new IllegalArgumentException(Names.unknown("section", key, RAW_SECTIONS));
        }
        return Optional.ofNullable(sections.get(key));
    }

    /** The raw sections present, in the order of {@link #RAW_SECTIONS}. */
    public Map<String, Section> sections() {
        return sections;
    }

    /** The file this experiment was loaded from or saved to, for paths relative to it (e.g. a CSV data set). */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** {@code relative} resolved against the experiment file's folder (or as given when there is no file). */
    public Path resolve(String relative) {
        Path p = Path.of(relative);
        if (p.isAbsolute() || source == null || source.toAbsolutePath().getParent() == null) {
            return p;
        }
        return source.toAbsolutePath().getParent().resolve(p).normalize();
    }

    // ------------------------------------------------------------------ as written

    /** The name as written, or empty. */
    public Optional<String> writtenName() {
        return Optional.ofNullable(name);
    }

    /** The description as written, or empty. */
    public Optional<String> writtenDescription() {
        return Optional.ofNullable(description);
    }

    /** The seed as written, or empty. */
    public Optional<Long> writtenSeed() {
        return Optional.ofNullable(seed);
    }

    /** {@code run.rounds} as written, or empty. */
    public Optional<Long> writtenRounds() {
        return Optional.ofNullable(rounds);
    }

    // ------------------------------------------------------------------ edits

    public Experiment withName(String n) {
        return new Experiment(n, description, seed, topology, rounds, sections, source);
    }

    public Experiment withDescription(String d) {
        return new Experiment(name, d, seed, topology, rounds, sections, source);
    }

    /** @param s the seed, or null for the default */
    public Experiment withSeed(Long s) {
        return new Experiment(name, description, s, topology, rounds, sections, source);
    }

    /** @param r rounds in [1, {@value #MAX_ROUNDS}], or null for the default */
    public Experiment withRounds(Long r) {
        return new Experiment(name, description, seed, topology, r, sections, source);
    }

    public Experiment withTopology(TopologySpec t) {
        return new Experiment(name, description, seed, t, rounds, sections, source);
    }

    /** Adds or replaces a raw section; its path must be one of {@link #RAW_SECTIONS}. */
    public Experiment withSection(Section s) {
        Map<String, Section> m = new LinkedHashMap<>(sections);
        m.put(s.path(), s);
        return new Experiment(name, description, seed, topology, rounds, m, source);
    }

    public Experiment withoutSection(String key) {
        Map<String, Section> m = new LinkedHashMap<>(sections);
        m.remove(key);
        return new Experiment(name, description, seed, topology, rounds, m, source);
    }

    public Experiment withSource(Path p) {
        return new Experiment(name, description, seed, topology, rounds, sections, p);
    }

    /**
     * This experiment with every default of the parts typed here written out: name, description, seed,
     * rounds, the topology's defaults and generator parameters ({@link TopologySpec#withDefaultsFilled()}).
     * Raw sections are unchanged (the code that owns them fills theirs).
     */
    public Experiment withDefaults() {
        return new Experiment(name(), description(), seed(), topology.withDefaultsFilled(), rounds(), sections, source);
    }

    /** As {@link #withDefaults()}, the generator parameters validated against {@code generators}. */
    public Experiment withDefaults(ProviderRegistry<GeneratorProvider> generators) {
        return new Experiment(name(), description(), seed(), topology.withDefaultsFilled(generators), rounds(),
                sections, source);
    }

    /** Equality of everything written (the source file does not count). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e && Objects.equals(e.name, name) && Objects.equals(e.description, description)
                && Objects.equals(e.seed, seed) && e.topology.equals(topology) && Objects.equals(e.rounds, rounds)
                && e.sections.equals(sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, seed, topology, rounds, sections);
    }

    @Override
    public String toString() {
        return "Experiment(" + name() + ", seed " + seed() + ", " + topology + ", rounds " + rounds()
                + ", sections " + sections.keySet() + ")";
    }
}

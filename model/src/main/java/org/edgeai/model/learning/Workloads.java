package org.edgeai.model.learning;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeai.model.learning.data.CsvDatasetReader;
import org.edgeai.model.learning.data.Dataset;
import org.edgeai.model.learning.data.Datasets;
import org.edgeai.model.learning.data.SplitData;
import org.edgeai.model.learning.models.LinearModel;
import org.edgeai.model.learning.models.MlpModel;
import org.edgeai.model.learning.models.Model;
import org.edgeai.model.learning.models.SoftmaxModel;
import org.edgeai.model.learning.partition.Partition;
import org.edgeai.model.learning.partition.Partitions;
import org.edgeai.model.spi.ParameterDescriptor;
import org.edgeai.model.spi.Parameters;

/**
 * Builds a {@link Workload} from the experiment file's {@code workload} section (DESIGN.md), e.g.
 * <pre>
 * { "task": "classification", "dataset": { "type": "digits" }, "model": { "type": "softmax" },
 *   "partition": { "type": "dirichlet", "alpha": 0.5 }, "batchSize": 32, "testFraction": 0.2 }
 * { "task": "consensus", "dimension": 5 }
 * { "task": "least-squares", "features": 20, "samplesPerNode": 50, "noise": 0.1, "batchSize": 32 }
 * </pre>
 * Every omitted key takes the default its {@link ParameterDescriptor} states; {@link #resolve} returns
 * the section with every default filled in (for {@code summary.json}). Errors name the JSON path
 * ({@code workload.dataset: samples: expected ...}) and, for an unknown type, the types that exist.
 *
 * <p>Seeds: the caller passes one seed for the workload; the data set (synthetic sets), the train/test
 * split and the partition use its sub-streams {@code "dataset"}, {@code "split"}, {@code "partition"};
 * initialization and minibatches use {@code "init"} and {@code "batches"}.
 */
public final class Workloads {

    public static final List<String> TASKS = List.of("classification", "consensus", "least-squares");
    public static final List<String> DATASETS = List.of("digits", "blobs", "moons", "circles", "xor", "spirals", "csv");
    public static final List<String> MODELS = List.of("softmax", "mlp", "linear");

    private Workloads() {
    }

    /** The keys of the section itself (besides {@code task}) for a task. */
    public static List<ParameterDescriptor> taskParameters(String task) {
        return switch (task) {
            case "classification" -> List.of(
                    ParameterDescriptor.integer("batchSize", 32L, 1L, 1_000_000L, "samples per minibatch"),
                    ParameterDescriptor.real("testFraction", 0.2, 0.0, 0.95, "share of each class held out for the test accuracy"));
            case "consensus" -> List.of(
                    ParameterDescriptor.integer("dimension", 5L, 1L, 100_000_000L, "length of each node's vector"));
            case "least-squares" -> List.of(
                    ParameterDescriptor.integer("features", 20L, 1L, 100_000L, "features p of the synthetic regression"),
                    ParameterDescriptor.integer("samplesPerNode", 50L, 1L, 10_000_000L, "samples each node holds"),
                    ParameterDescriptor.real("noise", 0.1, 0.0, null, "standard deviation of the target noise"),
                    ParameterDescriptor.integer("batchSize", 32L, 1L, 1_000_000L, "samples per minibatch"));
            default -> throw unknown("workload.task", task, TASKS);
        };
    }

    public static List<ParameterDescriptor> datasetParameters(String type) {
        return switch (type) {
            case "digits" -> List.of();
            case "blobs" -> List.of(samples(),
                    ParameterDescriptor.integer("classes", 3L, 2L, 1000L, "number of blobs"),
                    ParameterDescriptor.real("spread", 1.0, 0.0, null, "standard deviation of each blob (centres on a circle of radius 3)"));
            case "moons" -> List.of(samples(), noise(0.1));
            case "circles" -> List.of(samples(), noise(0.05),
                    ParameterDescriptor.real("factor", 0.5, 0.01, 0.99, "radius of the inner circle"));
            case "xor" -> List.of(samples(), noise(0.05));
            case "spirals" -> List.of(samples(),
                    ParameterDescriptor.integer("classes", 3L, 2L, 100L, "number of arms"), noise(0.05));
            case "csv" -> List.of(
                    ParameterDescriptor.string("path", null, "the data file, relative to the experiment file"),
                    ParameterDescriptor.integer("labelColumn", -1L, null, null, "column of the label, from 0, or from the end when negative"),
                    ParameterDescriptor.bool("header", false, "the first line holds column names"));
            default -> throw unknown("workload.dataset.type", type, DATASETS);
        };
    }

    public static List<ParameterDescriptor> modelParameters(String type) {
        return switch (type) {
            case "softmax", "linear" -> List.of();
            case "mlp" -> List.of(ParameterDescriptor.integer("hidden", 32L, 1L, 100_000L, "hidden units (ReLU)"));
            default -> throw unknown("workload.model.type", type, MODELS);
        };
    }

    public static List<ParameterDescriptor> partitionParameters(String type) {
        return switch (type) {
            case "iid" -> List.of();
            case "dirichlet" -> List.of(ParameterDescriptor.real("alpha", 0.5, 1e-6, 1e6,
                    "concentration: small is skewed, large is nearly iid"));
            case "shards" -> List.of(ParameterDescriptor.integer("shardsPerNode", 2L, 1L, 1_000_000L,
                    "label-sorted shards dealt to each node"));
            case "by-label" -> List.of(ParameterDescriptor.integer("labelsPerNode", 2L, 1L, 1_000_000L,
                    "classes each node holds"));
            default -> throw unknown("workload.partition.type", type, Partitions.TYPES);
        };
    }

    private static ParameterDescriptor samples() {
        return ParameterDescriptor.integer("samples", 300L, 2L, 10_000_000L, "number of samples");
    }

    private static ParameterDescriptor noise(double def) {
        return ParameterDescriptor.real("noise", def, 0.0, null, "standard deviation of the Gaussian noise added to each coordinate");
    }

    /**
     * The section with every default filled in, keys in a fixed order ({@code task}, the task's keys,
     * then {@code dataset}, {@code model}, {@code partition} for classification).
     *
     * @throws IllegalArgumentException for unknown keys or types, missing required values, wrong values
     */
    public static Map<String, Object> resolve(Map<String, ?> section) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object t = section.get("task");
        String task = t == null ? "classification" : String.valueOf(t);
        if (!TASKS.contains(task)) {
            throw unknown("workload.task", task, TASKS);
        }
        out.put("task", task);
        Map<String, Object> own = new LinkedHashMap<>(section);
        own.remove("task");
        Map<String, Object> sub = new LinkedHashMap<>();
        if (task.equals("classification")) {
            for (String k : List.of("dataset", "model", "partition")) {
                Object v = own.remove(k);
                if (v != null && !(v instanceof Map)) {
                    throw new IllegalArgumentException("workload." + k + ": expected an object with a \"type\", got " + v);
                }
                sub.put(k, v);
            }
        }
        Parameters p = Parameters.validate("workload", taskParameters(task), own);
        out.putAll(p.asMap());
        if (task.equals("classification")) {
            out.put("dataset", resolveTyped("workload.dataset", (Map<?, ?>) sub.get("dataset"), "digits", DATASETS));
            out.put("model", resolveTyped("workload.model", (Map<?, ?>) sub.get("model"), "softmax", MODELS));
            out.put("partition", resolveTyped("workload.partition", (Map<?, ?>) sub.get("partition"), "iid", Partitions.TYPES));
        }
        return out;
    }

    private static Map<String, Object> resolveTyped(String path, Map<?, ?> raw, String defType, List<String> types) {
        Map<String, Object> params = new LinkedHashMap<>();
        String type = defType;
        if (raw != null) {
            for (var e : raw.entrySet()) {
                params.put(String.valueOf(e.getKey()), e.getValue());
            }
            Object ty = params.remove("type");
            if (ty != null) {
                type = String.valueOf(ty);
            }
        }
        if (!types.contains(type)) {
            throw unknown(path + ".type", type, types);
        }
        List<ParameterDescriptor> ds = switch (path) {
            case "workload.dataset" -> datasetParameters(type);
            case "workload.model" -> modelParameters(type);
            default -> partitionParameters(type);
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.putAll(Parameters.validate(path, ds, params).asMap());
        return out;
    }

    /**
     * Builds the workload.
     *
     * @param section       the {@code workload} object of the experiment file (maps, numbers, strings, booleans)
     * @param nodes         N, the number of data-holding nodes
     * @param seed          the workload's seed
     * @param baseDirectory directory that relative {@code csv} paths are resolved against (the experiment
     *                      file's directory), or {@code null} for the working directory
     */
    public static Workload create(Map<String, ?> section, int nodes, long seed, Path baseDirectory) {
        Map<String, Object> r = resolve(section);
        String task = (String) r.get("task");
        return switch (task) {
            case "consensus" -> new ConsensusWorkload(nodes, toInt(r.get("dimension")), seed);
            case "least-squares" -> LeastSquaresWorkload.create(nodes, toInt(r.get("features")),
                    toInt(r.get("samplesPerNode")), ((Number) r.get("noise")).doubleValue(), toInt(r.get("batchSize")), seed);
            default -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> ds = (Map<String, Object>) r.get("dataset");
                @SuppressWarnings("unchecked")
                Map<String, Object> md = (Map<String, Object>) r.get("model");
                @SuppressWarnings("unchecked")
                Map<String, Object> pt = (Map<String, Object>) r.get("partition");
                Dataset data = dataset(ds, Seeds.derive(seed, "dataset"), baseDirectory);
                yield classification(data, md, pt, toInt(r.get("batchSize")),
                        ((Number) r.get("testFraction")).doubleValue(), nodes, seed);
            }
        };
    }

    /** Loads or generates the data set a resolved {@code dataset} object describes. */
    public static Dataset dataset(Map<String, ?> resolved, long seed, Path baseDirectory) {
        String type = (String) resolved.get("type");
        return switch (type) {
            case "digits" -> Datasets.digits();
            case "blobs" -> Datasets.blobs(toInt(resolved.get("samples")), toInt(resolved.get("classes")), dbl(resolved, "spread"), seed);
            case "moons" -> Datasets.moons(toInt(resolved.get("samples")), dbl(resolved, "noise"), seed);
            case "circles" -> Datasets.circles(toInt(resolved.get("samples")), dbl(resolved, "noise"), dbl(resolved, "factor"), seed);
            case "xor" -> Datasets.xor(toInt(resolved.get("samples")), dbl(resolved, "noise"), seed);
            case "spirals" -> Datasets.spirals(toInt(resolved.get("samples")), toInt(resolved.get("classes")), dbl(resolved, "noise"), seed);
            case "csv" -> CsvDatasetReader.read(baseDirectory, (String) resolved.get("path"),
                    toInt(resolved.get("labelColumn")), (Boolean) resolved.get("header"));
            default -> throw unknown("workload.dataset.type", type, DATASETS);
        };
    }

    /**
     * A classification workload over a loaded data set: seeded stratified split and standardization
     * ({@code "split"} stream), partition of the training part over {@code nodes} ({@code "partition"}
     * stream), the model.
     *
     * @param model     resolved {@code model} object ({@code type} and its parameters)
     * @param partition resolved {@code partition} object
     */
    public static SupervisedWorkload classification(Dataset data, Map<String, ?> model, Map<String, ?> partition,
                                                    int batchSize, double testFraction, int nodes, long seed) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("workload: task classification needs labelled data, " + data.name() + " has none");
        }
        SplitData split = SplitData.split(data, testFraction, Seeds.derive(seed, "split"));
        Dataset train = split.train();
        Model m = model(model, data);
        Partition p = partition(partition, train, nodes, Seeds.derive(seed, "partition"));
        return new SupervisedWorkload("classification", m, train, split.test(), p, batchSize, seed);
    }

    /** The model a resolved {@code model} object describes, sized for {@code data}. */
    public static Model model(Map<String, ?> resolved, Dataset data) {
        String type = (String) resolved.get("type");
        return switch (type) {
            case "softmax" -> new SoftmaxModel(data.featureCount(), data.classes());
            case "mlp" -> new MlpModel(data.featureCount(), toInt(resolved.get("hidden")), data.classes());
            case "linear" -> {
                LinearModel.checkData(data);
                yield new LinearModel(data.featureCount());
            }
            default -> throw unknown("workload.model.type", type, MODELS);
        };
    }

    /** The partition a resolved {@code partition} object describes. */
    public static Partition partition(Map<String, ?> resolved, Dataset train, int nodes, long seed) {
        String type = (String) resolved.get("type");
        return switch (type) {
            case "iid" -> Partitions.iid(train.size(), nodes, seed);
            case "dirichlet" -> Partitions.dirichlet(train.labels(), train.classes(), nodes, dbl(resolved, "alpha"), seed);
            case "shards" -> Partitions.shards(train.labels(), train.classes(), nodes, toInt(resolved.get("shardsPerNode")), seed);
            case "by-label" -> Partitions.byLabel(train.labels(), train.classes(), nodes, toInt(resolved.get("labelsPerNode")), seed);
            default -> throw unknown("workload.partition.type", type, Partitions.TYPES);
        };
    }

    private static int toInt(Object o) {
        long v = ((Number) o).longValue();
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("value " + v + " does not fit in an int");
        }
        return (int) v;
    }

    private static double dbl(Map<String, ?> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    private static IllegalArgumentException unknown(String path, String got, List<String> names) {
        return new IllegalArgumentException(path + ": unknown '" + got + "'; expected one of " + String.join(", ", names));
    }
}

package org.edgeai.model.pipeline.layers;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The text and JSON of {@code model info}. */
public final class ModelInfo {

    private ModelInfo() {
    }

    /**
     * The layer table and totals, one layer a line, columns {@code #, name, type, output, params,
     * forward_flops, output_elements}; FLOPs in plain integers. Locale-independent.
     */
    public static String table(ModelProfile m) {
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(m.name()).append("  input ").append(m.input().compact()).append('\n');
        String fmt = "%4s  %-24s  %-16s  %-14s  %14s  %18s  %15s%n";
        sb.append(String.format(Locale.ROOT, fmt, "#", "name", "type", "output", "params", "forward_flops", "output_elements"));
        for (int i = 0; i < m.layerCount(); i++) {
            LayerProfile l = m.layer(i);
            sb.append(String.format(Locale.ROOT, fmt, i + 1, l.name(), l.type(), l.outputShape().compact(),
                    l.params(), flops(l.forwardFlops()), l.outputElements()));
        }
        sb.append(String.format(Locale.ROOT, "total: %d layers, %d params (%.2f M), %s forward FLOPs per sample (%.3f GFLOP)%n",
                m.layerCount(), m.params(), m.params() / 1e6, flops(m.forwardFlops()), m.forwardFlops() / 1e9));
        return sb.toString();
    }

    private static String flops(double f) {
        return f == Math.rint(f) && Math.abs(f) < 9e15 ? Long.toString((long) f) : String.format(Locale.ROOT, "%.6g", f);
    }

    /**
     * {@code {"name", "params", "forward_flops_per_sample", "layers": [{"name", "type", "params",
     * "forward_flops", "output_elements"}]}}, keys in this order.
     */
    public static ObjectNode json(ModelProfile m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", m.name());
        o.put("params", m.params());
        o.put("forward_flops_per_sample", m.forwardFlops());
        ArrayNode arr = o.putArray("layers");
        for (LayerProfile l : m.layers()) {
            ObjectNode lo = arr.addObject();
            lo.put("name", l.name());
            lo.put("type", l.type());
            lo.put("params", l.params());
            lo.put("forward_flops", l.forwardFlops());
            lo.put("output_elements", l.outputElements());
        }
        return o;
    }
}

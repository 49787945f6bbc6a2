package org.edgeai.model.topology;

import java.util.Objects;

/**
 * A node of the network: immutable; edits replace it ({@link Topology#putNode}).
 *
 * @param id            unique, non-empty
 * @param kind          device, server or cloud
 * @param computeGflops effective compute speed in FLOP/s / 1e9, &gt; 0
 * @param memoryMb      memory in MB, &gt; 0
 * @param x             drawing position (layout units; finite)
 * @param y             drawing position (layout units; finite)
 * @param label         text shown beside the glyph; empty for none
 * @param accessMbps    shared access capacity of a server or cloud (processor sharing of all transfers into
 *                      or out of it), or {@code null} for independent links
 */
public record Node(String id, NodeKind kind, double computeGflops, double memoryMb, double x, double y,
                   String label, Double accessMbps) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (id.isBlank()) {
            throw new IllegalArgumentException("node id must not be empty");
        }
        if (!(computeGflops > 0) || Double.isInfinite(computeGflops)) {
            throw new IllegalArgumentException("node " + id + ": computeGflops must be a finite number > 0, got " + computeGflops);
        }
        if (!(memoryMb > 0) || Double.isInfinite(memoryMb)) {
            throw new IllegalArgumentException("node " + id + ": memoryMb must be a finite number > 0, got " + memoryMb);
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("node " + id + ": position must be finite, got (" + x + ", " + y + ")");
        }
        if (accessMbps != null && !(accessMbps > 0)) {
            throw new IllegalArgumentException("node " + id + ": accessMbps must be > 0, got " + accessMbps);
        }
        label = label == null ? "" : label;
    }

    /** A node of the given kind with the kind's defaults, at the origin. */
    public static Node of(String id, NodeKind kind, TopologyDefaults defaults) {
        NodeDefaults d = defaults.node(kind);
        return new Node(id, kind, d.computeGflops(), d.memoryMb(), 0, 0, "", null);
    }

    public Node withPosition(double nx, double ny) {
        return new Node(id, kind, computeGflops, memoryMb, nx, ny, label, accessMbps);
    }

    public Node withKind(NodeKind k) {
        return new Node(id, k, computeGflops, memoryMb, x, y, label, accessMbps);
    }

    public Node withCompute(double gflops) {
        return new Node(id, kind, gflops, memoryMb, x, y, label, accessMbps);
    }

    public Node withMemory(double mb) {
        return new Node(id, kind, computeGflops, mb, x, y, label, accessMbps);
    }

    public Node withLabel(String l) {
        return new Node(id, kind, computeGflops, memoryMb, x, y, l, accessMbps);
    }

    public Node withAccessMbps(Double a) {
        return new Node(id, kind, computeGflops, memoryMb, x, y, label, a);
    }

    /** Seconds this node needs for {@code flops} floating-point operations. */
    public double computeSeconds(double flops) {
        return flops / (computeGflops * 1e9);
    }
}

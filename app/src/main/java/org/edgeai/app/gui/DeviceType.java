package org.edgeai.app.gui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.TopologyDefaults;

/**
 * The palette's device subtypes. {@link Node} has no subtype field, so the subtype is a label convention:
 * a device whose label starts with the subtype's id ("phone 3", "drone") is drawn with that subtype's
 * icon. They differ in default compute and memory; everything else is the device defaults.
 */
public enum DeviceType {
    /** A smartphone: a mobile SoC, ~10 GFLOP/s effective. */
    PHONE(10, 6144),
    /** An IoT sensor node: a microcontroller-class board, ~0.5 GFLOP/s. */
    SENSOR(0.5, 256),
    /** A connected vehicle with an on-board computer, ~50 GFLOP/s. */
    VEHICLE(50, 16384),
    /** A drone with a companion computer, ~5 GFLOP/s. */
    DRONE(5, 4096);

    private final double computeGflops;
    private final double memoryMb;

    DeviceType(double computeGflops, double memoryMb) {
        this.computeGflops = computeGflops;
        this.memoryMb = memoryMb;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double computeGflops() {
        return computeGflops;
    }

    public double memoryMb() {
        return memoryMb;
    }

    /** A device node of this subtype, at the origin, labelled with the subtype. */
    public Node create(String id, TopologyDefaults defaults) {
        return Node.of(id, NodeKind.DEVICE, defaults).withCompute(computeGflops).withMemory(memoryMb).withLabel(id());
    }

    /** The subtype a device's label names, if any. */
    public static Optional<DeviceType> of(Node n) {
        if (n.kind() != NodeKind.DEVICE) {
            return Optional.empty();
        }
        String l = n.label().toLowerCase(Locale.ROOT);
        for (DeviceType t : values()) {
            if (l.startsWith(t.id())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static DeviceType fromId(String id) {
        for (DeviceType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown device type '" + id + "'; expected one of "
                + Arrays.stream(values()).map(DeviceType::id).collect(Collectors.joining(", ")));
    }
}

package org.edgeai.app.gui.vm;

import java.util.Optional;

import org.edgeai.app.gui.DeviceType;
import org.edgeai.model.topology.NodeKind;

/** The palette's tools: select, the node kinds (with the device subtypes) and the link tool. */
public enum PaletteItem {
    SELECT("Select", null, null),
    PHONE("Phone", NodeKind.DEVICE, DeviceType.PHONE),
    SENSOR("IoT sensor", NodeKind.DEVICE, DeviceType.SENSOR),
    VEHICLE("Vehicle", NodeKind.DEVICE, DeviceType.VEHICLE),
    DRONE("Drone", NodeKind.DEVICE, DeviceType.DRONE),
    DEVICE("Device", NodeKind.DEVICE, null),
    SERVER("Edge server", NodeKind.SERVER, null),
    CLOUD("Cloud", NodeKind.CLOUD, null),
    LINK("Link", null, null);

    private final String title;
    private final NodeKind kind;
    private final DeviceType deviceType;

    PaletteItem(String title, NodeKind kind, DeviceType deviceType) {
        this.title = title;
        this.kind = kind;
        this.deviceType = deviceType;
    }

    public String title() {
        return title;
    }

    /** The kind of node this tool adds, if it adds nodes. */
    public Optional<NodeKind> kind() {
        return Optional.ofNullable(kind);
    }

    public Optional<DeviceType> deviceType() {
        return Optional.ofNullable(deviceType);
    }

    public boolean addsNodes() {
        return kind != null;
    }
}

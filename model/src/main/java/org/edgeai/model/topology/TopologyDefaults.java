package org.edgeai.model.topology;

import java.util.EnumMap;
import java.util.Map;

/**
 * Per-kind node defaults and link defaults: what a generated or listed element gets for every property it
 * does not set. The standard values are those of DESIGN.md's example.
 */
public final class TopologyDefaults {

    public static final NodeDefaults DEVICE = new NodeDefaults(5, 4096);
    public static final NodeDefaults SERVER = new NodeDefaults(200, 65536);
    public static final NodeDefaults CLOUD = new NodeDefaults(2000, 1048576);
    public static final LinkDefaults LINK = new LinkDefaults(20, 10);

    private static final TopologyDefaults STANDARD = new TopologyDefaults(Map.of(
            NodeKind.DEVICE, DEVICE, NodeKind.SERVER, SERVER, NodeKind.CLOUD, CLOUD), LINK);

    private final EnumMap<NodeKind, NodeDefaults> nodes;
    private final LinkDefaults link;

    public TopologyDefaults(Map<NodeKind, NodeDefaults> nodes, LinkDefaults link) {
        this.nodes = new EnumMap<>(NodeKind.class);
        this.nodes.putAll(STANDARD == null ? Map.of() : STANDARD.nodes);
        this.nodes.putAll(nodes);
        for (NodeKind k : NodeKind.values()) {
            if (!this.nodes.containsKey(k)) {
                throw new IllegalArgumentException("no defaults for node kind " + k.id());
            }
        }
        this.link = link;
    }

    public static TopologyDefaults standard() {
        return STANDARD;
    }

    public NodeDefaults node(NodeKind kind) {
        return nodes.get(kind);
    }

    public LinkDefaults link() {
        return link;
    }

    public TopologyDefaults withNode(NodeKind kind, NodeDefaults d) {
        EnumMap<NodeKind, NodeDefaults> m = new EnumMap<>(nodes);
        m.put(kind, d);
        return new TopologyDefaults(m, link);
    }

    public TopologyDefaults withLink(LinkDefaults d) {
        return new TopologyDefaults(nodes, d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyDefaults t && t.nodes.equals(nodes) && t.link.equals(link);
    }

    @Override
    public int hashCode() {
        return nodes.hashCode() * 31 + link.hashCode();
    }

    @Override
    public String toString() {
        return "TopologyDefaults" + nodes + " link=" + link;
    }
}

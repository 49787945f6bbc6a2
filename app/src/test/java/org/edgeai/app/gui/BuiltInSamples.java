package org.edgeai.app.gui;

import java.util.List;
import java.util.Map;

import org.edgeai.app.gui.doc.EditorDocumentData;
import org.edgeai.app.gui.doc.ExperimentSettings;
import org.edgeai.model.topology.Link;
import org.edgeai.model.topology.Node;
import org.edgeai.model.topology.NodeKind;
import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.TopologyDefaults;
import org.edgeai.model.topology.layout.Layouts;

/**
 * Test samples built in code, independent of sample-topologies/: an edge
 * campus (a cloud, two edge servers and their devices) and a ring of 16 devices. Deterministic.
 * The application uses {@link BundledSamples}.
 */
public final class BuiltInSamples implements SampleCatalog {

    @Override
    public List<Sample> samples() {
        return List.of(
                new Sample("edge-campus", "Edge campus",
                        "A cloud, two edge servers and twelve devices (phones, sensors, vehicles, drones); federated averaging."),
                new Sample("ring-16", "Ring of 16 devices",
                        "Decentralized SGD on a ring: a slow-mixing graph, rho close to 1."));
    }

    @Override
    public EditorDocumentData open(String id) {
        return switch (id) {
            case "edge-campus" -> campus();
            case "ring-16" -> ring(16);
            default -> throw new IllegalArgumentException("unknown sample '" + id + "'; expected one of edge-campus, ring-16");
        };
    }

    static EditorDocumentData ring(int n) {
        TopologyDefaults d = TopologyDefaults.standard();
        Topology t = new Topology();
        double[][] p = Layouts.circle(n);
        for (int i = 0; i < n; i++) {
            t.putNode(Node.of("n" + i, NodeKind.DEVICE, d).withPosition(p[0][i], p[1][i]));
        }
        for (int i = 0; i < n; i++) {
            t.putLink(Link.of("n" + i, "n" + ((i + 1) % n), d));
        }
        return new EditorDocumentData(ExperimentSettings.defaults("ring-" + n), t);
    }

    static EditorDocumentData campus() {
        TopologyDefaults d = TopologyDefaults.standard();
        Topology t = new Topology();
        t.putNode(Node.of("cloud", NodeKind.CLOUD, d).withPosition(0, -260).withLabel("cloud"));
        String[] kinds = {"phone", "sensor", "vehicle", "drone", "phone", "sensor"};
        for (int s = 0; s < 2; s++) {
            String server = "edge" + s;
            double sx = s == 0 ? -260 : 260;
            t.putNode(Node.of(server, NodeKind.SERVER, d).withPosition(sx, 0).withLabel("edge server " + (s + 1)));
            t.putLink(new Link("cloud", server, 1000, 20, null));
            for (int k = 0; k < 6; k++) {
                String id = "d" + (s * 6 + k);
                DeviceType type = DeviceType.fromId(kinds[k]);
                double a = Math.PI * (0.15 + 0.7 * k / 5.0);
                Node n = type.create(id, d).withPosition(sx + 190 * Math.cos(a) * (s == 0 ? -1 : 1), 170 * Math.sin(a) + 20)
                        .withLabel(type.id() + " " + (s * 6 + k));
                t.putNode(n);
                t.putLink(new Link(server, id, type == DeviceType.SENSOR ? 2 : 50, type == DeviceType.SENSOR ? 15 : 5, null));
            }
        }
        ExperimentSettings s = ExperimentSettings.defaults("edge-campus")
                .withDescription("A cloud, two edge servers and twelve devices.");
        s = s.withSection("algorithm", new java.util.LinkedHashMap<>(Map.of("type", "fedavg", "learningRate", 0.1,
                "localSteps", 5L, "clientFraction", 1.0)));
        return new EditorDocumentData(s, t);
    }
}

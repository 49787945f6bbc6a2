package org.edgeai.app.gui;

import java.util.List;

import org.edgeai.model.topology.Topology;

/** What the window shows: a topology, where it came from, and a problem to report if loading failed. */
record OpenedExperiment(String title, String source, Topology topology, String problem) {

    static OpenedExperiment fromArguments(List<String> args) {
        return new OpenedExperiment("empty", "(no experiment)", new Topology(), "");
    }
}

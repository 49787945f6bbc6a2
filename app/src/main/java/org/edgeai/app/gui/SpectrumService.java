package org.edgeai.app.gui;

import java.util.List;

import org.edgeai.model.topology.Topology;

/**
 * The spectrum of a topology's mixing matrix W for the Spectrum view. Called on a background thread with
 * a copy of the topology. Built in: {@link SimpleSpectrumService} (dense, plain Java, up to
 * {@value SimpleSpectrumService#MAX_NODES} nodes); after the merge, an adapter over
 * {@code org.edgeai.model.topology.analysis}.
 */
public interface SpectrumService {

    /** The mixing rules the user can choose, e.g. {@code metropolis}, {@code max-degree}, {@code custom}. */
    List<String> mixingRules();

    /**
     * @param mixingRule one of {@link #mixingRules()}
     * @return the summary; a topology the rule cannot handle (e.g. missing custom weights) gives a summary
     *         with {@link SpectrumSummary#problem()} set rather than an exception
     */
    SpectrumSummary compute(Topology topology, String mixingRule);
}

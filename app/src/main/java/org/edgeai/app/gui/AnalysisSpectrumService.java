package org.edgeai.app.gui;

import java.util.Arrays;
import java.util.List;

import org.edgeai.model.topology.Topology;
import org.edgeai.model.topology.analysis.MixingMatrix;
import org.edgeai.model.topology.analysis.MixingRule;
import org.edgeai.model.topology.analysis.Spectrum;

/**
 * The Spectrum view's numbers from the model's analysis: the same mixing matrices and solvers as
 * {@code topology info}. Full eigenvalues up to {@link Spectrum#AUTO_DENSE_MAX_NODES} nodes, rho alone
 * (Lanczos) above.
 */
public final class AnalysisSpectrumService implements SpectrumService {

    @Override
    public List<String> mixingRules() {
        return Arrays.stream(MixingRule.values()).map(MixingRule::id).toList();
    }

    @Override
    public SpectrumSummary compute(Topology topology, String mixingRule) {
        try {
            Spectrum s = Spectrum.of(MixingMatrix.of(topology, MixingRule.fromId(mixingRule)));
            double[] ev = s.hasEigenvalues() ? s.eigenvalues() : new double[0];
            return new SpectrumSummary(topology.nodeCount(), ev, s.rho(), "");
        } catch (IllegalArgumentException e) {
            return SpectrumSummary.problem(topology.nodeCount(), e.getMessage());
        }
    }
}

package org.edgeai.plugins.algorithms.centralized;

import org.edgeai.model.engine.AlgorithmProvider;

/** Base of the centralized algorithm providers: the family. */
abstract class CentralizedProvider implements AlgorithmProvider {

    @Override
    public final Family family() {
        return Family.CENTRALIZED;
    }
}

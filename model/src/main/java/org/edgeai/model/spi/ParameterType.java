package org.edgeai.model.spi;

/** The value types a plugin parameter can take; the GUI renders an editor per type. */
public enum ParameterType {
    INTEGER, DOUBLE, BOOLEAN, STRING, CHOICE
}

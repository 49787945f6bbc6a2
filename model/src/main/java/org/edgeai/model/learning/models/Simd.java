package org.edgeai.model.learning.models;

/**
 * Whether the models' hot loops use the JDK's vector API (incubator module {@code jdk.incubator.vector}, which the
 * JVM must be started with: {@code --add-modules jdk.incubator.vector}; the workbench's launcher does this itself,
 * see docs/decisions/0012). The vector path gives the same bits as the scalar one, so this changes speed only.
 * {@code -Dedgeai.simd=false} turns it off (to compare, or to rule it out).
 */
public final class Simd {

    private static final int LANES = detect();

    private Simd() {
    }

    private static int detect() {
        if (!Boolean.parseBoolean(System.getProperty("edgeai.simd", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        try {
            return VectorSoftmax.LANES;
        } catch (LinkageError | RuntimeException e) {
            return 0; // a JVM whose vector API does not work as this code expects: stay scalar
        }
    }

    /** True when the vector kernels are in use. */
    public static boolean enabled() {
        return LANES > 0;
    }

    /** Float lanes of the preferred vector (16 with AVX-512, 8 with AVX2), or 0 when the vector path is off. */
    public static int lanes() {
        return LANES;
    }

    /** One line for logs and benchmark headers, e.g. "vector API, 16 float lanes". */
    public static String description() {
        if (LANES > 0) {
            return "vector API, " + LANES + " float lanes";
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                ? "scalar (JVM started without --add-modules jdk.incubator.vector)"
                : "scalar (-Dedgeai.simd=false or no usable vector unit)";
    }

    /** Whether a row of {@code width} floats fits one vector (the softmax kernel's layout); false when off. */
    static boolean fitsOneVector(int width) {
        return LANES >= 4 && width <= LANES;
    }
}

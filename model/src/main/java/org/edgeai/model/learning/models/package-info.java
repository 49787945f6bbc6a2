/**
 * The models (softmax, mlp, linear) with hand-derived gradients over plain {@code float[]} parameter
 * slices, and the register-blocked kernels they share. Parameter layouts are part of the bit accounting
 * and are stated in each model's documentation, as is its FLOPs-per-sample formula.
 */
package org.edgeai.model.learning.models;

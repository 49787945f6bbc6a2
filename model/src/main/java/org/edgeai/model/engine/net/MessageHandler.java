package org.edgeai.model.engine.net;

/**
 * Receives a message when its last hop has arrived at its destination. The handler object is stored by
 * reference with the message (no allocation per message); more fields can be read through the
 * {@link Network}'s accessors ({@code messageBits(msg)}, {@code messageRound(msg)}, ...) during the call.
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param msg the message's handle: valid only during this call (the network recycles it afterwards)
     * @param src the message's source node
     * @param dst its destination (the node it has just reached)
     * @param tag the sender's 64-bit tag, as given to {@code send} (an index into the sender's payload
     *            buffers, or a double's raw bits)
     */
    void onMessage(int msg, int src, int dst, long tag);
}

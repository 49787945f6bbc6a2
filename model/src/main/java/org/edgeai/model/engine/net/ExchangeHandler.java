package org.edgeai.model.engine.net;

/**
 * Receives the completion of a pairwise exchange ({@link Network#exchange(int, int, long, long,
 * org.edgeai.model.engine.core.MessageKind, int, ExchangeHandler, int)}): called once, when the later of its
 * two messages has arrived. An algorithm that only needs to know that both values have crossed (gossip) uses
 * this instead of a {@link MessageHandler}, so that the network need not keep a record per message.
 */
@FunctionalInterface
public interface ExchangeHandler {

    /**
     * @param tag the sender's tag, as given to {@code exchange} (an index into the sender's exchange records)
     */
    void onExchanged(int tag);
}

/**
 * How both ends of the kiosk–hub link wait before trying again: the one retry schedule
 * {@link fr.vigie.protocol.retry.Backoff}. It is here, beside the contract, only because {@code protocol}
 * is the one module the kiosk and the hub share; nothing in it touches the wire.
 */
package fr.vigie.protocol.retry;

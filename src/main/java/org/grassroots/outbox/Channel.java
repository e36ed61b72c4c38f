package org.grassroots.outbox;

/** How a message reaches a person. */
public enum Channel {

	SMS, EMAIL

}

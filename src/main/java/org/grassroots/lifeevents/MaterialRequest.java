package org.grassroots.lifeevents;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One request for material (一次告知): every missing item at once, answered at once. */
public record MaterialRequest(long id, long taskId, boolean open, String requestedBy, Instant requestedAt,
		@Nullable Instant answeredAt, List<Item> items) {

	public MaterialRequest {
		items = List.copyOf(items);
	}

	/** One missing thing and, once answered, the resident's text and/or file. */
	public record Item(long id, int position, String description, @Nullable String answerText,
			@Nullable String fileName) {

	}

}

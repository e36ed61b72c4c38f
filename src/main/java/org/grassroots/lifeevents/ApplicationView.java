package org.grassroots.lifeevents;

import java.util.List;

/** An application with its answers, documents, department tasks and requests for material. */
public record ApplicationView(Application application, List<FieldValue> values, List<GivenDocument> documents,
		List<DepartmentTask> tasks, List<MaterialRequest> requests) {

	public ApplicationView {
		values = List.copyOf(values);
		documents = List.copyOf(documents);
		tasks = List.copyOf(tasks);
		requests = List.copyOf(requests);
	}

	/** The request still to be answered, if any. */
	public java.util.Optional<MaterialRequest> openRequest() {
		return requests.stream().filter(MaterialRequest::open).findFirst();
	}

}

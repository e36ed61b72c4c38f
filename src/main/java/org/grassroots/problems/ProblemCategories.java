package org.grassroots.problems;

import org.grassroots.problems.internal.Categories;
import org.grassroots.problems.internal.WorkRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Problem categories: the city administrator edits a category's names and time limits. */
@Service
public class ProblemCategories {

	private final ProblemCommandSupport support;

	private final WorkRepository work;

	private final InputCheck input;

	private final Categories categories;

	ProblemCategories(ProblemCommandSupport support, WorkRepository work, InputCheck input, Categories categories) {
		this.categories = categories;
		this.support = support;
		this.work = work;
		this.input = input;
	}

	/**
	 * The categories as this node holds them in memory, at most a short TTL old (see
	 * {@code internal.Categories}): for intake paths, which must not read them on every request.
	 */
	public java.util.List<Category> cached() {
		return categories.all();
	}

	@Transactional
	public Category updateCategory(Category category, CurrentUser user) {
		input.check(category);
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		// an unknown code is refused as invalid before the versioned update
		support.category(category.code());
		if (!work.updateCategory(category)) {
			throw DomainException.staleVersion();
		}
		categories.changed();
		return work.category(category.code()).orElseThrow();
	}

}

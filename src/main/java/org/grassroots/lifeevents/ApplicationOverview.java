package org.grassroots.lifeevents;

import java.util.List;

import org.grassroots.lifeevents.internal.ApplicationRepository;
import org.grassroots.lifeevents.internal.Views;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.NotFoundException;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's read-only view of applications within their data scope (the community's path), the
 * list behind the dashboard's figures and its export; personal values always masked.
 */
@Service
public class ApplicationOverview {

	/** The export's limit: a bigger list is narrowed by its filters first. */
	public static final int EXPORT_LIMIT = 10_000;

	private final ApplicationRepository applications;

	private final UnitManagement units;

	private final Views views;

	ApplicationOverview(ApplicationRepository applications, UnitManagement units, Views views) {
		this.applications = applications;
		this.units = units;
		this.views = views;
	}

	/** One page of the list, and how many there are in all. */
	public record Page(List<Application> applications, long total, int page, int pageSize) {

	}

	@Transactional(readOnly = true)
	public Page search(ApplicationFilter filter, int page, CurrentUser user) {
		DataScope scope = scope(user);
		String unitPath = unitPath(filter.unitCode(), scope);
		int size = ApplicationRepository.PAGE_SIZE;
		return new Page(applications.search(filter, unitPath, scope, Math.max(page, 0), size),
				applications.count(filter, unitPath, scope), Math.max(page, 0), size);
	}

	/** Every application the filter finds, up to {@link #EXPORT_LIMIT}, with their masked values. */
	@Transactional(readOnly = true)
	public List<ApplicationView> export(ApplicationFilter filter, CurrentUser user) {
		DataScope scope = scope(user);
		return applications.search(filter, unitPath(filter.unitCode(), scope), scope, 0, EXPORT_LIMIT)
			.stream()
			.map(application -> views.of(application, false))
			.toList();
	}

	/**
	 * An application in the person's scope, or one their department has a task on; masked. 404 for
	 * anything else.
	 */
	@Transactional(readOnly = true)
	public ApplicationView get(long id, CurrentUser user) {
		Application application = applications.findInScope(id, scope(user))
			.or(() -> user.isStaff() ? applications.findForDepartment(id, user.unitId()) : java.util.Optional.empty())
			.orElseThrow(() -> new NotFoundException("application", id));
		return views.of(application, false);
	}

	@Transactional(readOnly = true)
	public ApplicationView byReference(String reference, CurrentUser user) {
		long id = applications.idOfReference(reference).orElseThrow(() -> new NotFoundException("application", reference));
		return get(id, user);
	}

	/** Staff read by their scope; residents and members read only their own (through MyApplications). */
	private static DataScope scope(CurrentUser user) {
		return user.isStaff() ? user.scope() : DataScope.NONE;
	}

	/** The path of the unit filter, which must lie in scope (404 otherwise, as any unit out of scope). */
	private @Nullable String unitPath(@Nullable String code, DataScope scope) {
		if (code == null || code.isBlank()) {
			return null;
		}
		Unit unit = units.findByCode(code.strip(), scope).orElseThrow(() -> new NotFoundException("unit", code));
		return unit.path();
	}

}

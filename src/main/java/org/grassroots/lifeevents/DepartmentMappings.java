package org.grassroots.lifeevents;

import java.time.Clock;
import java.util.List;

import org.grassroots.lifeevents.internal.DepartmentRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which department unit of a district handles each kind of task. Staff read it within their scope;
 * the city administrator and a district's unit administrator (within what they administer) set it.
 */
@Service
public class DepartmentMappings {

	private final DepartmentRepository departments;

	private final UnitManagement units;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	private final Clock clock;

	DepartmentMappings(DepartmentRepository departments, UnitManagement units, ApplicationEventPublisher events,
			Clock clock, InputCheck input) {
		this.input = input;
		this.departments = departments;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	/** A district and its mapping, as the page shows it. */
	public record District(Unit district, List<DepartmentMapping> mappings, List<Unit> departments) {

	}

	/** The district's mapping and the department units it may choose from; 404 out of scope. */
	@Transactional(readOnly = true)
	public District district(String districtCode, CurrentUser user) {
		// staff read their own district's mapping too: a department officer's scope is their department
		Unit district = district(districtCode, DataScope.CITY);
		if (!user.isStaff() || !(user.scope().covers(district.path()) || user.unitPath().startsWith(district.path()))) {
			throw new NotFoundException("district", districtCode);
		}
		List<Unit> choices = units.children(district.id(), DataScope.CITY, 0)
			.stream()
			.filter(unit -> unit.kind() == UnitKind.DEPARTMENT)
			.toList();
		return new District(district, departments.ofDistrict(district.id()), choices);
	}

	/** Sets the department of a kind in a district (version 0 for a kind not mapped yet). */
	@Transactional
	public District map(String districtCode, LifeEventCommands.MapDepartment command, CurrentUser user) {
		input.check(command);
		Unit district = district(districtCode, user.administeredScope());
		if (command.kind() == DepartmentKind.COMMUNITY) {
			throw DomainException.invalid("le.error.department-community");
		}
		Unit department = java.util.Optional.ofNullable(units.byIds(List.of(command.departmentId())).get(command.departmentId()))
			.filter(unit -> unit.kind() == UnitKind.DEPARTMENT && unit.path().startsWith(district.path()))
			.orElseThrow(() -> DomainException.invalid("le.error.department-unit"));
		var current = departments.find(district.id(), command.kind());
		if (current.isEmpty()) {
			if (command.version() != 0) {
				throw DomainException.staleVersion();
			}
			departments.insert(district.id(), command.kind(), department.id(), department.path(), user.getUsername(),
					clock.instant());
		}
		else if (!departments.update(district.id(), command.kind(), command.version(), department.id(), department.path(),
				user.getUsername(), clock.instant())) {
			throw DomainException.staleVersion();
		}
		events.publishEvent(new DepartmentMapped(command.kind(), district.id(), department.id(), district.path()));
		return district(districtCode, user);
	}

	/** For demo data: maps without an administrator. */
	@Transactional
	public void mapAsSystem(String districtCode, DepartmentKind kind, String departmentCode) {
		Unit district = units.getByCode(districtCode, DataScope.CITY);
		Unit department = units.getByCode(departmentCode, DataScope.CITY);
		if (departments.find(district.id(), kind).isEmpty()) {
			departments.insert(district.id(), kind, department.id(), department.path(), "system", clock.instant());
		}
	}

	private Unit district(String code, DataScope scope) {
		Unit district = units.findByCode(code, scope).orElseThrow(() -> new NotFoundException("district", code));
		if (district.level() != UnitLevel.DISTRICT || district.kind() == UnitKind.DEPARTMENT) {
			throw new NotFoundException("district", code);
		}
		return district;
	}

}

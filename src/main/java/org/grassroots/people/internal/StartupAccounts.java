package org.grassroots.people.internal;

import java.sql.DatabaseMetaData;
import java.util.List;

import javax.sql.DataSource;

import org.grassroots.people.AccountManagement;
import org.grassroots.people.CreateAccount;
import org.grassroots.people.RoleGrant;
import org.grassroots.shared.GrassrootsProperties;
import org.grassroots.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * On an empty database: the demo data when demo mode is on (by default on the embedded database
 * only), else the city administrator and the three separate administrators, each with a one-time
 * password printed once to the log; on any database, the separate administrators nobody is yet.
 */
@Component
class StartupAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupAccounts.class);

	private final AccountManagement accounts;

	private final DemoData demo;

	private final GrassrootsProperties properties;

	private final DataSource dataSource;

	private final org.springframework.context.ApplicationEventPublisher events;

	StartupAccounts(AccountManagement accounts, DemoData demo, GrassrootsProperties properties, DataSource dataSource,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.demo = demo;
		this.properties = properties;
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (accounts.anyAccount()) {
			openSeparateAdministrators();
			return;
		}
		if (demoWanted()) {
			demo.load();
			events.publishEvent(new org.grassroots.people.DemoDataLoaded());
			log.info("Loaded the demo data; every demo account's password is '{}'", DemoData.PASSWORD);
			return;
		}
		openAdministrator("admin", "City administrator", Role.CITY_ADMIN);
		openSeparateAdministrators();
	}

	/**
	 * Opens each of the three separate administrators that no account holds yet: on a new
	 * database, and on one from before the split, where account management moves to them while
	 * the campaign's administrators keep their work.
	 */
	private void openSeparateAdministrators() {
		var names = java.util.Map.of(Role.SYSTEM_ADMIN, "sysadmin", Role.SECURITY_ADMIN, "secadmin",
				Role.SECURITY_AUDITOR, "auditor");
		for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.SECURITY_AUDITOR)) {
			if (accounts.anyHolding(role)) {
				continue;
			}
			if (accounts.usernameExists(names.get(role))) {
				log.error("No account is a {} and the username '{}' is taken: grant the role to an account of its own",
						role, names.get(role));
				continue;
			}
			openAdministrator(names.get(role), switch (role) {
				case SYSTEM_ADMIN -> "System administrator";
				case SECURITY_ADMIN -> "Security administrator";
				default -> "Security auditor";
			}, role);
		}
	}

	private void openAdministrator(String username, String name, Role role) {
		String given = properties.adminPassword();
		boolean generated = given == null || given.isBlank();
		var opened = accounts.openAsSystem(new CreateAccount(username, name, "500000", List.of(RoleGrant.of(role)),
				null, generated ? null : given), false);
		if (generated) {
			log.warn("Created the {} '{}' with the one-time password: {} (shown once; change it at the first sign-in)",
					role, username, opened.oneTimePassword());
		}
		else {
			log.info("Created the {} '{}' with the password from GRASSROOTS_ADMIN_PASSWORD", role, username);
		}
	}

	private boolean demoWanted() throws Exception {
		String setting = properties.demo() == null ? "auto" : properties.demo().trim().toLowerCase(java.util.Locale.ROOT);
		if (!setting.equals("auto") && !setting.isEmpty()) {
			return Boolean.parseBoolean(setting);
		}
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		return "H2".equalsIgnoreCase(product);
	}

}

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
 * only), else one city administrator with a one-time password printed once to the log.
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
			return;
		}
		if (demoWanted()) {
			demo.load();
			events.publishEvent(new org.grassroots.people.DemoDataLoaded());
			log.info("Loaded the demo data; every demo account's password is '{}'", DemoData.PASSWORD);
			return;
		}
		String given = properties.adminPassword();
		boolean generated = given == null || given.isBlank();
		var opened = accounts.openAsSystem(new CreateAccount("admin", "City administrator", "500000",
				List.of(RoleGrant.of(Role.CITY_ADMIN)), null, generated ? null : given), false);
		if (generated) {
			log.warn("Created the city administrator 'admin' with the one-time password: {} (shown once; change it at the first sign-in)",
					opened.oneTimePassword());
		}
		else {
			log.info("Created the city administrator 'admin' with the password from GRASSROOTS_ADMIN_PASSWORD");
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

package org.grassroots.open311.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.open311.ServiceAttribute;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The groups, keywords and attributes that make problem categories into Open311 services, held in
 * memory: the app never writes these tables (migrations and operators do), so each node reads them
 * again when its copy is older than the TTL (60 s by default), and a request reads none of them.
 */
@Repository
public class ServiceCatalog {

	private final JdbcClient jdbc;

	private final long ttlNanos;

	private volatile @Nullable Snapshot snapshot;

	public ServiceCatalog(JdbcClient jdbc, @Value("${grassroots.open311.catalog-ttl:PT60S}") Duration ttl) {
		this.jdbc = jdbc;
		this.ttlNanos = ttl.toNanos();
	}

	private record Snapshot(Map<String, Extra> extras, Map<String, List<ServiceAttribute>> zh,
			Map<String, List<ServiceAttribute>> en, long loadedAt) {

	}

	private Snapshot current() {
		Snapshot current = snapshot;
		if (current == null || System.nanoTime() - current.loadedAt() > ttlNanos) {
			current = new Snapshot(Collections.unmodifiableMap(readExtras()), Collections.unmodifiableMap(readAttributes(false)),
					Collections.unmodifiableMap(readAttributes(true)), System.nanoTime());
			snapshot = current;
		}
		return current;
	}

	/** Group and keywords of a category. */
	public record Extra(String groupZh, String groupEn, String keywords) {

	}

	public Map<String, Extra> extras() {
		return current().extras();
	}

	/** Attributes by category code, in their order, described in the language given. */
	public Map<String, List<ServiceAttribute>> attributes(boolean english) {
		return english ? current().en() : current().zh();
	}

	private Map<String, Extra> readExtras() {
		Map<String, Extra> extras = new LinkedHashMap<>();
		jdbc.sql("select * from open311_service").query(rs -> {
			extras.put(rs.getString("category_code"),
					new Extra(rs.getString("group_zh"), rs.getString("group_en"), rs.getString("keywords")));
		});
		return extras;
	}

	private Map<String, List<ServiceAttribute>> readAttributes(boolean english) {
		Map<String, List<ServiceAttribute>> byCategory = new LinkedHashMap<>();
		jdbc.sql("select * from open311_attribute order by category_code, sort_order").query(rs -> {
			byCategory.computeIfAbsent(rs.getString("category_code"), code -> new ArrayList<>())
				.add(new ServiceAttribute(rs.getString("code"), rs.getString("datatype"), rs.getBoolean("required"),
						rs.getInt("sort_order"), rs.getString(english ? "description_en" : "description_zh"),
						values(rs.getString("list_values"), english)));
		});
		return byCategory;
	}

	/** "KEY=中文|English;..." into values in one language. */
	private static List<ServiceAttribute.Value> values(String listValues, boolean english) {
		List<ServiceAttribute.Value> values = new ArrayList<>();
		if (listValues == null) {
			return values;
		}
		for (String entry : listValues.split(";")) {
			String[] keyAndNames = entry.split("=", 2);
			String[] names = keyAndNames[1].split("\\|", 2);
			values.add(new ServiceAttribute.Value(keyAndNames[0], english && names.length > 1 ? names[1] : names[0]));
		}
		return values;
	}

}

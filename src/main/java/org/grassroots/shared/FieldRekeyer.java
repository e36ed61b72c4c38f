package org.grassroots.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Rewrites personal data held under an earlier algorithm or field key with the current ones, and
 * the lookup hashes beside it: after switching to the national algorithms, and after a key
 * rotation (docs/operations.md). It walks each {@link EncryptedColumn} in batches of its own
 * transaction, on one node at a time, while the application runs: a row changed meanwhile is
 * left for the next pass (the update names the old value), and every value reads throughout.
 * A pass that rewrote anything leaves one audit record with the counts.
 */
@Component
public class FieldRekeyer {

	static final int BATCH = 500;

	/** The job lock a pass holds, scheduled or asked for. */
	public static final String LOCK = "field-rekey";

	private static final Logger log = LoggerFactory.getLogger(FieldRekeyer.class);

	private final List<EncryptedColumn> columns;

	private final FieldCipher cipher;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	FieldRekeyer(List<EncryptedColumn> columns, FieldCipher cipher, JdbcClient jdbc, JdbcTemplate template,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.columns = List.copyOf(columns);
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${grassroots.crypto.rekey-interval:PT1H}", initialDelayString = "${grassroots.crypto.rekey-first:PT15S}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
	void scheduled() {
		rekey();
	}

	/** One pass over every column: the values rewritten, by column. */
	public Map<String, Integer> rekey() {
		Map<String, Integer> rewritten = new LinkedHashMap<>();
		for (EncryptedColumn column : columns) {
			int count = rekey(column);
			if (count > 0) {
				rewritten.put(column.name(), count);
			}
		}
		if (!rewritten.isEmpty()) {
			Map<String, Long> left = remaining();
			long total = rewritten.values().stream().mapToLong(Integer::longValue).sum();
			long stillLeft = left.values().stream().mapToLong(Long::longValue).sum();
			transactions.executeWithoutResult(status -> events.publishEvent(
					new FieldsReencrypted(cipher.suite().setting(), cipher.currentKeyId(), total, stillLeft)));
			log.info("Rewrote personal data with {} under key {}: {}; left: {}", cipher.suite().setting(),
					cipher.currentPrefix(), rewritten, left);
		}
		return rewritten;
	}

	/** The values still under an earlier algorithm or key, by column. */
	public Map<String, Long> remaining() {
		return columns.stream().collect(Collectors.toMap(EncryptedColumn::name,
				column -> jdbc.sql("select count(*) from " + column.table() + " where " + stale(column))
					.param("current", cipher.currentPrefix() + "%").query(Long.class).single(),
				(a, b) -> a, LinkedHashMap::new));
	}

	private int rekey(EncryptedColumn column) {
		int total = 0;
		long from = Long.MIN_VALUE;
		while (true) {
			long start = from;
			Batch batch = transactions.execute(status -> rewriteBatch(column, start));
			if (batch == null || batch.rows() == 0) {
				return total;
			}
			total += batch.rewritten();
			if (batch.rows() < BATCH || batch.rewritten() == 0) {
				return total;
			}
			// from the last walk value again: rows rewritten drop out, the rest of that value stays in
			from = batch.lastWalk();
		}
	}

	private Batch rewriteBatch(EncryptedColumn column, long from) {
		List<String> keys = column.keyColumns();
		String select = "select " + String.join(", ", keys) + ", " + column.walkColumn() + ", " + column.cipherColumn()
				+ " from " + column.table() + " where " + stale(column) + " and " + column.walkColumn() + " >= :from"
				+ " order by " + column.walkColumn() + " fetch first " + BATCH + " rows only";
		List<Object[]> updates = new ArrayList<>();
		var last = new Object() {
			long walk = from;
		};
		jdbc.sql(select).param("current", cipher.currentPrefix() + "%").param("from", from).query(rs -> {
			String old = rs.getString(keys.size() + 2);
			String clear = cipher.decrypt(old);
			List<Object> row = new ArrayList<>();
			row.add(cipher.encrypt(clear));
			if (column.hashColumn() != null) {
				row.add(cipher.lookupHash(clear));
			}
			for (int i = 1; i <= keys.size(); i++) {
				row.add(rs.getObject(i));
			}
			row.add(old);
			updates.add(row.toArray());
			last.walk = rs.getLong(keys.size() + 1);
		});
		int[] counts = template.batchUpdate(update(column), updates);
		int rewritten = 0;
		for (int count : counts) {
			rewritten += count < 0 ? 1 : count;
		}
		return new Batch(updates.size(), rewritten, last.walk);
	}

	/** Under an earlier algorithm or key, or without the look-up hash a column keeps beside it. */
	private static String stale(EncryptedColumn column) {
		String due = column.cipherColumn() + " not like :current"
				+ (column.hashColumn() == null ? "" : " or " + column.hashColumn() + " is null");
		return column.cipherColumn() + " is not null and (" + due + ")"
				+ (column.condition() == null ? "" : " and (" + column.condition() + ")");
	}

	private static String update(EncryptedColumn column) {
		return "update " + column.table() + " set " + column.cipherColumn() + " = ?"
				+ (column.hashColumn() == null ? "" : ", " + column.hashColumn() + " = ?") + " where "
				+ column.keyColumns().stream().map(key -> key + " = ?").collect(Collectors.joining(" and ")) + " and "
				+ column.cipherColumn() + " = ?";
	}

	private record Batch(int rows, int rewritten, long lastWalk) {

	}

}

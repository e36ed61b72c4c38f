package org.grassroots.units.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.units.Batch;
import org.grassroots.units.ImportError;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitImportRefused;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitRules;
import org.jspecify.annotations.Nullable;

/**
 * Checks every line of a unit CSV before anything is written: unknown parent, duplicate code,
 * cycle, bad level. Returns the rows in an order where each parent comes before its children.
 */
public final class UnitImport {

	static final List<String> REQUIRED = List.of("code", "parent_code", "level", "name_zh");

	private static final Set<String> KNOWN = Set.of("code", "parent_code", "level", "name_zh", "name_en", "batch",
			"kind");

	/** A checked line of the file. */
	public record Line(int line, String code, String parentCode, UnitLevel level, String nameZh,
			@Nullable String nameEn, Batch batch, UnitKind kind) {

	}

	private final UnitRepository units;

	private final DataScope scope;

	private final List<ImportError> errors = new ArrayList<>();

	public UnitImport(UnitRepository units, DataScope scope) {
		this.units = units;
		this.scope = scope;
	}

	/** @throws UnitImportRefused listing every error, when there is any */
	public List<Line> check(String csv) {
		List<UnitCsv.Row> rows = UnitCsv.parse(csv);
		if (rows.isEmpty()) {
			throw DomainException.invalid("units.import.empty");
		}
		Map<String, Integer> columns = header(rows.get(0));
		if (!errors.isEmpty()) {
			throw new UnitImportRefused(errors);
		}
		Map<String, Line> byCode = new LinkedHashMap<>();
		for (UnitCsv.Row row : rows.subList(1, rows.size())) {
			Line line = read(row, columns);
			if (line != null && byCode.putIfAbsent(line.code(), line) != null) {
				error(row.line(), "units.import.duplicate-in-file", line.code(), byCode.get(line.code()).line());
			}
		}
		if (byCode.isEmpty() && errors.isEmpty()) {
			throw DomainException.invalid("units.import.empty");
		}
		// a code taken outside the importer's scope is only "not available": its unit stays unnamed
		units.existingCodes(byCode.keySet()).forEach(code -> error(byCode.get(code).line(),
				units.findByCode(code, scope).isPresent() ? "units.import.code-exists" : "units.import.code-unavailable",
				code));
		List<Line> ordered = placeAll(byCode);
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingInt(ImportError::line));
			throw new UnitImportRefused(errors);
		}
		return ordered;
	}

	private Map<String, Integer> header(UnitCsv.Row row) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < row.fields().size(); i++) {
			String name = row.fields().get(i).trim().toLowerCase(Locale.ROOT);
			if (!KNOWN.contains(name)) {
				error(row.line(), "units.import.unknown-column", name);
			}
			columns.put(name, i);
		}
		REQUIRED.stream().filter(name -> !columns.containsKey(name)).forEach(name -> error(row.line(), "units.import.missing-column", name));
		return columns;
	}

	private @Nullable Line read(UnitCsv.Row row, Map<String, Integer> columns) {
		int errorsBefore = errors.size();
		String code = field(row, columns, "code");
		if (!code.matches(UnitRules.CODE_PATTERN)) {
			error(row.line(), "units.import.bad-code", code);
		}
		String nameZh = field(row, columns, "name_zh");
		if (nameZh.isEmpty() || nameZh.length() > 200) {
			error(row.line(), "units.import.bad-name", nameZh);
		}
		UnitLevel level = parse(row, "units.import.bad-level-value", field(row, columns, "level"), UnitLevel::parse);
		String batchText = field(row, columns, "batch");
		Batch batch = batchText.isEmpty() ? (level == null ? null : level.defaultBatch())
				: parse(row, "units.import.bad-batch", batchText, text -> Batch.valueOf(text.toUpperCase(Locale.ROOT)));
		String kindText = field(row, columns, "kind");
		UnitKind kind = kindText.isEmpty() ? UnitKind.ADMINISTRATIVE
				: parse(row, "units.import.bad-kind", kindText, text -> UnitKind.valueOf(text.toUpperCase(Locale.ROOT)));
		if (errors.size() > errorsBefore || level == null || batch == null || kind == null) {
			return null;
		}
		String nameEn = field(row, columns, "name_en");
		if (nameEn.length() > 200) {
			error(row.line(), "units.import.bad-name", nameEn);
			return null;
		}
		return new Line(row.line(), code, field(row, columns, "parent_code"), level, nameZh,
				nameEn.isEmpty() ? null : nameEn, batch, kind);
	}

	/** Orders lines parents first and checks each one's parent, level and the absence of cycles. */
	private List<Line> placeAll(Map<String, Line> byCode) {
		Set<String> parentCodesOutside = new HashSet<>();
		byCode.values().stream().map(Line::parentCode).filter(code -> !byCode.containsKey(code)).forEach(parentCodesOutside::add);
		Map<String, Unit> existing = new HashMap<>();
		units.findByCodes(parentCodesOutside, scope).forEach(unit -> existing.put(unit.code(), unit));
		List<Line> ordered = new ArrayList<>();
		Map<String, Boolean> done = new HashMap<>();
		for (Line line : byCode.values()) {
			visit(line, byCode, existing, done, new HashSet<>(), ordered);
		}
		return ordered;
	}

	/** Depth-first: a line is placed after its parent; a line met again on its own chain is a cycle. */
	private boolean visit(Line line, Map<String, Line> byCode, Map<String, Unit> existing, Map<String, Boolean> done,
			Set<String> onChain, List<Line> ordered) {
		Boolean known = done.get(line.code());
		if (known != null) {
			return known;
		}
		if (!onChain.add(line.code())) {
			error(line.line(), "units.import.cycle", line.code());
			done.put(line.code(), false);
			return false;
		}
		boolean ok = placeUnder(line, byCode, existing, done, onChain, ordered);
		onChain.remove(line.code());
		if (done.containsKey(line.code())) {
			return done.get(line.code());
		}
		done.put(line.code(), ok);
		if (ok) {
			ordered.add(line);
		}
		return ok;
	}

	private boolean placeUnder(Line line, Map<String, Line> byCode, Map<String, Unit> existing,
			Map<String, Boolean> done, Set<String> onChain, List<Line> ordered) {
		Line parentLine = byCode.get(line.parentCode());
		if (parentLine != null) {
			boolean parentOk = visit(parentLine, byCode, existing, done, onChain, ordered);
			return parentOk && levelFits(line, parentLine.level(), parentLine.kind(), parentLine.code());
		}
		Unit parent = existing.get(line.parentCode());
		if (parent == null) {
			error(line.line(), "units.import.unknown-parent", line.parentCode());
			return false;
		}
		return levelFits(line, parent.level(), parent.kind(), parent.code());
	}

	private boolean levelFits(Line line, UnitLevel parentLevel, UnitKind parentKind, String parentCode) {
		try {
			UnitRules.checkPlacement(line.level(), line.kind(), new Unit(0, parentCode, parentCode, null, parentLevel,
					parentLevel.defaultBatch(), parentKind, null, "/", 0, false, 0, 0));
			return true;
		}
		catch (DomainException ex) {
			error(line.line(), ex.messageKey(), ex.args());
			return false;
		}
	}

	private String field(UnitCsv.Row row, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		return index == null || index >= row.fields().size() ? "" : row.fields().get(index).trim();
	}

	private <T> @Nullable T parse(UnitCsv.Row row, String key, String text, java.util.function.Function<String, T> parser) {
		try {
			return parser.apply(text);
		}
		catch (IllegalArgumentException ex) {
			error(row.line(), key, text);
			return null;
		}
	}

	private void error(int line, String key, Object... args) {
		errors.add(new ImportError(line, key, args));
	}

}

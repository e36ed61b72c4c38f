package org.grassroots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The guard of issue 15: for every demo role and for a visitor, crawls the pages reachable from the
 * navigation (the navigation's pages and the pages they link to, at most two of each kind in
 * Chinese and one in English), in Chinese and English, at desktop and phone size, and fails on a link answering 4xx or 5xx, a page
 * without navigation, horizontal overflow at 390 px or at 1366 px, raw enum codes, field names or unit paths in
 * visible text, a visible message key, or a console error. Later features must pass it too.
 * With -Dguard.screenshots=true, screenshots of the pages checked go to target/screenshots/guard.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesGuardBrowserTests {

	/** Pages per role at most, so the crawl stays a few minutes on two cores. */
	private static final int PAGES_PER_ROLE = 30;

	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	private static final int DESKTOP_WIDTH = 1366;

	private static final int DESKTOP_HEIGHT = 900;

	/** Pages of one kind (the path with its numbers and codes replaced) that are opened, in Chinese. */
	private static final int PAGES_PER_KIND = 2;

	/**
	 * Roles whose navigation and pages another role of the same kind crawls in both languages (an
	 * administrator, a cadre, a worker, a department of another district or street): crawled in
	 * Chinese only, where their own data shows. English texts are the same pages' texts.
	 */
	private static final Set<String> CHINESE_ONLY = Set.of("yuzhong.admin", "yuzhong.cadre", "jiefangbei.worker",
			"nanan.health", "security.admin");

	private static final Pattern FIELD_NAME = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b");

	private static final Pattern UNIT_PATH = Pattern.compile("(?<![\\w.])/\\d{6}/");

	private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?|#\\{[\\w.-]+}");

	/** Paths that are not pages of ours: the API's documentation (Swagger UI) and sign-out. */
	private static final List<String> NOT_PAGES = List.of("/swagger-ui", "/v3/api-docs", "/logout");

	/** Downloads and API documents (Open311's discovery and services): asked for their status only. */
	private static final Pattern DOWNLOAD = Pattern.compile(
			"(\\.xlsx|\\.pdf|\\.png|\\.csv|\\.json|\\.xml|/export|/download|/poster|/qr)(\\?|$)");

	@LocalServerPort
	int port;

	private Pattern enumCodes;

	@BeforeAll
	void collectEnumCodes() throws Exception {
		Set<String> codes = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:org/grassroots/**/*.class")) {
			String url = resource.getURL().toString();
			if (url.contains("/test-classes/")) {
				continue;
			}
			String name = url.substring(url.indexOf("org/grassroots/")).replace(".class", "").replace('/', '.');
			Class<?> type = Class.forName(name, false, getClass().getClassLoader());
			if (type.isEnum()) {
				for (Object constant : type.getEnumConstants()) {
					String code = ((Enum<?>) constant).name();
					// short words (QR, PDF, ALL) are read as abbreviations; codes with _ or 4+ letters are not words
					if (code.contains("_") || code.length() >= 4) {
						codes.add(code);
					}
				}
			}
		}
		enumCodes = Pattern.compile("\\b(" + String.join("|", codes) + ")\\b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "visitor", "city.admin", "nanan.admin", "yuzhong.admin", "huayuanlu.worker", "nanan.cadre",
			"yuzhong.cadre", "nanan.housing", "nanan.health", "jiefangbei.worker", "steering.group", "member.li", "resident.wang",
			"system.admin", "security.admin", "security.auditor" })
	void everyPageReachableFromTheNavigationIsFitForItsUsers(String role) throws Exception {
		// -Dguard.roles=visitor,resident.wang crawls only those, while fixing their pages
		String only = System.getProperty("guard.roles", "");
		Assumptions.assumeTrue(only.isEmpty() || List.of(only.split(",")).contains(role), "not among -Dguard.roles");
		List<String> problems = new ArrayList<>();
		try (Browser browser = Browser.open(port, PHONE_WIDTH + "," + PHONE_HEIGHT)) {
			if (!role.equals("visitor")) {
				signIn(browser, role);
			}
			for (String lang : CHINESE_ONLY.contains(role) ? List.of("zh_CN") : List.of("zh_CN", "en")) {
				browser.go("/?lang=" + lang);
				crawl(browser, role, lang, problems);
			}
		}
		assertThat(problems).as("pages of " + role).isEmpty();
	}

	private void signIn(Browser browser, String username) {
		browser.go("/login");
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(Api.DEMO_PASSWORD);
		browser.find("#sign-in").click();
		browser.find("nav.navbar");
	}

	/**
	 * Checks the navigation's pages, then the pages they link to (at most {@link #PAGES_PER_KIND} of
	 * a kind in Chinese and one in English, {@link #PAGES_PER_ROLE} in all); every link found has its status asked once, with the
	 * browser's session, downloads included. A navigation page is opened once: checked and read for
	 * its links in the same visit.
	 */
	private void crawl(Browser browser, String role, String lang, List<String> problems) throws Exception {
		browser.go("/");
		List<String> navigation = links(browser, "nav.navbar");
		Set<String> seen = new LinkedHashSet<>(navigation);
		Status status = new Status(browser);
		Picks picks = new Picks(lang.equals("en") ? 1 : PAGES_PER_KIND);
		List<String> below = new ArrayList<>();
		for (String path : navigation) {
			if (!answers(status, path, lang, problems) || DOWNLOAD.matcher(path).find()) {
				continue;
			}
			if (picks.take(path)) {
				check(browser, role, lang, path, problems);
			}
			else {
				browser.go(path);
			}
			for (String link : links(browser, "body")) {
				if (seen.add(link)) {
					below.add(link);
				}
			}
		}
		for (String path : below) {
			if (answers(status, path, lang, problems) && !DOWNLOAD.matcher(path).find() && picks.take(path)) {
				check(browser, role, lang, path, problems);
			}
		}
	}

	private static boolean answers(Status status, String path, String lang, List<String> problems) throws Exception {
		int answer = status.of(path);
		if (answer >= 400) {
			problems.add(lang + " " + path + ": answers " + answer);
		}
		return answer < 400;
	}

	/** The pages chosen for checking: a few of each kind, a bounded number in all. */
	private static final class Picks {

		private final Map<String, Integer> kinds = new HashMap<>();

		private final int perKind;

		private int taken;

		Picks(int perKind) {
			this.perKind = perKind;
		}

		boolean take(String path) {
			if (kinds.merge(kind(path), 1, Integer::sum) > perKind || taken >= PAGES_PER_ROLE) {
				return false;
			}
			taken++;
			return true;
		}

	}

	/** Asks for a path's status as the browser's session would, following redirects. */
	private final class Status {

		private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

		private final String cookies;

		Status(Browser browser) {
			cookies = browser.driver().manage().getCookies().stream()
				.map(cookie -> cookie.getName() + "=" + cookie.getValue())
				.collect(Collectors.joining("; "));
		}

		int of(String path) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(30));
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

	}

	private void check(Browser browser, String role, String lang, String path, List<String> problems) throws IOException {
		browser.consoleErrors();
		browser.go(path);
		String where = role + " " + lang + " " + path;
		if (browser.driver().findElements(By.cssSelector("nav.navbar")).isEmpty()) {
			problems.add(where + ": no navigation");
		}
		String page = path.replaceAll("[^\\w]+", "_").replaceAll("^_+|_+$", "");
		String slug = role + "-" + lang + "-" + (page.isEmpty() ? "home" : page);
		checkLayout(browser, where + " (phone)", problems);
		screenshot(browser, slug + "-phone");
		browser.emulate(DESKTOP_WIDTH, DESKTOP_HEIGHT);
		try {
			checkLayout(browser, where + " (desktop)", problems);
			screenshot(browser, slug + "-desktop");
		}
		finally {
			browser.emulate(PHONE_WIDTH, PHONE_HEIGHT);
		}
		browser.consoleErrors().forEach(error -> problems.add(where + ": console " + error));
	}

	/**
	 * Screenshots for people to look at, with -Dguard.screenshots=true: CI checks the pages by the
	 * rules above and nobody looks at its pictures, which cost more than half of the crawl
	 * (two roles: 191 s with them, 77 s without, on two busy cores).
	 */
	private static void screenshot(Browser browser, String name) throws IOException {
		if (Boolean.getBoolean("guard.screenshots")) {
			browser.screenshot("guard/" + name);
		}
	}

	/** No sideways scrolling at the width the page is laid out at, and no codes in its visible text. */
	private void checkLayout(Browser browser, String where, List<String> problems) {
		long scroll = ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth")).longValue();
		long width = browser.innerWidth();
		if (scroll > width + 1) {
			problems.add(where + ": " + scroll + " px wide at " + width + " px");
		}
		String text = browser.pageText();
		// an identifier set in <code> is shown as a code on purpose (the category editor's codes, which
		// may share a word with an enum constant such as HOUSING or EDUCATION)
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) browser.driver()
			.executeScript("return Array.from(document.querySelectorAll('code')).map(c => c.innerText);");
		String words = text;
		for (String code : codes) {
			words = code.isBlank() ? words : words.replace(code, " ");
		}
		report(where, "enum code", enumCodes.matcher(words), problems);
		report(where, "field name", FIELD_NAME.matcher(text), problems);
		report(where, "unit path", UNIT_PATH.matcher(text), problems);
		report(where, "message key", MESSAGE_KEY.matcher(text), problems);
	}

	private static void report(String where, String what, Matcher matcher, List<String> problems) {
		Set<String> hits = new TreeSet<>();
		while (matcher.find() && hits.size() < 5) {
			hits.add(matcher.group());
		}
		if (!hits.isEmpty()) {
			problems.add(where + ": " + what + " " + hits);
		}
	}

	/** Same-origin links to pages of ours, as paths with their queries, without fragments. */
	private List<String> links(Browser browser, String within) {
		String origin = "http://localhost:" + port;
		Set<String> paths = new LinkedHashSet<>();
		@SuppressWarnings("unchecked")
		List<String> hrefs = (List<String>) browser.driver()
			.executeScript("return Array.from(document.querySelectorAll(arguments[0])).map(a => a.href)", within + " a[href]");
		for (String href : hrefs) {
			if (href == null || !href.startsWith(origin)) {
				continue;
			}
			String path = href.substring(origin.length()).replaceAll("#.*$", "");
			if (path.isEmpty() || path.contains("lang=") || NOT_PAGES.stream().anyMatch(path::startsWith)) {
				continue;
			}
			paths.add(path);
		}
		return List.copyOf(paths);
	}

	/** A page's kind: its path with numbers, codes and query values replaced. */
	private static String kind(String path) {
		return path.replaceAll("=[^&]*", "=").replaceAll("/[A-Za-z0-9-]*\\d[A-Za-z0-9-]*", "/#");
	}

}

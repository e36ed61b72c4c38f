package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.grassroots.shared.geo.Gcj02;
import org.grassroots.shared.geo.MapSettings;
import org.grassroots.support.Api;
import org.grassroots.support.Browser;
import org.grassroots.support.PageClient;
import org.grassroots.units.UnitBoundaries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * The maps of issue 21 on GCJ-02 tiles, served by a tile server of the test's own on another
 * origin (no network): the report form draws the tiles under the Content-Security-Policy, a
 * click fills latitude and longitude, and the stored point is the click converted to WGS-84 by
 * {@link Gcj02}; a problem's page draws its exact point, the public ledger only the point Open311
 * publishes, the work queue only its own rows. Screenshots of the form at 1366 and 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "grassroots.map.datum=GCJ02", "grassroots.map.attribution=<b>测试底图</b>" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapBrowserTests {

	static final String COMMUNITY = "500103901001";

	static final TileServer TILES = TileServer.start();

	@DynamicPropertySource
	static void tiles(DynamicPropertyRegistry registry) {
		registry.add("grassroots.map.tiles", () -> TILES.origin() + "/{z}/{x}/{y}.png");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitBoundaries boundaries;

	Browser browser;

	@BeforeAll
	void openBrowser() throws Exception {
		browser = Browser.open(port, "1366,900");
	}

	@AfterAll
	void close() throws Exception {
		if (browser != null) {
			browser.close();
		}
		TILES.stop();
	}

	@Test
	void pagesMayLoadImagesFromTheTileServerAndNoOtherOrigin() throws Exception {
		HttpResponse<String> form = new PageClient(port).get("/report");
		assertThat(form.headers().firstValue("Content-Security-Policy")).get()
			.asString()
			.contains("img-src 'self' data: " + TILES.origin() + ";")
			.contains("script-src 'self';");
		// the attribution is the operator's text, written as text
		assertThat(form.body()).contains("data-attribution=\"&lt;b&gt;测试底图&lt;/b&gt;\"")
			.containsPattern("src=\"/webjars/leaflet/[0-9.]+/dist/leaflet.js\"")
			.contains("name=\"datum\" id=\"datum\" value=\"GCJ02\"");
	}

	@Test
	void aClickOnTheReportFormsMapIsStoredInWgs84() throws Exception {
		// given the report form at a desktop's width, with its tiles drawn and nothing refused
		browser.emulate(1366, 900);
		browser.go("/report");
		browser.consoleErrors();
		WebElement map = browser.find("#map");
		waitForTiles();
		assertThat(TILES.served()).isPositive();
		assertThat(browser.text(".leaflet-control-attribution")).contains("<b>测试底图</b>");
		assertThat(browser.driver().findElement(By.id("latitude")).getDomProperty("value")).isEmpty();

		// when the resident clicks the map, the hidden fields hold the point as drawn and a marker stands there
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", map);
		new Actions(browser.driver()).moveToElement(map, 40, -30).click().perform();
		Gcj02.Point clicked = pickedPoint();
		browser.find(".map-picked");
		assertThat(browser.text("#map-status")).contains("已标出位置");
		assertThat(browser.consoleErrors()).isEmpty();
		String title = Api.uniqueCode("地图上标出的井盖缺失 ");
		fill(title);
		browser.fullScreenshot("map/report-1366");

		// then the stored point is the click converted from GCJ-02 to WGS-84, some hundreds of metres away
		String ledgerNo = submit();
		Map<String, Object> stored = jdbc.sql("select latitude, longitude from problem where ledger_no = ?")
			.param(ledgerNo)
			.query()
			.singleRow();
		Gcj02.Point expected = Gcj02.toWgs(clicked.lat(), clicked.lng());
		Gcj02.Point saved = new Gcj02.Point(((BigDecimal) stored.get("latitude")).doubleValue(),
				((BigDecimal) stored.get("longitude")).doubleValue());
		assertThat(saved.lat()).isCloseTo(expected.lat(), within(2e-6));
		assertThat(saved.lng()).isCloseTo(expected.lng(), within(2e-6));
		assertThat(Gcj02.metres(saved, clicked)).isGreaterThan(100);
	}

	@Test
	void aPointOnTheMapWithoutACommunityPlacesTheReportWhereItLies() throws Exception {
		// given the form with no community chosen: the selects are optional beside a map
		browser.emulate(1366, 900);
		browser.go("/report");
		assertThat(browser.find("#community").getDomProperty("required")).isEqualTo("false");
		assertThat(browser.text("#place-or-map")).contains("地图上标出位置");
		WebElement map = browser.find("#map");
		waitForTiles();

		// when the resident clicks the middle of the map (the city centre in Yuzhong) and sends the report
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", map);
		new Actions(browser.driver()).moveToElement(map, 0, 0).click().perform();
		Gcj02.Point clicked = pickedPoint();
		new Select(browser.find("#categoryCode")).selectByValue("OTHER");
		browser.find("#title").sendKeys(Api.uniqueCode("只在地图上标出的积水 "));
		browser.find("#description").sendKeys("路口积水，没有选社区");
		browser.click("#anonymous");
		String ledgerNo = submit();

		// then it is filed at the unit whose boundary holds the point, and the thank-you page names it
		Gcj02.Point wgs = Gcj02.toWgs(clicked.lat(), clicked.lng());
		var expected = boundaries.place(wgs.lat(), wgs.lng()).orElseThrow();
		assertThat(expected.code()).startsWith("500103");
		assertThat(jdbc.sql("select location_unit_id from problem where ledger_no = ?").param(ledgerNo)
			.query(Long.class).single()).isEqualTo(expected.id());
		assertThat(browser.text("#reported-place")).isEqualTo(expected.nameZh());
		browser.screenshot("map/report-placed");
	}

	@Test
	void onAPhoneTheFormsMapFitsAndAListsMapUnfoldsOnRequest() throws Exception {
		browser.emulate(390, 844);
		try {
			browser.go("/report");
			WebElement map = browser.find("#map");
			waitForTiles();
			assertThat(map.getSize().getWidth()).isLessThanOrEqualTo(390);
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0);
			browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", map);
			new Actions(browser.driver()).moveToElement(map, -20, 10).click().perform();
			pickedPoint();
			fill(Api.uniqueCode("手机上标出的路面塌陷 "));
			browser.fullScreenshot("map/report-390");

			// the ledger's map is folded away behind a button, and drawn when unfolded
			ProblemSteps steps = new ProblemSteps(new Api(port));
			Gcj02.Point drawn = Gcj02.fromWgs(29.558321, 106.577654);
			report(steps, Api.uniqueCode("台账地图上的反映 "), drawn);
			browser.go("/ledger/500103");
			browser.find("#map-toggle");
			assertThat(browser.driver().findElement(By.id("map")).isDisplayed()).isFalse();
			assertThat(browser.text("#map-toggle")).startsWith("显示地图");
			browser.click("#map-toggle");
			browser.find("#map");
			waitForTiles();
			browser.find(".map-marker");
			assertThat(browser.text("#map-toggle")).isEqualTo("收起地图");
			assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0);
			assertThat(browser.consoleErrors()).isEmpty();
			browser.screenshot("map/ledger-390");
		}
		finally {
			browser.emulate(1366, 900);
		}
	}

	@Test
	void theServerConvertsAFormsGcj02PointBackAndEachPageShowsOnlyWhatItMay() throws Exception {
		ProblemSteps steps = new ProblemSteps(new Api(port));
		// given a resident's point in Jiefangbei, clicked on GCJ-02 tiles where that point is drawn
		Gcj02.Point wgs = new Gcj02.Point(29.557412, 106.576823);
		String title = Api.uniqueCode("服务器换算的位置 ");
		String ledgerNo = report(steps, title, Gcj02.fromWgs(wgs.lat(), wgs.lng()));

		// then it is stored in WGS-84, as Open311 and the staff API give it
		Map<String, Object> stored = jdbc.sql("select id, latitude, longitude from problem where ledger_no = ?")
			.param(ledgerNo)
			.query()
			.singleRow();
		assertThat(((BigDecimal) stored.get("latitude")).doubleValue()).isCloseTo(wgs.lat(), within(1e-6));
		assertThat(((BigDecimal) stored.get("longitude")).doubleValue()).isCloseTo(wgs.lng(), within(1e-6));
		long id = ((Number) stored.get("id")).longValue();

		// the same fields without a datum, as a client of the page's form would send WGS-84, are stored as sent
		PageClient plain = new PageClient(port);
		HttpResponse<String> asSent = plain.submit("/report", "/report", form(steps, Api.uniqueCode("原样保存的位置 "))
				+ "&latitude=29.551234&longitude=106.571234&duplicateChoice=new");
		assertThat(asSent.body()).contains("reported-ledger");
		assertThat(jdbc.sql("select latitude from problem where ledger_no = ?").param(ledgerOf(asSent.body()))
			.query(BigDecimal.class).single()).isEqualByComparingTo("29.551234");

		// staff see the exact point, drawn where GCJ-02 tiles put it
		PageClient staff = new PageClient(port);
		staff.signIn("yuzhong.admin", Api.DEMO_PASSWORD);
		String detail = staff.get("/problems/" + id).body();
		Gcj02.Point drawn = Gcj02.fromWgs(((BigDecimal) stored.get("latitude")).doubleValue(),
				((BigDecimal) stored.get("longitude")).doubleValue());
		assertThat(marker(detail, ledgerNo)).isNotNull().satisfies(point -> {
			assertThat(point.lat()).isCloseTo(drawn.lat(), within(1e-9));
			assertThat(point.lng()).isCloseTo(drawn.lng(), within(1e-9));
		});
		assertThat(detail).contains("id=\"problem-point\"").contains(stored.get("latitude").toString());

		// the public ledger shows the point only as Open311 does: rounded to 3 decimals, then drawn
		String hidden = Api.uniqueCode("工作人员登记的内部问题 ");
		Api.Reply registered = steps.api.post(steps.token("yuzhong.admin"), "/api/v1/problems", Api.json("title", hidden,
				"description", "内部", "source", "SELF_FOUND", "categoryCode", "PARKING", "latitude", 29.5561,
				"longitude", 106.5761));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String hiddenLedgerNo = registered.json().path("ledgerNo").asString();
		String ledger = new PageClient(port).get("/ledger/500103").body();
		Gcj02.Point published = Gcj02.fromWgs(PublicRequest.publicCoordinate((BigDecimal) stored.get("latitude")).doubleValue(),
				PublicRequest.publicCoordinate((BigDecimal) stored.get("longitude")).doubleValue());
		assertThat(marker(ledger, ledgerNo)).isNotNull().satisfies(point -> {
			assertThat(point.lat()).isCloseTo(published.lat(), within(1e-9));
			assertThat(point.lng()).isCloseTo(published.lng(), within(1e-9));
		});
		assertThat(ledger).contains("id=\"map-ledger-hint\"").doesNotContain(hiddenLedgerNo + " ")
			.doesNotContain(hidden.trim());
		assertThat(marker(ledger, hiddenLedgerNo)).isNull();

		// the work queue maps exactly the rows it lists that have a point, each linking to its problem
		String queue = staff.get("/problems").body();
		List<Long> rows = ids(queue, "<td class=\"text-nowrap\" data-label=\"[^\"]*\"><a href=\"/problems/(\\d+)\"");
		List<Long> mapped = ids(queue, "<li data-lat=\"[^\"]*\" data-lng=\"[^\"]*\" data-href=\"/problems/(\\d+)\"");
		assertThat(rows).isNotEmpty();
		List<Long> withPoints = rows.stream()
			.filter(row -> jdbc.sql("select latitude from problem where id = ?").param(row).query(BigDecimal.class)
				.optional()
				.isPresent())
			.toList();
		assertThat(mapped).containsExactlyInAnyOrderElementsOf(withPoints);
	}

	private String report(ProblemSteps steps, String title, Gcj02.Point clicked) throws Exception {
		HttpResponse<String> saved = new PageClient(port).submit("/report", "/report", form(steps, title) + "&latitude="
				+ clicked.lat() + "&longitude=" + clicked.lng() + "&datum=GCJ02&duplicateChoice=new");
		assertThat(saved.body()).contains("reported-ledger");
		return ledgerOf(saved.body());
	}

	private static String form(ProblemSteps steps, String title) {
		return "locationUnitId=" + steps.unitId(COMMUNITY) + "&categoryCode=OTHER&title=" + PageClient.encode(title)
				+ "&description=" + PageClient.encode("在地图上标出") + "&anonymous=true";
	}

	private static String ledgerOf(String page) {
		Matcher found = Pattern.compile("id=\"reported-ledger\">([^<]+)<").matcher(page);
		assertThat(found.find()).as(page).isTrue();
		return found.group(1);
	}

	/** Where the page's map draws the problem with this ledger number, or none. */
	private static Gcj02.Point marker(String page, String ledgerNo) {
		Matcher found = Pattern.compile("<li data-lat=\"([-0-9.E]+)\" data-lng=\"([-0-9.E]+)\"[^>]*>" + Pattern.quote(ledgerNo) + " ")
			.matcher(page);
		return found.find() ? new Gcj02.Point(Double.parseDouble(found.group(1)), Double.parseDouble(found.group(2))) : null;
	}

	private static List<Long> ids(String page, String pattern) {
		Matcher found = Pattern.compile(pattern).matcher(page);
		List<Long> ids = new java.util.ArrayList<>();
		while (found.find()) {
			ids.add(Long.parseLong(found.group(1)));
		}
		return ids;
	}

	private void waitForTiles() throws IOException {
		try {
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map img.leaflet-tile-loaded")));
		}
		catch (RuntimeException ex) {
			browser.screenshot("map/no-tiles");
			throw new AssertionError("no tile drawn; console: " + browser.consoleErrors() + "; map: "
					+ browser.driver().executeScript("return document.getElementById('map').outerHTML.substring(0, 3000);"), ex);
		}
	}

	private Gcj02.Point pickedPoint() {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(driver -> !driver.findElement(By.id("latitude")).getDomProperty("value").isEmpty());
		double lat = Double.parseDouble(browser.driver().findElement(By.id("latitude")).getDomProperty("value"));
		double lng = Double.parseDouble(browser.driver().findElement(By.id("longitude")).getDomProperty("value"));
		assertThat(lat).isBetween(20.0, 40.0);
		assertThat(lng).isBetween(100.0, 115.0);
		return new Gcj02.Point(lat, lng);
	}

	private void fill(String title) {
		choose("#district", "500103");
		choose("#street", "500103901");
		choose("#community", COMMUNITY);
		new Select(browser.find("#categoryCode")).selectByValue("OTHER");
		browser.find("#title").sendKeys(title);
		browser.find("#description").sendKeys("井盖不见了，晚上很危险");
		browser.click("#anonymous");
	}

	private String submit() {
		browser.click("#report-submit");
		browser.find("#reported-ledger, #duplicates");
		if (!browser.driver().findElements(By.id("duplicates")).isEmpty()) {
			// the form came back with the point chosen before, drawn again, and the same fields
			browser.find(".map-picked");
			browser.click("#report-submit");
		}
		return browser.text("#reported-ledger");
	}

	private void choose(String select, String code) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(select + " option[data-code='" + code + "']")));
		String value = browser.driver().findElement(By.cssSelector(select + " option[data-code='" + code + "']"))
			.getDomProperty("value");
		new Select(browser.find(select)).selectByValue(value);
	}

	/**
	 * Map tiles on an origin of their own, as Tianditu's would be: each a 256 px square showing its
	 * z/x/y, so that a screenshot shows the tiles in place.
	 */
	record TileServer(HttpServer server, AtomicInteger count) {

		static TileServer start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				AtomicInteger count = new AtomicInteger();
				server.createContext("/", exchange -> {
					count.incrementAndGet();
					byte[] png = tile(exchange.getRequestURI().getPath());
					exchange.getResponseHeaders().add("Content-Type", "image/png");
					exchange.sendResponseHeaders(200, png.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(png);
					}
				});
				server.start();
				return new TileServer(server, count);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String origin() {
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}

		int served() {
			return count.get();
		}

		void stop() {
			server.stop(0);
		}

		private static byte[] tile(String path) throws IOException {
			BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setColor(new Color(0xEE, 0xF3, 0xE8));
			g.fillRect(0, 0, 256, 256);
			g.setColor(new Color(0xB8, 0xC4, 0xB0));
			g.drawRect(0, 0, 255, 255);
			g.setColor(new Color(0x6C, 0x75, 0x7D));
			g.drawString(path, 12, 24);
			g.dispose();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}

	}

}

package org.grassroots.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its own chromedriver, nothing downloaded. Without them the
 * browser tests are skipped, loudly; with {@code -Dgrassroots.browser=required} that is a failure.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** Below Bootstrap's sm breakpoint: a window this narrow is a phone's. */
	private static final int PHONE_WIDTH = 576;

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/** A browser with a window of the given size, or the test skipped (or failed) when none is installed. */
	public static Browser open(int port, String windowSize) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
			String why = "BROWSER TESTS SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is missing "
					+ "(apt-get install -y chromium chromium-driver)";
			System.err.println("\n!!!!! " + why + " !!!!!\n");
			if ("required".equals(System.getProperty("grassroots.browser"))) {
				throw new AssertionError(why + ", and -Dgrassroots.browser=required");
			}
			Assumptions.abort(why);
		}
		Path profile = Files.createTempDirectory("grassroots-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + windowSize, "--lang=en-US", "--user-data-dir=" + profile);
		// keep the console, so that a test can see what the Content-Security-Policy refused
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		ChromeDriver driver = new ChromeDriver(service, options);
		String[] size = windowSize.split(",");
		int width = Integer.parseInt(size[0].trim());
		if (width < PHONE_WIDTH) {
			// headless Chromium keeps a window at least 500 px wide whatever --window-size asks: emulate the
			// phone's screen instead, so the page is laid out at the width a phone really has
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
					Integer.parseInt(size[1].trim()), "deviceScaleFactor", 1, "mobile", true));
		}
		return new Browser(driver, profile, "http://localhost:" + port);
	}

	/**
	 * Lays the page out as a screen of the given size would: a phone's (mobile, below
	 * {@value #PHONE_WIDTH} px) or a desktop's. Resizing the window does not do it once a phone was
	 * emulated, and headless Chromium will not make a window narrower than 500 px.
	 */
	public void emulate(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
				"deviceScaleFactor", 1, "mobile", width < PHONE_WIDTH));
	}

	/**
	 * How many pixels the page is wider than the window (0 or less: no sideways scrolling), as a
	 * person on a phone would find by swiping sideways.
	 */
	public long horizontalOverflow() {
		Object overflow = driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).longValue();
	}

	/** The width the page is laid out at. */
	public long innerWidth() {
		return ((Number) driver.executeScript("return window.innerWidth;")).longValue();
	}

	/** The driver itself, for selects, file inputs and waits the helpers here do not cover. */
	public ChromeDriver driver() {
		return driver;
	}

	public void go(String path) {
		driver.get(base + path);
	}

	public WebElement find(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Scrolls the element to the middle of the window first, as a person would on a small screen. */
	public void click(String css) {
		WebElement element = find(css);
		// Bootstrap makes scrolling smooth: jump instead, and retry while something still slides over it
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
			.until(ready -> {
				element.click();
				return true;
			});
	}

	public String text(String css) {
		return find(css).getText();
	}

	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String url() {
		return driver.getCurrentUrl();
	}

	public void signIn(String username, String password) {
		go("/login");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("#sign-in").click();
		// leaders land on their dashboard, everyone else on their home page
		find("#home-unit, #dash-unit");
	}

	/** The console's errors since the last call: a refused script or style, a failed load, an uncaught exception. */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Saves the whole page, top to bottom, under target/screenshots: the window is stretched to the
	 * page's height for the shot and put back after.
	 */
	public void fullScreenshot(String name) throws IOException {
		long width = innerWidth();
		long height = ((Number) driver.executeScript("return Math.max(document.documentElement.scrollHeight, window.innerHeight);"))
			.longValue();
		long mobileHeight = ((Number) driver.executeScript("return window.innerHeight;")).longValue();
		boolean phone = width < PHONE_WIDTH;
		if (phone) {
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
					Math.min(height, 8000), "deviceScaleFactor", 1, "mobile", true));
		}
		try {
			screenshot(name);
		}
		finally {
			if (phone) {
				driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
						mobileHeight, "deviceScaleFactor", 1, "mobile", true));
			}
		}
	}

	/** Saves what the page looks like now under target/screenshots (a name may hold folders), for people to look at. */
	public void screenshot(String name) throws IOException {
		Path file = Path.of("target/screenshots").resolve(name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}

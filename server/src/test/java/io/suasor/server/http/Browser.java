package io.suasor.server.http;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
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
 * A headless Chromium driven through the Debian chromedriver, with helpers to wait for the page,
 * read the browser's console and save full-page screenshots at a desktop or a phone width.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 900;
  static final int PHONE_WIDTH = 390;
  static final int PHONE_HEIGHT = 844;
  private static final Duration WAIT = Duration.ofSeconds(15);

  final ChromeDriver driver;
  private final String base;
  private final Path screenshots;
  private int width = DESKTOP_WIDTH;
  private int height = DESKTOP_HEIGHT;

  Browser(String base, Path screenshots) {
    this.base = base;
    this.screenshots = screenshots;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    this.driver = new ChromeDriver(service, options);
    emulate(DESKTOP_WIDTH, DESKTOP_HEIGHT);
  }

  /** Opens a dashboard address such as {@code /jobs}; the page stays loaded across addresses. */
  void open(String address) {
    driver.get(base + "/#" + address);
  }

  void openFresh() {
    driver.get(base + "/");
  }

  WebElement await(By locator) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void awaitText(By locator, String text) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "waiting for '" + text + "' in " + locator)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  void awaitAttribute(By locator, String attribute, String value) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "waiting for " + attribute + "=" + value + " on " + locator)
        .until(ExpectedConditions.attributeToBe(locator, attribute, value));
  }

  void awaitCount(By locator, int count) {
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "waiting for " + count + " of " + locator)
        .until(ExpectedConditions.numberOfElementsToBe(locator, count));
  }

  Object script(String code, Object... arguments) {
    return driver.executeScript(code, arguments);
  }

  /** Console and network messages at SEVERE since the last call. */
  List<String> severeLogs() {
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(entry.getMessage());
      }
    }
    return severe;
  }

  void phone() {
    emulate(PHONE_WIDTH, PHONE_HEIGHT);
  }

  void desktop() {
    emulate(DESKTOP_WIDTH, DESKTOP_HEIGHT);
  }

  /** Whether the page is wider than the viewport, which would make people scroll sideways. */
  boolean overflowsSideways() {
    Object wider =
        script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    return Boolean.TRUE.equals(wider);
  }

  /** Saves the whole page, not just the viewport, as {@code name.png}. */
  Path screenshot(String name) {
    Number full = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
    int pageHeight = Math.max(height, Math.min(full.intValue(), 5000));
    metrics(width, pageHeight);
    try {
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(screenshots);
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      metrics(width, height);
    }
  }

  private void emulate(int newWidth, int newHeight) {
    width = newWidth;
    height = newHeight;
    metrics(newWidth, newHeight);
  }

  private void metrics(int metricsWidth, int metricsHeight) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            metricsWidth,
            "height",
            metricsHeight,
            "deviceScaleFactor",
            1,
            "mobile",
            metricsWidth < 600));
  }

  @Override
  public void close() {
    driver.quit();
  }
}

package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.server.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's Sources page in a real headless Chromium against a real server: a user adds a
 * local source over a generated demo library and a Jellyfin source, tests them, schedules, syncs
 * and removes them. Saves screenshots of the page under target/screenshots.
 */
class SourcesBrowserTest extends BrowserTestBase {
  static final DemoLibrary.Size SIZE = new DemoLibrary.Size(12, 2, 2, 3, 2, 2, 3);
  static final String DEMO = "Demo library";
  static final String JELLYFIN = "Living room";
  static final String GONE = "Old disk";
  static final String API_KEY = "sEcReT-jellyfin-key-90ab";

  Api api;
  String alice;
  DemoLibrary.Written library;
  Path goneFolder;
  int closedPort;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path media) throws IOException {
    server = TestServer.start(TestServer.sqlite(dataDir), List.of());
    api = new Api(server.port());
    String admin = server.adminToken();
    long aliceId =
        api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice =
        api.post("/api/v1/tokens", admin, "{\"userId\":" + aliceId + "}")
            .data()
            .get("token")
            .asText();
    library = new DemoLibrary(7).write(media.resolve("demo"), SIZE);
    goneFolder = Files.createDirectories(media.resolve("old-disk/Movies"));
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    browser = new Browser("http://127.0.0.1:" + server.port(), DashboardBrowserTest.SCREENSHOTS);
  }

  @Test
  @Order(1)
  void addALocalSourceOverADemoLibraryAndTestIt() {
    browser.openFresh();
    browser.await(By.id("token")).sendKeys(alice, Keys.ENTER);
    browser.await(By.id("who"));
    browser.await(By.cssSelector("a[data-nav=sources]")).click();
    browser.awaitText(By.id("sources"), "No source yet");

    type("source-name", DEMO);
    type("source-moviesPath", library.movies().toString());
    type("source-seriesPath", library.series().toString());
    type("source-musicPath", library.music().toString());
    assertThat(browser.driver.findElement(By.id("source-url")).isDisplayed()).isFalse();
    browser.await(By.cssSelector("#source-form button[type=submit]")).click();
    browser.awaitText(By.id("notice"), "Source " + DEMO + " added");

    card(DEMO).findElement(By.cssSelector("[data-action=test]")).click();
    browser.awaitText(cardPart(DEMO, ".test-result"), "Local folders");
    String result = browser.await(cardPart(DEMO, ".test-result")).getText();
    assertThat(result)
        .contains("✓ " + DEMO, "Libraries", library.movies().toString(), "music", "synced");
    assertThat(browser.driver.findElements(cardPart(DEMO, ".test-libraries li"))).hasSize(3);
    assertThat(card(DEMO).getText()).contains("Local folders", "enabled", "Last synced", "never");
  }

  @Test
  @Order(2)
  void addAJellyfinSourceWhoseKeyIsNeverShownAndSeeTestsFailPlainly() throws IOException {
    new Select(browser.await(By.id("source-type"))).selectByValue("jellyfin");
    assertThat(browser.driver.findElement(By.id("source-moviesPath")).isDisplayed()).isFalse();
    type("source-name", JELLYFIN);
    type("source-url", "http://127.0.0.1:" + closedPort);
    type("source-apiKey", API_KEY);
    type("source-libraries", "Movies, Shows");
    assertThat(browser.await(By.id("source-apiKey")).getAttribute("type")).isEqualTo("password");
    browser.await(By.cssSelector("#source-form button[type=submit]")).click();
    browser.awaitText(By.id("notice"), "Source " + JELLYFIN + " added");
    assertThat(card(JELLYFIN).getText())
        .contains("Jellyfin", "127.0.0.1:" + closedPort, "Movies, Shows", "stored (write-only");
    assertThat(browser.driver.getPageSource()).doesNotContain(API_KEY);
    assertThat(browser.driver.findElement(By.id("source-apiKey")).getAttribute("value")).isEmpty();

    card(JELLYFIN).findElement(By.cssSelector("[data-action=test]")).click();
    By failed = cardPart(JELLYFIN, ".test-failed");
    browser.await(failed);
    assertThat(browser.await(cardPart(JELLYFIN, ".test-error")).getText()).isNotBlank();
    assertThat(browser.driver.getPageSource()).doesNotContain(API_KEY);

    type("source-name", GONE);
    type("source-moviesPath", goneFolder.toString());
    browser.await(By.cssSelector("#source-form button[type=submit]")).click();
    browser.awaitText(By.id("notice"), "Source " + GONE + " added");
    Files.delete(goneFolder);
    card(GONE).findElement(By.cssSelector("[data-action=test]")).click();
    browser.awaitText(cardPart(GONE, ".test-failed"), "cannot be used as it is set up");
    assertThat(browser.await(cardPart(GONE, ".test-error")).getText())
        .contains(goneFolder.toString(), "does not exist");
  }

  @Test
  @Order(3)
  void addAndEditASourcesSyncSchedule() {
    WebElement demo = card(DEMO);
    String id = demo.getAttribute("data-source-id");
    new Select(browser.await(By.id("schedule-new-" + id + "-type"))).selectByValue("full");
    type("schedule-new-" + id + "-frequency", "daily at 03:00");
    card(DEMO).findElement(By.cssSelector(".schedule-add button[type=submit]")).click();
    By row = cardPart(DEMO, ".schedule-row[data-sync-type=full]");
    browser.awaitText(row, "full sync");
    browser.awaitText(row, "next");
    WebElement frequency = browser.await(row).findElement(By.cssSelector("input[type=text]"));
    assertThat(frequency.getAttribute("value")).isEqualTo("daily at 03:00");

    expectedRefusals.add(message -> message.contains("/api/v1/jobs/media-sync/"));
    frequency.clear();
    frequency.sendKeys("now and then");
    browser.await(row).findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitText(cardPart(DEMO, ".schedule-row[data-sync-type=full] .field-error"), "cron");
    assertThat(frequency.getAttribute("aria-invalid")).isEqualTo("true");

    frequency.clear();
    frequency.sendKeys("every 6h");
    browser.await(row).findElement(By.cssSelector("input[type=checkbox]")).click();
    browser.await(row).findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitText(By.id("notice"), "every 6h (paused)");
    browser.awaitText(row, "paused");
    JsonNode jobs = api.get("/api/v1/jobs/media-sync", alice).data();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).get("frequency").asText()).isEqualTo("every 6h");
    assertThat(jobs.get(0).get("enabled").asBoolean()).isFalse();
    assertThat(jobs.get(0).get("clientId").asText()).isEqualTo(id);

    // The page as the screenshots show it: three sources, two tested (what a Jellyfin source
    // answers depends on its client, not on this page), one with a schedule.
    browser.open("/jobs");
    browser.await(By.id("jobs"));
    browser.open("/sources");
    for (String name : List.of(DEMO, GONE)) {
      card(name).findElement(By.cssSelector("[data-action=test]")).click();
      browser.await(cardPart(name, ".test-result > div"));
    }
    assertThat(browser.driver.findElements(cardPart(JELLYFIN, ".test-result > div"))).isEmpty();
    browser.screenshot("sources");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-sources");
    browser.desktop();
  }

  @Test
  @Order(4)
  void startASyncAndFollowItToItsRun() {
    new Select(card(DEMO).findElement(By.cssSelector(".sync-now select"))).selectByValue("full");
    card(DEMO).findElement(By.cssSelector("[data-action=sync]")).click();
    browser.awaitText(By.tagName("h1"), "system.media.sync #");
    browser.awaitText(By.tagName("h1"), "completed");
    assertThat(browser.driver.findElements(By.cssSelector("#run-header .badge"))).hasSize(1);
    browser.awaitText(By.id("statistics"), "itemsCreated");
    assertThat(browser.await(By.id("statistics")).getText())
        .contains("itemsCreated " + SIZE.items(), "sourcesSynced 1");
    assertThat(browser.await(By.id("parameters")).getText()).contains("\"syncType\": \"full\"");

    browser.open("/sources");
    assertThat(
            browser
                .await(cardPart(DEMO, "[data-fact=lastSynced]"))
                .findElements(By.tagName("time")))
        .hasSize(1);
  }

  @Test
  @Order(5)
  void removeSourcesAfterConfirming() {
    card(JELLYFIN).findElement(By.cssSelector("[data-action=remove]")).click();
    WebElement dialog = browser.await(By.id("remove-source"));
    assertThat(dialog.getText()).contains("Remove " + JELLYFIN + "?");
    dialog.findElement(By.xpath(".//button[text()='Keep it']")).click();
    assertThat(dialog.isDisplayed()).isFalse();
    assertThat(card(JELLYFIN).isDisplayed()).isTrue();

    card(DEMO).findElement(By.cssSelector("[data-action=remove]")).click();
    assertThat(browser.await(By.id("remove-source")).getText())
        .contains("Remove " + DEMO + "?", "its 1 sync schedule");
    browser.await(By.cssSelector("#remove-source [data-action=confirm-remove]")).click();
    browser.awaitText(By.id("notice"), "deleted with its media sync job.");
    browser.awaitCount(By.cssSelector("#sources [data-source-id]"), 2);
    assertThat(browser.await(By.id("sources")).getText()).doesNotContain(DEMO);
    assertThat(api.get("/api/v1/jobs/media-sync", alice).data()).isEmpty();

    for (String name : List.of(JELLYFIN, GONE)) {
      card(name).findElement(By.cssSelector("[data-action=remove]")).click();
      browser.await(By.cssSelector("#remove-source [data-action=confirm-remove]")).click();
      browser.awaitText(By.id("notice"), name + ": source");
    }
    browser.awaitText(By.id("sources"), "No source yet");
    assertThat(api.get("/api/v1/sources", alice).data()).isEmpty();
  }

  private void type(String id, String text) {
    WebElement input = browser.await(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private WebElement card(String name) {
    return browser.await(By.cssSelector("#sources [data-source-name='" + name + "']"));
  }

  private static By cardPart(String name, String css) {
    return By.cssSelector("#sources [data-source-name='" + name + "'] " + css);
  }
}

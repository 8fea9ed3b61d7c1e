package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.server.TestServer;
import io.suasor.server.ThreadDumpOnFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The dashboard's unread count and Notifications page in a real headless Chromium against a real
 * server: alice's demo library is synced; while she watches, her run of the notification job
 * (started over the API, as the daily schedule would) makes the header's count and the open list
 * update without a reload; she marks one read, then all. Saves screenshots under
 * target/screenshots.
 */
@ExtendWith(ThreadDumpOnFailure.class)
class NotificationsBrowserTest extends BrowserTestBase {
  static final String JOB = NotificationApiContract.JOB;
  static final By COUNT = By.id("unread-count");
  static final By CARDS = By.cssSelector("#notifications [data-notification-id]");
  static final By UNREAD = By.cssSelector("#notifications [data-read=false]");

  Api api;
  String admin;
  String alice;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path media) throws InterruptedException {
    server = TestServer.start(TestServer.sqlite(dataDir), List.of());
    TestServer.pauseAndSettle(server, JOB);
    api = new Api(server.port());
    admin = server.adminToken();
    long aliceId =
        api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice =
        api.post("/api/v1/tokens", admin, "{\"userId\":" + aliceId + "}")
            .data()
            .get("token")
            .asText();
    DemoLibrary.Written library =
        new DemoLibrary(5).write(media.resolve("demo"), NotificationApiContract.SIZE);
    Api.Reply source =
        api.post(
            "/api/v1/sources",
            alice,
            "{\"type\":\"local\",\"name\":\"Demo\",\"config\":" + library.config().toJson() + "}");
    assertThat(source.status()).as(source.text()).isEqualTo(201);
    run(
        "/api/v1/jobs/media-sync/run",
        "{\"clientID\":" + source.data().get("id") + ",\"syncType\":\"full\"}");
    browser = new Browser("http://127.0.0.1:" + server.port(), DashboardBrowserTest.SCREENSHOTS);
  }

  @Test
  @Order(1)
  void theCountAndTheOpenListUpdateLiveWhenTheJobTellsSomething() throws InterruptedException {
    browser.openFresh();
    browser.await(By.id("token")).sendKeys(alice, Keys.ENTER);
    browser.await(By.id("who"));
    browser.awaitAttribute(By.id("live-status"), "data-state", "live");
    assertThat(browser.await(COUNT).getText()).isEqualTo("0");
    browser.await(By.id("bell")).click();
    browser.awaitText(By.id("notifications"), "No notifications yet");

    run("/api/v1/jobs/" + JOB + "/run", null);

    browser.awaitText(COUNT, "8");
    browser.awaitCount(CARDS, 8);
    browser.awaitCount(UNREAD, 8);
    JsonNode first = api.get("/api/v1/notifications", alice).data().get("notifications").get(0);
    assertThat(browser.await(card(first.get("id").asLong())).getText())
        .contains(first.get("title").asText(), first.get("message").asText(), "unread");
    browser.screenshot("notifications");
  }

  @Test
  @Order(2)
  void markOneReadThenAll() {
    JsonNode first = api.get("/api/v1/notifications", alice).data().get("notifications").get(0);
    long id = first.get("id").asLong();
    browser.await(By.cssSelector(css(id) + " [data-action=read]")).click();
    browser.awaitText(COUNT, "7");
    browser.awaitAttribute(card(id), "data-read", "true");
    browser.awaitCount(UNREAD, 7);
    // The one read now stands after the unread ones.
    assertThat(browser.driver.findElements(CARDS).get(7).getAttribute("data-notification-id"))
        .isEqualTo(String.valueOf(id));

    browser.await(By.id("read-all")).click();
    browser.awaitText(By.id("notice"), "7 notifications marked read");
    browser.awaitText(COUNT, "0");
    browser.awaitCount(UNREAD, 0);
    assertThat(api.get("/api/v1/notifications", alice).data().get("unreadCount").asLong()).isZero();

    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-notifications");
    browser.desktop();
  }

  private static By card(long id) {
    return By.cssSelector(css(id));
  }

  private static String css(long id) {
    return "#notifications [data-notification-id='" + id + "']";
  }

  /** Starts a run as alice and waits until it completed. */
  private void run(String path, String body) throws InterruptedException {
    Api.Reply started = api.post(path, alice, body);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    JsonNode run = api.awaitEnd(admin, started.data().get("id").asLong());
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
  }
}

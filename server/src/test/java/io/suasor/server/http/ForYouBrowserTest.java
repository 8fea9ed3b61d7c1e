package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.testing.Await;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.server.TestServer;
import io.suasor.server.ThreadDumpOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's For you page in a real headless Chromium against a real server: a user whose demo
 * library is synced, and for whom the activity analysis and the recommendation job have run, sees
 * the recommendations with their reasons and the activity profile as charts, dismisses one, marks
 * one viewed, and saves preferences. Saves screenshots under target/screenshots.
 */
@ExtendWith(ThreadDumpOnFailure.class)
class ForYouBrowserTest extends BrowserTestBase {
  /** Every fifth movie of a demo library is played, so most of them are left to recommend. */
  static final DemoLibrary.Size SIZE = new DemoLibrary.Size(40, 3, 2, 4, 3, 2, 4);

  static final String ANALYSIS = "system.user.activity.analysis";
  static final String RECOMMENDATION = "system.recommendation";
  static final String RECOMMENDATIONS = "/api/v1/jobs/recommendations";
  static final String PREFERENCES = "/api/v1/users/me/preferences";
  static final String KEY = "sk-ForYou-secret-7f3a";

  Api api;
  String admin;
  String alice;

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path media) throws InterruptedException {
    server = TestServer.start(TestServer.sqlite(dataDir), List.of());
    // Their start-up runs would otherwise also analyse alice, whose first analysis a test shows.
    TestServer.pauseAndSettle(server, ANALYSIS, RECOMMENDATION);
    api = new Api(server.port());
    admin = server.adminToken();
    long aliceId =
        api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice =
        api.post("/api/v1/tokens", admin, "{\"userId\":" + aliceId + "}")
            .data()
            .get("token")
            .asText();
    DemoLibrary.Written library = new DemoLibrary(7).write(media.resolve("demo"), SIZE);
    Api.Reply source =
        api.post(
            "/api/v1/sources",
            alice,
            "{\"type\":\"local\",\"name\":\"Demo library\",\"config\":"
                + library.config().toJson()
                + "}");
    assertThat(source.status()).as(source.text()).isEqualTo(201);
    runToTheEnd(
        "/api/v1/jobs/media-sync/run",
        "{\"clientID\":" + source.data().get("id").asLong() + ",\"syncType\":\"full\"}");
    runToTheEnd("/api/v1/jobs/" + ANALYSIS + "/run", null);
    runToTheEnd("/api/v1/jobs/" + RECOMMENDATION + "/run", null);
    browser = new Browser("http://127.0.0.1:" + server.port(), DashboardBrowserTest.SCREENSHOTS);
  }

  @Test
  @Order(1)
  void seeTheRecommendationsWithTheirReasons() {
    JsonNode recommendations = activeRecommendations();
    assertThat(recommendations.size()).as(recommendations.toString()).isGreaterThan(1);
    browser.openFresh();
    browser.await(By.id("token")).sendKeys(alice, Keys.ENTER);
    browser.await(By.id("who"));
    browser.await(By.cssSelector("a[data-nav=foryou]")).click();
    browser.awaitCount(
        By.cssSelector("#recommendations [data-recommendation-id]"), recommendations.size());
    for (JsonNode recommendation : recommendations) {
      String text = card(recommendation.get("id").asLong()).getText();
      assertThat(recommendation.get("reasoning").asText()).isNotBlank();
      assertThat(text)
          .contains(
              recommendation.get("title").asText(),
              recommendation.get("reasoning").asText(),
              recommendation.get("mediaType").asText(),
              recommendation.get("inLibrary").asBoolean()
                  ? "in your library"
                  : "not in your library",
              "Score",
              "confidence");
      for (JsonNode genre : recommendation.get("matchesGenres")) {
        assertThat(text).contains(genre.asText());
      }
    }
  }

  @Test
  @Order(2)
  void dismissOneAndMarkAnotherViewed() {
    JsonNode before = activeRecommendations();
    long dismissed = before.get(0).get("id").asLong();
    card(dismissed).findElement(By.cssSelector("[data-action=dismiss]")).click();
    browser.awaitCount(
        By.cssSelector("#recommendations [data-recommendation-id]"), before.size() - 1);
    browser.awaitText(By.id("notice"), before.get(0).get("title").asText() + " dismissed");
    assertThat(ids(activeRecommendations())).doesNotContain(dismissed);

    long viewed = before.get(1).get("id").asLong();
    By toggle = By.cssSelector(cardCss(viewed) + " [data-action=viewed]");
    assertThat(browser.await(toggle).getAttribute("aria-pressed")).isEqualTo("false");
    browser.await(toggle).click();
    browser.awaitAttribute(toggle, "aria-pressed", "true");
    assertThat(recommendation(viewed).get("isViewed").asBoolean()).isTrue();
    browser.await(toggle).click();
    browser.awaitAttribute(toggle, "aria-pressed", "false");
    assertThat(recommendation(viewed).get("isViewed").asBoolean()).isFalse();
    browser.await(toggle).click();
    browser.awaitAttribute(toggle, "aria-pressed", "true");

    browser.open("/jobs");
    browser.await(By.id("jobs"));
    browser.open("/for-you");
    browser.awaitCount(
        By.cssSelector("#recommendations [data-recommendation-id]"), before.size() - 1);
    assertThat(browser.await(toggle).getAttribute("aria-pressed")).isEqualTo("true");
  }

  @Test
  @Order(3)
  void seeTheActivityProfileAsAHeatMapAndBars() {
    JsonNode activity = api.get("/api/v1/users/me/activity", alice).data();
    JsonNode profile = activity.get("profile");
    assertThat(profile.get("plays").asInt()).as(activity.toString()).isPositive();
    assertThat(profile.get("genres").size()).isPositive();

    browser.awaitCount(By.cssSelector("#activity-heatmap svg rect.cell"), 7 * 24);
    WebElement heatMap = browser.await(By.cssSelector("#activity-heatmap svg"));
    assertThat(heatMap.getAttribute("role")).isEqualTo("img");
    assertThat(heatMap.getAttribute("aria-label")).contains("weekday", "hour");
    assertThat(browser.driver.findElements(By.cssSelector("#activity-heatmap svg > title")))
        .hasSize(1);
    browser.await(By.cssSelector("#activity-heatmap summary")).click();
    browser.awaitCount(By.cssSelector("#activity-heatmap table tbody tr"), 8);
    browser.await(By.cssSelector("#activity-heatmap summary")).click();

    browser.awaitCount(
        By.cssSelector("#activity-genres .share-bars li"), profile.get("genres").size());
    assertThat(browser.await(By.id("activity-genres")).getText())
        .contains(profile.get("genres").get(0).get("name").asText());
    assertThat(browser.await(By.id("activity-figures")).getText())
        .contains("Plays", profile.get("plays").asText(), "Binges", "Completion");
    assertThat(browser.await(By.id("activity-trend")).getText()).contains("first analysis");

    browser.screenshot("for-you");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-for-you");
    browser.desktop();
  }

  @Test
  @Order(4)
  void savePreferencesSeeingTheApisMessageForABadTimeZoneAndKeepingTheKeyUnseen() {
    String zoneBefore = api.get(PREFERENCES, alice).data().get("timeZone").asText();
    expectedRefusals.add(message -> message.contains(PREFERENCES) && message.contains("400"));
    type("pref-timeZone", "Mars/Olympus_Mons");
    save();
    WebElement error = browser.await(By.id("pref-timeZone-error"));
    assertThat(error.getText()).isNotBlank();
    assertThat(browser.await(By.id("pref-timeZone")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(api.get(PREFERENCES, alice).data().get("timeZone").asText()).isEqualTo(zoneBefore);

    type("pref-timeZone", "Europe/Berlin");
    type("pref-maxRecommendations", "5");
    type("pref-excludedGenres", "Horror, Western");
    new Select(browser.await(By.id("pref-recommender"))).selectByValue("openai");
    type("pref-recommenderUrl", "http://127.0.0.1:9/v1");
    type("pref-recommenderModel", "llama3.1");
    type("pref-recommenderKey", KEY);
    save();
    browser.awaitText(By.id("notice"), "preferences are saved");
    browser.awaitText(By.id("preferences-panel"), "A key is stored");
    Api.Reply saved = api.get(PREFERENCES, alice);
    assertThat(saved.text()).doesNotContain(KEY);
    assertThat(saved.data().get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(saved.data().get("maxRecommendations").asInt()).isEqualTo(5);
    assertThat(saved.data().get("recommender").asText()).isEqualTo("openai");
    assertThat(saved.data().get("recommenderUrl").asText()).isEqualTo("http://127.0.0.1:9/v1");
    assertThat(saved.data().get("recommenderModel").asText()).isEqualTo("llama3.1");
    assertThat(saved.data().get("excludedGenres").toString()).isEqualTo("[\"Horror\",\"Western\"]");
    assertThat(saved.data().get("hasRecommenderKey").asBoolean()).isTrue();
    assertThat(browser.driver.getPageSource()).doesNotContain(KEY);
    assertThat(browser.await(By.id("pref-recommenderKey")).getAttribute("value")).isEmpty();

    browser.await(By.id("pref-removeKey")).click();
    save();
    browser.awaitText(By.id("preferences-panel"), "Write-only");
    assertThat(api.get(PREFERENCES, alice).data().get("hasRecommenderKey").asBoolean()).isFalse();
  }

  private void save() {
    browser.await(By.cssSelector("#preferences-form button[type=submit]")).click();
  }

  private void type(String id, String text) {
    WebElement input = browser.await(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private WebElement card(long id) {
    return browser.await(By.cssSelector(cardCss(id)));
  }

  private static String cardCss(long id) {
    return "#recommendations [data-recommendation-id='" + id + "']";
  }

  private JsonNode activeRecommendations() {
    return api.get(RECOMMENDATIONS + "?active=true&limit=50", alice).data();
  }

  private JsonNode recommendation(long id) {
    for (JsonNode recommendation : activeRecommendations()) {
      if (recommendation.get("id").asLong() == id) {
        return recommendation;
      }
    }
    throw new AssertionError("no active recommendation " + id);
  }

  private static List<Long> ids(JsonNode recommendations) {
    List<Long> ids = new ArrayList<>();
    recommendations.forEach(recommendation -> ids.add(recommendation.get("id").asLong()));
    return ids;
  }

  /** Starts a run as alice and waits until it completed. */
  private void runToTheEnd(String path, String body) throws InterruptedException {
    Api.Reply started = api.post(path, alice, body);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    long id = started.data().get("id").asLong();
    Await.until(
        "run " + id + " of " + path + " to end",
        Duration.ofSeconds(60),
        () -> !api.get("/api/v1/jobs/runs/" + id, admin).data().get("endTime").isNull());
    JsonNode run = api.get("/api/v1/jobs/runs/" + id, admin).data();
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
  }
}

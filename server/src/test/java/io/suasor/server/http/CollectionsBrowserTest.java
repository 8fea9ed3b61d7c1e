package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.testing.Await;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.UserDataStore;
import io.suasor.server.TestServer;
import io.suasor.server.ThreadDumpOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's Collections page in a real headless Chromium against a real server: a user who
 * played a few films, for whom the smart collections job made the default collections, sees each
 * collection with its items, previews rules (and is told which part of bad ones is wrong), saves a
 * smart collection and deletes one. Saves screenshots under target/screenshots.
 */
@ExtendWith(ThreadDumpOnFailure.class)
class CollectionsBrowserTest extends BrowserTestBase {
  static final String JOB = "system.smart.collections";
  static final String COLLECTIONS = "/api/v1/collections";

  Api api;
  String admin;
  String alice;

  @BeforeAll
  void start(@TempDir Path dataDir) throws InterruptedException {
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
    plantLibrary(aliceId);
    Api.Reply started = api.post("/api/v1/jobs/" + JOB + "/run", alice, null);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    long id = started.data().get("id").asLong();
    Await.until(
        "run " + id + " to end",
        Duration.ofSeconds(30),
        () -> !api.get("/api/v1/jobs/runs/" + id, admin).data().get("endTime").isNull());
    assertThat(api.get("/api/v1/jobs/runs/" + id, admin).data().get("status").asText())
        .isEqualTo("completed");
    browser = new Browser("http://127.0.0.1:" + server.port(), DashboardBrowserTest.SCREENSHOTS);
  }

  @Test
  @Order(1)
  void seeTheDefaultCollectionsWithTheirItems() {
    JsonNode collections = api.get(COLLECTIONS, alice).data();
    assertThat(collections.size()).as(collections.toString()).isEqualTo(4);
    browser.openFresh();
    browser.await(By.id("token")).sendKeys(alice, Keys.ENTER);
    browser.await(By.id("who"));
    browser.await(By.cssSelector("a[data-nav=collections]")).click();
    browser.awaitCount(By.cssSelector("#collections [data-collection-id]"), collections.size());
    for (JsonNode collection : collections) {
      long id = collection.get("id").asLong();
      List<String> titles = titles(api.get(COLLECTIONS + "/" + id + "/items", alice).data());
      assertThat(titles).isNotEmpty();
      String css = "#collections [data-collection-id='" + id + "'] li[data-item-id]";
      browser.awaitCount(By.cssSelector(css), titles.size());
      List<String> shown =
          browser.driver.findElements(By.cssSelector(css)).stream()
              .map(WebElement::getText)
              .toList();
      for (int i = 0; i < titles.size(); i++) {
        assertThat(shown.get(i)).startsWith(titles.get(i));
      }
      assertThat(card(id).getText())
          .contains(
              collection.get("name").asText(),
              "smart",
              titles.size() + (titles.size() == 1 ? " item" : " items"));
    }
    assertThat(card(collectionNamed("Directed by Mira Holt")).getText())
        .contains("Harbour Lights", "Night Ferry");
    browser.screenshot("collections");
    browser.phone();
    browser.awaitCount(By.cssSelector("#collections [data-collection-id]"), collections.size());
    browser.screenshot("collections-phone");
    browser.desktop();
  }

  @Test
  @Order(2)
  void previewRulesBeingToldWhatIsWrongThenSaveThem() {
    WebElement rules = browser.await(By.id("collection-rules"));
    rules.clear();
    rules.sendKeys(
        "{\"rules\": {\"all\": [{\"genre\": \"Comedy\"}, {\"year\": {\"from\": 2020, \"to\": 2000}}]}}");
    expectedRefusals.add(
        message -> message.contains("/api/v1/collections/preview") && message.contains("400"));
    browser.await(By.id("collection-preview")).click();
    browser.awaitText(By.id("collection-rules-error"), "rules.all[1].year.from");
    assertThat(rules.getAttribute("aria-invalid")).isEqualTo("true");

    rules.clear();
    rules.sendKeys(
        "{\"rules\": {\"any\": [{\"genre\": \"Comedy\"}, {\"decade\": 1990}]}, \"sort\": \"year\"}");
    browser.await(By.id("collection-preview")).click();
    browser.awaitText(By.id("collection-preview-result"), "2 items match");
    assertThat(
            browser.driver.findElements(By.cssSelector("#preview-items li")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly("Loud Laughs (2010)", "Harbour Lights (1994)");
    assertThat(api.get(COLLECTIONS, alice).data()).hasSize(4);

    browser.await(By.id("collection-name")).sendKeys("Laughs and nineties");
    browser.await(By.cssSelector("#collection-form button[type=submit]")).click();
    browser.awaitCount(By.cssSelector("#collections [data-collection-id]"), 5);
    long saved = collectionNamed("Laughs and nineties");
    browser.awaitCount(
        By.cssSelector("#collections [data-collection-id='" + saved + "'] li[data-item-id]"), 2);
    assertThat(card(saved).getText()).contains("Loud Laughs", "Harbour Lights", "2 items");
  }

  @Test
  @Order(3)
  void deleteACollection() {
    long doomed = collectionNamed("Laughs and nineties");
    card(doomed).findElement(By.cssSelector("[data-action=delete]")).click();
    browser.awaitCount(By.cssSelector("#collections [data-collection-id]"), 4);
    assertThat(api.get(COLLECTIONS + "/" + doomed, alice).status()).isEqualTo(404);
    browser.awaitText(By.id("notice"), "Laughs and nineties deleted");
  }

  private WebElement card(long id) {
    return browser.await(By.cssSelector("#collections [data-collection-id='" + id + "']"));
  }

  private long collectionNamed(String name) {
    for (JsonNode collection : api.get(COLLECTIONS, alice).data()) {
      if (collection.get("name").asText().equals(name)) {
        return collection.get("id").asLong();
      }
    }
    throw new AssertionError("alice has no collection " + name);
  }

  private static List<String> titles(JsonNode items) {
    List<String> titles = new ArrayList<>();
    items.forEach(item -> titles.add(item.get("title").asText()));
    return titles;
  }

  /** Films of two genres, two of them by one director; alice played three. */
  private void plantLibrary(long aliceId) {
    ItemStore items = new ItemStore(server.app().database());
    Instant now = Instant.now();
    long harbour = movie(items, "Harbour Lights", 1994, "Drama", "Mira Holt", now);
    long ferry = movie(items, "Night Ferry", 2003, "Drama", "Mira Holt", now);
    long laughs = movie(items, "Loud Laughs", 2010, "Comedy", "Pat Quill", now);
    movie(items, "Grey Coast", 2012, "Drama", "Ode Sand", now.minusSeconds(60));
    movie(items, "Small Hours", 2016, "Drama", "Ode Sand", now.minusSeconds(120));
    movie(items, "Salt Wind", 2019, "Thriller", "Ode Sand", now.minusSeconds(180));
    UserDataStore data = new UserDataStore(server.app().database());
    Instant watched = now.minus(Duration.ofDays(1));
    for (long movie : List.of(harbour, ferry)) {
      data.save(new UserItemData(aliceId, movie, 1, watched, 100, false, null, false, watched));
    }
    data.save(new UserItemData(aliceId, laughs, 0, watched, 40, false, null, false, watched));
  }

  private static long movie(
      ItemStore items, String title, int year, String genre, String director, Instant added) {
    ItemMetadata metadata =
        new ItemMetadata(
            title,
            null,
            null,
            year,
            null,
            null,
            null,
            7.0,
            5400,
            Map.of(),
            List.of(genre),
            List.of(),
            List.of(new Credit(director, CreditRole.DIRECTOR, null, 0)));
    return items
        .insert(new NewItem(MediaType.MOVIE, metadata, null, null, Numbering.NONE), added)
        .id();
  }
}

package io.suasor.media.source.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.suasor.media.store.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests with a JSON body, against a plain WireMock server. */
class ServerHttpBodyTest {
  private static final HttpSettings FAST =
      HttpSettings.defaults()
          .withReadTimeout(Duration.ofSeconds(2))
          .withBackoff(Duration.ofMillis(10), Duration.ofMillis(20));

  private WireMockServer server;
  private ServerHttp http;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    http =
        new ServerHttp(
            new ServerAddress("Test API", null, server.baseUrl(), "check the key"),
            FAST,
            Map.of("Accept", "application/json"),
            List.of());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aJsonBodyIsSentAsJsonAndTheAnswerRead() {
    server.stubFor(post(urlPathEqualTo("/echo")).willReturn(okJson("{\"ok\":true}")));
    JsonNode body = Json.mapper().createObjectNode().put("model", "m").put("n", 1);

    JsonNode answer = http.sendJson("POST", "/echo", Query.of(), body);

    assertThat(answer.path("ok").asBoolean()).isTrue();
    server.verify(
        postRequestedFor(urlPathEqualTo("/echo"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"model\":\"m\",\"n\":1}")));
  }

  @Test
  void aFailedAnswerKeepsItsStatusAndAServiceIsNamedWithoutSource() {
    server.stubFor(post(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(429)));

    assertThatThrownBy(() -> http.sendJson("POST", "/busy", Query.of(), null))
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SourceHttpException.Problem.SERVER_ERROR);
              assertThat(e.status()).hasValue(429);
            })
        .hasMessageStartingWith("Test API at " + server.baseUrl() + ": POST /busy");
  }
}

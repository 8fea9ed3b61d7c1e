package io.suasor.media.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.MediaException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLException;

/**
 * The one way Suasor talks to another server (a media server, a metadata or AI provider): every
 * request has a connect and a read timeout, at most a few are open at once, 429 and 5xx answers and
 * timeouts are retried with backoff that honours {@code Retry-After}, and every failure becomes a
 * {@link SourceHttpException} whose message names the server, the request (without its query, where
 * secrets may travel) and what to change. Secrets given to it, and a query's {@link Query#secret
 * secret} parameters, are blanked out of anything it puts in a message.
 */
public final class ServerHttp {
  private static final int SNIPPET = 200;

  private final ServerAddress server;
  private final HttpSettings settings;
  private final HttpClient client;
  private final Semaphore open;
  private final Backoff backoff;
  private final Map<String, String> headers;
  private final List<String> secrets;
  private volatile Instant lastServerDate;
  private volatile int requests;

  /**
   * @param server the server's address, how messages name it, and what to tell a user whose
   *     credentials it refuses
   * @param headers sent with every request (authentication, {@code Accept})
   * @param secrets values never to show in a message (keys, tokens, passwords)
   */
  public ServerHttp(
      ServerAddress server,
      HttpSettings settings,
      Map<String, String> headers,
      List<String> secrets) {
    this.server = server;
    this.settings = settings;
    this.headers = Map.copyOf(headers);
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
    this.open = new Semaphore(settings.maxConcurrentRequests());
    this.backoff = new Backoff(settings);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** An answer: its status, body and headers. */
  public record Response(int status, byte[] body, HttpResponseHeaders headers) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The headers of an answer, by case-insensitive name. */
  public record HttpResponseHeaders(java.net.http.HttpHeaders headers) {
    public Optional<String> first(String name) {
      return headers.firstValue(name);
    }
  }

  public ServerAddress server() {
    return server;
  }

  /** GETs a JSON document; any status but 2xx is an error. */
  public JsonNode getJson(String path, Query query) {
    return json("GET", path, exchange("GET", path, query, null, true));
  }

  /** Sends a request whose answer, if any, is JSON; an empty body gives an empty object. */
  public JsonNode sendJson(String method, String path, Query query) {
    return sendJson(method, path, query, null);
  }

  /**
   * Sends a request with a JSON body (none when {@code body} is null) whose answer, if any, is
   * JSON; an empty answer gives an empty object.
   */
  public JsonNode sendJson(String method, String path, Query query, JsonNode body) {
    Response response = exchange(method, path, query, body, true);
    return response.body().length == 0
        ? Json.mapper().createObjectNode()
        : json(method, path, response);
  }

  /**
   * Sends a request and returns the answer whatever its status, after the retries of 429, 5xx and
   * timeouts; for a caller that gives a status its own meaning (a 404 that says "not this kind of
   * server").
   */
  public Response exchangeAnyStatus(String method, String path, Query query) {
    return exchange(method, path, query, null, false);
  }

  /** As {@link #exchangeAnyStatus(String, String, Query)}, with a JSON body. */
  public Response exchangeAnyStatus(String method, String path, Query query, JsonNode body) {
    return exchange(method, path, query, body, false);
  }

  /** The server's clock at its last answer ({@code Date} header), when it sends one. */
  public Optional<Instant> lastServerDate() {
    return Optional.ofNullable(lastServerDate);
  }

  /** Requests sent so far, retries included. */
  public int requests() {
    return requests;
  }

  /** {@code text} with every secret blanked out. */
  public String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  /** {@code text} with every secret, and every secret value of one request's query, blanked out. */
  private String redact(String text, Query query) {
    String result = redact(text);
    for (String secret : query.secretValues()) {
      if (!secret.isEmpty()) {
        result = result.replace(secret, "***");
      }
    }
    return result;
  }

  /** A message naming this server and one request. */
  public String describe(String method, String path) {
    return server.describe() + ": " + method + " " + path;
  }

  private JsonNode json(String method, String path, Response response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      String type = response.headers().first("Content-Type").orElse("no content type");
      throw new SourceHttpException(
          Problem.NOT_THAT_SERVER,
          describe(method, path)
              + " answered "
              + type
              + ", not JSON: check that "
              + server.url()
              + " is the address of the "
              + server.kind()
              + " server itself (not its web page behind a proxy that rewrites it)");
    }
  }

  private Response exchange(
      String method, String path, Query query, JsonNode body, boolean only2xx) {
    HttpRequest request = request(method, path, query, body);
    int attempt = 0;
    while (true) {
      attempt++;
      Response response;
      try {
        response = send(request);
      } catch (HttpTimeoutException e) {
        if (e instanceof HttpConnectTimeoutException) {
          throw unreachable(method, path, query, e);
        }
        if (attempt >= settings.maxAttempts()) {
          throw new SourceHttpException(
              Problem.TIMEOUT,
              describe(method, path)
                  + " did not answer within "
                  + HttpSettings.words(settings.readTimeout())
                  + " ("
                  + attempt
                  + " tries): the server is overloaded or the listing too large; try again"
                  + " later",
              e);
        }
        Backoff.pause(backoff.after(attempt));
        continue;
      } catch (SSLException e) {
        throw tls(method, path, query, e, e);
      } catch (ConnectException | UnknownHostException | UnresolvedAddressException e) {
        throw unreachable(method, path, query, e);
      } catch (IOException e) {
        if (e.getCause() instanceof SSLException tls) {
          throw tls(method, path, query, tls, e);
        }
        if (e.getCause() instanceof ConnectException
            || e.getCause() instanceof UnresolvedAddressException) {
          throw unreachable(method, path, query, e);
        }
        if (attempt >= settings.maxAttempts()) {
          throw new SourceHttpException(
              Problem.UNREACHABLE,
              describe(method, path)
                  + " failed after "
                  + attempt
                  + " tries: "
                  + redact(String.valueOf(e.getMessage()), query),
              e);
        }
        Backoff.pause(backoff.after(attempt));
        continue;
      }
      int status = response.status();
      if (status == 429 || Backoff.retryable5xx(status)) {
        Duration wait = Backoff.retryAfter(response).orElse(backoff.after(attempt));
        if (attempt >= settings.maxAttempts() || wait.compareTo(settings.maxRetryAfter()) > 0) {
          throw new SourceHttpException(
              Problem.SERVER_ERROR,
              describe(method, path)
                  + " answered HTTP "
                  + status
                  + (status == 429 ? " (too many requests)" : "")
                  + " "
                  + attempt
                  + " times"
                  + Backoff.retryAfter(response)
                      .map(d -> "; it asks to wait " + HttpSettings.words(d))
                      .orElse("")
                  + ": try again later"
                  + snippet(response, query),
              status);
        }
        Backoff.pause(wait);
        continue;
      }
      if (status == 401 || status == 403) {
        throw new SourceHttpException(
            Problem.UNAUTHORIZED,
            describe(method, path)
                + " refused the credentials (HTTP "
                + status
                + "): "
                + server.credentialAdvice(),
            status);
      }
      if (only2xx && status == 404) {
        throw new SourceHttpException(
            Problem.NOT_FOUND, describe(method, path) + " answered HTTP 404 (not found)", status);
      }
      if (only2xx && (status < 200 || status > 299)) {
        throw new SourceHttpException(
            Problem.BAD_RESPONSE,
            describe(method, path) + " answered HTTP " + status + snippet(response, query),
            status);
      }
      return response;
    }
  }

  private SourceHttpException tls(
      String method, String path, Query query, SSLException tls, Exception cause) {
    return new SourceHttpException(
        Problem.TLS,
        describe(method, path)
            + ": the TLS handshake failed ("
            + redact(String.valueOf(tls.getMessage()), query)
            + "); use a certificate this Java trusts, or http:// if the server has no certificate",
        cause);
  }

  private SourceHttpException unreachable(String method, String path, Query query, Exception e) {
    return new SourceHttpException(
        Problem.UNREACHABLE,
        describe(method, path)
            + ": cannot connect ("
            + redact(
                String.valueOf(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                query)
            + "); check the host and port in the source's url and that the server is running",
        e);
  }

  private Response send(HttpRequest request) throws IOException {
    try {
      open.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaException("interrupted while waiting to call " + server.describe());
    }
    try {
      requests++;
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .firstValue("Date")
          .flatMap(Backoff::httpDate)
          .ifPresent(d -> lastServerDate = d);
      return new Response(
          response.statusCode(), response.body(), new HttpResponseHeaders(response.headers()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaException("interrupted while calling " + server.describe());
    } finally {
      open.release();
    }
  }

  private HttpRequest request(String method, String path, Query query, JsonNode body) {
    String target = server.url() + path + (query.isEmpty() ? "" : "?" + query.encoded());
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      // The exception's text holds the whole address, query secrets included: never show it.
      throw new SourceHttpException(
          Problem.BAD_SETTINGS,
          server.describe()
              + ": the url is not a valid address; write it as http://host:port, e.g."
              + " http://media.local:4533");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(settings.readTimeout())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    headers.forEach(builder::header);
    if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }

  private String snippet(Response response, Query query) {
    if (response.body().length == 0) {
      return "";
    }
    String text = response.text().strip().replaceAll("\\s+", " ");
    if (text.length() > SNIPPET) {
      text = text.substring(0, SNIPPET) + "…";
    }
    return ": " + redact(text, query);
  }
}

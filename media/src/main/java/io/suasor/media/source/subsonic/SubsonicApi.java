package io.suasor.media.source.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Set;

/**
 * Calls one Subsonic server's REST API (1.10 and later) as one user. Every request carries the
 * login, the API version spoken, the client name and {@code f=json}, and is signed with a salted
 * token where the server takes one (API 1.13 and later), else with the hex-encoded password; the
 * plain password is never sent. Which of the two is found out once, by the first {@code ping}.
 * Subsonic reports failures as HTTP 200 with {@code status: "failed"}; they are turned into {@link
 * SourceHttpException}s here, in one place.
 */
final class SubsonicApi {
  static final String ADVICE =
      "put the user's Subsonic password in the source's secrets as password, and their login in"
          + " its config as user (or username)";

  /** Errors with which a server refuses token authentication rather than the credentials. */
  private static final Set<Integer> TOKEN_REFUSED = Set.of(10, 30, 41, 42);

  private final ServerHttp http;
  private final String login;
  private final String password;
  private final String prefix;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private Session session;

  /** How this server is spoken to, as the first {@code ping} found out. */
  record Session(ApiVersion server, boolean token, JsonNode ping) {}

  SubsonicApi(ServerHttp http, String login, String password, InstantSource clock) {
    this.http = http;
    this.login = login;
    this.password = password;
    this.clock = clock;
    // Users may give the address of the API itself rather than of the server.
    this.prefix = http.server().url().endsWith("/rest") ? "" : "/rest";
  }

  ServerHttp http() {
    return http;
  }

  String login() {
    return login;
  }

  /** The server's clock at its last answer, or ours when it sends no {@code Date}. */
  Instant serverTime() {
    return http.lastServerDate().orElseGet(clock::instant);
  }

  /** Pings the server once, to learn its version and how it takes credentials. */
  synchronized Session session() {
    if (session == null) {
      session = negotiate();
    }
    return session;
  }

  /** Calls a method; the {@code subsonic-response} of a successful answer. */
  JsonNode get(String method, Query parameters) {
    Session current = session();
    JsonNode answer = call(method, parameters, current.token(), current.server().spokenWith());
    if (!ok(answer)) {
      throw failure(method, answer);
    }
    return answer;
  }

  private Session negotiate() {
    JsonNode answer = call("ping", Query.of(), true, ApiVersion.SPOKEN);
    ApiVersion server = ApiVersion.parse(answer.path("version").asText(null));
    if (server == null) {
      throw new SourceHttpException(
          Problem.NOT_THAT_SERVER,
          describe("ping")
              + " answered without an API version: check that "
              + http.server().url()
              + " is the address of a Subsonic server");
    }
    if (server.before(ApiVersion.OLDEST)) {
      throw new SourceHttpException(
          Problem.TOO_OLD,
          describe("ping")
              + ": the server speaks Subsonic API "
              + server
              + "; Suasor needs "
              + ApiVersion.OLDEST
              + " or later (Subsonic 5.2 or a current Navidrome, Airsonic, gonic or supysonic):"
              + " upgrade the server");
    }
    if (ok(answer)) {
      return new Session(server, true, answer);
    }
    int code = answer.path("error").path("code").asInt(0);
    if (!server.before(ApiVersion.TOKEN_AUTH) && !TOKEN_REFUSED.contains(code)) {
      throw failure("ping", answer);
    }
    // The server cannot check a token (too old, or a user whose password it does not hold).
    answer = call("ping", Query.of(), false, server.spokenWith());
    if (!ok(answer)) {
      throw failure("ping", answer);
    }
    return new Session(server, false, answer);
  }

  private JsonNode call(String method, Query parameters, boolean token, ApiVersion version) {
    Query query = Query.of("u", login).and("v", version).and("c", "suasor").and("f", "json");
    if (token) {
      String salt = HexFormat.of().formatHex(salt());
      query.secret("t", md5(password + salt)).and("s", salt);
    } else {
      query.secret("p", "enc:" + hex(password));
    }
    query.and(parameters);
    JsonNode body;
    try {
      body = http.getJson(path(method), query);
    } catch (SourceHttpException e) {
      if (e.problem() != Problem.NOT_FOUND) {
        throw e;
      }
      throw method.equals("ping")
          ? new SourceHttpException(
              Problem.NOT_THAT_SERVER,
              describe(method)
                  + " answered HTTP 404: check that "
                  + http.server().url()
                  + " is the address of a Subsonic server, e.g. http://music.local:4533",
              e)
          : new SourceHttpException(
              Problem.BAD_RESPONSE,
              describe(method)
                  + " answered HTTP 404: the server does not offer "
                  + method
                  + ", which Suasor needs from a Subsonic API "
                  + ApiVersion.OLDEST
                  + " server",
              e);
    }
    JsonNode answer = body.get("subsonic-response");
    if (answer == null || !answer.isObject()) {
      throw new SourceHttpException(
          Problem.NOT_THAT_SERVER,
          describe(method)
              + " answered JSON that is no Subsonic answer: check that "
              + http.server().url()
              + " is the address of a Subsonic server");
    }
    return answer;
  }

  private byte[] salt() {
    byte[] salt = new byte[8];
    random.nextBytes(salt);
    return salt;
  }

  private static boolean ok(JsonNode answer) {
    return "ok".equals(answer.path("status").asText());
  }

  private SourceHttpException failure(String method, JsonNode answer) {
    JsonNode error = answer.path("error");
    int code = error.path("code").asInt(0);
    String said =
        describe(method)
            + " failed (Subsonic error "
            + code
            + ": "
            + http.redact(error.path("message").asText("no message"))
            + ")";
    return switch (code) {
      case 40, 41 ->
          new SourceHttpException(
              Problem.UNAUTHORIZED, said + ": the server refused user " + login + "; " + ADVICE);
      case 70 -> new SourceHttpException(Problem.NOT_FOUND, said);
      case 30 ->
          new SourceHttpException(
              Problem.TOO_OLD, said + ": the server's API is older than Suasor's; upgrade it");
      case 50 ->
          new SourceHttpException(
              Problem.BAD_RESPONSE,
              said + ": give user " + login + " the right for it in the Subsonic server");
      default -> new SourceHttpException(Problem.BAD_RESPONSE, said);
    };
  }

  private String path(String method) {
    return prefix + "/" + method + ".view";
  }

  private String describe(String method) {
    return http.describe("GET", path(method));
  }

  static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has MD5", e);
    }
  }
}

package io.suasor.media.source.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The accounts of a Plex server, and which of them holds the source's token. Plex answers every
 * request with the view state of the token's account; the account matters only to tell its plays
 * from others' in the server's history.
 *
 * @param listed the server's accounts ({@code GET /accounts}), empty when the server does not let
 *     this token list them (only its owner's token may)
 * @param token the token's account, when it is known
 */
record PlexAccounts(Optional<List<Account>> listed, Optional<Account> token) {
  /** An account of the server; {@code id} is the {@code accountID} of its history entries. */
  record Account(String id, String name) {}

  /**
   * Reads the accounts and finds the token's: the settings' {@code user} (an account's name or id),
   * else the account the server is signed in with ({@code owner}, the {@code myPlexUsername} of
   * {@code GET /}), else the only one.
   */
  static PlexAccounts read(ServerHttp http, ServerSourceSettings settings, String owner) {
    Optional<List<Account>> listed = list(http);
    Optional<String> user = settings.user();
    if (listed.isEmpty()) {
      if (user.isPresent() && !user.get().chars().allMatch(Character::isDigit)) {
        throw new SourceHttpException(
            Problem.BAD_SETTINGS,
            http.server().describe()
                + " does not let this token list its accounts, so user \""
                + user.get()
                + "\" cannot be looked up: set user to the account's number (its accountID) or"
                + " leave it out");
      }
      return new PlexAccounts(listed, user.map(id -> new Account(id, null)));
    }
    List<Account> accounts = listed.get();
    Optional<Account> token =
        user.isPresent()
            ? named(accounts, user.get())
            : Optional.ofNullable(owner)
                .flatMap(name -> named(accounts, name))
                .or(() -> accounts.size() == 1 ? Optional.of(accounts.get(0)) : Optional.empty());
    if (token.isEmpty()) {
      throw new SourceHttpException(
          Problem.BAD_SETTINGS,
          http.server().describe()
              + (user.isPresent()
                  ? " has no account \"" + user.get() + "\""
                  : " has several accounts")
              + ": set user to the one whose X-Plex-Token this source holds, one of "
              + accounts.stream()
                  .map(a -> a.name() + " (" + a.id() + ")")
                  .collect(Collectors.joining(", ")));
    }
    return new PlexAccounts(listed, token);
  }

  private static Optional<Account> named(List<Account> accounts, String wanted) {
    String lower = wanted.toLowerCase(Locale.ROOT);
    return accounts.stream()
        .filter(a -> a.id().equals(wanted) || a.name().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  /** The named accounts of {@code GET /accounts}; id 0 is the server's own, nameless one. */
  private static Optional<List<Account>> list(ServerHttp http) {
    ServerHttp.Response response;
    try {
      response = http.exchangeAnyStatus("GET", "/accounts", Query.of());
    } catch (SourceHttpException e) {
      if (e.problem() == Problem.UNAUTHORIZED) {
        return Optional.empty();
      }
      throw e;
    }
    if (response.status() != 200) {
      return Optional.empty();
    }
    JsonNode container;
    try {
      container = Json.mapper().readTree(response.body()).get("MediaContainer");
    } catch (IOException e) {
      return Optional.empty();
    }
    if (container == null) {
      return Optional.empty();
    }
    List<Account> accounts =
        PlexPaging.list(container, "Account").stream()
            .filter(a -> PlexPaging.text(a, "id") != null && PlexPaging.text(a, "name") != null)
            .map(a -> new Account(PlexPaging.text(a, "id"), PlexPaging.text(a, "name")))
            .toList();
    return accounts.isEmpty() ? Optional.empty() : Optional.of(accounts);
  }
}

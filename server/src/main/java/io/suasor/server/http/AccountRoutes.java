package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.media.model.ApiToken;
import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.Role;
import io.suasor.media.store.TokenStore;
import io.suasor.media.store.UserPage;
import io.suasor.media.store.UserStore;
import io.suasor.server.auth.User;
import java.io.IOException;
import java.time.Clock;

/** Accounts and tokens: any caller may read their own account; the rest is for admins. */
final class AccountRoutes {
  private final UserStore users;
  private final TokenStore tokens;
  private final Json json;
  private final Clock clock;

  AccountRoutes(UserStore users, TokenStore tokens, Json json, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.json = json;
    this.clock = clock;
  }

  record NewUser(String name, Role role) {}

  record UserChange(Boolean active) {}

  record NewToken(Long userId, String name) {}

  /** A token as issued: its record and, this once, its secret. */
  record TokenAnswer(
      long id, long userId, String name, java.time.Instant createdAt, String token) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/users/me", ctx -> ctx.json(Envelope.ok("you", Requests.user(ctx))));
    routes.get("/api/v1/users", this::listUsers);
    routes.post("/api/v1/users", this::addUser);
    routes.put("/api/v1/users/{id}", this::changeUser);
    routes.get(
        "/api/v1/tokens",
        ctx -> admin(ctx, "list tokens").json(Envelope.ok("tokens", tokens.all())));
    routes.post("/api/v1/tokens", this::issue);
    routes.delete("/api/v1/tokens/{id}", this::revoke);
  }

  private Context admin(Context ctx, String action) {
    Requests.requireAdmin(Requests.user(ctx), action);
    return ctx;
  }

  /**
   * Every user, streamed from pages of the store as the original's clients read it, or, when {@code
   * limit} or {@code after} is given, one page in id order with the cursor of the next.
   */
  private void listUsers(Context ctx) throws IOException {
    admin(ctx, "list users");
    if (ctx.queryParam("limit") == null && ctx.queryParam("after") == null) {
      StreamedList.answer(
          ctx,
          json,
          "users",
          after -> {
            UserPage page = users.page(after, StreamedList.PAGE_SIZE);
            return new StreamedList.Page<>(
                page.users().stream().map(User::of).toList(), page.nextCursor());
          });
      return;
    }
    int limit = Requests.intQuery(ctx, "limit", RunRoutes.DEFAULT_LIMIT, 1, RunRoutes.MAX_LIMIT);
    UserPage page = users.page(Requests.longQuery(ctx, "after").orElse(null), limit);
    ctx.json(
        Envelope.page(
            page.users().size() + " users",
            page.users().stream().map(User::of).toList(),
            new Envelope.Pagination(limit, page.nextCursor())));
  }

  private void addUser(Context ctx) {
    admin(ctx, "add users");
    NewUser request = json.read(ctx.body(), NewUser.class);
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty() || name.length() > 100) {
      throw ApiException.invalid("name", "name is required and may have at most 100 characters");
    }
    User user =
        User.of(
            users.create(
                name,
                null,
                request.role() == null ? Role.USER : request.role(),
                true,
                clock.instant()));
    ctx.status(201).json(Envelope.ok("user " + user.name() + " added", user));
  }

  private void changeUser(Context ctx) {
    admin(ctx, "change users");
    long id = Requests.id(ctx, "id");
    UserChange change = json.read(ctx.body(), UserChange.class);
    if (change.active() == null) {
      throw ApiException.invalid("active", "active is required: true or false");
    }
    if (!users.setActive(id, change.active(), clock.instant())) {
      throw ApiException.notFound("there is no user " + id);
    }
    User user = users.byId(id).map(User::of).orElseThrow();
    ctx.json(Envelope.ok("user " + user.name() + " changed", user));
  }

  private void issue(Context ctx) {
    admin(ctx, "issue tokens");
    NewToken request = json.read(ctx.body(), NewToken.class);
    if (request.userId() == null) {
      throw ApiException.invalid("userId", "userId is required: the user the token acts as");
    }
    long user =
        users
            .byId(request.userId())
            .orElseThrow(
                () -> ApiException.invalid("userId", "there is no user " + request.userId()))
            .id();
    String name =
        request.name() == null || request.name().isBlank() ? "api" : request.name().trim();
    IssuedToken issued = tokens.issue(user, name, clock.instant());
    ApiToken token = issued.token();
    ctx.status(201)
        .json(
            Envelope.ok(
                "token issued; store it now, it is not shown again",
                new TokenAnswer(
                    token.id(), token.userId(), token.name(), token.createdAt(), issued.secret())));
  }

  private void revoke(Context ctx) {
    admin(ctx, "revoke tokens");
    long id = Requests.id(ctx, "id");
    ApiToken token =
        tokens
            .revoke(id, clock.instant())
            .orElseThrow(() -> ApiException.notFound("there is no token " + id));
    ctx.json(Envelope.ok("token revoked", token));
  }
}

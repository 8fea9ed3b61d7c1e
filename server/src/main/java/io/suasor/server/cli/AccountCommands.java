package io.suasor.server.cli;

import io.suasor.media.model.ApiToken;
import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import io.suasor.media.store.UserPage;
import io.suasor.server.Application;
import io.suasor.server.ServerException;
import io.suasor.server.http.StreamedList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users add|list|disable|enable} and {@code tokens create|list|revoke}. */
final class AccountCommands {
  private AccountCommands() {}

  @Command(name = "users", description = "Manage accounts.")
  static final class Users {}

  @Command(name = "tokens", description = "Issue and revoke API tokens.")
  static final class Tokens {}

  static CommandLine users(Cli cli) {
    CommandLine users = new CommandLine(new Users());
    users.addSubcommand("add", new AddUser(cli));
    users.addSubcommand("list", new ListUsers(cli));
    users.addSubcommand(
        "disable",
        described(new SetActive(cli, false), "Disable an account: its tokens stop working."));
    users.addSubcommand(
        "enable", described(new SetActive(cli, true), "Enable a disabled account again."));
    return users;
  }

  static CommandLine tokens(Cli cli) {
    CommandLine tokens = new CommandLine(new Tokens());
    tokens.addSubcommand("create", new CreateToken(cli));
    tokens.addSubcommand("list", new ListTokens(cli));
    tokens.addSubcommand("revoke", new RevokeToken(cli));
    return tokens;
  }

  @Command(name = "add", description = "Add an account and print its first token.")
  static final class AddUser implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--role", defaultValue = "user", description = "admin or user (default user)")
    String role;

    AddUser(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      Role chosen;
      try {
        chosen = Role.of(role);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
      }
      try (Application app = cli.open(options)) {
        User user = app.users().create(name, null, chosen, true, app.clock().instant());
        IssuedToken token = app.tokens().issue(user.id(), "cli", app.clock().instant());
        cli.out()
            .println(
                "added " + user.role().value() + " " + user.username() + " (id " + user.id() + ")");
        cli.out().println("token (shown once): " + token.secret());
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List accounts.")
  static final class ListUsers implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    ListUsers(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        cli.printPages(
            after -> {
              UserPage page = app.users().page(after, StreamedList.PAGE_SIZE);
              return new StreamedList.Page<>(page.users(), page.nextCursor());
            },
            json.requested,
            user ->
                String.format(
                    "%4d %-30s %-6s %s",
                    user.id(),
                    user.username(),
                    user.role().value(),
                    user.active() ? "active" : "inactive"),
            io.suasor.server.auth.User::of);
      }
      return 0;
    }
  }

  private static CommandLine described(Object command, String description) {
    CommandLine line = new CommandLine(command);
    line.getCommandSpec().usageMessage().description(description);
    return line;
  }

  /** {@code users disable|enable NAME}. */
  @Command
  static final class SetActive implements Callable<Integer> {
    private final Cli cli;
    private final boolean active;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "NAME", description = "The account's name")
    String name;

    SetActive(Cli cli, boolean active) {
      this.cli = cli;
      this.active = active;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        User user = findUser(app, name);
        app.users().setActive(user.id(), active, app.clock().instant());
        cli.out().println((active ? "enabled " : "disabled ") + user.username());
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List tokens (never their secrets), revoked ones too.")
  static final class ListTokens implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    ListTokens(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        List<ApiToken> tokens = app.tokens().all();
        if (json.requested) {
          cli.printJson(tokens);
          return 0;
        }
        Map<Long, String> names = new HashMap<>();
        app.users().all().forEach(u -> names.put(u.id(), u.username()));
        for (ApiToken token : tokens) {
          cli.out()
              .printf(
                  "%4d %-20s %-24s created %s%s%s%n",
                  token.id(),
                  names.getOrDefault(token.userId(), "#" + token.userId()),
                  token.name(),
                  token.createdAt(),
                  token.expiresAt() == null ? "" : " expires " + token.expiresAt(),
                  token.revokedAt() == null ? "" : " revoked " + token.revokedAt());
        }
      }
      return 0;
    }
  }

  static User findUser(Application app, String name) {
    return app.users()
        .byUsername(name)
        .orElseThrow(
            () -> new ServerException("there is no user named '" + name + "'; see 'users list'"));
  }

  @Command(name = "create", description = "Issue a token for an account and print it once.")
  static final class CreateToken implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "USER", description = "The account's name")
    String userName;

    @Option(names = "--name", defaultValue = "cli", description = "What the token is for")
    String tokenName;

    CreateToken(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        User user = findUser(app, userName);
        IssuedToken token = app.tokens().issue(user.id(), tokenName, app.clock().instant());
        cli.out()
            .println(
                "token "
                    + token.token().id()
                    + " for "
                    + user.username()
                    + " (shown once): "
                    + token.secret());
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token by its id.")
  static final class RevokeToken implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "ID")
    long id;

    RevokeToken(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        if (app.tokens().revoke(id, app.clock().instant()).isEmpty()) {
          throw new ServerException("there is no token " + id + "; see 'tokens list'");
        }
        cli.out().println("token " + id + " revoked");
      }
      return 0;
    }
  }
}

package io.suasor.server.cli;

import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import io.suasor.server.Application;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users add|list} and {@code tokens create|revoke}. */
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
    return users;
  }

  static CommandLine tokens(Cli cli) {
    CommandLine tokens = new CommandLine(new Tokens());
    tokens.addSubcommand("create", new CreateToken(cli));
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

    ListUsers(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        for (User user : app.users().all()) {
          cli.out()
              .printf(
                  "%4d %-30s %-6s %s%n",
                  user.id(),
                  user.username(),
                  user.role().value(),
                  user.active() ? "active" : "inactive");
        }
      }
      return 0;
    }
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
        User user = app.users().byUsername(userName).orElse(null);
        if (user == null) {
          cli.out().println("there is no user named '" + userName + "'; see 'users list'");
          return 1;
        }
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
          cli.out().println("there is no token " + id);
          return 1;
        }
        cli.out().println("token " + id + " revoked");
      }
      return 0;
    }
  }
}

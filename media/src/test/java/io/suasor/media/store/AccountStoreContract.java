package io.suasor.media.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.DuplicateException;
import io.suasor.media.model.ApiToken;
import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import io.suasor.media.testing.MediaFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users and their API tokens, the one store of each; run on SQLite and on PostgreSQL. */
abstract class AccountStoreContract {
  @TempDir Path temp;
  MediaFixture fixture;
  UserStore users;
  TokenStore tokens;
  Instant now;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    users = new UserStore(fixture.database);
    tokens = new TokenStore(fixture.database);
    now = fixture.clock.instant();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aUserIsCreatedOnceUnderItsName() {
    assertThat(users.isEmpty()).isTrue();

    User ana = users.create("ana", null, Role.ADMIN, true, now);

    assertThat(users.isEmpty()).isFalse();
    assertThat(users.byId(ana.id())).contains(ana);
    assertThat(users.byUsername("ana")).contains(ana);
    assertThat(users.all()).containsExactly(ana);
    assertThatThrownBy(() -> users.create("ana", null, Role.USER, true, now))
        .isInstanceOf(DuplicateException.class);
  }

  @Test
  void usersArePagedInIdOrderUntilTheLastPageHasNoCursor() {
    List<User> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(users.create("user" + i, null, Role.USER, true, now));
    }

    UserPage first = users.page(null, 2);
    UserPage second = users.page(first.nextCursor(), 2);
    UserPage last = users.page(second.nextCursor(), 2);

    assertThat(first.users()).containsExactlyElementsOf(created.subList(0, 2));
    assertThat(first.nextCursor()).isEqualTo(created.get(1).id());
    assertThat(second.users()).containsExactlyElementsOf(created.subList(2, 4));
    assertThat(last.users()).containsExactly(created.get(4));
    assertThat(last.nextCursor()).isNull();
    assertThat(users.page(null, 5).nextCursor()).isNull();
    assertThat(users.page(created.get(4).id(), 5).users()).isEmpty();
  }

  @Test
  void anIssuedTokenAuthenticatesItsUserAndOnlyItsHashIsStored() {
    User ana = users.create("ana", null, Role.USER, true, now);

    IssuedToken issued = tokens.issue(ana.id(), "cli", now);

    assertThat(issued.secret()).startsWith(TokenStore.PREFIX);
    assertThat(issued.token())
        .isEqualTo(new ApiToken(issued.token().id(), ana.id(), "cli", now, null, null));
    assertThat(tokens.authenticate(issued.secret(), now)).contains(ana);
    assertThat(tokens.authenticate(issued.secret() + "x", now)).isEmpty();
    assertThat(storedHash(issued.token().id())).isEqualTo(TokenStore.hash(issued.secret()));
    assertThat(tokens.all()).containsExactly(issued.token());
    assertThat(tokens.byUser(ana.id())).containsExactly(issued.token());
  }

  @Test
  void aRevokedTokenNeverAuthenticatesAgain() {
    User ana = users.create("ana", null, Role.USER, true, now);
    IssuedToken issued = tokens.issue(ana.id(), "cli", now);
    IssuedToken other = tokens.issue(ana.id(), "browser", now);

    ApiToken revoked = tokens.revoke(issued.token().id(), now.plusSeconds(5)).orElseThrow();

    assertThat(revoked.revokedAt()).isEqualTo(now.plusSeconds(5));
    assertThat(tokens.authenticate(issued.secret(), now.plusSeconds(6))).isEmpty();
    assertThat(tokens.authenticate(other.secret(), now.plusSeconds(6))).contains(ana);
    assertThat(tokens.revoke(issued.token().id(), now.plusSeconds(9)).orElseThrow().revokedAt())
        .as("a second revoke keeps the first time")
        .isEqualTo(now.plusSeconds(5));
    assertThat(tokens.revoke(issued.token().id() + 100, now)).isEmpty();
  }

  @Test
  void anExpiredTokenNoLongerAuthenticates() {
    User ana = users.create("ana", null, Role.USER, true, now);
    IssuedToken issued = tokens.issue(ana.id(), "cli", now, now.plusSeconds(60));

    assertThat(tokens.authenticate(issued.secret(), now.plusSeconds(59))).contains(ana);
    assertThat(tokens.authenticate(issued.secret(), now.plusSeconds(60))).isEmpty();
  }

  @Test
  void aDisabledUsersTokensStopWorkingUntilTheUserIsEnabledAgain() {
    User ana = users.create("ana", null, Role.USER, true, now);
    IssuedToken issued = tokens.issue(ana.id(), "cli", now);

    assertThat(users.setActive(ana.id(), false, now.plusSeconds(1))).isTrue();

    assertThat(users.byId(ana.id())).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
    assertThat(tokens.authenticate(issued.secret(), now.plusSeconds(2))).isEmpty();
    assertThat(users.setActive(ana.id(), true, now.plusSeconds(3))).isTrue();
    assertThat(tokens.authenticate(issued.secret(), now.plusSeconds(4)))
        .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(ana.id()));
    assertThat(users.setActive(ana.id() + 100, false, now)).isFalse();
  }

  private String storedHash(long tokenId) {
    return fixture.database.read(
        "read a token's hash",
        c ->
            io.suasor.jobs.store.Jdbc.queryOne(
                    c,
                    "SELECT token_hash FROM api_tokens WHERE id = ?",
                    row -> row.getString("token_hash"),
                    tokenId)
                .orElseThrow());
  }
}

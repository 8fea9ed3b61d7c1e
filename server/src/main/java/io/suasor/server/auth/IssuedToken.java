package io.suasor.server.auth;

/** A token just created: the only moment its secret text is known. */
public record IssuedToken(ApiToken token, String secret) {}

package io.suasor.media.model;

/** A token just issued: the only moment its secret text is known. */
public record IssuedToken(ApiToken token, String secret) {}

package io.suasor.media.model;

/** A person's part in an item; {@code roleName} is an actor's character. */
public record Credit(String person, CreditRole role, String roleName, int order) {}

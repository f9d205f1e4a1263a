package eu.smek.calendar;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.Serializable;

/** Whom an invitation names: an account, a person, or a cell, organisation or working group. */
public record Invitee(@NotNull InviteeType type, @Positive long id) implements Serializable {}

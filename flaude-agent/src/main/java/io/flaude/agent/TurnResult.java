package io.flaude.agent;

/** A finished turn: the session as it is now, and how the turn ended. */
public record TurnResult(Session session, RunResult result) {}

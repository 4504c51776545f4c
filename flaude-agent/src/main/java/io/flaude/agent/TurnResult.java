package io.flaude.agent;

/**
 * A finished turn: the session as it is now, and how the turn ended.
 *
 * @param storeFailure why the session store could not record the finished turn, else {@code null}: the turn
 *                     ran and its result is here, but the store still says the session is {@code running}
 *                     (until {@code reap} sets it idle) and keeps its earlier last-turn time
 */
public record TurnResult(Session session, RunResult result, String storeFailure) {}

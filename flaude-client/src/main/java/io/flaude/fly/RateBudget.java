package io.flaude.fly;

/**
 * How many requests one {@link FlyClient} sends per action before it waits for its turn, so a busy
 * client queues instead of drawing Fly's 429s. Fly limits each action (start, update, get, ...) per
 * machine, or per app when no machine is addressed: 1 request/s with bursts of 3, getting a machine
 * 5/s with bursts of 10, app deletes 100/min. Every handle of one client shares its budget.
 *
 * @param perSecond           requests per second per action and machine or app
 * @param burst               how many may go at once before the rate applies
 * @param getMachinePerSecond the same for getting one machine
 * @param getMachineBurst     its burst
 */
public record RateBudget(double perSecond, int burst, double getMachinePerSecond, int getMachineBurst) {

    public RateBudget {
        if (perSecond < 0 || burst < 0 || getMachinePerSecond < 0 || getMachineBurst < 0) {
            throw new FlyValidationException("a rate budget has no negative rate or burst");
        }
    }

    /** Fly's documented limits: the default. */
    public static RateBudget fly() {
        return new RateBudget(1, 3, 5, 10);
    }

    /** No budget: every request goes at once (an emulator without rate limits, or your own limiter). */
    public static RateBudget unlimited() {
        return new RateBudget(0, 0, 0, 0);
    }

    /**
     * Fly's limits shared by {@code instances} processes that act on the same machines and apps (each
     * gets its share of the rate; bursts stay at least 1).
     */
    public static RateBudget sharedBy(int instances) {
        if (instances < 1) {
            throw new FlyValidationException("a budget is shared by at least 1 instance, got " + instances);
        }
        RateBudget f = fly();
        return new RateBudget(
                f.perSecond / instances,
                Math.max(1, f.burst / instances),
                f.getMachinePerSecond / instances,
                Math.max(1, f.getMachineBurst / instances));
    }

    /** Whether requests wait at all. */
    public boolean limited() {
        return perSecond > 0 || getMachinePerSecond > 0;
    }
}

package io.flaude.fly;

/**
 * How to list volumes. The default lists every volume the API returns, in every state, with all
 * fields, in as many pages as the API sends.
 *
 * @param excludeGone drop volumes that are destroyed or being destroyed ({@link Volume#isGone()})
 * @param summary     ask Fly to leave out the block and byte figures
 * @param pageSize    ask for pages of this many volumes (1-1000) and follow {@code fly-next-cursor};
 *                    0 lets the API decide
 */
public record VolumeListOptions(boolean excludeGone, boolean summary, int pageSize) {
    /** Every volume, all states, all fields. */
    public static final VolumeListOptions ALL = new VolumeListOptions(false, false, 0);
    /** Only volumes that are not destroyed or being destroyed. */
    public static final VolumeListOptions LIVE = new VolumeListOptions(true, false, 0);
}

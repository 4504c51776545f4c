package io.flaude.cli.bench;

/** The four calls of one benchmark cycle, done by the flaude client or by bare HTTP. */
interface VolumeOps extends AutoCloseable {
    /** Creates a volume and returns its id. */
    String create();

    void get(String id);

    void list();

    void destroy(String id);

    @Override
    void close();
}

package io.flaude.emulator.internal;

import java.util.List;

/** Where printed lines go besides the logs API: Fly's NATS stream, a log shipper's drain. */
interface LogSink extends AutoCloseable {
    void accept(String app, LogRecord line);

    @Override
    void close();

    /** Every one of {@code sinks}, in order; null when there is none. */
    static LogSink all(List<LogSink> sinks) {
        if (sinks.isEmpty()) {
            return null;
        }
        return new LogSink() {
            @Override
            public void accept(String app, LogRecord line) {
                sinks.forEach(s -> s.accept(app, line));
            }

            @Override
            public void close() {
                sinks.forEach(LogSink::close);
            }
        };
    }
}

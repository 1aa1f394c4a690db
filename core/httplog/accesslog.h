#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace infralab::httpserver {
class HttpExchange;
}

namespace infralab::httplog {

// One request as nginx's `combined` log format records it, plus the duration.
struct AccessLogEntry
{
    QByteArray remote;
    qint64 timeMs = 0; // wall clock, ms since the epoch
    QByteArray requestLine;
    int status = 0;
    qint64 bytes = 0; // body bytes sent ($body_bytes_sent)
    QByteArray referer;
    QByteArray userAgent;
    qint64 durationMs = 0;
};

// The access log of one HTTP node (web server, reverse proxy and balancer share it): a bounded
// ring per network thread (each handler writes only its own, so the lock is uncontended) merged
// by snapshot(), and optionally a file that a background thread appends to at least once a
// second. The request path only queues the entry; formatting and write() happen on the writer
// thread, so a slow disk never stalls it.
class AccessLog final
{
    Q_DISABLE_COPY_MOVE(AccessLog)

public:
    class Ring;

    // `filePath` empty = memory only. `ringCapacity` entries are kept per thread.
    explicit AccessLog(const QString &filePath = {}, int ringCapacity = 1000);
    ~AccessLog(); // writes what is queued, then stops the writer

    // A failure to open the file (the memory ring still works); empty when fine.
    QString fileError() const { return m_fileError; }

    // A new ring for one handler; the log keeps it for snapshots.
    std::shared_ptr<Ring> addRing();
    void append(Ring &ring, AccessLogEntry entry);
    // The entry for a finished exchange (remote, request line, status, bytes, referer, user
    // agent, duration), appended to `ring`: what every HTTP component's finished() records.
    void record(Ring &ring, const httpserver::HttpExchange &exchange);
    // Every kept entry of every thread, oldest first; thread-safe. `max` < 0 = all.
    QList<AccessLogEntry> snapshot(int max = -1) const;
    // Lines dropped from the file because the disk did not keep up (more than 8 MiB queued).
    quint64 droppedLines() const;

    // `remote - - [10/Oct/2000:13:55:36 +0200] "GET / HTTP/1.1" 200 612 "-" "curl/7.88.1"`
    static QByteArray combinedLine(const AccessLogEntry &entry);

private:
    void writerLoop();

    const int m_ringCapacity;
    mutable std::mutex m_ringsMutex;
    std::vector<std::shared_ptr<Ring>> m_rings;

    int m_fd = -1;
    QString m_fileError;
    std::mutex m_fileMutex;
    std::condition_variable m_wake;
    std::vector<AccessLogEntry> m_pending;
    qsizetype m_pendingBytes = 0;
    quint64 m_dropped = 0;
    bool m_stopping = false;
    std::thread m_writer;
};

} // namespace infralab::httplog

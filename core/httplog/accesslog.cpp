#include "httplog/accesslog.h"

#include "httpserver/httpexchange.h"
#include "net/clock.h"
#include "net/connectionshard.h"

#include <QDateTime>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <unistd.h>

namespace infralab::httplog {

class AccessLog::Ring
{
public:
    mutable std::mutex mutex;
    std::vector<AccessLogEntry> entries; // circular once full
    size_t next = 0;
};

static constexpr qsizetype MaxPendingBytes = 8 * 1024 * 1024;

AccessLog::AccessLog(const QString &filePath, int ringCapacity)
    : m_ringCapacity(std::max(1, ringCapacity))
{
    if (filePath.isEmpty())
        return;
    QDir().mkpath(QFileInfo(filePath).absolutePath()); // like nginx -p, a missing logs/ is made
    m_fd = ::open(QFile::encodeName(filePath).constData(),
                  O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        m_fileError = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    m_writer = std::thread([this] { writerLoop(); });
}

AccessLog::~AccessLog()
{
    if (m_writer.joinable()) {
        {
            std::lock_guard lock(m_fileMutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_writer.join();
    }
    if (m_fd >= 0)
        ::close(m_fd);
}

std::shared_ptr<AccessLog::Ring> AccessLog::addRing()
{
    auto ring = std::make_shared<Ring>();
    ring->entries.reserve(size_t(std::min(m_ringCapacity, 64)));
    std::lock_guard lock(m_ringsMutex);
    m_rings.push_back(ring);
    return ring;
}

void AccessLog::append(Ring &ring, AccessLogEntry entry)
{
    if (m_fd >= 0) {
        const qsizetype size
            = entry.requestLine.size() + entry.userAgent.size() + entry.referer.size() + 64;
        std::lock_guard lock(m_fileMutex);
        if (m_pendingBytes + size > MaxPendingBytes) {
            ++m_dropped;
        } else {
            m_pendingBytes += size;
            m_pending.push_back(entry);
        }
    }
    std::lock_guard lock(ring.mutex);
    if (ring.entries.size() < size_t(m_ringCapacity)) {
        ring.entries.push_back(std::move(entry));
    } else {
        ring.entries[ring.next] = std::move(entry);
        ring.next = (ring.next + 1) % ring.entries.size();
    }
}

void AccessLog::record(Ring &ring, const httpserver::HttpExchange &exchange)
{
    const http::RequestHead &request = exchange.request();
    AccessLogEntry entry;
    entry.remote = exchange.peerAddress().toByteArray();
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    // "GET /path HTTP/1.1" in one allocation (this runs once per response).
    const QByteArrayView version
        = request.version == http::HttpVersion::Http10 ? " HTTP/1.0" : " HTTP/1.1";
    entry.requestLine.resize(request.methodToken.size() + 1 + request.target.size()
                             + version.size());
    char *out = entry.requestLine.data();
    std::memcpy(out, request.methodToken.data(), size_t(request.methodToken.size()));
    out += request.methodToken.size();
    *out++ = ' ';
    std::memcpy(out, request.target.data(), size_t(request.target.size()));
    out += request.target.size();
    std::memcpy(out, version.data(), size_t(version.size()));
    entry.status = exchange.status();
    entry.bytes = exchange.bodyBytesSent();
    entry.referer = request.field("Referer").toByteArray();
    entry.userAgent = request.field("User-Agent").toByteArray();
    entry.durationMs = net::steadyNowMs() - exchange.startedMs();
    append(ring, std::move(entry));
}

QList<AccessLogEntry> AccessLog::snapshot(int max) const
{
    QList<AccessLogEntry> all;
    {
        std::lock_guard lock(m_ringsMutex);
        for (const auto &ring : m_rings) {
            std::lock_guard ringLock(ring->mutex);
            const size_t count = ring->entries.size();
            for (size_t i = 0; i < count; ++i)
                all.append(ring->entries[(ring->next + i) % count]);
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const AccessLogEntry &a, const AccessLogEntry &b) {
        return a.timeMs < b.timeMs;
    });
    if (max >= 0 && all.size() > max)
        all.remove(0, all.size() - max);
    return all;
}

quint64 AccessLog::droppedLines() const
{
    std::lock_guard lock(const_cast<std::mutex &>(m_fileMutex));
    return m_dropped;
}

static QByteArray quoted(const QByteArray &value)
{
    if (value.isEmpty())
        return "\"-\"";
    QByteArray out = "\"";
    for (char c : value) {
        // nginx escapes '"', '\' and bytes outside printable ASCII as \xHH.
        if (c == '"' || c == '\\' || uchar(c) < 0x20 || uchar(c) >= 0x7f) {
            out += "\\x";
            out += QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
        } else {
            out += c;
        }
    }
    return out + '"';
}

QByteArray AccessLog::combinedLine(const AccessLogEntry &entry)
{
    const std::time_t seconds = std::time_t(entry.timeMs / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char time[40];
    std::strftime(time, sizeof time, "%d/%b/%Y:%H:%M:%S %z", &local);
    QByteArray line = entry.remote.isEmpty() ? QByteArray("-") : entry.remote;
    line += " - - [";
    line += time;
    line += "] " + quoted(entry.requestLine) + ' ' + QByteArray::number(entry.status) + ' '
            + QByteArray::number(entry.bytes) + ' ' + quoted(entry.referer) + ' '
            + quoted(entry.userAgent) + '\n';
    return line;
}

void AccessLog::writerLoop()
{
    std::vector<AccessLogEntry> batch;
    QByteArray text;
    std::unique_lock lock(m_fileMutex);
    while (true) {
        m_wake.wait_for(lock, std::chrono::seconds(1));
        const bool stopping = m_stopping;
        batch.swap(m_pending);
        m_pendingBytes = 0;
        lock.unlock();
        text.resize(0);
        for (const AccessLogEntry &entry : batch)
            text += combinedLine(entry);
        batch.clear();
        qsizetype written = 0;
        while (written < text.size()) {
            const ssize_t n
                = ::write(m_fd, text.constData() + written, size_t(text.size() - written));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // disk full or gone: the memory ring still has the entries
            written += n;
        }
        lock.lock();
        if (stopping && m_pending.empty())
            return;
    }
}

} // namespace infralab::httplog

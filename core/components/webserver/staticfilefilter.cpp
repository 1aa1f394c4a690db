#include "components/webserver/staticfilefilter.h"

#include "components/common/gzipcompress.h"
#include "components/common/mimetypes.h"
#include "components/webserver/staticpath.h"
#include "http/requestconditions.h"
#include "httpserver/errorpage.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace infralab::webserver {

using httpserver::HttpExchange;
using Kind = CachedFile::Kind;
using http::acceptsGzip;
using http::ByteRange;
using http::ifRangeHolds;
using http::noneMatchHits;
using http::parseHttpDate;
using http::parseRange;

namespace {

// Streams [offset, offset + length) of an open file in the connection's chunks (pread, so
// the descriptor's position never matters); closes the file when the response ends.
class FileBodySource final : public httpserver::BodySource
{
public:
    FileBodySource(int fd, qint64 offset)
        : m_fd(fd)
        , m_offset(offset)
    {}
    ~FileBodySource() override { ::close(m_fd); }

    void seek(qint64 offset) { m_offset = offset; }

    int fileDescriptor(qint64 *offset) const override
    {
        *offset = m_offset;
        return m_fd;
    }
    void advance(qint64 bytes) override { m_offset += bytes; }

    qint64 read(char *data, qint64 max) override
    {
        while (true) {
            const ssize_t n = ::pread(m_fd, data, size_t(max), off_t(m_offset));
            if (n < 0 && errno == EINTR)
                continue;
            if (n > 0)
                m_offset += n;
            return n < 0 ? -1 : qint64(n);
        }
    }

private:
    int m_fd;
    qint64 m_offset;
};

// Reads a whole file of at most `limit` bytes, for compressing one larger than the cache's.
QByteArray readWholeFile(const QByteArray &path, qint64 limit)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray data(limit, Qt::Uninitialized);
    qint64 done = 0;
    while (done < limit) {
        const ssize_t n = ::read(fd, data.data() + done, size_t(limit - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    data.truncate(done);
    return data;
}

} // namespace

StaticFileFilter::StaticFileFilter(std::shared_ptr<const SiteSettings> settings)
    : m_settings(std::move(settings))
    , m_files(m_settings->config.root, m_settings->config.index)
{}

httpserver::HttpFilter::Result StaticFileFilter::onRequest(HttpExchange &exchange)
{
    serve(exchange);
    return Result::Stop;
}

void StaticFileFilter::serve(HttpExchange &exchange)
{
    const http::RequestHead &request = exchange.request();
    if (request.method != http::HttpMethod::Get && request.method != http::HttpMethod::Head) {
        // RFC 9110 §15.5.6: a 405 lists the methods the resource supports.
        sendErrorPage(exchange, 405, "Allow", "GET, HEAD");
        return;
    }
    const StaticPath target = normaliseStaticPath(request.path);
    if (target.status != 0) {
        if (target.status == 400)
            exchange.setCloseAfter(); // as nginx does after a bad request
        sendErrorPage(exchange, target.status);
        return;
    }
    CachedFile &file = m_files.lookup(target.path, exchange.startedMs());
    switch (file.kind) {
    case Kind::File: serveFile(exchange, target.path, file); return;
    case Kind::NeedsSlash: redirectToFolder(exchange, target.path); return;
    case Kind::FolderWithoutIndex:
    case Kind::Forbidden: sendErrorPage(exchange, 403); return;
    case Kind::Missing: sendErrorPage(exchange, 404); return;
    }
}

void StaticFileFilter::redirectToFolder(HttpExchange &exchange, const QByteArray &path)
{
    // nginx answers `http://host:port/sub/` (with the query); without a Host, a relative
    // reference (RFC 9110 §10.2.2 allows both).
    const http::RequestHead &request = exchange.request();
    QByteArray location;
    if (!request.host.isEmpty())
        location = "http://" + request.host.toByteArray();
    location += path.toPercentEncoding("/!$&'()*+,;=:@");
    location += '/';
    if (!request.query.isEmpty())
        location += '?' + request.query.toByteArray();
    sendErrorPage(exchange, 301, "Location", location);
}

bool StaticFileFilter::ensureGzip(CachedFile &file)
{
    if (!file.gzipTried) {
        file.gzipTried = true;
        const QByteArray identity
            = file.inMemory() ? file.body : readWholeFile(file.diskPath, file.size);
        if (identity.size() == file.size) {
            file.gzipBody = components::gzipCompress(identity);
            m_files.addBytes(file.gzipBody.size());
        }
    }
    return !file.gzipBody.isEmpty();
}

void StaticFileFilter::serveFile(HttpExchange &exchange, const QByteArray &path, CachedFile &file)
{
    const http::RequestHead &request = exchange.request();
    // A large file is opened first: it was checked at most a second ago, and if it changed
    // since, the entry is dropped and the request resolved once more.
    std::unique_ptr<FileBodySource> source;
    if (!file.inMemory()) {
        const int fd = ::open(file.diskPath.constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            source = std::make_unique<FileBodySource>(fd, 0);
        struct stat info;
        if (fd < 0 || ::fstat(fd, &info) != 0 || info.st_size != file.size
            || info.st_mtim.tv_sec != file.mtime) {
            m_files.forget(path);
            if (m_retrying) {
                sendErrorPage(exchange, 404);
                return;
            }
            m_retrying = true;
            serve(exchange);
            m_retrying = false;
            return;
        }
    }
    const bool gzipCandidate = m_settings->config.gzip
                               && components::isCompressibleMimeType(file.mimeType)
                               && file.size >= GzipMinSize && file.size <= GzipMaxSize;
    const bool useGzip
        = gzipCandidate && acceptsGzip(request.field("Accept-Encoding")) && ensureGzip(file);
    // A compressed body is a different representation: its validator is weak (as nginx).
    const QByteArray etag = useGzip ? "W/" + file.etag : file.etag;

    // RFC 9110 §13.2.2: If-None-Match decides when present; else If-Modified-Since, compared
    // exactly like nginx's default `if_modified_since exact`.
    const QByteArrayView ifNoneMatch = request.field("If-None-Match");
    bool notModified = false;
    if (!ifNoneMatch.isNull()) {
        notModified = noneMatchHits(ifNoneMatch, etag);
    } else if (const QByteArrayView since = request.field("If-Modified-Since"); !since.isNull()) {
        const std::optional<qint64> date = parseHttpDate(since);
        notModified = date && *date == file.mtime;
    }
    if (notModified) {
        auto &head = exchange.begin(304).add("Last-Modified", file.lastModified).add("ETag", etag);
        if (gzipCandidate)
            head.add("Vary", "Accept-Encoding");
        exchange.send({});
        return;
    }

    if (useGzip) {
        exchange.begin(200)
            .add("Content-Type", file.mimeType)
            .add("Last-Modified", file.lastModified)
            .add("ETag", etag)
            .add("Content-Encoding", "gzip")
            .add("Vary", "Accept-Encoding");
        exchange.send(file.gzipBody);
        return;
    }

    // Ranges (RFC 9110 §14.2): one range → 206; several → the whole file with 200 (allowed:
    // a server may ignore Range; multipart/byteranges is not implemented); none satisfiable
    // → 416. If-Range that does not hold means the whole file (RFC 9110 §13.1.5).
    ByteRange range;
    if (const QByteArrayView rangeField = request.field("Range"); !rangeField.isNull()) {
        const QByteArrayView ifRange = request.field("If-Range");
        if (ifRange.isNull() || ifRangeHolds(ifRange, file.etag, file.mtime))
            range = parseRange(rangeField, file.size);
    }
    if (range.kind == ByteRange::Kind::Unsatisfiable) {
        sendErrorPage(exchange, 416, "Content-Range", "bytes */" + QByteArray::number(file.size));
        return;
    }
    qint64 first = 0;
    qint64 length = file.size;
    auto &head = exchange.begin(range.kind == ByteRange::Kind::Single ? 206 : 200);
    head.add("Content-Type", file.mimeType)
        .add("Last-Modified", file.lastModified)
        .add("ETag", etag);
    if (range.kind == ByteRange::Kind::Single) {
        first = range.first;
        length = range.last - range.first + 1;
        head.add("Content-Range", "bytes " + QByteArray::number(range.first) + '-'
                                      + QByteArray::number(range.last) + '/'
                                      + QByteArray::number(file.size));
    } else {
        head.add("Accept-Ranges", "bytes");
    }
    if (gzipCandidate)
        head.add("Vary", "Accept-Encoding");

    if (file.inMemory()) {
        exchange.send(QByteArrayView(file.body).sliced(first, length));
        return;
    }
    source->seek(first);
    exchange.sendStream(length, std::move(source));
}

void StaticFileFilter::sendErrorPage(HttpExchange &exchange, int status, QByteArrayView name,
                                     QByteArrayView value)
{
    const QByteArray custom = m_settings->errorPages.value(status);
    auto &head = exchange.begin(status).add("Content-Type", "text/html");
    if (!name.isEmpty())
        head.add(name, value);
    exchange.send(custom.isNull() ? httpserver::errorPage(status) : custom);
}

} // namespace infralab::webserver

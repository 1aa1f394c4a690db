#pragma once

#include <QByteArrayView>

#include <optional>

namespace infralab::http {

// The request header fields that make a static response conditional or partial, parsed
// without allocation (RFC 9110 §13 and §14). Pure functions, table-tested.

// If-None-Match: "*" or a list of entity tags, compared weakly (RFC 9110 §13.1.2, §8.8.3.2:
// W/"x" matches "x").
bool noneMatchHits(QByteArrayView ifNoneMatch, QByteArrayView etag);

// An IMF-fixdate, RFC 850 or asctime date (RFC 9110 §5.6.7) as seconds since the epoch.
std::optional<qint64> parseHttpDate(QByteArrayView value);

// If-Range (RFC 9110 §13.1.5): an entity tag compared strongly, or a date equal to mtime.
bool ifRangeHolds(QByteArrayView ifRange, QByteArrayView etag, qint64 mtime);

// A Range field for a representation of `size` bytes (RFC 9110 §14.1.2, §14.2).
struct ByteRange
{
    enum class Kind : quint8 {
        Ignore,        // absent, another unit or invalid syntax: send the whole file (200)
        Single,        // one satisfiable range: 206
        Several,       // more than one range, at least one satisfiable (we send 200 full)
        Unsatisfiable, // 416
    };
    Kind kind = Kind::Ignore;
    qint64 first = 0;
    qint64 last = 0; // inclusive
};
ByteRange parseRange(QByteArrayView range, qint64 size);

// Whether Accept-Encoding lists gzip (or x-gzip) with a non-zero weight (RFC 9110 §12.5.3).
bool acceptsGzip(QByteArrayView acceptEncoding);

} // namespace infralab::http

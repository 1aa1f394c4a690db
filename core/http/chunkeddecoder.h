#pragma once

#include "http/headscanner.h"
#include "http/httptypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace infralab::http {

// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1) for request bodies
// and upstream responses. feed() takes the bytes received so far (after what it already
// consumed), appends decoded data to `body` and reports how many input bytes it used; the
// caller drops those and feeds the rest once more arrives. Strict: sizes are 1*HEXDIG with
// overflow check, every line ends in CRLF (no bare LF or CR, H18/H30), extensions are
// syntax-checked and size-limited, trailers are parsed and kept apart: they never change
// framing (RFC 9110 §6.5). Errors are final (400, 413 body too large, 431 trailers).
class ChunkedDecoder
{
public:
    explicit ChunkedDecoder(const HttpLimits &limits = {})
        : m_limits(limits)
    {}

    // Complete: consumed is where the message ends (pipelined bytes may follow).
    // Incomplete: consumed bytes are used up (possibly 0: a line is still partial).
    ParseResult feed(QByteArrayView input, QByteArray &body);
    void reset();

    bool isComplete() const { return m_state == State::Done; }
    qint64 decodedSize() const { return m_decoded; }
    // Trailer fields (copies; names as received), available once Complete.
    const QList<QPair<QByteArray, QByteArray>> &trailers() const { return m_trailers; }

private:
    enum class State : quint8 { Size, Data, DataEnd, Trailer, Done, Failed };

    ParseResult parseSizeLine(QByteArrayView line);
    ParseResult fail(int status, const char *reason);

    HttpLimits m_limits;
    State m_state = State::Size;
    qint64 m_remaining = 0; // data bytes left in the current chunk
    qint64 m_decoded = 0;
    HeadScanner m_trailerScanner; // offsets relative to the first trailer byte
    ParseResult m_final;
    QList<QPair<QByteArray, QByteArray>> m_trailers;
};

} // namespace infralab::http

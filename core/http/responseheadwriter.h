#pragma once

#include "http/httptypes.h"

#include <QByteArray>
#include <QVarLengthArray>

namespace infralab::http {

// The standard reason phrase of a status code (RFC 9110 §15), or "Unknown".
QByteArrayView reasonPhrase(int status);

// RFC 9110 §5.6.7 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (always 29 bytes).
QByteArray formatHttpDate(qint64 secondsSinceEpoch);
// The current time as IMF-fixdate, formatted at most once per second per thread.
QByteArrayView currentHttpDate();

// Writes a response head into a QByteArray with one copy: the status line, Date and
// `Server: InfraLab/<version>` first, then the caller's fields, then finish() adds
// Content-Length (if given) and the empty line. Field names and values must already be
// valid (no CR/LF): this is the server's own output, not user input.
class ResponseHeadWriter
{
public:
    // Appends to `out` (which may already hold earlier pipelined responses).
    ResponseHeadWriter(QByteArray &out, int status, HttpVersion version = HttpVersion::Http11);

    ResponseHeadWriter &add(QByteArrayView name, QByteArrayView value);
    ResponseHeadWriter &addContentLength(qint64 length);
    // Adds `Connection: close` (and the caller must then close after writing).
    ResponseHeadWriter &addConnectionClose();
    void finish();

private:
    void put(QByteArrayView bytes) { m_head.append(bytes.data(), bytes.size()); }

    QByteArray &m_out;
    // The head is assembled here and appended to m_out once by finish(): Qt 6.4's
    // QByteArray::append goes through a generic insert() (~60 instructions per call), which
    // was the largest single cost of a small static response.
    QVarLengthArray<char, 512> m_head;
};

} // namespace infralab::http

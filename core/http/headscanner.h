#pragma once

#include "http/httptypes.h"

#include <QList>
#include <QVarLengthArray>

namespace infralab::http {

// The resumable part shared by the request and response head parsers: it walks the field
// lines after the start line, one complete line at a time, enforces the size limits while
// the head is still incomplete, and remembers field positions as offsets (not pointers), so
// the caller's buffer may be reallocated between calls. Not for direct use.
class HeadScanner
{
public:
    struct FieldSpan
    {
        qint32 nameOffset = 0;
        qint32 nameLength = 0;
        qint32 valueOffset = 0;
        qint32 valueLength = 0;
    };

    enum class Phase : quint8 { StartLine, Fields, Done, Failed };

    void reset();

    Phase phase = Phase::StartLine;
    qsizetype lineStart = 0;   // first byte not yet accounted for by a complete line
    qsizetype fieldsStart = 0; // first byte of the field section
    ParseResult final;         // the answer once Done or Failed
    QVarLengthArray<FieldSpan, 32> fields;

    // Progress inside the unfinished field line that starts at `line`.
    struct Partial
    {
        qsizetype line = -1;
        qsizetype nameEnd = 0;
        qsizetype pos = 0; // where to continue scanning the value
    } partial;

    // Parses field lines from lineStart on. Complete when the empty line is read.
    // `tooLarge` is the status for limit violations (431, or 502 upstream).
    ParseResult scanFields(QByteArrayView buffer, const HttpLimits &limits, int tooLarge,
                           int invalid);
    // Resolves the stored spans against `buffer`.
    void exportFields(QByteArrayView buffer, QList<HttpField> &out) const;
};

} // namespace infralab::http

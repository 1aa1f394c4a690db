#include "http/headscanner.h"

#include "http/httpsyntax_p.h"

namespace infralab::http {

using namespace syntax;

void HeadScanner::reset()
{
    phase = Phase::StartLine;
    lineStart = 0;
    fieldsStart = 0;
    final = {};
    fields.clear();
    partial = {};
}

// Every decision depends only on the bytes up to the one that triggers it, so a prefix of
// the input gives either Incomplete or the same error as the whole input. Limits are
// checked before reading a byte: needing a byte past the header section limit is already
// an error, whatever that byte will be. A field line's limit counts its content, not the
// CRLF.
ParseResult HeadScanner::scanFields(QByteArrayView buffer, const HttpLimits &limits, int tooLarge,
                                    int invalid)
{
    const auto *d = reinterpret_cast<const uchar *>(buffer.data());
    const qsizetype size = buffer.size();
    const qsizetype sectionEnd = fieldsStart + limits.headerSection;

    // The index after the CR/LF terminator at `i`, 0 when more bytes are needed, -1 on error
    // (`error` set).
    ParseResult error;
    auto terminator = [&](qsizetype i) -> qsizetype {
        if (d[i] == '\n') {
            if (!limits.acceptBareLf) {
                error = ParseResult::error(invalid, "bare LF line ending");
                return -1;
            }
            return i + 1;
        }
        if (i + 1 >= sectionEnd) {
            error = ParseResult::error(tooLarge, "header section too large");
            return -1;
        }
        if (i + 1 >= size)
            return 0;
        if (d[i + 1] != '\n') {
            error = ParseResult::error(invalid, "bare CR");
            return -1;
        }
        return i + 2;
    };

    qsizetype pos = lineStart;
    for (;;) {
        if (pos >= sectionEnd)
            return ParseResult::error(tooLarge, "header section too large");
        if (pos >= size)
            return ParseResult::incomplete();
        uchar c = d[pos];
        if (c == '\r' || c == '\n') {
            const qsizetype next = terminator(pos);
            if (next < 0)
                return error;
            if (next == 0)
                return ParseResult::incomplete();
            lineStart = next;
            return ParseResult::complete(next);
        }
        if (isWhitespace(c)) {
            // RFC 9112 §2.2 (whitespace after the start line) and §5.2 (obs-fold): both 400.
            return ParseResult::error(invalid, pos == fieldsStart
                                                   ? "whitespace before the first field line"
                                                   : "obsolete line folding");
        }
        if (fields.size() >= limits.fieldCount)
            return ParseResult::error(tooLarge, "too many header fields");

        const qsizetype nameStart = pos;
        const qsizetype contentEnd = nameStart + limits.fieldLine; // content index < contentEnd
        const qsizetype scanEnd = qMin(qMin(size, sectionEnd), contentEnd);
        // Checks after a scan stopped at `i` == scanEnd; returns an error or Incomplete, or
        // Complete when byte i is there and may be read (a terminator at the line limit).
        auto atBound = [&](qsizetype i) -> ParseResult {
            if (i >= sectionEnd)
                return ParseResult::error(tooLarge, "header section too large");
            if (i >= size)
                return ParseResult::incomplete();
            if (d[i] != '\r' && d[i] != '\n')
                return ParseResult::error(tooLarge, "header field too large");
            return ParseResult::complete(i);
        };

        qsizetype nameEnd = 0;
        if (partial.line == nameStart) {
            // Resume inside the value where the previous call stopped: a sender trickling a
            // long line must not make us re-read it for every byte.
            nameEnd = partial.nameEnd;
            pos = partial.pos;
        } else {
            pos = skip(d, pos, scanEnd, Tchar);
            if (pos == scanEnd) {
                const ParseResult r = atBound(pos);
                if (!r.isComplete())
                    return r;
            }
            c = d[pos];
            if (c != ':') {
                if (isWhitespace(c))
                    return ParseResult::error(invalid, "whitespace between field name and colon");
                if (c == '\r' || c == '\n')
                    return ParseResult::error(invalid, "field line without a colon");
                return ParseResult::error(invalid, "invalid character in field name");
            }
            if (pos == nameStart)
                return ParseResult::error(invalid, "empty field name");
            nameEnd = pos++;
        }
        auto suspend = [&] {
            partial = {nameStart, nameEnd, pos};
            return ParseResult::incomplete();
        };
        for (;;) {
            pos = skipFieldValue(d, pos, scanEnd);
            if (pos == scanEnd) {
                const ParseResult r = atBound(pos);
                if (r.isIncomplete())
                    return suspend();
                if (r.isError())
                    return r;
            }
            c = d[pos];
            if (c == '\r' || c == '\n') {
                const qsizetype next = terminator(pos);
                if (next < 0)
                    return error;
                if (next == 0)
                    return suspend();
                // OWS around the value is not part of it (RFC 9110 §5.5).
                qsizetype valueStart = nameEnd + 1;
                qsizetype valueEnd = pos;
                while (valueStart < valueEnd && isWhitespace(d[valueStart]))
                    ++valueStart;
                while (valueEnd > valueStart && isWhitespace(d[valueEnd - 1]))
                    --valueEnd;
                fields.append({qint32(nameStart), qint32(nameEnd - nameStart), qint32(valueStart),
                               qint32(valueEnd - valueStart)});
                lineStart = pos = next;
                break;
            }
            return ParseResult::error(invalid, c == 0 ? "NUL in field value"
                                                      : "invalid character in field value");
        }
    }
}

void HeadScanner::exportFields(QByteArrayView buffer, QList<HttpField> &out) const
{
    out.clear();
    out.reserve(fields.size());
    for (const FieldSpan &f : fields)
        out.append({buffer.sliced(f.nameOffset, f.nameLength),
                    buffer.sliced(f.valueOffset, f.valueLength)});
}

} // namespace infralab::http

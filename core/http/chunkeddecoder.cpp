#include "http/chunkeddecoder.h"

#include "http/httpsyntax_p.h"

#include <cstring>

namespace infralab::http {

using namespace syntax;

void ChunkedDecoder::reset()
{
    m_state = State::Size;
    m_remaining = 0;
    m_decoded = 0;
    m_final = {};
    m_trailers.clear();
    m_trailerScanner.reset();
}

ParseResult ChunkedDecoder::fail(int status, const char *reason)
{
    m_state = State::Failed;
    m_final = ParseResult::error(status, reason);
    return m_final;
}

ParseResult ChunkedDecoder::feed(QByteArrayView input, QByteArray &body)
{
    const char *d = input.data();
    const qsizetype size = input.size();
    qsizetype pos = 0;
    for (;;) {
        switch (m_state) {
        case State::Done:
        case State::Failed: return m_final;
        case State::Size: {
            // Only whole lines are consumed. chunk-size [ chunk-ext ] CRLF must fit in
            // chunkLine + 2 bytes (CVE-2023-39326: unbounded extensions).
            const qsizetype window = qMin(size - pos, m_limits.chunkLine + 2);
            const auto *lf = static_cast<const char *>(std::memchr(d + pos, '\n', size_t(window)));
            if (!lf) {
                if (size - pos >= m_limits.chunkLine + 2)
                    return fail(400, "chunk size line too long");
                return ParseResult::incomplete(pos);
            }
            const qsizetype end = lf - d;
            // RFC 9112 §7.1 has CRLF only: a bare LF here is a smuggling vector (H30).
            if (end == pos || d[end - 1] != '\r')
                return fail(400, "bare LF in chunked framing");
            const ParseResult r = parseSizeLine(input.sliced(pos, end - 1 - pos));
            if (r.isError())
                return r;
            pos = end + 1;
            m_state = m_remaining == 0 ? State::Trailer : State::Data;
            break;
        }
        case State::Data: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, size - pos));
            body.append(d + pos, n);
            pos += n;
            m_remaining -= n;
            m_decoded += n;
            if (m_remaining > 0)
                return ParseResult::incomplete(pos);
            m_state = State::DataEnd;
            break;
        }
        case State::DataEnd:
            // The data must be followed by exactly CRLF (H16).
            if (size - pos < 2) {
                if (size - pos == 1 && d[pos] != '\r')
                    return fail(400, "chunk data not followed by CRLF");
                return ParseResult::incomplete(pos);
            }
            if (d[pos] != '\r' || d[pos + 1] != '\n')
                return fail(400, "chunk data not followed by CRLF");
            pos += 2;
            m_state = State::Size;
            break;
        case State::Trailer: {
            // The trailer section is consumed as a whole, so the scanner's offsets stay
            // relative to its first byte across calls. Same field syntax as the head, CRLF
            // only, its own size limit.
            HttpLimits trailerLimits = m_limits;
            trailerLimits.headerSection = m_limits.trailerSection;
            trailerLimits.acceptBareLf = false;
            const QByteArrayView section = input.sliced(pos);
            const ParseResult r = m_trailerScanner.scanFields(section, trailerLimits, 431, 400);
            if (r.isError())
                return fail(r.httpStatus, r.reason);
            if (r.isIncomplete())
                return ParseResult::incomplete(pos);
            // Kept apart from the head: trailers never decide framing or routing (H19).
            for (const HeadScanner::FieldSpan &f : std::as_const(m_trailerScanner.fields))
                m_trailers.append({section.sliced(f.nameOffset, f.nameLength).toByteArray(),
                                   section.sliced(f.valueOffset, f.valueLength).toByteArray()});
            m_state = State::Done;
            m_final = ParseResult::complete(pos + r.consumed);
            return m_final;
        }
        }
    }
}

// chunk-size = 1*HEXDIG; chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ) with
// value = token / quoted-string (RFC 9112 §7.1, §7.1.1). Unknown extensions are ignored,
// but they must be well-formed.
ParseResult ChunkedDecoder::parseSizeLine(QByteArrayView line)
{
    const auto *d = reinterpret_cast<const uchar *>(line.data());
    const qsizetype n = line.size();
    qsizetype i = 0;
    qint64 chunkSize = 0;
    for (; i < n && is(d[i], HexDigit); ++i) {
        // RFC 9112 §7.1: prevent integer overflow on large numerals (H14).
        if (chunkSize > (std::numeric_limits<qint64>::max() >> 4))
            return fail(400, "chunk size overflow");
        const int v = d[i] <= '9' ? d[i] - '0' : (d[i] | 0x20) - 'a' + 10;
        chunkSize = chunkSize * 16 + v;
    }
    if (i == 0)
        return fail(400, "invalid chunk size");

    auto skipBws = [&] {
        while (i < n && isWhitespace(d[i]))
            ++i;
    };
    for (;;) {
        const qsizetype beforeBws = i;
        skipBws();
        if (i == n) {
            // BWS belongs before ";" only: "5 " is not a chunk-size line.
            if (i != beforeBws)
                return fail(400, "whitespace after chunk size");
            break;
        }
        if (d[i] != ';')
            return fail(400,
                        d[i] == '\r' ? "bare CR in chunked framing" : "invalid chunk size line");
        ++i;
        skipBws();
        const qsizetype nameStart = i;
        i = skip(d, i, n, Tchar);
        if (i == nameStart)
            return fail(400, "invalid chunk extension");
        skipBws();
        if (i < n && d[i] == '=') {
            ++i;
            skipBws();
            if (i < n && d[i] == '"') {
                // quoted-string: qdtext / quoted-pair (RFC 9110 §5.6.4)
                for (++i;; ++i) {
                    if (i >= n)
                        return fail(400, "invalid chunk extension");
                    if (d[i] == '"')
                        break;
                    if (d[i] == '\\')
                        ++i;
                    if (i >= n || !is(d[i], FieldValue))
                        return fail(400, "invalid chunk extension");
                }
                ++i;
            } else {
                const qsizetype valueStart = i;
                i = skip(d, i, n, Tchar);
                if (i == valueStart)
                    return fail(400, "invalid chunk extension");
            }
        }
    }

    if (chunkSize > m_limits.maxBody - m_decoded)
        return fail(413, "chunked body too large");
    m_remaining = chunkSize;
    return ParseResult::incomplete();
}

} // namespace infralab::http

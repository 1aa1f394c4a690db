#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Byte classes of RFC 9110 §5.6 and RFC 9112, as one table lookup per byte. Private to
// core/http.
namespace infralab::http::syntax {

enum CharClass : quint8 {
    Tchar = 1,      // token characters (RFC 9110 §5.6.2)
    FieldValue = 2, // field-vchar / SP / HTAB / obs-text (RFC 9110 §5.5)
    Target = 4,     // request-target bytes: VCHAR except '#' (no fragments, RFC 9112 §3.2)
    Digit = 8,
    HexDigit = 16,
    RegName = 32, // host: unreserved / pct-encoded / sub-delims (RFC 3986 §3.2.2)
};

constexpr std::array<quint8, 256> makeTable()
{
    std::array<quint8, 256> t{};
    for (int c = 0; c < 256; ++c) {
        quint8 v = 0;
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (alpha || digit)
            v |= Tchar | RegName;
        for (char s : "!#$%&'*+-.^_`|~")
            if (s && c == static_cast<unsigned char>(s))
                v |= Tchar;
        for (char s : "-._~%!$&'()*+,;=")
            if (s && c == static_cast<unsigned char>(s))
                v |= RegName;
        if (c == '\t' || (c >= 0x20 && c != 0x7f))
            v |= FieldValue;
        if (c > 0x20 && c < 0x7f && c != '#')
            v |= Target;
        if (digit)
            v |= Digit | HexDigit;
        if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
            v |= HexDigit;
        t[c] = v;
    }
    return t;
}

inline constexpr std::array<quint8, 256> table = makeTable();

inline bool is(uchar c, CharClass cls)
{
    return table[c] & cls;
}

// First index in [pos, end) whose byte is not of class `cls`, or end.
inline qsizetype skip(const uchar *data, qsizetype pos, qsizetype end, CharClass cls)
{
    while (pos < end && (table[data[pos]] & cls))
        ++pos;
    return pos;
}

// The two long runs of a head, field values and request targets, 16 bytes at a time (SSE2 is
// part of x86-64; other targets take the table loop). Never reads at or past `end`.
inline qsizetype skipFieldValue(const uchar *data, qsizetype pos, qsizetype end)
{
#if defined(__SSE2__)
    const __m128i lowMax = _mm_set1_epi8(0x1f);
    const __m128i del = _mm_set1_epi8(0x7f);
    while (pos + 16 <= end) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + pos));
        // Stop bytes: CTLs (unsigned x <= 0x1f, which includes HTAB) and DEL.
        const __m128i stop
            = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, lowMax), lowMax), _mm_cmpeq_epi8(x, del));
        const int mask = _mm_movemask_epi8(stop);
        if (mask == 0) {
            pos += 16;
            continue;
        }
        pos += __builtin_ctz(unsigned(mask));
        if (data[pos] != '\t')
            return pos;
        ++pos;
    }
#endif
    return skip(data, pos, end, FieldValue);
}

inline qsizetype skipTarget(const uchar *data, qsizetype pos, qsizetype end)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7f);
    const __m128i hash = _mm_set1_epi8('#');
    while (pos + 16 <= end) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + pos));
        // Signed compare: x <= 0x20 also catches 0x80..0xff (negative), both not allowed.
        const __m128i stop
            = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, _mm_add_epi8(space, _mm_set1_epi8(1))),
                                        _mm_cmpeq_epi8(x, del)),
                           _mm_cmpeq_epi8(x, hash));
        const int mask = _mm_movemask_epi8(stop);
        if (mask != 0)
            return pos + __builtin_ctz(unsigned(mask));
        pos += 16;
    }
#endif
    return skip(data, pos, end, Target);
}

inline bool isWhitespace(uchar c)
{
    return c == ' ' || c == '\t';
}

inline QByteArrayView trimmed(QByteArrayView v)
{
    qsizetype b = 0;
    qsizetype e = v.size();
    while (b < e && isWhitespace(uchar(v[b])))
        ++b;
    while (e > b && isWhitespace(uchar(v[e - 1])))
        --e;
    return v.sliced(b, e - b);
}

// Content-Length = 1*DIGIT (RFC 9110 §8.6), without wrapping (H14). -1 when invalid.
qint64 parseContentLength(QByteArrayView value);
// `host [ ":" port ]` per RFC 3986 §3.2.2–3.2.3; `requirePort` for CONNECT targets.
bool isValidAuthority(QByteArrayView authority, bool requirePort);

// Calls f(element) for each non-empty element of a comma-separated list (RFC 9110 §5.6.1),
// trimmed. Returns false as soon as f does.
template<typename F>
bool forEachListElement(QByteArrayView value, F &&f)
{
    qsizetype start = 0;
    const qsizetype n = value.size();
    for (qsizetype i = 0; i <= n; ++i) {
        if (i == n || value[i] == ',') {
            const QByteArrayView element = trimmed(value.sliced(start, i - start));
            if (!element.isEmpty() && !f(element))
                return false;
            start = i + 1;
        }
    }
    return true;
}

inline bool isToken(QByteArrayView v)
{
    return !v.isEmpty()
           && skip(reinterpret_cast<const uchar *>(v.data()), 0, v.size(), Tchar) == v.size();
}

} // namespace infralab::http::syntax

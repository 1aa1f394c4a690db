#include "http/requestconditions.h"

#include "http/httptypes.h"

#include <QList>

namespace infralab::http {

static QByteArrayView trimmed(QByteArrayView value)
{
    while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
        value = value.sliced(1);
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
        value.chop(1);
    return value;
}

// The elements of a comma-separated list (RFC 9110 §5.6.1), untrimmed, in order.
static QList<QByteArrayView> listElements(QByteArrayView list)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype comma = list.indexOf(',', start);
        if (comma < 0)
            comma = list.size();
        out.append(list.sliced(start, comma - start));
        start = comma + 1;
    }
    return out;
}

static QByteArrayView opaqueTag(QByteArrayView tag)
{
    return tag.startsWith("W/") ? tag.sliced(2) : tag;
}

bool noneMatchHits(QByteArrayView ifNoneMatch, QByteArrayView etag)
{
    const QByteArrayView ours = opaqueTag(etag);
    for (QByteArrayView tag : listElements(ifNoneMatch)) {
        tag = trimmed(tag);
        if (tag == "*" || opaqueTag(tag) == ours)
            return true;
    }
    return false;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
static qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

std::optional<qint64> parseHttpDate(QByteArrayView value)
{
    // The three formats differ in order and separators only; read their tokens:
    //   IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
    //   asctime "Sun Nov  6 08:49:37 1994". The first number is the day, the second the year.
    static constexpr const char *months[]
        = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    int month = 0;
    qint64 numbers[2] = {-1, -1};
    int numberCount = 0;
    int clock[3] = {-1, -1, -1};
    qsizetype i = 0;
    const qsizetype size = value.size();
    while (i < size) {
        const char c = value[i];
        if (c == ' ' || c == ',' || c == '-' || c == '\t') {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < size && value[end] != ' ' && value[end] != ',' && value[end] != '-')
            ++end;
        const QByteArrayView token = value.sliced(i, end - i);
        i = end;
        if (token.contains(':')) {
            if (token.size() != 8 || token[2] != ':' || token[5] != ':')
                return std::nullopt;
            for (int part = 0; part < 3; ++part) {
                const char high = token[part * 3];
                const char low = token[part * 3 + 1];
                if (high < '0' || high > '9' || low < '0' || low > '9')
                    return std::nullopt;
                clock[part] = (high - '0') * 10 + (low - '0');
            }
        } else if (token.front() >= '0' && token.front() <= '9') {
            if (numberCount == 2 || token.size() > 4)
                return std::nullopt;
            qint64 number = 0;
            for (char digit : token) {
                if (digit < '0' || digit > '9')
                    return std::nullopt;
                number = number * 10 + (digit - '0');
            }
            if (numberCount == 1 && token.size() == 2)
                number += number >= 70 ? 1900 : 2000; // RFC 850's two-digit year
            numbers[numberCount++] = number;
        } else if (token.size() == 3 && month == 0) {
            for (int m = 0; m < 12; ++m) {
                if (http::equalsIgnoreCase(token, months[m]))
                    month = m + 1;
            }
            if (month == 0 && !http::equalsIgnoreCase(token, "GMT"))
                continue; // a weekday ("Sun")
        }                 // weekday names and GMT are not checked
    }
    const qint64 day = numbers[0];
    const qint64 year = numbers[1];
    if (month == 0 || numberCount != 2 || day < 1 || day > 31 || year < 1970 || clock[0] < 0
        || clock[0] > 23 || clock[1] > 59 || clock[2] > 60)
        return std::nullopt;
    return daysFromCivil(year, month, int(day)) * 86400 + clock[0] * 3600 + clock[1] * 60
           + clock[2];
}

bool ifRangeHolds(QByteArrayView ifRange, QByteArrayView etag, qint64 mtime)
{
    ifRange = trimmed(ifRange);
    if (ifRange.startsWith('"') || ifRange.startsWith("W/"))
        return ifRange == etag && !etag.startsWith("W/"); // strong comparison only
    const std::optional<qint64> date = parseHttpDate(ifRange);
    return date && *date == mtime;
}

// A non-negative decimal without sign, or -1.
static qint64 parseNumber(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18)
        return -1;
    qint64 value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

ByteRange parseRange(QByteArrayView range, qint64 size)
{
    range = trimmed(range);
    if (range.size() < 6 || !http::equalsIgnoreCase(range.first(6), "bytes="))
        return {};
    int listed = 0;
    int satisfiable = 0;
    ByteRange result;
    for (QByteArrayView spec : listElements(range.sliced(6))) {
        spec = trimmed(spec);
        if (spec.isEmpty())
            continue; // RFC 9110 §5.6.1: empty list elements are ignored
        const qsizetype dash = spec.indexOf('-');
        if (dash < 0)
            return {};
        qint64 first = 0;
        qint64 last = size - 1;
        if (dash == 0) { // suffix-range: the last N bytes
            const qint64 suffix = parseNumber(spec.sliced(1));
            if (suffix < 0)
                return {};
            first = suffix >= size ? 0 : size - suffix;
            if (suffix == 0)
                first = size; // unsatisfiable
        } else {
            first = parseNumber(spec.first(dash));
            if (first < 0)
                return {};
            if (dash + 1 < spec.size()) {
                const qint64 end = parseNumber(spec.sliced(dash + 1));
                if (end < first)
                    return {}; // invalid syntax: the field is ignored
                last = qMin(end, size - 1);
            }
        }
        ++listed;
        if (first < size) {
            ++satisfiable;
            result.first = first;
            result.last = last;
        }
    }
    if (listed == 0)
        return {};
    if (satisfiable == 0)
        result.kind = ByteRange::Kind::Unsatisfiable;
    else
        result.kind = listed == 1 ? ByteRange::Kind::Single : ByteRange::Kind::Several;
    return result;
}

bool acceptsGzip(QByteArrayView acceptEncoding)
{
    for (QByteArrayView coding : listElements(acceptEncoding)) {
        const qsizetype semicolon = coding.indexOf(';');
        const QByteArrayView name = trimmed(semicolon < 0 ? coding : coding.first(semicolon));
        if (!http::equalsIgnoreCase(name, "gzip") && !http::equalsIgnoreCase(name, "x-gzip"))
            continue;
        if (semicolon < 0)
            return true;
        const QByteArrayView params = trimmed(coding.sliced(semicolon + 1));
        if (!params.startsWith("q=") && !params.startsWith("Q="))
            return true;
        const QByteArrayView q = trimmed(params.sliced(2));
        // q=0, q=0.0, q=0.00, q=0.000 refuse (RFC 9110 §12.4.2)
        bool zero = !q.isEmpty() && q.front() == '0';
        for (qsizetype i = 1; zero && i < q.size(); ++i)
            zero = q[i] == '0' || (i == 1 && q[i] == '.');
        return !zero;
    }
    return false;
}

} // namespace infralab::http

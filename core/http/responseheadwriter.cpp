#include "http/responseheadwriter.h"

#include <infralab/version.h>

#include <cstring>
#include <ctime>

namespace infralab::http {

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

namespace {

void put2(char *p, int v)
{
    p[0] = char('0' + v / 10);
    p[1] = char('0' + v % 10);
}

void writeHttpDate(qint64 seconds, char *out)
{
    static constexpr char days[] = "SunMonTueWedThuFriSat";
    static constexpr char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const std::time_t t = std::time_t(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::memcpy(out, days + 3 * tm.tm_wday, 3);
    out[3] = ',';
    out[4] = ' ';
    put2(out + 5, tm.tm_mday);
    out[7] = ' ';
    std::memcpy(out + 8, months + 3 * tm.tm_mon, 3);
    out[11] = ' ';
    const int year = tm.tm_year + 1900;
    put2(out + 12, (year / 100) % 100);
    put2(out + 14, year % 100);
    out[16] = ' ';
    put2(out + 17, tm.tm_hour);
    out[19] = ':';
    put2(out + 20, tm.tm_min);
    out[22] = ':';
    put2(out + 23, tm.tm_sec);
    std::memcpy(out + 25, " GMT", 4);
}

constexpr qsizetype dateLength = 29;

} // namespace

QByteArray formatHttpDate(qint64 secondsSinceEpoch)
{
    QByteArray out(dateLength, Qt::Uninitialized);
    writeHttpDate(secondsSinceEpoch, out.data());
    return out;
}

QByteArrayView currentHttpDate()
{
    // Per thread: each event-loop thread writes its own responses, no locking needed.
    thread_local qint64 cachedSecond = -1;
    thread_local char cached[dateLength];
    const qint64 now = qint64(std::time(nullptr));
    if (now != cachedSecond) {
        writeHttpDate(now, cached);
        cachedSecond = now;
    }
    return QByteArrayView(cached, dateLength);
}

ResponseHeadWriter::ResponseHeadWriter(QByteArray &out, int status, HttpVersion version)
    : m_out(out)
{
    const QByteArrayView reason = reasonPhrase(status);
    put(version == HttpVersion::Http10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    char code[3];
    code[0] = char('0' + (status / 100) % 10);
    code[1] = char('0' + (status / 10) % 10);
    code[2] = char('0' + status % 10);
    put(QByteArrayView(code, 3));
    put(" ");
    put(reason);
    put("\r\nDate: ");
    put(currentHttpDate());
    put("\r\nServer: InfraLab/" INFRALAB_VERSION "\r\n");
}

ResponseHeadWriter &ResponseHeadWriter::add(QByteArrayView name, QByteArrayView value)
{
    put(name);
    put(": ");
    put(value);
    put("\r\n");
    return *this;
}

ResponseHeadWriter &ResponseHeadWriter::addContentLength(qint64 length)
{
    Q_ASSERT(length >= 0);
    char digits[24];
    int n = 0;
    do {
        digits[sizeof(digits) - 1 - n++] = char('0' + length % 10);
        length /= 10;
    } while (length > 0 && n < int(sizeof(digits)));
    put("Content-Length: ");
    put(QByteArrayView(digits + sizeof(digits) - n, n));
    put("\r\n");
    return *this;
}

ResponseHeadWriter &ResponseHeadWriter::addConnectionClose()
{
    put("Connection: close\r\n");
    return *this;
}

void ResponseHeadWriter::finish()
{
    put("\r\n");
    m_out.append(m_head.constData(), m_head.size());
    m_head.clear();
}

} // namespace infralab::http

#include "httpserver/httpexchange.h"

#include "httpserver/errorpage.h"
#include "httpserver/httpconnection.h"
#include "httpserver/httpfilter.h"

#include <cstdio>
#include <utility>

namespace infralab::httpserver {

void HttpExchange::reset(const http::RequestHead *request, QByteArrayView body, qint64 nowUs)
{
    m_request = request;
    m_filters = nullptr;
    m_body = body;
    m_startedUs = nowUs;
    m_bodyBytes = 0;
    m_status = 0;
    m_closeAfter = false;
    m_finished = false;
    m_headSent = false;
    m_pushChunked = false;
    m_pushBody = false;
    m_pushLength = 0;
    m_onDrained = nullptr;
    m_onCancelled = nullptr;
    m_writer.reset();
    m_head.resize(0);
}

http::ResponseHeadWriter &HttpExchange::begin(int status)
{
    Q_ASSERT(!m_finished);
    m_status = status;
    m_head.resize(0);
    m_writer.emplace(m_head, status);
    return *m_writer;
}

static bool statusHasBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

void HttpExchange::finishHead(qint64 contentLength)
{
    if (m_filters) [[unlikely]]
        m_filters->responseHead(*this, *m_writer);
    if (statusHasBody(m_status))
        m_writer->addContentLength(contentLength); // also for HEAD (RFC 9110 §9.3.2)
    if (m_closeAfter)
        m_writer->addConnectionClose();
    else if (m_request->version == http::HttpVersion::Http10)
        m_writer->add("Connection", "keep-alive");
    m_writer->finish();
}

void HttpExchange::send(QByteArrayView body)
{
    Q_ASSERT(m_writer && !m_finished);
    finishHead(body.size());
    const bool withBody = statusHasBody(m_status) && !isHead();
    m_bodyBytes = withBody ? body.size() : 0;
    m_connection->writeResponse(m_head, withBody ? body : QByteArrayView());
}

void HttpExchange::sendStream(qint64 length, std::unique_ptr<BodySource> source)
{
    Q_ASSERT(m_writer && !m_finished);
    finishHead(length);
    if (isHead() || !statusHasBody(m_status) || length == 0) {
        m_connection->writeResponse(m_head, {});
        return;
    }
    m_bodyBytes = length;
    m_connection->startStream(m_head, length, std::move(source));
}

void HttpExchange::sendHead(qint64 contentLength)
{
    Q_ASSERT(m_writer && !m_finished && !m_headSent);
    m_headSent = true;
    m_pushLength = contentLength;
    m_pushBody = statusHasBody(m_status) && !isHead();
    if (contentLength >= 0) {
        finishHead(contentLength);
    } else {
        if (statusHasBody(m_status)) {
            if (m_request->version == http::HttpVersion::Http11) {
                m_pushChunked = true;
                if (!isHead())
                    m_writer->add("Transfer-Encoding", "chunked");
            } else {
                m_closeAfter = true; // RFC 9112 §6.3 item 8: the close delimits the body
            }
        }
        if (m_closeAfter)
            m_writer->addConnectionClose();
        else if (m_request->version == http::HttpVersion::Http10)
            m_writer->add("Connection", "keep-alive");
        m_writer->finish();
    }
    m_connection->startPush(m_head);
}

bool HttpExchange::writeBody(QByteArrayView data)
{
    Q_ASSERT(m_headSent);
    if (m_finished)
        return false;
    if (!m_pushBody || data.isEmpty())
        return true;
    if (m_pushLength >= 0 && m_bodyBytes + data.size() > m_pushLength)
        data = data.first(m_pushLength - m_bodyBytes); // never more than announced
    m_bodyBytes += data.size();
    if (!m_pushChunked)
        return m_connection->pushBody({}, data);
    // RFC 9112 §7.1: chunk-size in hex, CRLF, data, CRLF.
    char line[24];
    const int n = std::snprintf(line, sizeof line, "%llx\r\n", qulonglong(data.size()));
    if (!m_connection->pushBody(QByteArrayView(line, n), data))
        return false;
    return m_connection->pushBody({}, "\r\n");
}

void HttpExchange::finishBody()
{
    Q_ASSERT(m_headSent);
    if (m_finished)
        return;
    if (m_pushBody && m_pushLength >= 0 && m_bodyBytes < m_pushLength) {
        abort(); // fewer bytes than announced: the client must see the truncation
        return;
    }
    if (m_pushBody && m_pushChunked && !m_connection->pushBody({}, "0\r\n\r\n"))
        return;
    m_connection->finishPush();
}

void HttpExchange::abort()
{
    if (m_finished)
        return;
    m_closeAfter = true;
    m_connection->abortExchange();
}

qsizetype HttpExchange::pendingOutput() const
{
    return m_finished ? 0 : m_connection->pendingOutput();
}

void HttpExchange::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    m_onDrained = nullptr;
    if (auto callback = std::exchange(m_onCancelled, nullptr))
        callback();
}

void HttpExchange::sendError(int status, bool close)
{
    if (close)
        m_closeAfter = true;
    const QByteArray page = errorPage(status);
    begin(status).add("Content-Type", "text/html");
    send(page);
}

} // namespace infralab::httpserver

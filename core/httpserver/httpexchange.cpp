#include "httpserver/httpexchange.h"

#include "httpserver/errorpage.h"
#include "httpserver/httpconnection.h"

namespace infralab::httpserver {

void HttpExchange::reset(const http::RequestHead *request, QByteArrayView body, qint64 nowMs)
{
    m_request = request;
    m_body = body;
    m_startedMs = nowMs;
    m_bodyBytes = 0;
    m_status = 0;
    m_closeAfter = false;
    m_finished = false;
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

void HttpExchange::sendError(int status, bool close)
{
    if (close)
        m_closeAfter = true;
    const QByteArray page = errorPage(status);
    begin(status).add("Content-Type", "text/html");
    send(page);
}

} // namespace infralab::httpserver

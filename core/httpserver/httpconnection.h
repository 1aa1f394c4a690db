#pragma once

#include "http/chunkeddecoder.h"
#include "http/requestparser.h"
#include "httpserver/httpexchange.h"
#include "metrics/traffictotals.h"
#include "net/streamconnection.h"
#include "net/streamsocket.h"

#include <memory>

namespace infralab::httpserver {

class HttpShard;

// One client connection of an HTTP listener, in one network thread. Reads requests into one
// buffer, parses them strictly, hands each to the handler and writes the responses in order
// (pipelined requests wait in the buffer until the previous response is complete, so the
// parsed views stay valid and output stays bounded). Every parse error answers its status and
// closes. Deadlines (head, body, keep-alive, send) are checked by the shard's sweep.
class HttpConnection final : public net::StreamConnection, private net::SocketReader
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(int fd, HttpShard *shard);
    ~HttpConnection() override;

    void checkDeadline(qint64 nowMs) override;
    void drain() override;
    bool isIdle() const { return m_state == State::Head && m_offset == m_in.size(); }
    // A fresh connection waiting for its first request or a kept-alive one between requests.
    bool isReusable() const override { return isIdle() && m_socket->pendingBytes() == 0; }
    // Closes at once, dropping queued output; an unfinished exchange is cancelled first.
    void closeNow() override;

private:
    friend class HttpExchange;
    enum class State : quint8 { Head, Body, Handling, Streaming, Pushing, Closing, Closed };

    void socketReadable(net::StreamSocket *) override { onReadyRead(); }
    void onReadyRead();
    void processInput();
    bool readBody();
    void refreshHead();
    void dispatch(QByteArrayView body, qsizetype requestLength);
    void exchangeComplete();
    void pumpStream();
    void failRequest(int status, metrics::ErrorKind kind);
    void peerFailed();
    void countResponse();
    void closeGracefully();
    void closeWhenFlushed();

    // From HttpExchange
    void writeResponse(QByteArrayView head, QByteArrayView body);
    void startStream(QByteArrayView head, qint64 length, std::unique_ptr<BodySource> source);
    void startPush(QByteArrayView head);
    bool pushBody(QByteArrayView first, QByteArrayView second);
    void finishPush();
    void abortExchange();
    qsizetype pendingOutput() const;

    HttpShard *m_shard;
    net::StreamSocket *m_socket;
    QByteArray m_in;
    qsizetype m_offset = 0;           // start of the current request in m_in
    qsizetype m_headLength = 0;       // of the current request, once parsed
    const char *m_headData = nullptr; // m_in's data when m_head was parsed (its views point there)
    qsizetype m_requestLength = 0;
    http::RequestParser m_parser;
    http::RequestHead m_head;
    http::ChunkedDecoder m_chunked;
    qsizetype m_chunkConsumed = 0;
    QByteArray m_chunkedBody;
    HttpExchange m_exchange;
    std::unique_ptr<BodySource> m_stream;
    qint64 m_streamRemaining = 0;
    QByteArray m_streamChunk;
    qint64 m_deadlineMs = 0;
    int m_requestsServed = 0;
    State m_state = State::Head;
    bool m_continueSent = false;
    bool m_draining = false;
    bool m_peerClosed = false; // the client's FIN arrived (it may still read)
    bool m_inDispatch = false;
};

} // namespace infralab::httpserver

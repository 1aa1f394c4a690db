#pragma once

#include "components/trafficgenerator/generatorstats.h"
#include "http/chunkeddecoder.h"
#include "http/responseparser.h"
#include "net/streamsocket.h"

#include <QObject>

class QSocketNotifier;

namespace infralab::net {
class OutgoingFaults;
}

namespace infralab::trafficgenerator {

class ClientConnection;

// What a connection reports about the request it was given: exactly one call per send(),
// always from the event loop (never inside send()).
class ClientConnectionListener
{
public:
    virtual ~ClientConnectionListener() = default;
    virtual void responseComplete(ClientConnection *connection, int status) = 0;
    virtual void requestFailed(ClientConnection *connection, ErrorClass error) = 0;
};

// One HTTP/1.1 client connection of the traffic generator to 127.0.0.1:port, in one network
// thread: a non-blocking connect, the request written straight to the kernel
// (net::StreamSocket), the response parsed strictly (http::ResponseParser, the chunked
// decoder) and its body counted, not kept. Keep-alive unless the server or the request says
// close; a request that finds a kept-alive connection closed by the server before any byte of
// the answer goes once more on a fresh connection when it is idempotent (as browsers and
// nginx do), so idle timeouts do not show up as errors. Readiness comes from the thread's
// net::ReadinessPoller, through the socket.
class ClientConnection final : public QObject, private net::SocketReader
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientConnection)

public:
    // `faults`: the generator's link faults, by port (null: none); must outlive it.
    ClientConnection(quint16 port, ClientConnectionListener *listener, GeneratorStats &stats,
                     QObject *parent = nullptr, const net::OutgoingFaults *faults = nullptr);
    ~ClientConnection() override;

    quint16 port() const { return m_port; }
    int tag() const { return m_tag; } // the owner's index for this connection
    void setTag(int tag) { m_tag = tag; }

    // Sends one request, `headSize` bytes of head then the body (connecting first when there
    // is no open connection).
    void send(const QByteArray &request, qsizetype headSize, http::HttpMethod framing,
              bool idempotent);
    bool isBusy() const { return m_state != State::Idle && m_state != State::Closed; }
    bool isConnecting() const { return m_state == State::Connecting; }
    // When the request went out (after the connect), on the steadyNowUs() clock.
    qint64 sentAtUs() const { return m_sentAtUs; }
    // Closes now, reporting nothing (a timeout or a stop decided by the owner).
    void close();

private:
    enum class State : quint8 { Closed, Connecting, Waiting, Body, Idle };

    void connectFresh();
    void onConnectReady();
    void attach(int fd);
    void writeRequest();
    void socketReadable(net::StreamSocket *) override { onReadable(); }
    void onReadable();
    void process();
    bool parseHead();
    bool consumeBody();
    void complete();
    void fail(ErrorClass error);
    bool retryOnFreshConnection();
    void closeSocket();

    quint16 m_port;
    const net::OutgoingFaults *m_faults;
    ClientConnectionListener *m_listener;
    GeneratorStats &m_stats;
    int m_tag = -1;
    net::StreamSocket *m_socket = nullptr;
    int m_connectFd = -1;
    QSocketNotifier *m_connectNotifier = nullptr;
    quint64 m_generation = 0;   // bumped per request: a stale queued outcome does nothing
    quint64 m_socketSerial = 0; // bumped per socket: a stale write failure does nothing
    QByteArray m_request;
    qsizetype m_headSize = 0;
    QByteArray m_in;
    QByteArray m_decoded; // chunked: decoded bytes, dropped at once
    http::ResponseParser m_parser;
    http::ResponseHead m_head;
    http::ChunkedDecoder m_chunked;
    http::HttpMethod m_framing = http::HttpMethod::Get;
    qint64 m_remaining = 0;
    qint64 m_sentAtUs = 0;
    int m_servedOnSocket = 0; // responses completed on the current socket
    State m_state = State::Closed;
    bool m_idempotent = true;
    bool m_retried = false;
    bool m_gotByte = false;
    bool m_eof = false;
    bool m_reset = false;
    bool m_reusable = true;
};

} // namespace infralab::trafficgenerator

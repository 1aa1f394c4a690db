#pragma once

// A raw TCP server on 127.0.0.1 in a thread of its own, for backends that misbehave in ways a
// real server would not (silence, resets, garbage, short bodies). Header-only; test code only.

#include <QHostAddress>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <functional>

namespace infralab::testing {

class RawServer final : public QObject
{
public:
    // `onConnection` runs in the server's thread for every accepted socket (which it may
    // parent, connect and delete as it likes; it is deleted when it disconnects).
    explicit RawServer(std::function<void(QTcpSocket *)> onConnection)
        : m_onConnection(std::move(onConnection))
    {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_server = new QTcpServer(this);
                QObject::connect(m_server, &QTcpServer::newConnection, this, [this] {
                    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                        QObject::connect(socket, &QTcpSocket::disconnected, socket,
                                         &QObject::deleteLater);
                        m_onConnection(socket);
                    }
                });
                m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~RawServer() override
    {
        QMetaObject::invokeMethod(
            this, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }

private:
    std::function<void(QTcpSocket *)> m_onConnection;
    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace infralab::testing

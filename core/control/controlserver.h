#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace infralab::net {
class EventLoopPool;
}

namespace infralab::httpserver {
class HttpServer;
}

namespace infralab::runtime {
class Lab;
}

namespace infralab::control {

class ControlApi;

// The control API on HTTP: our own HttpServer on 127.0.0.1, on one network thread of its own
// (so it keeps answering while the lab restarts its pool). Each request is copied and handed
// to the lab's thread, where ControlApi answers it from the lab's state; the answer goes back
// to the connection's thread. Started by `infralab run --control PORT` and by the window.
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    explicit ControlServer(runtime::Lab &lab, QObject *parent = nullptr);
    ~ControlServer() override;

    // Binds 127.0.0.1:port (0 = a free port); false with `error` set.
    bool listen(quint16 port, QString *error);
    quint16 port() const;
    QString url() const;
    void stop();

signals:
    void stopped();

private:
    std::unique_ptr<ControlApi> m_api;
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::unique_ptr<QObject> m_replyContext; // in the network thread: answers are posted to it
    std::unique_ptr<httpserver::HttpServer> m_server;
};

} // namespace infralab::control

#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace infralab::runtime {
class Lab;
}

namespace infralab::control {

// One control request, copied out of the connection (it is answered in another thread).
struct ControlRequest
{
    QByteArray method;
    QByteArray path;  // raw, e.g. "/api/v1/nodes/web-1"
    QByteArray query; // without '?'
    QByteArray host;  // the Host field (or the absolute-form authority); empty when absent
    QByteArray body;
};

struct ControlResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray allow; // for 405
};

// The control API's routes over a Lab (docs/control-api.md): nodes with their live stats,
// per-node start/stop/restart, the numbered events and Prometheus /metrics. A pure function
// of the request and the lab's state, so it is tested without sockets; ControlServer puts it
// on HTTP. Refuses a Host that is not a loopback name (DNS rebinding: a web page whose name
// resolves to 127.0.0.1 must not drive the lab). Runs in the lab's thread.
class ControlApi final
{
public:
    explicit ControlApi(runtime::Lab &lab);

    ControlResponse handle(const ControlRequest &request);

    // 127.0.0.1, localhost or [::1], with or without a port.
    static bool isLoopbackHost(QByteArrayView host);
    // The node as GET /api/v1/nodes shows it.
    QJsonObject nodeJson(const QString &nodeId) const;

private:
    ControlResponse nodes(const ControlRequest &request);
    ControlResponse node(const ControlRequest &request, const QString &nodeId,
                         const QByteArray &action);
    ControlResponse events(const ControlRequest &request);
    ControlResponse metrics(const ControlRequest &request);

    runtime::Lab &m_lab;
};

// A JSON error body: {"error": {"status": 404, "message": "…"}}.
ControlResponse errorResponse(int status, const QString &message);

} // namespace infralab::control

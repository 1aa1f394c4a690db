#include "control/controlapi.h"

#include "control/prometheustext.h"
#include "metrics/metricscollector.h"
#include "runtime/component.h"
#include "runtime/lab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace infralab::control {

namespace {

constexpr QByteArrayView nodesPrefix = "/api/v1/nodes/";

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

ControlResponse ok(const QJsonObject &object, int status = 200)
{
    ControlResponse response;
    response.status = status;
    response.body = json(object);
    return response;
}

ControlResponse methodNotAllowed(const QByteArray &allow)
{
    ControlResponse response = errorResponse(
        405, QStringLiteral("method not allowed; use %1").arg(QString::fromLatin1(allow)));
    response.allow = allow;
    return response;
}

double rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

} // namespace

ControlResponse errorResponse(int status, const QString &message)
{
    ControlResponse response;
    response.status = status;
    response.body
        = json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("status"), status},
                                                      {QStringLiteral("message"), message}}}});
    return response;
}

ControlApi::ControlApi(runtime::Lab &lab)
    : m_lab(lab)
{}

bool ControlApi::isLoopbackHost(QByteArrayView host)
{
    // Split off an optional :port (digits only); IPv6 literals come in brackets.
    QByteArrayView name = host;
    const qsizetype colon = host.lastIndexOf(':');
    if (colon >= 0 && !host.endsWith(']')) {
        const QByteArrayView port = host.sliced(colon + 1);
        if (port.isEmpty() || port.size() > 5)
            return false;
        for (const char c : port) {
            if (c < '0' || c > '9')
                return false;
        }
        name = host.first(colon);
    }
    return name == "127.0.0.1" || name.compare("localhost", Qt::CaseInsensitive) == 0
           || name == "[::1]";
}

ControlResponse ControlApi::handle(const ControlRequest &request)
{
    if (!isLoopbackHost(request.host)) {
        return errorResponse(403, QStringLiteral("the control API answers only requests for "
                                                 "127.0.0.1, localhost or [::1]"));
    }
    const QByteArray &path = request.path;
    if (path == "/metrics")
        return metrics(request);
    if (path == "/api/v1/nodes" || path == "/api/v1/nodes/")
        return nodes(request);
    if (path == "/api/v1/events")
        return events(request);
    if (path.startsWith(nodesPrefix)) {
        const QByteArray rest = path.mid(nodesPrefix.size());
        const qsizetype slash = rest.indexOf('/');
        const QByteArray id = slash < 0 ? rest : rest.left(slash);
        const QByteArray action = slash < 0 ? QByteArray() : rest.mid(slash + 1);
        if (!id.isEmpty() && !action.contains('/'))
            return node(request, QString::fromUtf8(QByteArray::fromPercentEncoding(id)), action);
    }
    return errorResponse(404, QStringLiteral("no such resource: %1").arg(QString::fromUtf8(path)));
}

QJsonObject ControlApi::nodeJson(const QString &nodeId) const
{
    const Node *node = m_lab.topology().findNode(nodeId);
    const runtime::Component *component = m_lab.component(nodeId);
    const auto snapshot = m_lab.metrics().latest();
    const metrics::NodeMetrics *stats = snapshot->find(nodeId);
    const metrics::NodeMetrics none;
    const metrics::NodeMetrics &m = stats ? *stats : none;

    QJsonObject object{
        {QStringLiteral("id"), nodeId},
        {QStringLiteral("kind"), node ? node->kind : QString()},
        {QStringLiteral("state"), runtime::nodeStateName(m_lab.state(nodeId))},
        {QStringLiteral("url"), component ? component->url() : QString()},
        {QStringLiteral("qps"), rounded(m.qps)},
        {QStringLiteral("requests"), double(m.requests)},
        {QStringLiteral("errors"), double(m.errorCount)},
        {QStringLiteral("p50_ms"), rounded(m.p50Ms)},
        {QStringLiteral("p90_ms"), rounded(m.p90Ms)},
        {QStringLiteral("p99_ms"), rounded(m.p99Ms)},
        {QStringLiteral("active_connections"), m.activeConnections},
    };
    if (node && !node->name.isEmpty())
        object.insert(QStringLiteral("name"), node->name);
    if (const QString detail = m_lab.stateDetail(nodeId);
        !detail.isEmpty() && m_lab.state(nodeId) != runtime::NodeState::Running)
        object.insert(QStringLiteral("reason"), detail);
    QJsonObject responses;
    for (int c = 1; c <= 5; ++c)
        responses.insert(QStringLiteral("%1xx").arg(c), double(m.responses[std::size_t(c)]));
    object.insert(QStringLiteral("responses"), responses);
    QJsonObject errors;
    for (int k = 0; k < metrics::errorKindCount; ++k)
        errors.insert(metrics::errorKindName(metrics::ErrorKind(k)),
                      double(m.errors[std::size_t(k)]));
    object.insert(QStringLiteral("errors_by_kind"), errors);
    object.insert(QStringLiteral("bytes_in"), double(m.bytesIn));
    object.insert(QStringLiteral("bytes_out"), double(m.bytesOut));
    object.insert(QStringLiteral("latency_ms"),
                  QJsonObject{{QStringLiteral("p50"), rounded(m.totalP50Ms)},
                              {QStringLiteral("p90"), rounded(m.totalP90Ms)},
                              {QStringLiteral("p99"), rounded(m.totalP99Ms)},
                              {QStringLiteral("max"), rounded(m.totalMaxMs)},
                              {QStringLiteral("mean"), rounded(m.totalMeanMs)}});
    if (component) {
        QJsonArray links;
        for (const auto &[callee, totals] : component->linkTraffic()) {
            QJsonObject linkErrors;
            for (int k = 0; k < metrics::errorKindCount; ++k)
                linkErrors.insert(metrics::errorKindName(metrics::ErrorKind(k)),
                                  double(totals.errors[std::size_t(k)]));
            links.append(QJsonObject{
                {QStringLiteral("to"), callee},
                {QStringLiteral("requests"), double(totals.requests)},
                {QStringLiteral("errors"), double(totals.errorCount())},
                {QStringLiteral("errors_by_kind"), linkErrors},
                {QStringLiteral("p99_ms"),
                 rounded(double(totals.latency.valueAtPercentile(99)) / 1000.0)},
            });
        }
        if (!links.isEmpty())
            object.insert(QStringLiteral("links"), links);
        if (const QJsonObject details = component->details(); !details.isEmpty())
            object.insert(QStringLiteral("details"), details);
    }
    return object;
}

ControlResponse ControlApi::nodes(const ControlRequest &request)
{
    if (request.method != "GET" && request.method != "HEAD")
        return methodNotAllowed("GET, HEAD");
    QJsonArray list;
    for (const Node &node : m_lab.topology().nodes)
        list.append(nodeJson(node.id));
    return ok({{QStringLiteral("nodes"), list}});
}

ControlResponse ControlApi::node(const ControlRequest &request, const QString &nodeId,
                                 const QByteArray &action)
{
    const bool known = m_lab.topology().findNode(nodeId) != nullptr;
    if (action.isEmpty()) {
        if (request.method != "GET" && request.method != "HEAD")
            return methodNotAllowed("GET, HEAD");
        if (!known)
            return errorResponse(404, QStringLiteral("no node '%1'").arg(nodeId));
        return ok(nodeJson(nodeId));
    }
    if (action != "start" && action != "stop" && action != "restart") {
        return errorResponse(404, QStringLiteral("no action '%1'; use start, stop or restart")
                                      .arg(QString::fromUtf8(action)));
    }
    if (request.method != "POST")
        return methodNotAllowed("POST");
    if (!known)
        return errorResponse(404, QStringLiteral("no node '%1'").arg(nodeId));
    // The actions take no parameters; a body, when sent, must still be a JSON object.
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            return errorResponse(400, parseError.error != QJsonParseError::NoError
                                          ? QStringLiteral("malformed JSON body: %1 at offset %2")
                                                .arg(parseError.errorString())
                                                .arg(parseError.offset)
                                          : QStringLiteral("the body must be a JSON object"));
        }
    }
    QString error;
    const bool done = action == "start"  ? m_lab.startNode(nodeId, &error)
                      : action == "stop" ? m_lab.stopNode(nodeId, &error)
                                         : m_lab.restartNode(nodeId, &error);
    if (!done)
        return errorResponse(409, error);
    // Stopping and restarting finish later (the node drains): 202 with the state now.
    QJsonObject object = nodeJson(nodeId);
    object.insert(QStringLiteral("action"), QString::fromLatin1(action));
    return ok(object,
              m_lab.state(nodeId) == runtime::NodeState::Running && action == "start" ? 200 : 202);
}

ControlResponse ControlApi::events(const ControlRequest &request)
{
    if (request.method != "GET" && request.method != "HEAD")
        return methodNotAllowed("GET, HEAD");
    const QUrlQuery query(QString::fromUtf8(request.query));
    quint64 since = 0;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool valid = false;
        const QString text = query.queryItemValue(QStringLiteral("since"));
        since = text.toULongLong(&valid);
        if (!valid) {
            return errorResponse(
                400, QStringLiteral("since must be a whole number >= 0; got '%1'").arg(text));
        }
    }
    QJsonArray list;
    for (const runtime::LabEvent &event : m_lab.events().since(since)) {
        list.append(QJsonObject{
            {QStringLiteral("sequence"), double(event.sequence)},
            {QStringLiteral("time"), event.time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("node"), event.nodeId},
            {QStringLiteral("type"), event.type},
            {QStringLiteral("message"), event.message},
        });
    }
    return ok({{QStringLiteral("events"), list},
               {QStringLiteral("first"), double(m_lab.events().firstSequence())},
               {QStringLiteral("last"), double(m_lab.events().lastSequence())}});
}

ControlResponse ControlApi::metrics(const ControlRequest &request)
{
    if (request.method != "GET" && request.method != "HEAD")
        return methodNotAllowed("GET, HEAD");
    ControlResponse response;
    response.contentType = prometheusContentType;
    response.body = prometheusText(m_lab);
    return response;
}

} // namespace infralab::control

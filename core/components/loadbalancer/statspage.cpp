#include "components/loadbalancer/statspage.h"

#include "components/loadbalancer/loadbalancerhandler.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace infralab::loadbalancer {

QByteArray statsJson(const QJsonObject &stats)
{
    return QJsonDocument(stats).toJson(QJsonDocument::Compact) + '\n';
}

namespace {
QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

QByteArray duration(double ms)
{
    if (ms < 10000)
        return QByteArray::number(qint64(ms)) + " ms";
    if (ms < 600000)
        return QByteArray::number(ms / 1000, 'f', 1) + " s";
    return QByteArray::number(ms / 60000, 'f', 1) + " min";
}

// Colours of HAProxy's stats page: green up, red down, orange ejected, blue draining.
const char *rowColour(const QString &state)
{
    if (state == QLatin1String("up"))
        return "#c0f0c0";
    if (state == QLatin1String("down"))
        return "#f0a0a0";
    if (state == QLatin1String("ejected"))
        return "#f8d090";
    return "#b0d0f0";
}
} // namespace

QByteArray statsHtml(const QJsonObject &stats)
{
    QByteArray html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                      "<meta http-equiv=\"refresh\" content=\"5\">"
                      "<title>InfraLab load balancer statistics</title>"
                      "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                      "td,th{border:1px solid #888;padding:2px 8px;text-align:right}"
                      "td:first-child,th:first-child{text-align:left}</style></head><body>\n"
                      "<h1>Load balancer statistics</h1>\n<p>Algorithm: ";
    html += escaped(stats.value(QLatin1String("algorithm")).toString());
    const QString cookie = stats.value(QLatin1String("sticky_cookie")).toString();
    html += cookie.isEmpty() ? QByteArray(", no sticky sessions")
                             : ", sticky cookie " + escaped(cookie);
    html
        += ". Queued requests: " + QByteArray::number(stats.value(QLatin1String("queued")).toInt());
    html += ". <a href=\"?format=json\">JSON</a></p>\n<table>\n<tr><th>backend</th><th>port</th>"
            "<th>state</th><th>time in state</th><th>weight</th><th>backup</th>"
            "<th>max conn</th><th>active</th><th>requests</th><th>failures</th>"
            "<th>last check</th></tr>\n";
    for (const QJsonValue &value : stats.value(QLatin1String("backends")).toArray()) {
        const QJsonObject b = value.toObject();
        const QString state = b.value(QLatin1String("state")).toString();
        const QJsonObject check = b.value(QLatin1String("last_check")).toObject();
        QByteArray checkText = "never";
        if (!check.isEmpty()) {
            checkText = escaped(check.value(QLatin1String("result")).toString()) + ", "
                        + duration(check.value(QLatin1String("ago_ms")).toDouble()) + " ago";
        }
        const int max = b.value(QLatin1String("max_connections")).toInt();
        html += "<tr style=\"background:" + QByteArray(rowColour(state)) + "\"><td>"
                + escaped(b.value(QLatin1String("id")).toString()) + "</td><td>"
                + QByteArray::number(b.value(QLatin1String("port")).toInt()) + "</td><td>"
                + escaped(state) + "</td><td>"
                + duration(b.value(QLatin1String("time_in_state_ms")).toDouble()) + "</td><td>"
                + QByteArray::number(b.value(QLatin1String("weight")).toInt()) + "</td><td>"
                + (b.value(QLatin1String("backup")).toBool() ? "yes" : "no") + "</td><td>"
                + (max == 0 ? QByteArray("-") : QByteArray::number(max)) + "</td><td>"
                + QByteArray::number(b.value(QLatin1String("active")).toInt()) + "</td><td>"
                + QByteArray::number(qint64(b.value(QLatin1String("requests")).toDouble()))
                + "</td><td>"
                + QByteArray::number(qint64(b.value(QLatin1String("failures")).toDouble()))
                + "</td><td>" + checkText + "</td></tr>\n";
    }
    html += "</table>\n</body></html>\n";
    return html;
}

httpserver::HttpFilter::Result StatsPageFilter::onRequest(httpserver::HttpExchange &exchange)
{
    const QByteArray &statsPath = m_balancer.currentSnapshot().settings.statsPath;
    const http::RequestHead &request = exchange.request();
    if (statsPath.isEmpty() || request.path != statsPath)
        return Result::Continue;
    if (request.method != http::HttpMethod::Get && request.method != http::HttpMethod::Head) {
        exchange.begin(405).add("Allow", "GET, HEAD");
        exchange.send({});
        return Result::Stop;
    }
    const bool json = request.query.contains("format=json")
                      || request.field("accept").contains("application/json");
    const QJsonObject stats = m_balancer.table().toJson();
    exchange.begin(200)
        .add("Content-Type", json ? "application/json" : "text/html; charset=utf-8")
        .add("Cache-Control", "no-cache");
    exchange.send(json ? statsJson(stats) : statsHtml(stats));
    return Result::Stop;
}

} // namespace infralab::loadbalancer

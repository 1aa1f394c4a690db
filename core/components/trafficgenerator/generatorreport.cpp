#include "components/trafficgenerator/generatorreport.h"

#include <QJsonArray>

#include <cmath>

namespace infralab::trafficgenerator {

namespace {

double ms(qint64 us)
{
    return double(us) / 1000.0;
}

double stdevUs(const metrics::LatencyHistogram &h)
{
    if (h.count() < 2)
        return 0;
    const double mean = h.mean();
    double sum = 0;
    for (int i = 0; i < metrics::LatencyHistogram::bucketCount; ++i) {
        const quint64 count = h.countAt(i);
        if (count == 0)
            continue;
        const double mid = double(metrics::LatencyHistogram::bucketLow(i)
                                  + metrics::LatencyHistogram::bucketHigh(i))
                           / 2.0;
        sum += double(count) * (mid - mean) * (mid - mean);
    }
    return std::sqrt(sum / double(h.count() - 1));
}

QString duration(double milliseconds)
{
    // wrk's units: microseconds below 1 ms, seconds from 1 s on.
    if (milliseconds < 1)
        return QString::number(milliseconds * 1000, 'f', 0) + QStringLiteral("us");
    if (milliseconds < 1000)
        return QString::number(milliseconds, 'f', 2) + QStringLiteral("ms");
    return QString::number(milliseconds / 1000, 'f', 2) + QStringLiteral("s");
}

QString bytes(double count)
{
    if (count < 1024)
        return QString::number(count, 'f', 0) + QStringLiteral("B");
    if (count < 1024 * 1024)
        return QString::number(count / 1024, 'f', 2) + QStringLiteral("KiB");
    if (count < 1024.0 * 1024 * 1024)
        return QString::number(count / (1024 * 1024), 'f', 2) + QStringLiteral("MiB");
    return QString::number(count / (1024.0 * 1024 * 1024), 'f', 2) + QStringLiteral("GiB");
}

QString latencyRow(const QJsonObject &latency)
{
    static const char *const keys[] = {"min", "mean", "p50", "p90", "p99", "p99_9", "max", "stdev"};
    QString row = QStringLiteral("          ");
    for (const char *key : keys)
        row += duration(latency.value(QLatin1String(key)).toDouble()).rightJustified(9);
    return row;
}

qint64 count(const QJsonObject &object, const char *key)
{
    return qint64(object.value(QLatin1String(key)).toDouble());
}

} // namespace

QJsonObject latencyJson(const metrics::LatencyHistogram &h)
{
    QJsonObject o;
    o.insert(QStringLiteral("min"), ms(h.min()));
    o.insert(QStringLiteral("mean"), std::round(h.mean()) / 1000.0);
    o.insert(QStringLiteral("p50"), ms(h.valueAtPercentile(50)));
    o.insert(QStringLiteral("p75"), ms(h.valueAtPercentile(75)));
    o.insert(QStringLiteral("p90"), ms(h.valueAtPercentile(90)));
    o.insert(QStringLiteral("p95"), ms(h.valueAtPercentile(95)));
    o.insert(QStringLiteral("p99"), ms(h.valueAtPercentile(99)));
    o.insert(QStringLiteral("p99_9"), ms(h.valueAtPercentile(99.9)));
    o.insert(QStringLiteral("max"), ms(h.max()));
    o.insert(QStringLiteral("stdev"), std::round(stdevUs(h)) / 1000.0);
    return o;
}

QJsonObject reportJson(const GeneratorTotals &t, const ReportContext &context)
{
    QJsonObject o;
    o.insert(QStringLiteral("state"), context.state);
    o.insert(QStringLiteral("model"), modelName(context.model));
    o.insert(QStringLiteral("profile"), LoadProfile::shapeName(context.profile.shape()));
    o.insert(QStringLiteral("connections"), context.connections);
    if (context.model == LoadModel::Open)
        o.insert(QStringLiteral("target_rate"), context.rate);
    QJsonArray targets;
    for (const GeneratorTarget &target : context.targets) {
        targets.append(QJsonObject{{QStringLiteral("name"), target.name},
                                   {QStringLiteral("port"), target.port},
                                   {QStringLiteral("weight"), target.weight}});
    }
    o.insert(QStringLiteral("targets"), targets);
    const double elapsed = context.elapsedS;
    o.insert(QStringLiteral("elapsed_s"), std::round(elapsed * 1000) / 1000);

    const quint64 completed = t.completed();
    const quint64 success = t.statusClass[2] + t.statusClass[3];
    o.insert(QStringLiteral("requests"), double(completed));
    o.insert(QStringLiteral("sent"), double(t.sent));
    o.insert(QStringLiteral("responses"), double(t.responses));
    o.insert(QStringLiteral("in_flight"), t.inFlight);
    o.insert(QStringLiteral("rate"), elapsed > 0 ? std::round(completed / elapsed * 100) / 100 : 0);
    o.insert(QStringLiteral("current_rate"), context.currentRate);
    o.insert(QStringLiteral("throughput"),
             elapsed > 0 ? std::round(success / elapsed * 100) / 100 : 0);
    o.insert(QStringLiteral("success"),
             completed ? std::round(double(success) / double(completed) * 10000) / 10000 : 0);
    o.insert(QStringLiteral("latency_ms"), latencyJson(t.latency));
    if (context.model == LoadModel::Open)
        o.insert(QStringLiteral("service_time_ms"), latencyJson(t.serviceTime));

    QJsonObject codes;
    for (auto it = t.statusCodes.cbegin(); it != t.statusCodes.cend(); ++it)
        codes.insert(QString::number(it.key()), double(it.value()));
    o.insert(QStringLiteral("status_codes"), codes);
    QJsonObject errors;
    errors.insert(QStringLiteral("connect"), double(t.errorCount(ErrorClass::Connect)));
    errors.insert(QStringLiteral("timeout"), double(t.errorCount(ErrorClass::Timeout)));
    errors.insert(QStringLiteral("reset"), double(t.errorCount(ErrorClass::Reset)));
    errors.insert(QStringLiteral("protocol"), double(t.errorCount(ErrorClass::Protocol)));
    errors.insert(QStringLiteral("4xx"), double(t.statusClass[4]));
    errors.insert(QStringLiteral("5xx"), double(t.statusClass[5]));
    o.insert(QStringLiteral("errors"), errors);
    o.insert(QStringLiteral("late"), double(t.late));
    o.insert(QStringLiteral("dropped"), double(t.dropped));
    o.insert(QStringLiteral("cancelled"), double(t.cancelled));
    o.insert(QStringLiteral("bytes_in"), double(t.bytesIn));
    o.insert(QStringLiteral("bytes_out"), double(t.bytesOut));
    o.insert(QStringLiteral("connections_open"), t.openConnections);
    o.insert(QStringLiteral("connections_opened"), double(t.connectionsOpened));
    return o;
}

QString summaryText(const QString &nodeId, const QJsonObject &r)
{
    const bool open = r.value(QLatin1String("model")).toString() == QLatin1String("open");
    QStringList targets;
    const QJsonArray targetList = r.value(QLatin1String("targets")).toArray();
    for (const QJsonValue &target : targetList)
        targets.append(target.toObject().value(QLatin1String("name")).toString());
    const double elapsed = r.value(QLatin1String("elapsed_s")).toDouble();
    const QString profile = r.value(QLatin1String("profile")).toString();

    QString text = nodeId + QStringLiteral(": ")
                   + (open ? QStringLiteral("open model, %1 req/s, at most %2 connections")
                                 .arg(r.value(QLatin1String("target_rate")).toDouble())
                                 .arg(r.value(QLatin1String("connections")).toInt())
                           : QStringLiteral("closed model, %1 connections")
                                 .arg(r.value(QLatin1String("connections")).toInt()));
    if (profile != QLatin1String("constant"))
        text += QStringLiteral(", %1 profile").arg(profile);
    text += targets.isEmpty() ? QStringLiteral(", no target")
                              : QStringLiteral(" to ") + targets.join(QStringLiteral(", "));
    text += QLatin1Char('\n');
    text += QStringLiteral("  %1 requests in %2s, %3 read, %4 written\n")
                .arg(count(r, "requests"))
                .arg(elapsed, 0, 'f', 2)
                .arg(bytes(r.value(QLatin1String("bytes_in")).toDouble()),
                     bytes(r.value(QLatin1String("bytes_out")).toDouble()));
    text += QStringLiteral("  Latency")
            + QStringLiteral("      min      avg      p50      p90      p99    p99.9      max    "
                             "stdev\n");
    text += latencyRow(r.value(QLatin1String("latency_ms")).toObject()) + QLatin1Char('\n');
    if (open) {
        text += QStringLiteral("  Service time (from the actual send, not corrected):\n");
        text
            += latencyRow(r.value(QLatin1String("service_time_ms")).toObject()) + QLatin1Char('\n');
    }
    text += QStringLiteral("  Requests/sec: %1\n")
                .arg(r.value(QLatin1String("rate")).toDouble(), 0, 'f', 2);
    text += QStringLiteral("  Transfer/sec: %1\n")
                .arg(bytes(elapsed > 0 ? r.value(QLatin1String("bytes_in")).toDouble() / elapsed
                                       : 0));
    const QJsonObject codes = r.value(QLatin1String("status_codes")).toObject();
    if (!codes.isEmpty()) {
        QStringList parts;
        for (auto it = codes.begin(); it != codes.end(); ++it)
            parts.append(it.key() + QLatin1Char(' ')
                         + QString::number(qint64(it.value().toDouble())));
        text += QStringLiteral("  Status codes: ") + parts.join(QStringLiteral(", "))
                + QLatin1Char('\n');
    }
    const QJsonObject errors = r.value(QLatin1String("errors")).toObject();
    text += QStringLiteral(
                "  Errors: connect %1, timeout %2, reset %3, protocol %4, 4xx %5, 5xx %6\n")
                .arg(count(errors, "connect"))
                .arg(count(errors, "timeout"))
                .arg(count(errors, "reset"))
                .arg(count(errors, "protocol"))
                .arg(count(errors, "4xx"))
                .arg(count(errors, "5xx"));
    if (open) {
        text += QStringLiteral("  Late (sent more than 10 ms after due): %1, dropped: %2\n")
                    .arg(count(r, "late"))
                    .arg(count(r, "dropped"));
    }
    return text;
}

} // namespace infralab::trafficgenerator

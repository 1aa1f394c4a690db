// The Dashboard's charts read as a Grafana user expects (issue 14): units on the value axes,
// nice 1-2-5 ticks (whole ones for counts) labelled "12.5k", the series store's numbers as they
// are, lines named as the canvas names the nodes (renames follow), colours fixed per node,
// equal lines both visible, and the errors chart's per-node breakdown on hover.

#include "dashboard/dashboarddock.h"
#include "dashboard/livechart.h"
#include "dashboard/niceaxis.h"
#include "dashboard/seriesstore.h"
#include "document/commands/renamenodecommand.h"
#include "document/document.h"

#include <QCategoryAxis>
#include <QDateTime>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QToolTip>

#include <cmath>

using namespace infralab;

namespace {

constexpr qint64 Start = 1'700'000'000'000;

struct NodeFeed
{
    QString id;
    double qps = 0;
    int active = 0;
    double p50 = 0, p95 = 0, p99 = 0;
    quint64 serverErrorsPerTick = 0; // 5xx per 250 ms tick
    double sendingRate = -1;         // >= 0: a traffic generator
};

// One 250 ms tick of a lab with `nodes`; counters grow by the per-tick amounts.
void feed(SeriesStore &store, int tick, const QList<NodeFeed> &nodes)
{
    auto metrics = std::make_shared<metrics::MetricsSnapshot>();
    live::LiveSnapshot snapshot;
    for (const NodeFeed &spec : nodes) {
        metrics::NodeMetrics node;
        node.nodeId = spec.id;
        node.qps = spec.qps;
        node.requests = quint64(tick) * quint64(spec.qps / 4);
        node.activeConnections = spec.active;
        node.p50Ms = spec.p50;
        node.p95Ms = spec.p95;
        node.p99Ms = spec.p99;
        node.errors[std::size_t(metrics::ErrorKind::ServerError)]
            = quint64(tick) * spec.serverErrorsPerTick;
        node.errorCount = quint64(tick) * spec.serverErrorsPerTick;
        metrics->nodes.append(node);
        if (spec.sendingRate >= 0) {
            runtime::NodeDetail generator;
            generator.sendingRate = spec.sendingRate;
            generator.sent = double(tick) * spec.sendingRate / 4;
            snapshot.nodeDetails.insert(spec.id, generator);
        }
    }
    snapshot.metrics = metrics;
    snapshot.wallMs = Start + tick * 250;
    store.add(snapshot);
}

void feedTicks(SeriesStore &store, int ticks, const QList<NodeFeed> &nodes)
{
    for (int tick = 0; tick < ticks; ++tick)
        feed(store, tick, nodes);
}

bool isNiceStep(double step)
{
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    return std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6
           || std::abs(mantissa - 5) < 1e-6;
}

Node node(const QString &id, const QString &kind, const QString &name)
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.name = name;
    return n;
}

// Pixels within `tolerance` of `colour` (per channel) in `image`.
int pixelsNear(const QImage &image, const QColor &colour, int tolerance = 24)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= tolerance
                && std::abs(c.green() - colour.green()) <= tolerance
                && std::abs(c.blue() - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void niceAxis_data()
    {
        QTest::addColumn<double>("dataMin");
        QTest::addColumn<double>("dataMax");
        QTest::addColumn<int>("ticks");
        QTest::addColumn<bool>("integer");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("step");
        QTest::newRow("nothing yet") << 0.0 << 0.0 << 5 << false << 0.0 << 1.0 << 0.2;
        QTest::newRow("no connections") << 0.0 << 0.0 << 5 << true << 0.0 << 1.0 << 1.0;
        QTest::newRow("0.38, not 0.13 steps") << 0.0 << 0.38 << 5 << false << 0.0 << 0.4 << 0.1;
        QTest::newRow("0.5 fits") << 0.0 << 0.5 << 5 << false << 0.0 << 0.5 << 0.1;
        QTest::newRow("0.9 ms") << 0.0 << 0.9 << 5 << false << 0.0 << 1.0 << 0.2;
        QTest::newRow("12500 req/s") << 0.0 << 12500.0 << 5 << false << 0.0 << 15000.0 << 5000.0;
        QTest::newRow("2M") << 0.0 << 2e6 << 5 << false << 0.0 << 2e6 << 5e5;
        QTest::newRow("1.25 connections: whole steps") << 0.0 << 1.25 << 5 << true << 0.0 << 2.0
                                                       << 1.0;
        QTest::newRow("3 connections") << 0.0 << 3.0 << 5 << true << 0.0 << 3.0 << 1.0;
        QTest::newRow("7 connections") << 0.0 << 7.0 << 5 << true << 0.0 << 8.0 << 2.0;
        QTest::newRow("0.3 connections") << 0.0 << 0.3 << 5 << true << 0.0 << 1.0 << 1.0;
        QTest::newRow("many connections") << 0.0 << 12500.0 << 5 << true << 0.0 << 15000.0
                                          << 5000.0;
        QTest::newRow("swapped") << 10.0 << 0.0 << 5 << false << 0.0 << 10.0 << 2.0;
        QTest::newRow("negative") << -3.0 << 7.0 << 5 << false << -5.0 << 10.0 << 5.0;
        QTest::newRow("offset") << 95.0 << 105.0 << 5 << false << 95.0 << 105.0 << 5.0;
        QTest::newRow("three ticks") << 0.0 << 100.0 << 3 << false << 0.0 << 100.0 << 50.0;
        QTest::newRow("flat 0.3 (float noise)") << 0.0 << 0.1 * 3 << 4 << false << 0.0 << 0.3
                                                << 0.1;
    }

    void niceAxis()
    {
        QFETCH(double, dataMin);
        QFETCH(double, dataMax);
        QFETCH(int, ticks);
        QFETCH(bool, integer);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, step);
        const NiceAxis axis = infralab::niceAxis(dataMin, dataMax, ticks, integer);
        QCOMPARE(axis.min, min);
        QVERIFY2(std::abs(axis.max - max) < 1e-9 * std::max(1.0, max),
                 qPrintable(QString::number(axis.max)));
        QCOMPARE(axis.step, step);
        QVERIFY(isNiceStep(axis.step));
        QVERIFY(!integer || axis.step >= 1);
        QVERIFY(axis.min <= std::min(dataMin, dataMax));
        QVERIFY(axis.max >= std::max(dataMin, dataMax));
        QCOMPARE(axis.ticks().size(), axis.intervals() + 1);
        QCOMPARE(axis.ticks().constFirst(), axis.min);
    }

    void tickLabel_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("label");
        QTest::newRow("zero") << 0.0 << 5000.0 << "0";
        QTest::newRow("12.5k") << 12500.0 << 500.0 << "12.5k";
        QTest::newRow("15k") << 15000.0 << 5000.0 << "15k";
        QTest::newRow("1k, not 1.0k") << 1000.0 << 500.0 << "1k";
        QTest::newRow("1.5k") << 1500.0 << 500.0 << "1.5k";
        QTest::newRow("500") << 500.0 << 500.0 << "500";
        QTest::newRow("2M") << 2e6 << 5e5 << "2M";
        QTest::newRow("2.5M") << 2.5e6 << 5e5 << "2.5M";
        QTest::newRow("G") << 2.5e9 << 5e8 << "2.5G";
        QTest::newRow("0.3 (float noise)") << 0.1 * 3 << 0.1 << "0.3";
        QTest::newRow("0.05") << 0.05 << 0.01 << "0.05";
        QTest::newRow("whole") << 3.0 << 1.0 << "3";
        QTest::newRow("negative") << -5000.0 << 5000.0 << "-5k";
    }

    void tickLabel()
    {
        QFETCH(double, value);
        QFETCH(double, step);
        QFETCH(QString, label);
        QCOMPARE(infralab::tickLabel(value, step), label);
    }

    void compactNumber_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("12.5k") << 12534.0 << "12.5k";
        QTest::newRow("rounds up to 1k") << 999.96 << "1k";
        QTest::newRow("980") << 980.0 << "980";
        QTest::newRow("20") << 20.0 << "20";
        QTest::newRow("12.5") << 12.5 << "12.5";
        QTest::newRow("0.153") << 0.1534 << "0.153";
        QTest::newRow("float 1.15") << double(1.15f) << "1.15";
        QTest::newRow("2M") << 2e6 << "2M";
    }

    void compactNumber()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(infralab::compactNumber(value), text);
    }

    void labelsFollowTheLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString label = infralab::tickLabel(12500, 500);
        const QString text = infralab::compactNumber(0.25);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(label, QString("12,5k"));
        QCOMPARE(text, QString("0,25"));
    }

    void axisTitlesHaveUnits()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        const struct
        {
            LiveChart *chart;
            const char *unit;
        } charts[] = {{dock.requestsChart(), "req/s"},
                      {dock.latencyChart(), "ms"},
                      {dock.errorsChart(), "errors/s"},
                      {dock.connectionsChart(), "connections"}};
        for (const auto &c : charts) {
            QCOMPARE(c.chart->valueAxis()->titleText(), QString(c.unit));
            QVERIFY(c.chart->valueAxis()->isTitleVisible());
            QCOMPARE(c.chart->unit(), QString(c.unit));
            QVERIFY(c.chart->chart()->axes(Qt::Vertical).contains(c.chart->valueAxis()));
        }
    }

    // 12500 req/s, 1 connection, a 0.38 ms p99, no errors: every value axis on 1-2-5 ticks,
    // labelled "5k" rather than "5000", whole connections.
    void ticksAreNiceForKnownData()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        feedTicks(store, 8, {{"web", 12500, 1, 0.1, 0.2, 0.38}});
        dock.refresh();
        QCOMPARE(dock.requestsChart()->valueLabels(), QStringList({"0", "5k", "10k", "15k"}));
        QCOMPARE(dock.requestsChart()->valueAxis()->max(), 15000.0);
        QCOMPARE(dock.latencyChart()->valueLabels(),
                 QStringList({"0", "0.1", "0.2", "0.3", "0.4"}));
        QCOMPARE(dock.connectionsChart()->valueLabels(), QStringList({"0", "1", "2"}));
        QCOMPARE(dock.errorsChart()->valueLabels(),
                 QStringList({"0", "0.2", "0.4", "0.6", "0.8", "1"}));
        for (LiveChart *chart : {dock.requestsChart(), dock.latencyChart(), dock.errorsChart(),
                                 dock.connectionsChart()}) {
            const NiceAxis axis = chart->niceValueAxis();
            QVERIFY(isNiceStep(axis.step));
            QCOMPARE(chart->valueAxis()->min(), axis.min);
            QCOMPARE(chart->valueAxis()->max(), axis.max);
            // A category per tick, each ending at its tick (labels sit on the ticks).
            const QStringList labels = chart->valueLabels();
            QCOMPARE(labels.size(), axis.ticks().size());
            for (qsizetype i = 0; i < labels.size(); ++i)
                QCOMPARE(chart->valueAxis()->endValue(labels.at(i)), axis.ticks().at(i));
        }

        // Millions, and many connections still in whole steps.
        SeriesStore big;
        DashboardDock bigDock(&big);
        feedTicks(big, 8, {{"web", 2e6, 7, 1, 2, 3}});
        bigDock.refresh();
        QCOMPARE(bigDock.requestsChart()->valueLabels(),
                 QStringList({"0", "500k", "1M", "1.5M", "2M", "2.5M"}));
        QCOMPARE(bigDock.connectionsChart()->niceValueAxis().step, 2.0);
        QCOMPARE(bigDock.connectionsChart()->valueLabels(),
                 QStringList({"0", "2", "4", "6", "8"}));
        QVERIFY(LiveChart::valueText("web", QPointF(double(Start), 12500), "req/s")
                    .endsWith(": 12.5k req/s"));
    }

    // Every drawn point is the store's number at the store's time: requests (a generator's
    // sending rate), connections, the generator's percentiles, its errors.
    void chartValuesEqualTheStore()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        for (int tick = 0; tick < 20; ++tick) {
            feed(store, tick,
                 {{"web", 100.0 + tick * 10, tick % 4, 0.5, 1.5, 2.5 + tick, 1},
                  {"lb", 90.0 + tick, 2, 0.7, 1.7, 2.7, 1},
                  {"load", 0, 3, 0.8 + tick * 0.01, 1.9, 3.1, 2, 85.0 + tick}});
        }
        dock.refresh();
        const qint64 now = store.lastWallMs();
        for (const char *id : {"web", "lb", "load"}) {
            const QList<DashPoint> points = store.points(id, 60000, now);
            QCOMPARE(points.size(), 20);
            QLineSeries *requests = dock.requestsChart()->series(id);
            QLineSeries *connections = dock.connectionsChart()->series(id);
            QVERIFY(requests && connections);
            QCOMPARE(requests->count(), points.size());
            QCOMPARE(connections->count(), points.size());
            for (int i = 0; i < points.size(); ++i) {
                QCOMPARE(requests->at(i), QPointF(double(points.at(i).wallMs), points.at(i).qps));
                QCOMPARE(connections->at(i).y(), double(points.at(i).active));
            }
        }
        QCOMPARE(dock.requestsChart()->series("load")->at(19).y(), 104.0); // the sending rate
        const QList<DashPoint> load = store.points("load", 60000, now);
        for (int i = 0; i < load.size(); ++i) {
            QCOMPARE(dock.latencyChart()->series("p50")->at(i).y(), double(load.at(i).p50Ms));
            QCOMPARE(dock.latencyChart()->series("p99")->at(i).y(), double(load.at(i).p99Ms));
            // The generator's errors only: 2 a tick, 8/s, not the 16/s of all three nodes.
            QCOMPARE(dock.errorsChart()->series("5xx")->at(i).y(),
                     double(load.at(i).errorsPerS[std::size_t(ErrorClass::ServerError)]));
        }
        QCOMPARE(dock.errorsChart()->series("5xx")->at(19).y(), 8.0);
    }

    // The legend says what the canvas says; a rename shows at once, also while paused; two
    // nodes of one name are told apart by their ids.
    void legendShowsNames()
    {
        Document document;
        Topology topology;
        topology.nodes = {node("web", "web-server", "Web front"),
                          node("lb", "load-balancer", "Edge LB"),
                          node("load", "traffic-generator", QString())};
        document.reset(topology, QString());
        SeriesStore store;
        DashboardDock dock(&store);
        dock.setDocument(&document);
        feedTicks(store, 8,
                  {{"web", 100, 1, 1, 2, 3, 1}, {"lb", 100, 1, 1, 2, 3, 1},
                   {"load", 0, 1, 1, 2, 3, 1, 100}});
        dock.refresh();
        const auto legendLabel = [&dock](const QString &id) {
            QLineSeries *line = dock.requestsChart()->series(id);
            if (!line)
                return QString("(no series)");
            const QList<QLegendMarker *> markers
                = dock.requestsChart()->chart()->legend()->markers(line);
            return markers.isEmpty() ? QString("(no marker)") : markers.constFirst()->label();
        };
        QCOMPARE(legendLabel("web"), QString("Web front"));
        QCOMPARE(legendLabel("lb"), QString("Edge LB"));
        QCOMPARE(legendLabel("load"), QString("load")); // no name: the id, as on its card
        QCOMPARE(dock.connectionsChart()->series("web")->name(), QString("Web front"));

        dock.setPaused(true);
        document.undoStack()->push(new RenameNodeCommand(&document, "web", "Front door", 0));
        QCOMPARE(legendLabel("web"), QString("Front door"));
        QCOMPARE(dock.connectionsChart()->series("web")->name(), QString("Front door"));
        document.undoStack()->push(new RenameNodeCommand(&document, "lb", "Front door", 0));
        QCOMPARE(legendLabel("web"), QString("Front door (web)"));
        QCOMPARE(legendLabel("lb"), QString("Front door (lb)"));
        dock.setPaused(false);

        dock.setLatencyNode("lb");
        QCOMPARE(dock.errorsChart()->chart()->title(),
                 QString("Errors per second of Front door (lb)"));
        document.undoStack()->undo();
        QCOMPARE(dock.errorsChart()->chart()->title(), QString("Errors per second of Edge LB"));
        QCOMPARE(legendLabel("web"), QString("Front door"));
        QVERIFY(dock.errorsChart()->hoverText("5xx", dock.errorsChart()->series("5xx")->at(7))
                    .contains("Edge LB: 4 errors/s (charted)"));
    }

    // A node's colour is a function of its id (and, with a document, of the topology): the
    // same in two dashboards fed in different orders, and fixed between sessions.
    void coloursAreStablePerNode()
    {
        SeriesStore first;
        SeriesStore second;
        DashboardDock a(&first);
        DashboardDock b(&second);
        feedTicks(first, 4, {{"web-1", 10}, {"lb", 20}, {"load", 30}});
        feedTicks(second, 4, {{"load", 30}, {"app", 5}, {"lb", 20}});
        a.refresh();
        b.refresh();
        for (const char *id : {"lb", "load"}) {
            QCOMPARE(a.requestsChart()->series(id)->pen().color(),
                     b.requestsChart()->series(id)->pen().color());
            QCOMPARE(a.connectionsChart()->series(id)->pen().color(),
                     b.requestsChart()->series(id)->pen().color());
            QCOMPARE(a.requestsChart()->series(id)->pen().color(), LiveChart::colourFor(id));
        }
        // Fixed by FNV-1a, not qHash's per-process seed: these are the same in every session.
        QCOMPARE(LiveChart::colourFor("load"), QColor(0xba, 0xb0, 0xac));
        QCOMPARE(LiveChart::colourFor("web-2"), QColor(0x59, 0xa1, 0x4f));
        QCOMPARE(LiveChart::colourFor("a"), QColor(0x4e, 0x79, 0xa7));

        // With the document: the three-tier example's seven nodes, seven colours ("lb" and
        // "web-1" hash alike; the later one moves on), the same every time.
        const QStringList ids{"load", "lb", "web-1", "web-2", "web-3", "app", "db"};
        const QHash<QString, QColor> colours = LiveChart::coloursFor(ids);
        QCOMPARE(LiveChart::colourFor("lb"), LiveChart::colourFor("web-1"));
        QCOMPARE(colours.value("lb"), LiveChart::colourFor("lb"));
        QVERIFY(colours.value("web-1") != colours.value("lb"));
        QSet<QRgb> distinct;
        for (const QColor &colour : colours)
            distinct.insert(colour.rgb());
        QCOMPARE(distinct.size(), ids.size());
        QCOMPARE(LiveChart::coloursFor(ids), colours);

        Document document;
        Topology topology;
        for (const QString &id : ids)
            topology.nodes.append(node(id, "web-server", QString()));
        document.reset(topology, QString());
        a.setDocument(&document);
        b.setDocument(&document);
        a.refresh();
        b.refresh();
        QCOMPARE(a.requestsChart()->series("web-1")->pen().color(), colours.value("web-1"));
        QCOMPARE(a.requestsChart()->series("lb")->pen().color(),
                 b.requestsChart()->series("lb")->pen().color());
        QCOMPARE(b.requestsChart()->series("app")->pen().color(), colours.value("app"));
    }

    // Two nodes with the same numbers draw the same line: the upper one is thinner and dashed,
    // so the lower one shows through; on screen both colours are there.
    void equalSeriesStayDistinguishable()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        dock.resize(1400, 420);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QVERIFY(LiveChart::colourFor("web-1") != LiveChart::colourFor("web-2"));
        feedTicks(store, 240, {{"web-1", 500, 2}, {"web-2", 500, 2}});
        dock.refresh();
        QLineSeries *lower = dock.requestsChart()->series("web-1");
        QLineSeries *upper = dock.requestsChart()->series("web-2");
        QVERIFY(lower && upper);
        LiveChart *chart = dock.requestsChart();
        chart->chart()->legend()->hide(); // the legend shows both colours anyway
        chart->chart()->setTitle(QString());
        const QImage image = chart->grab().toImage();
        const int lowerPixels = pixelsNear(image, lower->pen().color());
        const int upperPixels = pixelsNear(image, upper->pen().color());
        QVERIFY2(lowerPixels > 25 && upperPixels > 25,
                 qPrintable(QString("%1 / %2").arg(lowerPixels).arg(upperPixels)));

        QVERIFY(lower->pen() != upper->pen());
        QVERIFY(upper->pen().widthF() < lower->pen().widthF());
        QCOMPARE(lower->pen().style(), Qt::SolidLine);
        QCOMPARE(upper->pen().style(), Qt::CustomDashLine);

        // No two of the first eight ranks alike, whatever their colour.
        for (int i = 0; i < DashboardDock::MaxNodeLines; ++i) {
            for (int j = i + 1; j < DashboardDock::MaxNodeLines; ++j)
                QVERIFY2(LiveChart::penFor(Qt::blue, i) != LiveChart::penFor(Qt::blue, j),
                         qPrintable(QString("%1 %2").arg(i).arg(j)));
        }
    }

    // Hovering an errors line lists each node's errors of that class at that moment: the
    // generators the chart sums first, then the nodes that saw the same failures.
    void errorsBreakdownOnHover()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        feedTicks(store, 8,
                  {{"load-1", 0, 1, 1, 2, 3, 5, 100},
                   {"load-2", 0, 1, 1, 2, 3, 10, 100},
                   {"web", 200, 1, 1, 2, 3, 15},
                   {"db", 50, 1, 1, 2, 3, 0}});
        dock.refresh();
        QLineSeries *errors = dock.errorsChart()->series("5xx");
        QVERIFY(errors);
        const QPointF last = errors->at(errors->count() - 1);
        QCOMPARE(last.y(), 60.0); // 20 + 40: the generators', once
        const QString time = QDateTime::fromMSecsSinceEpoch(qint64(last.x())).toString("hh:mm:ss");
        QCOMPARE(dock.errorsChart()->hoverText("5xx", last),
                 QString("5xx at %1: 60 errors/s\n"
                         "Per node:\n"
                         "  load-2: 40 errors/s (charted)\n"
                         "  load-1: 20 errors/s (charted)\n"
                         "  web: 60 errors/s")
                     .arg(time));
        // The mouse between two points, above the line: the nearer point's numbers, not the
        // height under the mouse.
        QCOMPARE(dock.errorsChart()->hoverText("5xx", QPointF(last.x() - 100, 12345)),
                 dock.errorsChart()->hoverText("5xx", last));
        const QPointF first = errors->at(0); // no rate yet at the first tick
        QVERIFY(dock.errorsChart()
                    ->hoverText("5xx", QPointF(first.x() + 100, 12345))
                    .startsWith(QString("5xx at %1: 0 errors/s\n")
                                    .arg(QDateTime::fromMSecsSinceEpoch(qint64(first.x()))
                                             .toString("hh:mm:ss"))));
        // The mouse on the line shows it as the tooltip.
        dock.resize(1400, 420);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        LiveChart *chart = dock.errorsChart();
        const QPointF middle = errors->at(errors->count() / 2);
        const QPoint at = chart->mapFromScene(chart->chart()->mapToPosition(middle, errors));
        QTest::mouseMove(chart->viewport(), at - QPoint(6, 0));
        QTest::mouseMove(chart->viewport(), at);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains("Per node:"), qPrintable(QToolTip::text()));
        // Selected, the chart is that node's, and it is the one marked.
        dock.setLatencyNode("web");
        QVERIFY(dock.errorsChart()->hoverText("5xx", last).contains("  web: 60 errors/s (charted)"));
        QVERIFY(dock.errorsChart()->hoverText("5xx", last).contains("  load-2: 40 errors/s\n"));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"

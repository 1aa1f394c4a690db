// Live lab benchmark (not a test): runs a lab from the main window and measures what the GUI
// thread pays for it — its CPU share (utime + stime of the main thread from /proc, over a
// 10 s window) while the canvas animates the flow and the dashboard redraws, the canvas frame
// time (a full repaint of the view with every link animated, median and worst of 30), and the
// load the lab served meanwhile. Scenarios: the three-tier example under an open-model
// generator at 20k req/s, and a 100-node lab (1 generator, 3 balancers, 96 web servers).
//
// Run under a real X server so painting is real:
//   xvfb-run -s '-screen 0 1600x1000x24' ./build/test/tests/live_bench [three-tier|100-nodes]
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "dashboard/dashboarddock.h"
#include "docks/eventsdock.h"
#include "docks/statisticsdock.h"
#include "document/document.h"
#include "format/topologywriter.h"
#include "live/labsession.h"
#include "live/livedocks.h"
#include "live/liveoverlay.h"
#include "live/runactions.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace infralab;

namespace {

double threadCpuSeconds()
{
    // The main thread's tid is the process id.
    QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(getpid()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks; // utime, stime
}

QByteArray threeTier(int rate)
{
    QFile file(QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples/three-tier.infralab.json"));
    file.open(QIODevice::ReadOnly);
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray nodes = root.value(QLatin1String("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        QJsonObject config = node.value(QLatin1String("config")).toObject();
        if (config.contains(QLatin1String("port")))
            config.insert(QLatin1String("port"), 0);
        if (node.value(QLatin1String("id")).toString() == QLatin1String("load")) {
            config.insert(QLatin1String("mode"), QLatin1String("open"));
            config.insert(QLatin1String("rate"), rate);
            config.insert(QLatin1String("connections"), 200);
            config.insert(QLatin1String("requests"),
                          QJsonArray{QJsonObject{{QLatin1String("method"), QLatin1String("GET")},
                                                 {QLatin1String("path"), QLatin1String("/")},
                                                 {QLatin1String("weight"), 1}}});
        }
        node.insert(QLatin1String("config"), config);
        nodes[i] = node;
    }
    root.insert(QLatin1String("nodes"), nodes);
    return QJsonDocument(root).toJson();
}

QByteArray hundredNodes(int rate)
{
    Topology topology;
    topology.name = QStringLiteral("100 nodes");
    Node load;
    load.id = QStringLiteral("load");
    load.kind = QStringLiteral("traffic-generator");
    load.position = QPointF(0, 0);
    load.config.insert(QStringLiteral("mode"), QStringLiteral("open"));
    load.config.insert(QStringLiteral("rate"), rate);
    topology.nodes.append(load);
    for (int b = 0; b < 3; ++b) {
        Node lb;
        lb.id = QStringLiteral("lb-%1").arg(b + 1);
        lb.kind = QStringLiteral("load-balancer");
        lb.position = QPointF(260, (b - 1) * 900.0);
        topology.nodes.append(lb);
        topology.links.append(Link{load.id, lb.id, {}, {}});
        for (int w = 0; w < 32; ++w) {
            Node web;
            web.id = QStringLiteral("web-%1").arg(b * 32 + w + 1);
            web.kind = QStringLiteral("web-server");
            web.position = QPointF(560 + (w % 4) * 190, (b - 1) * 900.0 + (w / 4 - 3.5) * 150);
            topology.nodes.append(web);
            topology.links.append(Link{lb.id, web.id, {}, {}});
        }
    }
    return TopologyWriter::serialize(topology);
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Times every real paint of the canvas's viewport: the filter hands the paint event on itself
// (inside the same dispatch, so the backing store is ready) and measures it, wall and CPU.
class PaintTimer final : public QObject
{
public:
    QList<double> wallMs;
    QList<double> cpuMs;
    bool recording = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !recording)
            return false;
        watched->removeEventFilter(this);
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = threadCpuMs();
        QCoreApplication::sendEvent(watched, event);
        cpuMs.append(threadCpuMs() - cpu0);
        wallMs.append(double(wall.nsecsElapsed()) / 1e6);
        watched->installEventFilter(this);
        return true;
    }
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p / 100 * values.size())));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const QString scenario
        = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("three-tier");
    const int rate
        = argc > 2 ? atoi(argv[2]) : (scenario == QLatin1String("three-tier") ? 20000 : 5000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.infralab.json"));
    QFile out(path);
    out.open(QIODevice::WriteOnly);
    out.write(scenario == QLatin1String("three-tier") ? threeTier(rate) : hundredNodes(rate));
    out.close();

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!window.openFile(path))
        return 1;
    window.view()->fitToContent();
    LiveDocks *live = window.live();
    live::LabSession *session = live->session();
    live->actions()->start();
    QElapsedTimer clock;
    clock.start();
    while (session->phase() != live::LabSession::Phase::Running && clock.elapsed() < 30000)
        QTest::qWait(20);
    QTest::qWait(3000); // warm-up: generator at rate, charts filled

    const auto requestsOf = [session](const QString &id) {
        const auto latest = session->latest();
        const metrics::NodeMetrics *m = latest ? latest->node(id) : nullptr;
        return m ? double(m->requests) : 0.0;
    };
    const QString front
        = scenario == QLatin1String("three-tier") ? QStringLiteral("lb") : QStringLiteral("lb-1");
    double frontRequests = 0;
    const auto servedNow = [&] {
        double sum = 0;
        for (const Node &node : window.document()->topology().nodes) {
            if (node.kind == QLatin1String("load-balancer"))
                sum += requestsOf(node.id);
        }
        return sum;
    };
    frontRequests = servedNow();
    PaintTimer paints;
    window.view()->viewport()->installEventFilter(&paints);
    paints.recording = true;
    const quint64 frames0 = live->overlay()->frameCount();
    const quint64 refreshes0 = live->dashboard()->refreshCount();
    const double cpu0 = threadCpuSeconds();
    clock.restart();
    QTest::qWait(10000);
    const double wall = double(clock.elapsed()) / 1000.0;
    const double cpu = threadCpuSeconds() - cpu0;
    const double served = (servedNow() - frontRequests) / wall;
    const double fps = double(live->overlay()->frameCount() - frames0) / wall;
    const double refreshRate = double(live->dashboard()->refreshCount() - refreshes0) / wall;
    paints.recording = false;

    QList<double> frameMs;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer frame;
        frame.start();
        window.view()->viewport()->repaint();
        frameMs.append(double(frame.nsecsElapsed()) / 1e6);
        QTest::qWait(30);
    }
    std::printf("scenario %s, %lld nodes, generator target %d req/s\n", qPrintable(scenario),
                qlonglong(window.document()->topology().nodes.size()), rate);
    std::printf("  balancers served    %.0f req/s\n", served);
    std::printf("  GUI thread CPU      %.1f%% of a core over %.1f s\n", 100 * cpu / wall, wall);
    std::printf("  animation           %.1f frames/s, dashboard %.1f redraws/s\n", fps,
                refreshRate);
    std::printf(
        "  canvas paints       %lld in the window: CPU median %.2f ms, p95 %.2f ms, max %.2f "
        "ms; wall median %.2f ms, p95 %.2f ms, max %.2f ms\n",
        qlonglong(paints.cpuMs.size()), percentile(paints.cpuMs, 50), percentile(paints.cpuMs, 95),
        percentile(paints.cpuMs, 100), percentile(paints.wallMs, 50), percentile(paints.wallMs, 95),
        percentile(paints.wallMs, 100));
    std::printf("  full canvas repaint wall median %.2f ms, p90 %.2f ms, max %.2f ms (30 frames)\n",
                percentile(frameMs, 50), percentile(frameMs, 90), percentile(frameMs, 100));
    // Screenshots for people (LIVE_BENCH_SCREENSHOTS=folder): the running lab with the
    // dashboard, the statistics, and a stopped backend with the events.
    const QString shots = qEnvironmentVariable("LIVE_BENCH_SCREENSHOTS");
    if (!shots.isEmpty()) {
        const QString prefix
            = scenario == QLatin1String("three-tier") ? QString() : scenario + QLatin1Char('-');
        const auto shoot = [&window, &shots, &prefix](QString name) {
            window.grab().save(shots + QLatin1Char('/') + name.insert(5, prefix));
        };
        window.scene()->selectNodes({front});
        live->dashboard()->raise();
        QTest::qWait(1500);
        shoot(QStringLiteral("live-running.png"));
        live->statistics()->raise();
        QTest::qWait(600);
        shoot(QStringLiteral("live-statistics.png"));
        session->stopNode(QStringLiteral("web-2")); // a balancer's backend in both scenarios
        live->events()->raise();
        QTest::qWait(8000); // health checks every 2 s, down after 3 failures
        shoot(QStringLiteral("live-backend-down.png"));
        live->dashboard()->raise();
        QTest::qWait(600);
        shoot(QStringLiteral("live-backend-down-dashboard.png"));
    }
    live->actions()->stop();
    clock.restart();
    while (session->phase() != live::LabSession::Phase::Stopped && clock.elapsed() < 20000)
        QTest::qWait(20);
    return 0;
}

// Canvas benchmark (not a test): opens a generated 500-node, 800-link topology in the main
// window and reports how long opening takes (target < 1 s) and the frame times of panning and
// zooming, rendered offscreen with QWidget::grab(). Run: QT_QPA_PLATFORM=offscreen ./canvas_bench
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "catalogue/componentcatalogue.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace infralab;

namespace {

QByteArray generate(int nodeCount, int linkCount)
{
    // Tiers in traffic order, so every generated link is one the catalogue allows.
    const QList<QPair<QString, int>> tiers
        = {{"traffic-generator", 20}, {"load-balancer", 40}, {"web-server", 240},
           {"app-server", 140},       {"cache", 30},         {"database", 30}};
    Topology topology;
    topology.name = "Benchmark";
    QList<QStringList> ids(tiers.size());
    for (qsizetype t = 0; t < tiers.size(); ++t) {
        for (int i = 0; i < tiers.at(t).second && topology.nodes.size() < nodeCount; ++i) {
            Node node;
            node.kind = tiers.at(t).first;
            node.id = QString("%1-%2").arg(node.kind).arg(i + 1);
            node.position = QPointF(t * 320.0, i * 120.0 - tiers.at(t).second * 60.0);
            ids[t].append(node.id);
            topology.nodes.append(node);
        }
    }
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    QRandomGenerator random(42);
    QSet<QPair<QString, QString>> seen;
    while (topology.links.size() < linkCount) {
        const int t = random.bounded(int(tiers.size()) - 1);
        const int u = t + 1 + random.bounded(std::min<int>(2, int(tiers.size()) - t - 1));
        const QString from = ids.at(t).at(random.bounded(int(ids.at(t).size())));
        const QString to = ids.at(u).at(random.bounded(int(ids.at(u).size())));
        const QString fromKind = tiers.at(t).first;
        if (!catalogue.find(fromKind)->mayCall(tiers.at(u).first) || seen.contains({from, to}))
            continue;
        seen.insert({from, to});
        topology.links.append(Link{from, to, {}, {}});
    }
    return TopologyWriter::serialize(topology);
}

// Rendering happens on this thread (offscreen raster), so its CPU time is the frame's cost
// even when other processes share the cores; wall time is reported beside it.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Frames
{
    double median = 0; // CPU ms
    double worst = 0;  // CPU ms
    double wall = 0;   // median wall ms
};

template<typename Step>
Frames measure(TopologyView *view, int count, Step step)
{
    QList<double> cpu;
    QList<double> wall;
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        step(i);
        timer.start();
        const double start = threadCpuMs();
        const QPixmap frame = view->viewport()->grab();
        cpu.append(threadCpuMs() - start);
        wall.append(double(timer.nsecsElapsed()) / 1e6);
        Q_UNUSED(frame);
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    return {cpu.at(cpu.size() / 2), cpu.last(), wall.at(wall.size() / 2)};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QByteArray json = generate(500, 800);

    MainWindow window;
    window.resize(1600, 1000);
    window.show();

    QElapsedTimer timer;
    timer.start();
    const ReadResult read = TopologyReader::parse(json);
    const double parseMs = double(timer.nsecsElapsed()) / 1e6;
    if (!read.ok()) {
        std::fprintf(stderr, "generated topology is invalid\n");
        return 1;
    }
    window.document()->reset(read.topology, QString());
    QApplication::processEvents();
    const QPixmap first = window.view()->viewport()->grab();
    const double openMs = double(timer.nsecsElapsed()) / 1e6;

    TopologyView *view = window.view();
    view->resetZoom();
    view->centerOn(window.scene()->contentRect().center());
    const Frames pan = measure(view, 60, [view](int i) {
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value()
                                              + (i < 30 ? 25 : -25));
    });
    view->fitToContent();
    const Frames zoomFit = measure(view, 30, [](int) {});
    const Frames zoom = measure(view, 40, [view](int i) {
        view->zoomAt(i < 20 ? 1.1 : 1 / 1.1, QPointF(view->viewport()->rect().center()));
    });

    std::printf("canvas benchmark: %lld nodes, %lld links, %.1f KiB JSON\n",
                qlonglong(read.topology.nodes.size()), qlonglong(read.topology.links.size()),
                json.size() / 1024.0);
    std::printf("open: %.1f ms (parse + validate %.1f ms; target < 1000 ms) %s\n", openMs, parseMs,
                openMs < 1000 ? "OK" : "SLOW");
    const auto report = [](const char *what, const Frames &frames, int count) {
        std::printf("%-16s %6.2f ms/frame median CPU, %6.2f ms worst, %6.2f ms median wall "
                    "(%d frames, %s)\n",
                    what, frames.median, frames.worst, frames.wall, count,
                    frames.median < 16 ? "smooth" : "SLOW");
    };
    std::printf("viewport %dx%d, device pixel ratio %.1f\n", view->viewport()->width(),
                view->viewport()->height(), view->devicePixelRatioF());
    report("pan at 100%:", pan, 60);
    report("whole topology:", zoomFit, 30);
    report("zoom in and out:", zoom, 40);
    window.document()->markSaved();
    return 0;
}

// The live lab in the window, offscreen: examples start from the Run action and turn running
// on the canvas without stalling the event loop; real curl and the example's own generator
// drive traffic; charts, the statistics table (against the runtime's totals), the events dock,
// link flows, stopping a backend from the context menu, live edits, CSV export and the
// control API from Preferences.

#include "common/testclients.h"

#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "dashboard/dashboarddock.h"
#include "dashboard/livechart.h"
#include "dashboard/seriesstore.h"
#include "dialogs/preferencesdialog.h"
#include "docks/editordocks.h"
#include "docks/eventsdock.h"
#include "docks/problemsdock.h"
#include "docks/statisticsdock.h"
#include "docks/statisticsmodel.h"
#include "document/commands/addlinkcommand.h"
#include "document/commands/addnodecommand.h"
#include "document/commands/commandids.h"
#include "document/commands/movenodescommand.h"
#include "document/commands/removeitemscommand.h"
#include "document/commands/renamenodecommand.h"
#include "document/commands/setlinkconfigcommand.h"
#include "document/commands/setnodeconfigcommand.h"
#include "document/document.h"
#include "document/documentvalidation.h"
#include "live/labsession.h"
#include "live/linkflowitem.h"
#include "live/livedocks.h"
#include "live/liveeditsync.h"
#include "live/liveoverlay.h"
#include "live/nodeconveniences.h"
#include "live/nodedetaildock.h"
#include "live/nodestatusitem.h"
#include "live/runactions.h"
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleOptionGraphicsItem>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace infralab;
using infralab::live::LabSession;
using infralab::runtime::NodeState;

namespace {

// Pixels of `flow` painted opaque when drawn at `scale` into an image: the stroke under the
// dots is translucent, so these are the dots (fill and white rim).
int opaqueDotPixels(LinkFlowItem *flow, qreal scale)
{
    const QRectF bounds = flow->boundingRect();
    QImage image((bounds.size() * scale).toSize() + QSize(2, 2),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.scale(scale, scale);
    painter.translate(-bounds.topLeft());
    QStyleOptionGraphicsItem option;
    option.exposedRect = bounds;
    flow->paint(&painter, &option, nullptr);
    painter.end();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(line[x]) == 255;
    }
    return count;
}

// A traffic generator's config tweaked to an open model at `rate` req/s of GET /.
void openModelGetRoot(QJsonObject &config, int rate)
{
    config.insert("mode", "open");
    config.insert("rate", rate);
    config.insert("requests",
                  QJsonArray{QJsonObject{{"method", "GET"}, {"path", "/"}, {"weight", 1}}});
}

constexpr int StartTimeoutMs = 15000;

// An example with every port left to the system (tests run side by side) and `tweak` applied
// to each node's config, saved into `dir`.
QString preparedExample(const QTemporaryDir &dir, const QString &name,
                        const std::function<void(const QString &id, QJsonObject &config)> &tweak)
{
    QFile file(QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray nodes = root.value("nodes").toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        QJsonObject config = node.value("config").toObject();
        if (config.contains("port"))
            config.insert("port", 0);
        tweak(node.value("id").toString(), config);
        node.insert("config", config);
        nodes[i] = node;
    }
    root.insert("nodes", nodes);
    const QString path = dir.filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(root).toJson());
    return path;
}

// The longest the event loop went without running a 5 ms timer until `until` became true
// (and at least `minimumMs` went by, so a fast start still gets measured).
qint64 worstLoopGapMs(const std::function<bool()> &until, int timeoutMs, int minimumMs = 500)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 worst = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    probe.start();
    while ((!until() || clock.elapsed() < minimumMs) && clock.elapsed() < timeoutMs)
        QTest::qWait(5);
    return std::max(worst, clock.elapsed() - last);
}

bool allSettled(const LabSession &session, const Topology &topology)
{
    if (session.phase() != LabSession::Phase::Running)
        return false;
    for (const Node &node : topology.nodes) {
        const NodeState state = session.state(node.id);
        if (state != NodeState::Running && state != NodeState::Skipped)
            return false;
    }
    return true;
}

} // namespace

class TestLiveLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("InfraLab");
        QCoreApplication::setApplicationName("InfraLab");
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    // Static site: F5 starts it without blocking; curl's requests show in the table (equal to
    // the runtime's totals), on the chart and on the card; Shift+F5 stops it.
    void staticSiteFromTheWindow()
    {
        const QString path = preparedExample(m_dir, "static-site.infralab.json",
                                             [](const QString &, QJsonObject &) {});
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        QCOMPARE(live->actions()->startAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(live->actions()->stopAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));

        live->actions()->startAction()->trigger();
        const Topology topology = window.document()->topology();
        const qint64 gap
            = worstLoopGapMs([&] { return allSettled(*session, topology); }, StartTimeoutMs);
        QVERIFY2(allSettled(*session, topology), "the static site did not start");
        qInfo("event loop: longest gap %lld ms while starting", gap);
        QVERIFY2(gap < 250, qPrintable(QString("the window froze for %1 ms").arg(gap)));

        NodeStatusItem *status = live->overlay()->statusItem("web");
        QVERIFY(status);
        QCOMPARE(status->state(), LiveState::Running);
        const QString url = session->stateDetail("web");
        QVERIFY2(url.startsWith("http://127.0.0.1:"), qPrintable(url));
        QTRY_COMPARE(status->address(), url.mid(url.lastIndexOf(':')));

        for (int i = 0; i < 25; ++i)
            QCOMPARE(testing::curl({"-s", "-o", "/dev/null", url + "/"}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(live->statistics()->model()->row("web")
                                     && live->statistics()->model()->row("web")->requests == 25,
                                 5000);
        const metrics::NodeMetrics *runtime = session->latest()->node("web");
        QVERIFY(runtime);
        const StatisticsModel::Row *row = live->statistics()->model()->row("web");
        QCOMPARE(row->requests, double(runtime->requests));
        QCOMPARE(row->failures, double(runtime->errorCount));
        QCOMPARE(row->maxMs, runtime->totalMaxMs);
        QVERIFY(row->minMs > 0 && row->minMs <= row->medianMs && row->medianMs <= row->maxMs);

        live->dashboard()->refresh();
        QLineSeries *line = live->dashboard()->requestsChart()->series("web");
        QVERIFY(line);
        QTRY_VERIFY(line->count() > 0);
        double peak = 0;
        for (const QPointF &p : line->points())
            peak = std::max(peak, p.y());
        QVERIFY2(peak > 0, "the requests chart never rose above 0");
        QVERIFY(live->dashboard()->latencyChart()->series("p99"));
        // The card's tooltip gives the exact count.
        QTRY_VERIFY(window.scene()->nodeItem("web")->toolTip().contains("25 requests"));

        // The detail dock shows the access log of the selected node.
        window.scene()->selectNodes({"web"});
        QTRY_VERIFY(live->detail()->accessLog()->toPlainText().contains("\"GET / HTTP/1.1\" 200"));
        live->detail()->accessLogFilter()->setText("no-such-path");
        QVERIFY(live->detail()->accessLog()->toPlainText().isEmpty());

        live->actions()->stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
        QVERIFY(!live->overlay()->statusItem("web")); // the editor's canvas again
        QCOMPARE(testing::curl({"-s", "-o", "/dev/null", url + "/"}).exitCode, 7); // refused
        QVERIFY(live->events()->visibleCount() > 0);
    }

    // Three-tier with its generator: the balancer spreads the load over the three web servers
    // (dots flow on every link); stopping web-2 from its context menu shows it stopped on the
    // canvas, its link down, the balancer's health-down in the events dock, and the flow moves
    // to the other two. The table's balancer row equals what the generator sent.
    void threeTierStopABackend()
    {
        const QString path = preparedExample(m_dir, "three-tier.infralab.json",
                                             [](const QString &id, QJsonObject &config) {
                                                 if (id == "load") {
                                                     openModelGetRoot(config, 400);
                                                 }
                                                 if (id == "lb") {
                                                     config.insert("health_check_interval_ms", 200);
                                                     config.insert("fall", 2);
                                                 }
                                             });
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        QVERIFY(live->actions()->start());
        const Topology topology = window.document()->topology();
        const qint64 gap
            = worstLoopGapMs([&] { return allSettled(*session, topology); }, StartTimeoutMs);
        QVERIFY2(allSettled(*session, topology), "three-tier did not start");
        qInfo("event loop: longest gap %lld ms while starting", gap);
        QVERIFY2(gap < 250, qPrintable(QString("the window froze for %1 ms").arg(gap)));

        for (const QString &web : QStringList{"web-1", "web-2", "web-3"}) {
            QTRY_VERIFY_WITH_TIMEOUT(live->overlay()->flowItem("lb", web)
                                         && live->overlay()->flowItem("lb", web)->rps() > 20,
                                     8000);
        }
        QTRY_VERIFY(live->overlay()->flowItem("load", "lb")->rps() > 100);
        QTRY_VERIFY(live->overlay()->isAnimating());
        // GET / only: every answer is a 200, so the web servers stay healthy.
        QCOMPARE(live->overlay()->statusItem("web-1")->state(), LiveState::Running);
        const qreal phase = live->overlay()->flowItem("lb", "web-1")->phase();
        QTRY_VERIFY(live->overlay()->flowItem("lb", "web-1")->phase() != phase); // dots move
        // The dots are drawn, opaque in the flow's colour, and scale with the zoom.
        const int dots1x = opaqueDotPixels(live->overlay()->flowItem("lb", "web-1"), 1.0);
        const int dots2x = opaqueDotPixels(live->overlay()->flowItem("lb", "web-1"), 2.0);
        QVERIFY2(dots1x > 40, qPrintable(QString::number(dots1x)));
        QVERIFY2(dots2x > dots1x * 3, qPrintable(QString("%1 vs %2").arg(dots2x).arg(dots1x)));
        QVERIFY(window.scene()->linkItem("lb", "web-1")->toolTip().contains("counted by lb"));

        // Stop web-2 through the canvas's context menu.
        window.scene()->selectNodes({"web-2"});
        QMenu menu;
        live->actions()->addNodeActions(&menu);
        QAction *stop = menu.findChild<QAction *>("stopNode");
        QVERIFY(stop && stop->isEnabled());
        stop->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session->state("web-2"), NodeState::Stopped, 10000);
        QTRY_COMPARE(live->overlay()->statusItem("web-2")->state(), LiveState::Stopped);
        QTRY_VERIFY(live->overlay()->flowItem("lb", "web-2")->isDown());
        live->events()->setNodeFilter("lb");
        live->events()->setTypeFilter("health-down");
        QTRY_VERIFY_WITH_TIMEOUT(live->events()->visibleCount() >= 1, 8000);
        // Clicking the event selects its node.
        live->events()->activateRow(0);
        QCOMPARE(window.scene()->selectedNodeIds(), QStringList{"lb"});
        // The detail dock draws the balancer's backends table from its typed detail, web-2
        // down in the failed colour.
        QTRY_VERIFY(live->detail()->sectionTable(0)
                    && live->detail()->sectionTable(0)->rowCount() == 3);
        QTableWidget *backendTable = live->detail()->sectionTable(0);
        QVERIFY(backendTable->isVisibleTo(live->detail()));
        QCOMPARE(backendTable->columnCount(), 7);
        QCOMPARE(backendTable->horizontalHeaderItem(0)->text(), QString("Backend"));
        QCOMPARE(backendTable->horizontalHeaderItem(1)->text(), QString("State"));
        QCOMPARE(backendTable->item(1, 0)->text(), QString("web-2"));
        QTRY_COMPARE(backendTable->item(1, 1)->text(), QString("down"));
        QCOMPARE(backendTable->item(1, 1)->foreground().color(), liveStateColor(LiveState::Failed));
        QCOMPARE(backendTable->item(0, 1)->text(), QString("up"));
        QCOMPARE(backendTable->item(0, 1)->foreground().color(),
                 liveStateColor(LiveState::Running));
        // Every backend row shows, not a row and a half of them.
        const int lastRowBottom = backendTable->rowViewportPosition(2) + backendTable->rowHeight(2);
        QVERIFY2(lastRowBottom <= backendTable->viewport()->height(),
                 qPrintable(QString("%1 > %2").arg(lastRowBottom)
                                .arg(backendTable->viewport()->height())));
        QVERIFY(live->detail()->accessLog()->isVisibleTo(live->detail()));
        // One access-log entry a line, no blank lines between them.
        QTRY_VERIFY(live->detail()->accessLog()->toPlainText().count('\n') >= 2);
        QVERIFY(!live->detail()->accessLog()->toPlainText().contains("\n\n"));
        // The newest entry shows from its start, not scrolled to the end of its long line.
        QCOMPARE(live->detail()->accessLog()->horizontalScrollBar()->value(), 0);
        QVERIFY(live->detail()->accessLog()->height()
                >= 8 * QFontMetrics(live->detail()->accessLog()->font()).lineSpacing());
        QVERIFY(!live->detail()->controlsBox()->isVisibleTo(live->detail()));
        live->events()->setTypeFilter(QString());
        live->events()->setNodeFilter(QString());
        // The flow moves to the other two.
        QTRY_VERIFY_WITH_TIMEOUT(live->overlay()->flowItem("lb", "web-2")->rps() == 0, 5000);
        QTRY_VERIFY(live->overlay()->flowItem("lb", "web-1")->rps() > 120);
        QTRY_VERIFY(live->overlay()->flowItem("lb", "web-3")->rps() > 120);
        // Events are marked on the charts' time axis.
        live->dashboard()->refresh();
        QVERIFY(live->dashboard()->requestsChart()->markerCount() > 0);

        // Stop the generator: once the counts settle, the balancer served what it sent.
        live->actions()->stopNodes({"load"});
        QTRY_COMPARE_WITH_TIMEOUT(session->state("load"), NodeState::Stopped, 10000);
        int ticks = 0; // two more ticks with the final counts
        const QMetaObject::Connection counting
            = connect(session, &LabSession::snapshotReady, this, [&ticks] { ++ticks; });
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 2, 5000);
        disconnect(counting);
        StatisticsModel *model = live->statistics()->model();
        QTRY_VERIFY(model->row("lb") && model->row("web-1"));
        const std::shared_ptr<const live::LiveSnapshot> last = session->latest();
        QCOMPARE(model->row("lb")->requests, double(last->node("lb")->requests));
        double backends = 0;
        for (const QString &web : QStringList{"web-1", "web-2", "web-3"}) {
            QCOMPARE(model->row(web)->requests, double(last->node(web)->requests));
            backends += model->row(web)->requests;
        }
        QVERIFY(model->row("lb")->requests > 200);
        // Every request reached a backend: the balancer's own table (attempts less the ones
        // refused by the stopped web-2 and retried elsewhere) adds up to what it served, and
        // each web server served at least that (plus the balancer's health checks).
        double forwarded = 0;
        for (const QJsonValue &value : last->details.value("lb").value("backends").toArray()) {
            const QJsonObject backend = value.toObject();
            const double answered
                = backend.value("requests").toDouble() - backend.value("failures").toDouble();
            forwarded += answered;
            QVERIFY(model->row(backend.value("id").toString())->requests >= answered);
        }
        QCOMPARE(forwarded, model->row("lb")->requests);
        QVERIFY(backends >= forwarded);
        QVERIFY2(backends - forwarded < 200, "more health checks than 20 s of them");
        // The generator's row is what it sent and got answered.
        QVERIFY(model->row("load") && model->row("load")->requests > 200);

        // CSV: the table line by line, the series with a header and points.
        const QString tableCsv = m_dir.filePath("statistics.csv");
        QVERIFY(live->statistics()->exportTable(tableCsv));
        QFile table(tableCsv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = table.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), model->rows().size() + 1);
        QVERIFY(lines.at(0).startsWith("node,requests,failures,median_ms"));
        const QString seriesCsv = m_dir.filePath("series.csv");
        QVERIFY(live->statistics()->exportSeries(seriesCsv));
        QFile series(seriesCsv);
        QVERIFY(series.open(QIODevice::ReadOnly));
        const QByteArray seriesText = series.readAll();
        QVERIFY2(seriesText.count(",lb,") >= 2, seriesText.left(400).constData());
        QVERIFY(!live->statistics()->exportTable(m_dir.filePath("missing/folder/x.csv")));

        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
    }

    // Editing while running: the generator's rate from the detail dock applies live; with
    // Apply Edits Live off a web server's edit is marked until applied, then restarts it.
    // Health follows the failed share of a node's answers (Kiali's thresholds): with three in
    // four requests going to /api/, which the app server that does not run yet answers with
    // 502, the web servers and the balancer are drawn failing, not healthy; the generator that
    // sends the load is judged by nothing.
    void failingAnswersShowAsFailing()
    {
        const QString path = preparedExample(
            m_dir, "three-tier.infralab.json", [](const QString &id, QJsonObject &config) {
                if (id == "load") {
                    openModelGetRoot(config, 200);
                    config.insert(
                        "requests",
                        QJsonArray{QJsonObject{{"method", "GET"}, {"path", "/"}, {"weight", 1}},
                                   QJsonObject{{"method", "GET"},
                                               {"path", "/api/accounts/1"},
                                               {"weight", 3}}});
                }
            });
        QVERIFY(!path.isEmpty());
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        QVERIFY(live->actions()->start());
        const Topology topology = window.document()->topology();
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(*session, topology), StartTimeoutMs);
        for (const QString &id : QStringList{"web-1", "web-2", "web-3", "lb"}) {
            QTRY_COMPARE_WITH_TIMEOUT(live->overlay()->statusItem(id)->state(), LiveState::Failing,
                                      8000);
            QCOMPARE(window.scene()->nodeItem(id)->runState(), NodeItem::RunState::Failed);
            QVERIFY2(window.scene()->nodeItem(id)->toolTip().contains("of its answers failed"),
                     qPrintable(window.scene()->nodeItem(id)->toolTip()));
        }
        QCOMPARE(live->overlay()->statusItem("load")->state(), LiveState::Running);
        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
        // Stopped, the cards are the design's again: no run state, the design-time tooltip.
        QCOMPARE(window.scene()->nodeItem("web-1")->runState(), NodeItem::RunState::None);
        QVERIFY(window.scene()->nodeItem("app")
                && window.scene()->nodeItem("app")->toolTip().contains("does not run"));
    }

    // In closed mode the generator's rate setting does nothing: the slider is disabled, says
    // why, and shows the measured rate instead of the setting. Stopped, the detail says so and
    // gives what it sent, never a rate it no longer sends.
    void generatorDetailClosedModeAndStopped()
    {
        const QString path = preparedExample(m_dir, "three-tier.infralab.json",
                                             [](const QString &id, QJsonObject &config) {
                                                 if (id == "load") {
                                                     config.insert("mode", "closed");
                                                     config.insert("connections", 2);
                                                     config.insert("think_time_ms", 20);
                                                 }
                                             });
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        QVERIFY(live->actions()->start());
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(*session, window.document()->topology()),
                                 StartTimeoutMs);
        window.scene()->selectNodes({"load"});
        NodeDetailDock *detail = live->detail();
        QVERIFY(detail->slider("rate"));
        QVERIFY(!detail->slider("rate")->isEnabled());
        QVERIFY(!detail->spinBox("rate")->isEnabled());
        QVERIFY(!detail->spinBox("rate")->isVisibleTo(detail));
        QVERIFY(detail->slider("rate")->toolTip().contains("Closed mode has no target rate"));
        QVERIFY(detail->slider("rate")->toolTip().contains("2 connections"));
        QVERIFY(detail->comboBox("profile")->isEnabled()); // the profile acts in both modes
        QLabel *measured = detail->measuredLabel("rate");
        QVERIFY(measured && measured->isVisibleTo(detail));
        QTRY_VERIFY_WITH_TIMEOUT(measured->text().endsWith("measured"), 5000);
        QTRY_VERIFY(detail->numbersText().startsWith("Sending <b>"));

        session->stopNode("load");
        QTRY_COMPARE_WITH_TIMEOUT(session->state("load"), NodeState::Stopped, 10000);
        QTRY_VERIFY(detail->numbersText().startsWith("<b>Stopped</b>"));
        QVERIFY2(!detail->numbersText().contains("Sending"), qPrintable(detail->numbersText()));
        QVERIFY2(detail->numbersText().contains("requests sent while it ran"),
                 qPrintable(detail->numbersText()));

        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
        QVERIFY(detail->numbersText().startsWith("<b>Stopped</b>"));
        QVERIFY(!detail->numbersText().contains("Sending"));
        // Open mode: the slider acts again and shows the setting.
        window.document()->undoStack()->push(
            new SetNodeConfigCommand(window.document(), {"load"}, "mode", QString("open"), 0));
        QVERIFY(detail->slider("rate")->isEnabled());
        QVERIFY(detail->spinBox("rate")->isVisibleTo(detail));
        QVERIFY(!measured->isVisibleTo(detail));
        QVERIFY(detail->slider("rate")->toolTip().isEmpty());
    }

    // Not a check: the running three-tier example with a node selected, for a human to look at
    // when INFRALAB_SCREENSHOT_DIR names a folder (run under Xvfb with QT_QPA_PLATFORM=xcb;
    // QT_SCALE_FACTOR=2 for 2x).
    void screenshots_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("selection");
        QTest::newRow("1280x800-web-1") << QSize(1280, 800) << "web-1";
        QTest::newRow("1280x800-load") << QSize(1280, 800) << "load";
        QTest::newRow("1920x1080-lb") << QSize(1920, 1080) << "lb";
    }

    void screenshots()
    {
        QFETCH(QSize, size);
        QFETCH(QString, selection);
        const QString dir = qEnvironmentVariable("INFRALAB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set INFRALAB_SCREENSHOT_DIR to render screenshots");
        const QString path = preparedExample(m_dir, "three-tier.infralab.json",
                                             [](const QString &, QJsonObject &) {});
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        QVERIFY(live->actions()->start());
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(*live->session(), window.document()->topology()),
                                 StartTimeoutMs);
        window.scene()->selectNodes({selection});
        QTest::qWait(3000); // pacing: let rates, sparklines and the detail fill in
        const QString file = QStringLiteral("%1/livelab-%2-x%3.png")
                                 .arg(dir, QString::fromLatin1(QTest::currentDataTag()))
                                 .arg(window.devicePixelRatio());
        QVERIFY(window.grab().save(file));
        qInfo("wrote %s", qPrintable(file));
        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(live->session()->phase(), LabSession::Phase::Stopped, 10000);
    }

    void editsWhileRunning()
    {
        const QString path = preparedExample(m_dir, "three-tier.infralab.json",
                                             [](const QString &id, QJsonObject &config) {
                                                 if (id == "load") {
                                                     config.insert("mode", "open");
                                                     config.insert("rate", 50);
                                                 }
                                             });
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        QVERIFY(live->actions()->start());
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(*session, window.document()->topology()),
                                 StartTimeoutMs);

        window.scene()->selectNodes({"load"});
        QVERIFY(live->detail()->controlsBox()->isVisibleTo(live->detail()));
        QCOMPARE(live->detail()->spinBox("rate")->value(), 50);
        live->detail()->spinBox("rate")->setValue(300);
        QCOMPARE(
            window.document()->topology().findNode(QString("load"))->config.value("rate").toInt(),
            300);
        live->events()->setNodeFilter("load");
        live->events()->setTypeFilter("config-applied");
        QTRY_VERIFY_WITH_TIMEOUT(live->events()->visibleCount() >= 1, 5000);
        QVERIFY(live->events()->visibleCount() <= 2); // the lab's and the generator's own word
        QTRY_VERIFY_WITH_TIMEOUT(
            session->latest()->details.value("load").value("current_rate").toDouble() > 200, 8000);
        QCOMPARE(NodeDetailDock::sliderRate(NodeDetailDock::sliderPosition(300)), 300);
        // The generator's own lines (what it sends) stand instead of served-traffic numbers.
        QTRY_VERIFY(live->detail()->numbersText().startsWith("Sending <b>"));
        QVERIFY(!live->detail()->numbersText().contains("active connections"));
        QVERIFY(live->detail()->slider("rate"));
        QCOMPARE(live->detail()->comboBox("profile")->currentData().toString(),
                 QString("constant"));
        QVERIFY(!live->detail()->accessLog()->isVisibleTo(live->detail()));
        QTRY_COMPARE(live->overlay()->statusItem("load")->mark(), QString("applied live"));

        live->actions()->applyLiveAction()->setChecked(false);
        Node web = *window.document()->topology().findNode(QString("web-1"));
        web.config.insert("gzip", false);
        window.document()->setNode(web);
        QTRY_COMPARE(live->editSync()->pendingNodes(), QStringList{"web-1"});
        QTRY_COMPARE(live->overlay()->statusItem("web-1")->mark(), QString("edited, not applied"));
        live->actions()->applyAction()->trigger();
        QVERIFY(live->editSync()->pendingNodes().isEmpty());
        live->events()->setNodeFilter("web-1");
        live->events()->setTypeFilter(QString());
        QTRY_VERIFY_WITH_TIMEOUT(
            live->overlay()->statusItem("web-1")->mark() != "edited, not applied", 3000);
        QTRY_COMPARE_WITH_TIMEOUT(session->state("web-1"), NodeState::Running, 8000);

        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
    }

    // While the lab runs, each edit is validated once and goes to the lab once; what the lab
    // does not run (a place, a name) is never applied, and a drag is not even validated.
    // Rows run in order on one running lab: starting one per row would only cost time.
    void changeFlowsOnceWhileRunning()
    {
        const QString path = preparedExample(m_dir, "three-tier.infralab.json",
                                             [](const QString &, QJsonObject &) {});
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        Document *document = window.document();
        QVERIFY(live->actions()->start());
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(*session, document->topology()), StartTimeoutMs);
        LiveEditSync *sync = live->editSync();
        DocumentValidation *validation = document->validation();

        struct Row
        {
            const char *name;
            std::function<void()> edit;
            int validations;
            int applies;
        };
        const auto drag = [document](const QString &id, QPointF by) {
            const QPointF from = *document->topology().findNode(id)->position;
            const int gesture = nextEditSession();
            for (int step = 1; step <= 6; ++step)
                document->undoStack()->push(
                    new MoveNodesCommand(document, {{id, from + by * step / 6}}, gesture));
        };
        const QList<Row> rows = {
            {"drag one node",
             [&] {
                 drag("web-1", {48, 24});
             },
             0, 0},
            {"rename",
             [&] {
                 document->undoStack()->push(new RenameNodeCommand(
                     document, "web-2", "Second", RenameNodeCommand::nextSession()));
             },
             1, 0},
            {"config edit",
             [&] {
                 document->undoStack()->push(new SetNodeConfigCommand(document, {"web-1"}, "gzip",
                                                                      false, nextEditSession()));
             },
             1, 1},
            {"link weight",
             [&] {
                 document->undoStack()->push(new SetLinkConfigCommand(
                     document, {{"lb", "web-3"}}, "weight", 3, nextEditSession()));
             },
             1, 1},
            {"drag after edits",
             [&] {
                 drag("lb", {0, 48});
             },
             0, 0},
        };
        for (const Row &row : rows) {
            QSignalSpy validated(validation, &DocumentValidation::validationChanged);
            QSignalSpy applied(sync, &LiveEditSync::editsApplied);
            row.edit();
            // Each listener hears only its part: nothing waits that will not run.
            QVERIFY2(validation->isPending() == (row.validations > 0), row.name);
            QVERIFY2(sync->isCheckScheduled() == (row.applies > 0), row.name);
            QTRY_VERIFY2(!validation->isPending() && !sync->isCheckScheduled(), row.name);
            QTRY_COMPARE_WITH_TIMEOUT(applied.count(), row.applies, 3000);
            QVERIFY2(
                validated.count() == row.validations,
                qPrintable(QString("%1: %2 validations").arg(row.name).arg(validated.count())));
            QVERIFY2(applied.count() == row.applies,
                     qPrintable(QString("%1: %2 applies").arg(row.name).arg(applied.count())));
            QVERIFY2(sync->pendingNodes().isEmpty(), row.name);
        }
        // What was applied runs: web-1 took its new config (live or by a restart).
        QTRY_COMPARE_WITH_TIMEOUT(session->state("web-1"), NodeState::Running, 8000);

        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
    }

    // Adding a web server and a link while running starts it and wires it into the balancer;
    // removing it again stops it and takes it out. The conveniences give its URL and curl.
    void addAndRemoveWhileRunning()
    {
        const QString path = preparedExample(m_dir, "three-tier.infralab.json",
                                             [](const QString &id, QJsonObject &config) {
                                                 if (id == "load") {
                                                     openModelGetRoot(config, 300);
                                                 }
                                             });
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        LabSession *session = live->session();
        Document *document = window.document();
        QVERIFY(live->actions()->start());
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(*session, document->topology()), StartTimeoutMs);

        const Node web = AddNodeCommand::newNode(document->topology(), "web-server", {440, 420});
        document->undoStack()->push(new AddNodeCommand(document, web));
        document->undoStack()->push(new AddLinkCommand(document, Link{"lb", web.id, {}, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(web.id), NodeState::Running, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(live->overlay()->flowItem("lb", web.id)
                                     && live->overlay()->flowItem("lb", web.id)->rps() > 10,
                                 8000);
        QVERIFY(live->editSync()->pendingNodes().isEmpty());

        const QString url = nodeconveniences::url(*session, web.id);
        QVERIFY(url.startsWith("http://127.0.0.1:"));
        QCOMPARE(nodeconveniences::curlCommand(url), QString("curl -i '%1/'").arg(url));
        window.scene()->selectNodes({web.id});
        QMenu menu;
        live->actions()->addNodeActions(&menu);
        QAction *copyCurl = nullptr;
        for (QAction *action : menu.actions()) {
            if (action->text() == "Copy as curl")
                copyCurl = action;
        }
        QVERIFY(copyCurl);
        copyCurl->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), nodeconveniences::curlCommand(url));
        QCOMPARE(testing::curl({"-s", "-o", "/dev/null", "-w", "%{http_code}", url + "/"}).out,
                 QByteArray("200"));

        document->undoStack()->push(new RemoveItemsCommand(document, {web.id}, {}));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::none_of(
                session->latest()->details.value("lb").value("backends").toArray().cbegin(),
                session->latest()->details.value("lb").value("backends").toArray().cend(),
                [&web](const QJsonValue &b) {
                    return b.toObject().value("id").toString() == web.id;
                }),
            8000);
        QTRY_VERIFY_WITH_TIMEOUT(testing::curl({"-s", "-o", "/dev/null", url + "/"}).exitCode == 7,
                                 8000);
        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
    }

    // A request failing at the web server, the balancer and the generator is one failure: the
    // errors chart shows the generator's (what the clients saw) unless a node is selected, and
    // says which in its title. The generator's latency is charted (not a flat 0), its rate is
    // the one it sends at, and the typed NodeDetail::sendingRate, not a report key, marks it.
    void dashboardCountsEachFailureOnceAndChartsGenerators()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        StatisticsModel model;
        dock.show();
        const qint64 start = 1'700'000'000'000;
        for (int tick = 0; tick < 8; ++tick) {
            auto metrics = std::make_shared<metrics::MetricsSnapshot>();
            live::LiveSnapshot snapshot;
            for (const char *id : {"web", "lb", "load"}) {
                metrics::NodeMetrics node;
                node.nodeId = id;
                node.qps = 1000;
                node.requests = quint64(tick) * 250;
                // 5 failures per 250 ms tick at every node: 20 errors/s, once.
                node.errors[std::size_t(metrics::ErrorKind::ServerError)] = quint64(tick) * 5;
                node.errorCount = quint64(tick) * 5;
                node.p50Ms = 0.15;
                node.p95Ms = 0.9;
                node.p99Ms = 1.15;
                node.totalP50Ms = 0.2;
                metrics->nodes.append(node);
            }
            runtime::NodeDetail generator;
            generator.sendingRate = 980;
            generator.sent = double(tick) * 245;
            snapshot.nodeDetails.insert("load", generator);
            snapshot.metrics = metrics;
            snapshot.wallMs = start + tick * 250;
            store.add(snapshot);
            model.update(snapshot);
        }
        dock.refresh();
        QCOMPARE(dock.errorsChart()->chart()->title(),
                 QString("Client errors per second (traffic generators)"));
        QLineSeries *errors = dock.errorsChart()->series("5xx");
        QVERIFY(errors);
        QCOMPARE(errors->at(errors->count() - 1).y(), 20.0); // not 60: three nodes, one failure
        QCOMPARE(dock.requestsChart()->series("load")->at(7).y(), 980.0);
        QCOMPARE(dock.requestsChart()->series("web")->at(7).y(), 1000.0);
        // Unselected, the latency chart shows what the clients saw: the generator's.
        QCOMPARE(dock.latencyChart()->series("p50")->at(7).y(), double(0.15f));
        QCOMPARE(dock.latencyChart()->series("p99")->at(7).y(), double(1.15f));

        dock.setLatencyNode("web");
        dock.refresh();
        QCOMPARE(dock.errorsChart()->chart()->title(), QString("Errors per second of web"));
        QCOMPARE(dock.errorsChart()->series("5xx")->at(7).y(), 20.0);

        // The statistics table: the generator's row from the typed detail and its metrics.
        const StatisticsModel::Row *load = model.row("load");
        QVERIFY(load);
        QVERIFY(load->generator);
        QCOMPARE(load->rps, 980.0);
        QCOMPARE(load->requests, 7 * 245.0);
        QCOMPARE(load->failures, 35.0);
        QCOMPARE(load->medianMs, 0.2);
        QVERIFY(!model.row("web")->generator);
        QCOMPARE(model.row("web")->requests, 7 * 250.0);
        QCOMPARE(model.rows().constLast().nodeId, QString("load")); // generators listed last
    }

    // The dashboard's history is bounded (an hour of ticks keeps a minute of 250 ms points and
    // fifteen minutes of 1 s points), pausing freezes the charts while recording goes on, the
    // window picks the resolution, and hovering says the value.
    void dashboardHistoryPauseAndWindow()
    {
        SeriesStore store;
        DashboardDock dock(&store);
        dock.show();
        const qint64 start = 1'700'000'000'000;
        auto feed = [&store](qint64 wallMs, quint64 requests) {
            auto metrics = std::make_shared<metrics::MetricsSnapshot>();
            metrics::NodeMetrics node;
            node.nodeId = "web";
            node.qps = 100;
            node.requests = requests;
            node.p99Ms = 2;
            metrics->nodes.append(node);
            live::LiveSnapshot snapshot;
            snapshot.metrics = metrics;
            snapshot.wallMs = wallMs;
            store.add(snapshot);
        };
        for (int tick = 0; tick < 4 * 3600; ++tick) // an hour at 250 ms
            feed(start + tick * 250, quint64(tick) * 25);
        const qint64 end = start + (4 * 3600 - 1) * 250;
        QCOMPARE(store.points("web", 60000, end).size(), SeriesStore::fineCapacity);
        QVERIFY(store.points("web", 15 * 60000, end).size() <= SeriesStore::coarseCapacity);
        QVERIFY(store.points("web", 15 * 60000, end).size() >= SeriesStore::coarseCapacity - 2);
        for (int i = 0; i < 3 * SeriesStore::eventCapacity; ++i)
            store.addEvent(
                {quint64(i + 1), QDateTime::currentDateTimeUtc(), "web", "running", "x"});
        QCOMPARE(int(store.events().size()), SeriesStore::eventCapacity);

        dock.setWindowMinutes(5);
        dock.refresh();
        QLineSeries *line = dock.requestsChart()->series("web");
        QVERIFY(line);
        QVERIFY2(line->count() > 250 && line->count() <= 301,
                 qPrintable(QString::number(line->count()))); // 1 s points for 5 minutes
        dock.setWindowMinutes(1);
        dock.refresh();
        QCOMPARE(line->count(), 240); // 250 ms points for a minute
        QCOMPARE(dock.latencyChart()->series("p99")->at(0).y(), 2.0);

        dock.setPaused(true);
        const quint64 frozen = dock.refreshCount();
        for (int tick = 0; tick < 8; ++tick) {
            feed(end + (tick + 1) * 250, 0);
            QTest::qWait(60); // time must pass for a refresh that must not come
        }
        QCOMPARE(dock.refreshCount(), frozen);
        dock.setPaused(false);
        QVERIFY(dock.refreshCount() > frozen);
        dock.setPercentileShown(95, false);
        QVERIFY(!dock.latencyChart()->series("p95"));
        QVERIFY(LiveChart::valueText("web", QPointF(double(start), 12.5), "req/s")
                    .endsWith(": 12.5 req/s"));
    }

    // A node whose port is taken fails alone, with its reason on the card and in Problems.
    void failedNodeShowsItsReason()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const quint16 port = taken.serverPort();
        const QString path = preparedExample(
            m_dir, "static-site.infralab.json",
            [port](const QString &, QJsonObject &config) { config.insert("port", port); });
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        LiveDocks *live = window.live();
        QVERIFY(live->actions()->start());
        QTRY_COMPARE_WITH_TIMEOUT(live->session()->state("web"), NodeState::Failed, StartTimeoutMs);
        QTRY_COMPARE(live->overlay()->statusItem("web")->state(), LiveState::Failed);
        QVERIFY(window.scene()->nodeItem("web")->toolTip().contains("already in use"));
        QTRY_VERIFY(std::any_of(
            window.docks()->problems()->problems().cbegin(),
            window.docks()->problems()->problems().cend(),
            [](const Problem &p) { return p.nodeId == "web" && p.message.contains("in use"); }));
        live->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(live->session()->phase(), LabSession::Phase::Stopped, 10000);
        QTRY_VERIFY(std::none_of(window.docks()->problems()->problems().cbegin(),
                                 window.docks()->problems()->problems().cend(),
                                 [](const Problem &p) { return p.message.contains("in use"); }));
    }

    // Preferences: the control API is off by default; turned on it listens on 127.0.0.1 and
    // its address shows in the dialog and the status bar; real curl reads the nodes.
    void controlApiFromPreferences()
    {
        MainWindow window;
        window.show();
        LiveDocks *live = window.live();
        QVERIFY(!live->preferences().controlApi);
        QVERIFY(live->controlLabel()->isHidden());
        PreferencesDialog *dialog = live->showPreferences();
        QVERIFY(dialog);
        QCOMPARE(dialog->controlStatusText(), QString("off"));
        dialog->controlApiBox()->setChecked(true);
        dialog->refreshSpin()->setValue(10);
        dialog->accept();
        QTRY_VERIFY(live->session()->controlUrl().startsWith("http://127.0.0.1:"));
        QTRY_VERIFY(live->controlLabel()->text().contains(live->session()->controlUrl()));
        QCOMPARE(live->dashboard()->refreshInterval(), 100);
        const testing::CurlResult nodes
            = testing::curl({"-s", "-f", live->session()->controlUrl() + "/api/v1/nodes"});
        QCOMPARE(nodes.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(nodes.out).isObject()
                || QJsonDocument::fromJson(nodes.out).isArray());
        QVERIFY(QSettings().value("live/controlApi").toBool());

        LivePreferences off = live->preferences();
        off.controlApi = false;
        live->setPreferences(off);
        QTRY_VERIFY(live->session()->controlUrl().isEmpty());
        QTRY_VERIFY(live->controlLabel()->isHidden());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLiveLab)
#include "tst_livelab.moc"

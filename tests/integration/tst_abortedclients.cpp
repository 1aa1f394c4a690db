#include "common/labprocess.h"
#include "common/testclients.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// Clients that hang up in the middle of a large download, against the real `infralab run`:
// the web server sends files with sendfile(2), which has no MSG_NOSIGNAL, so without SIGPIPE
// ignored the first abort ended the whole process with status 141 (issue 12). Each path a
// browser tab or `curl URL | head -c 100000` takes: straight at the web server, through the
// balancer, through the reverse proxy, and through the balancer while a generator loads it.
using namespace infralab;
using testing::LabProcess;

namespace {

constexpr qint64 BigFileBytes = 16 * 1024 * 1024;
constexpr qint64 ReadBeforeAbort = 100000;
constexpr int Aborts = 20;

// GETs `path` on `port`, reads at least `ReadBeforeAbort` bytes of the answer and hangs up
// with most of the body unread (the kernel answers the server's next bytes with a reset).
// False when the download did not even start.
bool abortedDownload(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024); // leave the rest in the kernel: closing resets
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    qint64 received = 0;
    while (received < ReadBeforeAbort && socket.waitForReadyRead(5000))
        received += socket.readAll().size();
    socket.abort();
    return received >= ReadBeforeAbort;
}

quint16 portOf(const QString &url)
{
    return quint16(QUrl(url).port());
}

} // namespace

class TestAbortedClients : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(INFRALAB_BINARY)), INFRALAB_BINARY);
        QVERIFY2(m_site.isValid(), "no temporary folder");
        QFile big(m_site.filePath("big.bin"));
        QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(BigFileBytes)); // sparse: quick
        big.close();
        testing::writeFile(m_site, "index.html", "<h1>still here</h1>\n");
    }

    void processSurvivesAbortedDownloads_data()
    {
        QTest::addColumn<QString>("entry"); // the node the clients talk to
        QTest::addColumn<QString>("entryKind");
        QTest::addColumn<bool>("loaded"); // a traffic generator runs against the balancer

        QTest::newRow("web server directly") << "web"
                                             << "web-server" << false;
        QTest::newRow("through the balancer") << "lb"
                                              << "load-balancer" << false;
        QTest::newRow("through the reverse proxy") << "proxy"
                                                   << "reverse-proxy" << false;
        QTest::newRow("balancer under generated load") << "lb"
                                                       << "load-balancer" << true;
    }

    void processSurvivesAbortedDownloads()
    {
        QFETCH(QString, entry);
        QFETCH(QString, entryKind);
        QFETCH(bool, loaded);

        auto node = [](const char *id, const char *kind, QJsonObject config = {}) {
            config.insert("port", 0);
            return QJsonObject{{"id", id}, {"kind", kind}, {"config", config}};
        };
        auto link = [](const char *from, const char *to) {
            return QJsonObject{{"from", from}, {"to", to}};
        };
        QJsonArray nodes{node("web", "web-server", {{"root", m_site.path()}}),
                         node("lb", "load-balancer"), node("proxy", "reverse-proxy")};
        QJsonArray links{link("lb", "web"), link("proxy", "web")};
        if (loaded) {
            QJsonObject generator{{"id", "load"},
                                  {"kind", "traffic-generator"},
                                  {"config", QJsonObject{{"mode", "closed"}, {"connections", 4}}}};
            nodes.append(generator);
            links.append(link("load", "lb"));
        }
        QTemporaryDir dir;
        const QString file = testing::writeFile(
            dir, "abort.infralab.json",
            testing::topologyJson(QJsonDocument(nodes).toJson(), QJsonDocument(links).toJson()));
        LabProcess lab({file});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        const QString url = lab.url(entry, entryKind);
        QVERIFY2(!url.isEmpty(), qPrintable(lab.lines().join('\n')));

        for (int i = 0; i < Aborts; ++i) {
            const bool started = abortedDownload(portOf(url), "/big.bin");
            if (!lab.isRunning() || lab.waitForFinished(50)) {
                QFAIL(qPrintable(QString("the lab died at abort %1: %2 %3, %4")
                                     .arg(i)
                                     .arg(lab.process().exitStatus() == QProcess::CrashExit
                                              ? "killed by signal"
                                              : "exit status")
                                     .arg(lab.process().exitCode())
                                     .arg(lab.err())));
            }
            QVERIFY2(started, qPrintable(QString("download %1 did not start").arg(i)));
        }
        // Still serving, whole files included, and it ends cleanly on SIGTERM.
        const testing::CurlResult page = testing::curl({"-s", "-f", "--max-time", "10", url + "/"});
        QCOMPARE(page.exitCode, 0);
        QCOMPARE(page.out, QByteArray("<h1>still here</h1>\n"));
        const testing::CurlResult whole
            = testing::curl({"-s", "-f", "--max-time", "20", "-o", "/dev/null", "-w",
                             "%{size_download}", url + "/big.bin"});
        QCOMPARE(whole.exitCode, 0);
        QCOMPARE(whole.out.toLongLong(), BigFileBytes);
        QVERIFY(lab.isRunning());
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(lab.process().exitCode(), 0);
    }

private:
    QTemporaryDir m_site;
};

QTEST_GUILESS_MAIN(TestAbortedClients)
#include "tst_abortedclients.moc"

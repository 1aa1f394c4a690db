#include "httpserver/httpfilter.h"
#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"

#include "common/testclients.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>

// The HTTP filter chain (Envoy's model): filters in order until one answers, asynchronous
// filters resuming the chain later, response-head filters on every answer whoever gave it,
// completion in reverse order. Served by a real HttpServer, asked with curl.
using namespace infralab;
using namespace infralab::httpserver;

namespace {

// What the filters did, in order, across the server's threads.
struct Trace
{
    std::mutex mutex;
    QStringList events;
    void add(const QString &event)
    {
        std::lock_guard lock(mutex);
        events << event;
    }
    QStringList take()
    {
        std::lock_guard lock(mutex);
        return std::exchange(events, {});
    }
    QStringList peek()
    {
        std::lock_guard lock(mutex);
        return events;
    }
};
Trace trace;

// Records the request; answers the paths it owns, passes the others on. `/later…` is taken
// over and resumed 50 ms later from a timer.
class ScriptedFilter final : public HttpFilter
{
public:
    ScriptedFilter(QString name, QByteArray answers, bool addsHeader = false)
        : m_name(std::move(name))
        , m_answers(std::move(answers))
        , m_addsHeader(addsHeader)
    {}
    FilterChain *chain = nullptr;

    Result onRequest(HttpExchange &exchange) override
    {
        trace.add(m_name + " request");
        const QByteArrayView path = exchange.request().path;
        if (path == "/later" && m_name == "a") {
            QTimer::singleShot(50, [this, &exchange] {
                trace.add(m_name + " resumes");
                chain->resume(exchange, this);
            });
            return Result::Stop;
        }
        if (!m_answers.isEmpty() && path.startsWith(m_answers)) {
            exchange.begin(200).add("Content-Type", "text/plain");
            exchange.send(m_name.toUtf8() + " answered\n");
            return Result::Stop;
        }
        return Result::Continue;
    }
    bool wantsResponseHead() const override { return m_addsHeader; }
    void onResponseHead(const HttpExchange &exchange, http::ResponseHeadWriter &head) override
    {
        head.add("X-Filter", m_name.toUtf8() + " saw " + QByteArray::number(exchange.status()));
    }
    void onFinished(const HttpExchange &) override { trace.add(m_name + " finished"); }

private:
    QString m_name;
    QByteArray m_answers;
    bool m_addsHeader;
};

} // namespace

class TestFilterChain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::unique_ptr<HttpServer> m_server;

private slots:
    void initTestCase()
    {
        m_pool = std::make_unique<net::EventLoopPool>(1); // one thread: one trace order
        m_server = std::make_unique<HttpServer>(*m_pool, HttpServerOptions{}, [] {
            auto chain = std::make_unique<FilterChain>();
            auto a = std::make_unique<ScriptedFilter>("a", "/a");
            auto b = std::make_unique<ScriptedFilter>("b", "/", true); // routes the rest
            a->chain = chain.get();
            chain->append(std::make_unique<ScriptedFilter>("head", "", true));
            chain->append(std::move(a));
            chain->append(std::move(b));
            return chain;
        });
        QString error;
        QVERIFY2(m_server->listen(0, &error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
        m_server->stop();
        QVERIFY(stopped.wait(10000));
        m_server.reset();
    }

    void chain_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("events");
        QTest::newRow("the first that answers stops the chain")
            << "/a" << QByteArray("a answered\n")
            << QStringList{"head request", "a request", "b finished", "a finished",
                           "head finished"};
        QTest::newRow("passed on to the router")
            << "/b" << QByteArray("b answered\n")
            << QStringList{"head request", "a request",  "b request",
                           "b finished",   "a finished", "head finished"};
        QTest::newRow("taken over and resumed later")
            << "/later" << QByteArray("b answered\n")
            << QStringList{"head request", "a request",  "a resumes",    "b request",
                           "b finished",   "a finished", "head finished"};
    }
    void chain()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, events);
        trace.take();
        const testing::CurlResult r
            = testing::curl({"-s", "-i", "--max-time", "10",
                             QString("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("\r\n\r\n" + body), r.out.constData());
        // Both response-head filters, in chain order, whoever answered.
        QVERIFY2(r.out.contains("X-Filter: head saw 200\r\nX-Filter: b saw 200\r\n"),
                 r.out.constData());
        QTRY_COMPARE(trace.peek(), events);
    }
};

QTEST_GUILESS_MAIN(TestFilterChain)
#include "tst_filterchain.moc"

#include "components/loadbalancer/loadbalancer.h"
#include "components/loadbalancer/loadbalancerhandler.h"
#include "components/loadbalancer/statspage.h"
#include "components/reverseproxy/reverseproxy.h"
#include "components/reverseproxy/reverseproxyfilter.h"
#include "components/webserver/staticfilefilter.h"
#include "components/webserver/webserver.h"
#include "httplog/accesslogfilter.h"
#include "httpserver/httpfilter.h"
#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"
#include "upstream/forwardfilter.h"

#include "common/testclients.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <typeinfo>

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

// The filters of one node's chain, as names: what `handlerFactory()` builds per thread.
QStringList filterNames(const httpserver::HttpServer::HandlerFactory &factory)
{
    const std::unique_ptr<HttpHandler> handler = factory();
    const auto *chain = dynamic_cast<const FilterChain *>(handler.get());
    if (!chain)
        return {QStringLiteral("(not a FilterChain)")};
    QStringList names;
    for (qsizetype i = 0; i < chain->size(); ++i) {
        const HttpFilter &f = *chain->at(i);
        if (typeid(f) == typeid(httplog::AccessLogFilter))
            names << QStringLiteral("access log");
        else if (typeid(f) == typeid(webserver::StaticFileFilter))
            names << QStringLiteral("static files");
        else if (typeid(f) == typeid(reverseproxy::ReverseProxyFilter))
            names << QStringLiteral("proxy");
        else if (typeid(f) == typeid(loadbalancer::StatsPageFilter))
            names << QStringLiteral("stats page");
        else if (typeid(f) == typeid(loadbalancer::LoadBalancerHandler))
            names << QStringLiteral("balancer");
        else
            names << QStringLiteral("other");
    }
    return names;
}

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

    // Every HTTP kind's handler is a FilterChain whose first filter is the access log, so
    // whatever filter answers (a stats page, a cache hit, an upstream) the request is logged.
    void nodeChains_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QStringList>("filters");
        QTest::newRow("web server") << "web" << QStringList{"access log", "static files"};
        QTest::newRow("web server with forward_prefixes")
            << "web-forwarding" << QStringList{"access log", "other", "static files"};
        QTest::newRow("web server linked, without prefixes")
            << "web-linked" << QStringList{"access log", "static files"};
        QTest::newRow("reverse proxy") << "proxy" << QStringList{"access log", "proxy"};
        QTest::newRow("reverse proxy with cache")
            << "proxy-cache" << QStringList{"access log", "proxy"};
        QTest::newRow("load balancer")
            << "balancer" << QStringList{"access log", "stats page", "balancer"};
    }
    void nodeChains()
    {
        QFETCH(QString, node);
        QFETCH(QStringList, filters);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const httpserver::HttpFilterFactory forwarding = [] {
            return std::make_unique<upstream::ForwardFilter>(QList<quint16>{},
                                                             upstream::UpstreamOptions{}, nullptr);
        };
        httpserver::HttpServer::HandlerFactory factory;
        std::shared_ptr<void> keep; // the node's serving side, alive while the factory runs
        if (node.startsWith(QLatin1String("web"))) {
            QJsonObject config{{"root", root.path()}};
            // Without forward_prefixes in the file the catalogue's default, /api/, applies.
            if (node == QLatin1String("web-linked"))
                config.insert("forward_prefixes", QJsonArray{});
            QString error;
            const auto parsed = webserver::WebServerConfig::fromJson(config, root.path(), &error);
            QVERIFY2(parsed, qPrintable(error));
            auto site = std::make_shared<webserver::WebServer>(
                *parsed, node == QLatin1String("web") ? nullptr : forwarding);
            factory = site->handlerFactory();
            keep = site;
        } else if (node.startsWith(QLatin1String("proxy"))) {
            auto proxy = std::make_shared<reverseproxy::ReverseProxy>(
                reverseproxy::ReverseProxyConfig::fromJson(
                    {{"cache", node == QLatin1String("proxy-cache")}}),
                QList<quint16>{}, nullptr);
            factory = proxy->handlerFactory();
            keep = proxy;
        } else {
            auto balancer = std::make_shared<loadbalancer::LoadBalancer>(
                loadbalancer::LoadBalancerConfig::fromJson({}), QList<loadbalancer::BackendLink>{},
                loadbalancer::EventSink{});
            factory = balancer->handlerFactory();
            keep = balancer;
        }
        QCOMPARE(filterNames(factory), filters);
    }
};

QTEST_GUILESS_MAIN(TestFilterChain)
#include "tst_filterchain.moc"

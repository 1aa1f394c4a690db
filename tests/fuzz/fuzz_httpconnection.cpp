// libFuzzer target for the HTTP engine's connection state machine (core/httpserver): the input
// is what a client sends on a socketpair to an HttpConnection adopted by an HttpShard, as a
// listener would hand it over, driven by processing the event loop until nothing moves. The
// handler serves /echo… itself (synchronous, asynchronous, streamed, pushed with and without
// a length, closing, aborting) and everything else from a temporary root with the web
// server's StaticFileFilter, after its access log filter. What came back is parsed with the
// response parser:
//  - every response is well-formed and answers the requests in the order they were handled
//    (an echo response carries its sequence number), for HEAD/204/304 without a body;
//  - no body is longer than its Content-Length: the bytes after it start the next response;
//  - nothing follows a response that closes the connection (Connection: close, an error, a
//    close-delimited body, an aborted exchange);
//  - only an aborted exchange may end short, and every handled request got its answer.
#include "components/webserver/staticfilefilter.h"
#include "fuzzcheck.h"
#include "http/chunkeddecoder.h"
#include "http/responseparser.h"
#include "httplog/accesslogfilter.h"
#include "httpserver/httpshard.h"
#include "metrics/trafficrecorder.h"
#include "net/tcplistener.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace infralab;
using namespace infralab::httpserver;
using infralab::fuzz::check;

namespace {

// One handled request, as the handler saw it.
struct Handled
{
    http::HttpMethod method = http::HttpMethod::Get;
    bool echo = false;
    bool aborted = false; // the exchange was aborted on purpose: its response may end short
};

class BytesSource final : public BodySource
{
public:
    explicit BytesSource(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {}
    qint64 read(char *data, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_bytes.size() - m_offset);
        std::memcpy(data, m_bytes.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_bytes;
    qint64 m_offset = 0;
};

// Answers /echo?<mode> itself and hands everything else to the static handler.
class FuzzHandler final : public HttpHandler
{
public:
    FuzzHandler(std::shared_ptr<const webserver::SiteSettings> settings, QList<Handled> &handled)
        : m_log(settings->accessLog)
        , m_static(std::move(settings))
        , m_handled(handled)
    {}
    ~FuzzHandler() override { delete m_timer; }

    void handle(HttpExchange &exchange) override
    {
        const http::RequestHead &request = exchange.request();
        const bool echo = request.path.startsWith("/echo");
        m_handled.append({request.method, echo, false});
        if (!echo) {
            m_log.onRequest(exchange);
            m_static.onRequest(exchange);
            return;
        }
        const char mode = request.query.isEmpty() ? 'n' : request.query.front();
        const int seq = int(m_handled.size()) - 1;
        const QByteArray body = exchange.body().toByteArray();
        switch (mode) {
        case 'a': // later, from the event loop
            m_pending = &exchange;
            exchange.setOnCancelled([this] { m_pending = nullptr; });
            if (!m_timer) {
                m_timer = new QTimer;
                m_timer->setSingleShot(true);
                QObject::connect(m_timer, &QTimer::timeout, [this] {
                    if (HttpExchange *e = std::exchange(m_pending, nullptr)) {
                        e->setOnCancelled(nullptr);
                        answer(*e, int(m_handled.size()) - 1, e->body().toByteArray());
                    }
                });
            }
            m_timer->start(0);
            return;
        case 's': // streamed from a body source
            begin(exchange, 200, seq);
            exchange.sendStream(body.size(), std::make_unique<BytesSource>(body));
            return;
        case 'p': // pushed with its length, in two pieces
        case 'u': // pushed without a length (chunked, or until close for HTTP/1.0)
            begin(exchange, 200, seq);
            exchange.sendHead(mode == 'p' ? body.size() : -1);
            if (exchange.writeBody(QByteArrayView(body).first(body.size() / 2))
                && exchange.writeBody(QByteArrayView(body).sliced(body.size() / 2)))
                exchange.finishBody();
            return;
        case 'x': // the upstream died mid-body: abort after half of it
            m_handled.last().aborted = true;
            begin(exchange, 200, seq);
            exchange.sendHead(body.size() + 1);
            if (exchange.writeBody(QByteArrayView(body).first(body.size() / 2)))
                exchange.abort();
            return;
        case 'e': exchange.sendError(418 + (body.size() % 2) * 85, body.size() % 3 == 0); return;
        case 'c': exchange.setCloseAfter(); break;
        case 'z': // no body allowed
            begin(exchange, body.size() % 2 ? 204 : 304, seq);
            exchange.send(body);
            return;
        default: break;
        }
        answer(exchange, seq, body);
    }

    void finished(const HttpExchange &exchange) override { m_log.onFinished(exchange); }

private:
    static void begin(HttpExchange &exchange, int status, int seq)
    {
        exchange.begin(status).add("X-Seq", QByteArray::number(seq));
    }
    static void answer(HttpExchange &exchange, int seq, const QByteArray &body)
    {
        begin(exchange, 200, seq);
        exchange.send(body);
    }

    httplog::AccessLogFilter m_log;
    webserver::StaticFileFilter m_static;
    QList<Handled> &m_handled;
    HttpExchange *m_pending = nullptr;
    QTimer *m_timer = nullptr;
};

void writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(name);
    check(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size(), "setup: write");
}

struct World
{
    int argc = 1;
    char name[16] = "fuzz";
    char *argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
    QTemporaryDir root;
    std::shared_ptr<webserver::SiteSettings> settings = std::make_shared<webserver::SiteSettings>();

    World()
    {
        check(root.isValid() && QDir(root.path()).mkpath(QStringLiteral("folder")), "setup: root");
        writeFile(root.filePath(QStringLiteral("index.html")), "<h1>home</h1>\n");
        writeFile(root.filePath(QStringLiteral("text.txt")), QByteArray(3000, 't'));
        writeFile(root.filePath(QStringLiteral("small.css")), "body{}");
        writeFile(root.filePath(QStringLiteral("mem.bin")), QByteArray(60 * 1024, 'm'));
        writeFile(root.filePath(QStringLiteral("large.bin")), QByteArray(300 * 1024, 'L'));
        writeFile(root.filePath(QStringLiteral("folder/index.html")), "folder");
        char buffer[PATH_MAX];
        check(::realpath(QFile::encodeName(root.path()).constData(), buffer), "setup: realpath");
        settings->config.root = buffer;
        settings->config.gzip = true;
    }
};

World &world()
{
    static World *w = new World; // never destroyed: Qt's statics go first at exit
    return *w;
}

void settle(int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

// Reads what the server sent so far; false once it closed its side.
bool readAll(int fd, QByteArray &out, bool *progress)
{
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            out.append(buffer, n);
            *progress = true;
            continue;
        }
        if (n == 0)
            return false;
        return errno == EAGAIN || errno == EINTR;
    }
}

// Writes as much of `data` as the socket takes.
qsizetype writeSome(int fd, QByteArrayView data)
{
    if (data.isEmpty())
        return 0;
    const ssize_t n = ::send(fd, data.data(), size_t(data.size()), MSG_NOSIGNAL);
    return n > 0 ? n : 0;
}

void checkResponses(QByteArrayView out, const QList<Handled> &handled)
{
    http::HttpLimits limits;
    limits.maxBody = http::HttpLimits::noBodyLimit;
    http::ResponseParser parser(limits);
    http::ResponseHead head;
    qsizetype offset = 0;
    qsizetype index = 0; // of the next final response
    while (offset < out.size()) {
        const QByteArrayView rest = out.sliced(offset);
        const bool known = index < handled.size();
        const Handled request = known ? handled.at(index) : Handled{};
        const http::ParseResult r = parser.parse(rest, head, request.method);
        if (r.isIncomplete()) {
            check(known && request.aborted, "a response head ends short");
            return;
        }
        check(r.isComplete(), "a response does not parse");
        offset += r.consumed;
        parser.reset();
        if (head.isInformational()) {
            check(head.status == 100 && head.framing == http::BodyFraming::None,
                  "an interim response other than 100 Continue");
            continue;
        }
        if (!known) {
            // The one answer to a request that never reached the handler: a parse error.
            check(head.status >= 400 && !head.keepAlive, "an unasked-for response");
            check(head.field("x-seq").isNull(), "an unasked-for echo response");
        } else if (request.echo && head.status != 418 && head.status != 503) {
            check(head.field("x-seq") == QByteArray::number(index), "responses out of order");
        }
        if (request.method == http::HttpMethod::Head || head.status == 204 || head.status == 304)
            check(head.framing == http::BodyFraming::None, "a body where none is allowed");
        ++index;
        const QByteArrayView after = out.sliced(offset);
        switch (head.framing) {
        case http::BodyFraming::None: break;
        case http::BodyFraming::ContentLength:
            if (after.size() < head.contentLength) {
                check(request.aborted, "a body shorter than its Content-Length");
                return;
            }
            offset += head.contentLength;
            break;
        case http::BodyFraming::Chunked: {
            http::ChunkedDecoder decoder(limits);
            QByteArray body;
            const http::ParseResult c = decoder.feed(after, body);
            check(!c.isError(), "a chunked body does not decode");
            if (!c.isComplete()) {
                check(request.aborted, "a chunked body ends short");
                return;
            }
            offset += c.consumed;
            break;
        }
        case http::BodyFraming::UntilClose: offset = out.size(); break;
        }
        if (!head.keepAlive || request.aborted) {
            check(offset == out.size(), "bytes after the connection should have closed");
            check(index >= handled.size(), "a closing response before the last handled request");
            return;
        }
    }
    if (std::getenv("INFRALAB_FUZZ_VERBOSE")) // what a seed exercises, for humans
        std::fprintf(stderr, "%lld handled, %lld responses, %lld bytes back\n",
                     qlonglong(handled.size()), qlonglong(index), qlonglong(out.size()));
    // Every handled request was answered (the last one's answer may be cut by an abort).
    check(index >= handled.size() || (index + 1 == handled.size() && handled.last().aborted),
          "a handled request got no response");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    World &w = world();
    // Byte 0: bit 0 = the client half-closes after sending; the rest picks where the input
    // is cut into two writes.
    const bool halfClose = data[0] & 1;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const qsizetype split = qsizetype(data[0] >> 1) * input.size() / 127;

    int fds[2];
    check(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0,
          "socketpair");
    QList<Handled> handled;
    auto listenerState = std::make_shared<net::TcpListener::SharedState>();
    auto recorder = std::make_shared<metrics::TrafficRecorder>(1);
    HttpServerOptions options;
    // Settings of its own per input: every handler adds a ring to the site's access log, which
    // keeps it (one handler per network thread in the product, thousands here).
    auto settings = std::make_shared<webserver::SiteSettings>(*w.settings);
    settings->accessLog = std::make_shared<httplog::AccessLog>();
    auto *shard = new HttpShard(options, std::make_unique<FuzzHandler>(settings, handled),
                                listenerState, recorder, recorder->forThread(0));
    listenerState->connections.fetch_add(1);
    shard->adoptDescriptor(fds[0]);

    QByteArray out;
    qsizetype sent = 0;
    bool open = true;
    int idle = 0;
    bool closedOurSide = false;
    for (int round = 0; round < 20000 && idle < 20; ++round) {
        bool progress = false;
        // The first piece, then the rest once the server had a chance to read it.
        const qsizetype goal = round == 0 ? split : input.size();
        if (sent < goal) {
            const qsizetype n = writeSome(fds[1], input.sliced(sent, goal - sent));
            sent += n;
            progress |= n > 0;
        }
        if (sent == input.size() && halfClose && !closedOurSide) {
            ::shutdown(fds[1], SHUT_WR);
            closedOurSide = true;
            progress = true;
        }
        settle(1);
        if (open)
            open = readAll(fds[1], out, &progress);
        if (!open && shard->connectionCount() == 0)
            break;
        idle = progress ? 0 : idle + 1;
    }
    // Quiet now: the client goes away, the server must let go.
    ::close(fds[1]);
    settle(3);
    delete shard;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    checkResponses(out, handled);
    return 0;
}

// libFuzzer target for the upstream side of the forwarder (core/upstream), driven the way
// UpstreamExchange and HttpForwarder::Relay drive the parsers and the field classification:
//  - response mode: the bytes an upstream sends, for a request method taken from the input.
//    Heads are parsed (1xx skipped, 101 refused), framing follows RFC 9112 §6.3 (HEAD, 204,
//    304 and 2xx to CONNECT have no body; no length means until close and no reuse), the
//    body is read by Content-Length or de-chunked (same result whole and split), then the
//    client's head is written as the relay does (hop-by-hop, Date, Server and the length left
//    out) and must parse back cleanly with none of the dropped fields in it.
//  - request mode: a client request is parsed and re-written for the upstream as
//    writeForwardedRequest() does; the result must parse back as one request, same method and
//    target, one Host, no hop-by-hop field, no Expect, our own Content-Length only.
// Both modes check classifyProxyField against a plain table lookup.
#include "fuzzcheck.h"
#include "http/chunkeddecoder.h"
#include "http/requestparser.h"
#include "http/responseheadwriter.h"
#include "http/responseparser.h"
#include "upstream/proxyfields.h"
#include "upstream/upstreamrequest.h"

#include <QByteArray>
#include <QList>

#include <cstdint>

using namespace infralab::http;
using namespace infralab::upstream;
using infralab::fuzz::check;
using infralab::fuzz::inside;

namespace {

// The classification as a list search: what the switch in proxyfields.cpp must agree with.
ProxyField referenceClass(QByteArrayView name)
{
    static const struct
    {
        const char *name;
        ProxyField kind;
    } table[] = {{"connection", ProxyField::HopByHop},
                 {"keep-alive", ProxyField::HopByHop},
                 {"te", ProxyField::HopByHop},
                 {"trailer", ProxyField::HopByHop},
                 {"transfer-encoding", ProxyField::HopByHop},
                 {"upgrade", ProxyField::HopByHop},
                 {"proxy-connection", ProxyField::HopByHop},
                 {"proxy-authenticate", ProxyField::HopByHop},
                 {"proxy-authorization", ProxyField::HopByHop},
                 {"host", ProxyField::Host},
                 {"content-length", ProxyField::ContentLength},
                 {"expect", ProxyField::Expect},
                 {"via", ProxyField::Via},
                 {"x-forwarded-for", ProxyField::XForwardedFor},
                 {"x-forwarded-proto", ProxyField::XForwardedProto},
                 {"x-forwarded-host", ProxyField::XForwardedHost},
                 {"x-real-ip", ProxyField::XRealIp},
                 {"if-match", ProxyField::Conditional},
                 {"if-none-match", ProxyField::Conditional},
                 {"if-modified-since", ProxyField::Conditional},
                 {"if-unmodified-since", ProxyField::Conditional},
                 {"if-range", ProxyField::Conditional},
                 {"range", ProxyField::Conditional},
                 {"date", ProxyField::Date},
                 {"server", ProxyField::Server}};
    for (const auto &entry : table) {
        if (equalsIgnoreCase(name, entry.name))
            return entry.kind;
    }
    return ProxyField::Other;
}

void checkClassification(const QList<HttpField> &fields)
{
    for (const HttpField &f : fields)
        check(classifyProxyField(f.name) == referenceClass(f.name), "classifyProxyField differs");
}

HttpLimits upstreamLimits()
{
    HttpLimits l;
    l.maxBody = 64 * 1024;
    return l;
}

// For parsing what we wrote back: a relay adds fields, so a message at the limits may grow past
// them (as with nginx behind nginx); syntax is what counts here.
HttpLimits wideLimits()
{
    HttpLimits l = upstreamLimits();
    l.fieldCount = 2 * l.fieldCount;
    l.headerSection = 4 * l.headerSection;
    l.fieldLine = l.headerSection;
    return l;
}

// The body after a final head, as UpstreamExchange::deliverBody reads it; false when the
// exchange fails (chunked error or a short body at the end of the input).
bool readBody(const ResponseHead &head, QByteArrayView rest, qsizetype split, QByteArray &body)
{
    switch (head.framing) {
    case BodyFraming::None: return true;
    case BodyFraming::ContentLength:
        if (rest.size() < head.contentLength)
            return false; // AbortedMidBody
        body = rest.first(head.contentLength).toByteArray();
        return true;
    case BodyFraming::UntilClose: body = rest.toByteArray(); return true;
    case BodyFraming::Chunked: break;
    }
    // Whole, then in two pieces: the same body and end.
    ChunkedDecoder whole(upstreamLimits());
    const ParseResult a = whole.feed(rest, body);
    ChunkedDecoder pieces(upstreamLimits());
    QByteArray other;
    const qsizetype cut = std::min(split, rest.size());
    ParseResult b = pieces.feed(rest.first(cut), other);
    if (!b.isError() && !b.isComplete()) {
        const qsizetype used = b.consumed;
        b = pieces.feed(rest.sliced(used), other);
        if (!b.isError())
            b.consumed += used;
    }
    check(a.status == b.status && a.httpStatus == b.httpStatus, "chunked: split status differs");
    if (a.isError())
        return false;
    check(a.consumed == b.consumed && body == other, "chunked: split body differs");
    check(a.consumed <= rest.size(), "chunked consumed too much");
    return a.isComplete();
}

void fuzzResponse(QByteArrayView input, HttpMethod method, qsizetype split)
{
    ResponseParser parser(upstreamLimits());
    ResponseHead head;
    QByteArrayView in = input;
    ParseResult r;
    for (int informational = 0;; ++informational) {
        check(informational < 10000, "endless 1xx");
        r = parser.parse(in, head, method);
        if (!r.isComplete())
            break;
        check(r.consumed > 0 && r.consumed <= in.size(), "consumed outside the input");
        if (!head.isInformational() || head.status == 101)
            break;
        check(head.framing == BodyFraming::None, "1xx with a body");
        in = in.sliced(r.consumed);
        parser.reset();
    }
    if (r.isError()) {
        check(r.httpStatus == 502, "upstream error is not 502");
        return;
    }
    if (r.isIncomplete() || head.status == 101)
        return; // InvalidResponse at the end of the stream
    checkClassification(head.fields);
    for (const HttpField &f : head.fields)
        check(inside(f.name, in) && inside(f.value, in), "field outside the input");

    // RFC 9112 §6.3: which responses have a body.
    const bool noBody = method == HttpMethod::Head || head.status == 204 || head.status == 304
                        || (method == HttpMethod::Connect && head.status / 100 == 2);
    if (noBody)
        check(head.framing == BodyFraming::None, "HEAD/204/304/CONNECT response with a body");
    if (head.framing == BodyFraming::UntilClose)
        check(!head.keepAlive, "a close-delimited response kept alive");
    if (head.framing == BodyFraming::Chunked)
        check(!head.field("transfer-encoding").isNull() && head.field("content-length").isNull(),
              "chunked framing with a length or without TE");
    if (head.framing == BodyFraming::ContentLength)
        check(head.contentLength > 0 && head.contentLength <= upstreamLimits().maxBody,
              "Content-Length out of range");

    QByteArray body;
    if (!readBody(head, in.sliced(r.consumed), split, body))
        return;

    // The client's head, as Relay::beginResponse and HttpExchange::send write it.
    QByteArray out;
    ResponseHeadWriter writer(out, head.status);
    const ConnectionOptions connection(head.fields);
    QList<QByteArray> dropped;
    for (const HttpField &f : head.fields) {
        const ProxyField kind = classifyProxyField(f.name);
        if (kind == ProxyField::ContentLength || kind == ProxyField::Date
            || kind == ProxyField::Server || connection.isHopByHop(kind, f.name))
            dropped.append(f.name.toByteArray().toLower());
        else
            writer.add(f.name, f.value);
    }
    const bool clientBody = !noBody && head.status >= 200;
    if (clientBody)
        writer.addContentLength(body.size());
    writer.finish();

    // Date and Server are added: at the limits the client may refuse it, so parse wider.
    ResponseHead relayed;
    const ParseResult back = parseResponseHead(out, relayed, method, wideLimits());
    check(back.isComplete() && back.consumed == out.size(), "the relayed head does not parse");
    check(relayed.status == head.status, "the relayed status differs");
    int dates = 0, servers = 0, lengths = 0;
    for (const HttpField &f : relayed.fields) {
        const ProxyField kind = classifyProxyField(f.name);
        check(kind != ProxyField::HopByHop, "a hop-by-hop field was relayed");
        dates += kind == ProxyField::Date;
        servers += kind == ProxyField::Server;
        lengths += kind == ProxyField::ContentLength;
        if (kind == ProxyField::Other)
            check(!connection.names(f.name), "a field named by Connection was relayed");
    }
    check(dates == 1 && servers == 1, "Date and Server are not ours alone");
    check(lengths == (clientBody ? 1 : 0), "Content-Length count");
    if (clientBody) {
        check(relayed.framing == (body.isEmpty() ? BodyFraming::None : BodyFraming::ContentLength),
              "relayed framing");
        check(relayed.contentLength == body.size(), "relayed length differs from the body");
    }
}

void fuzzRequest(QByteArrayView input, bool whole)
{
    RequestHead request;
    const ParseResult r = parseRequestHead(input, request);
    if (!r.isComplete())
        return;
    checkClassification(request.fields);
    QByteArrayView body;
    if (request.framing == BodyFraming::ContentLength)
        body = input.sliced(r.consumed)
                   .first(std::min<qsizetype>(input.size() - r.consumed, request.contentLength));

    // What the forwarder sends, with forwardedHeaders on; `whole` is a cache fill (HEAD as
    // GET, no conditionals).
    const bool headAsGet = whole && request.method == HttpMethod::Head;
    ForwardedRequestOptions options;
    options.peer = "127.0.0.1";
    options.wholeResource = whole;
    UpstreamRequest upstream;
    if (!writeForwardedRequest(request, body, options, upstream))
        return; // answered 400
    const QByteArray &head = upstream.head;
    check(upstream.method == (headAsGet ? HttpMethod::Get : request.method), "method changed");
    const ConnectionOptions connection(request.fields);

    // The upstream gets up to five more fields, and merged X-Forwarded-For and Via lines: at
    // the client's limits it may answer 431 (so would nginx behind nginx).
    RequestHead sent;
    const ParseResult back = parseRequestHead(head, sent, wideLimits());
    check(back.isComplete() && back.consumed == head.size(), "the upstream request does not parse");
    check(sent.method == (headAsGet ? HttpMethod::Get : request.method), "method changed");
    check(sent.target == request.target, "target changed");
    check(sent.version == HttpVersion::Http11 && sent.keepAlive, "not a kept-alive HTTP/1.1");
    check(sent.host == (request.host.isEmpty() ? QByteArrayView("127.0.0.1") : request.host),
          "Host changed");
    int hosts = 0, lengths = 0;
    for (const HttpField &f : sent.fields) {
        const ProxyField kind = classifyProxyField(f.name);
        check(kind != ProxyField::HopByHop && kind != ProxyField::Expect,
              "a hop-by-hop field or Expect went upstream");
        if (whole)
            check(kind != ProxyField::Conditional, "a conditional field went to a cache fill");
        hosts += kind == ProxyField::Host;
        lengths += kind == ProxyField::ContentLength;
        if (kind == ProxyField::Other)
            check(!connection.names(f.name), "a field named by Connection went upstream");
    }
    check(hosts == 1 && lengths <= 1, "Host or Content-Length twice");
    check(sent.framing == (body.isEmpty() ? BodyFraming::None : BodyFraming::ContentLength),
          "upstream framing");
    check(sent.contentLength == body.size(), "upstream length differs from the body");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // Byte 0: bit 7 request mode (bit 6 a cache fill), else response mode with the request
    // method in its low bits. Byte 1: the split point.
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 2, qsizetype(size) - 2);
    const qsizetype split = qsizetype(data[1]) * input.size() / 255;
    if (data[0] & 0x80)
        fuzzRequest(input, data[0] & 0x40);
    else
        fuzzResponse(input, HttpMethod(data[0] % 9), split);
    return 0;
}

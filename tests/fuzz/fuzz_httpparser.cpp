// libFuzzer target for core/http: the request, response and chunked parsers must give the
// same answer for the whole input and for the input split in two at a point taken from the
// first byte, never read outside the buffer, and keep their documented invariants.
#include "http/chunkeddecoder.h"
#include "http/requestparser.h"
#include "http/responseparser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace infralab::http;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_httpparser: %s\n", what);
        std::abort();
    }
}

bool sameResult(const ParseResult &a, const ParseResult &b)
{
    return a.status == b.status && a.consumed == b.consumed && a.httpStatus == b.httpStatus
           && std::strcmp(a.reason, b.reason) == 0;
}

bool inside(QByteArrayView view, QByteArrayView buffer)
{
    return view.isEmpty()
           || (view.data() >= buffer.data()
               && view.data() + view.size() <= buffer.data() + buffer.size());
}

void checkResult(const ParseResult &r, QByteArrayView input)
{
    if (r.isComplete())
        check(r.consumed > 0 && r.consumed <= input.size(), "consumed out of range");
    if (r.isError())
        check(r.httpStatus >= 400 && r.httpStatus < 600 && r.reason[0], "error without status");
}

void fuzzRequest(QByteArrayView input, qsizetype split)
{
    RequestHead whole;
    const ParseResult a = parseRequestHead(input, whole);
    checkResult(a, input);
    if (a.isComplete()) {
        check(inside(whole.target, input) && inside(whole.host, input), "view outside buffer");
        for (const HttpField &f : whole.fields)
            check(inside(f.name, input) && inside(f.value, input), "field outside buffer");
        check(whole.framing != BodyFraming::UntilClose, "request framed until close");
    }

    RequestParser parser;
    RequestHead head;
    ParseResult b = parser.parse(input.first(split), head);
    if (b.isIncomplete())
        b = parser.parse(input, head);
    check(sameResult(a, b), "request: split result differs");
    if (a.isComplete()) {
        check(whole.target == head.target && whole.host == head.host
                  && whole.framing == head.framing && whole.contentLength == head.contentLength
                  && whole.keepAlive == head.keepAlive && whole.fields.size() == head.fields.size(),
              "request: split head differs");
    }
}

void fuzzResponse(QByteArrayView input, qsizetype split, HttpMethod method)
{
    ResponseHead whole;
    const ParseResult a = parseResponseHead(input, whole, method);
    checkResult(a, input);
    if (a.isError())
        check(a.httpStatus == 502, "response error is not 502");
    ResponseParser parser;
    ResponseHead head;
    ParseResult b = parser.parse(input.first(split), head, method);
    if (b.isIncomplete())
        b = parser.parse(input, head, method);
    check(sameResult(a, b), "response: split result differs");
    if (a.isComplete())
        check(whole.status == head.status && whole.framing == head.framing
                  && whole.contentLength == head.contentLength,
              "response: split head differs");
}

struct Decoded
{
    ParseResult result;
    qsizetype consumed = 0;
    QByteArray body;
};

Decoded decodeChunked(QByteArrayView input, qsizetype split)
{
    HttpLimits limits;
    limits.maxBody = 64 * 1024;
    ChunkedDecoder decoder(limits);
    Decoded d;
    qsizetype offset = 0;
    for (qsizetype end : {split, input.size()}) {
        if (end < offset)
            continue;
        d.result = decoder.feed(input.sliced(offset, end - offset), d.body);
        if (d.result.isError())
            return d;
        check(d.result.consumed <= end - offset, "chunked: consumed too much");
        offset += d.result.consumed;
        if (d.result.isComplete())
            break;
    }
    d.consumed = offset;
    check(d.body.size() == decoder.decodedSize(), "chunked: decoded size mismatch");
    return d;
}

void fuzzChunked(QByteArrayView input, qsizetype split)
{
    const Decoded a = decodeChunked(input, input.size());
    const Decoded b = decodeChunked(input, split);
    check(a.result.status == b.result.status && a.result.httpStatus == b.result.httpStatus
              && std::strcmp(a.result.reason, b.result.reason) == 0,
          "chunked: split status differs");
    if (!a.result.isError())
        check(a.consumed == b.consumed && a.body == b.body, "chunked: split body differs");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // Byte 0 picks the split point, byte 1 the request method for the response parser.
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 2, qsizetype(size) - 2);
    const qsizetype split = qsizetype(data[0]) * input.size() / 255;
    fuzzRequest(input, split);
    fuzzResponse(input, split, HttpMethod(data[1] % 9));
    fuzzChunked(input, split);
    return 0;
}

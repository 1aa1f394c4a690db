// libFuzzer target for pipelined requests through one RequestParser, the way HttpConnection
// drives it: parse a head, take its body (Content-Length or chunked), drop both, reset() and
// parse what follows. The input is fed three ways (all at once, one byte more per call so
// every split point is seen, and in two pieces at a point taken from the first byte); the
// sequence of messages must be the same every way, and the same as a fresh parser gives on
// what is left after each message (reset() forgets everything). Each message's consumed
// length stays inside the input, its views point into it, and field lookups agree with the
// field list.
#include "fuzzcheck.h"
#include "http/chunkeddecoder.h"
#include "http/requestparser.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstring>

using namespace infralab::http;
using infralab::fuzz::check;
using infralab::fuzz::inside;

namespace {

constexpr int MaxMessages = 64;

struct Message
{
    ParseStatus status = ParseStatus::Incomplete;
    int httpStatus = 0;
    QByteArray reason;
    qsizetype length = 0; // head and body in the input
    HttpMethod method = HttpMethod::Get;
    QByteArray target, path, query, host;
    BodyFraming framing = BodyFraming::None;
    qint64 contentLength = 0;
    bool keepAlive = false, expectContinue = false, upgrade = false;
    QList<QByteArray> fields; // name '\0' value
    QByteArray body;

    bool operator==(const Message &) const = default;
};

HttpLimits limits()
{
    HttpLimits l;
    l.maxBody = 64 * 1024;
    return l;
}

QByteArray lower(QByteArrayView text)
{
    return text.toByteArray().toLower();
}

// The head's own consistency: lookups, host, framing and the smuggling rules (H1, H8, H11).
void checkHead(const RequestHead &head, QByteArrayView buffer, qsizetype consumed)
{
    check(consumed > 0 && consumed <= buffer.size(), "consumed outside the input");
    const QByteArrayView headBytes = buffer.first(consumed);
    check(inside(head.methodToken, headBytes) && inside(head.target, headBytes),
          "start line view outside the head");
    check(methodName(head.method) == head.methodToken, "method token and method differ");
    int hostFields = 0;
    bool contentLengthField = false, transferEncodingField = false, closeOption = false;
    for (qsizetype i = 0; i < head.fields.size(); ++i) {
        const HttpField &f = head.fields.at(i);
        check(!f.name.isEmpty(), "empty field name");
        check(inside(f.name, headBytes) && inside(f.value, headBytes), "field outside the head");
        // field() answers the first field of that name, whatever the case asked for.
        qsizetype first = 0;
        while (!equalsIgnoreCase(head.fields.at(first).name, f.name))
            ++first;
        const QByteArrayView expected = head.fields.at(first).value;
        check(head.field(f.name).data() == expected.data()
                  && head.field(f.name).size() == expected.size(),
              "field() is not the first field of that name");
        check(head.field(lower(f.name)) == expected
                  && head.field(f.name.toByteArray().toUpper()) == expected,
              "field() depends on case");
        check(head.hasField(f.name), "hasField() misses a field");
        for (const char c : f.value)
            check(c != '\r' && c != '\n' && c != '\0', "CR, LF or NUL in a field value");
        check(f.value.isEmpty()
                  || (f.value.front() != ' ' && f.value.back() != ' ' && f.value.front() != '\t'
                      && f.value.back() != '\t'),
              "field value not trimmed");
        hostFields += equalsIgnoreCase(f.name, "host");
        contentLengthField |= equalsIgnoreCase(f.name, "content-length");
        transferEncodingField |= equalsIgnoreCase(f.name, "transfer-encoding");
        if (equalsIgnoreCase(f.name, "connection") && listContainsToken(f.value, "close"))
            closeOption = true;
    }
    check(!head.hasField("x-fuzz-never-sent-\x01"), "hasField() finds an absent field");
    check(hostFields <= 1, "more than one Host accepted (H1)");
    if (head.version == HttpVersion::Http11)
        check(hostFields == 1, "HTTP/1.1 without Host accepted (H1)");
    if (head.targetForm == TargetForm::Origin || head.targetForm == TargetForm::Asterisk)
        check(head.host == head.field("host"), "host is not the Host field");
    if (head.targetForm == TargetForm::Origin) {
        check(inside(head.path, head.target) && inside(head.query, head.target),
              "path or query outside the target");
        check(head.path.startsWith('/'), "origin-form path without '/'");
    }
    if (closeOption)
        check(!head.keepAlive, "Connection: close kept alive");
    if (transferEncodingField && (contentLengthField || head.version == HttpVersion::Http10))
        check(!head.keepAlive, "ambiguous framing kept the connection (H8, H11)");
    switch (head.framing) {
    case BodyFraming::None: check(head.contentLength == 0, "length without a body"); break;
    case BodyFraming::ContentLength:
        check(contentLengthField && !transferEncodingField, "Content-Length framing without CL");
        check(head.contentLength > 0 && head.contentLength <= limits().maxBody,
              "Content-Length out of range");
        break;
    case BodyFraming::Chunked: check(transferEncodingField, "chunked without TE"); break;
    case BodyFraming::UntilClose: check(false, "request framed until close"); break;
    }
}

Message record(const ParseResult &r, const RequestHead &head)
{
    Message m;
    m.status = r.status;
    m.httpStatus = r.httpStatus;
    m.reason = r.reason;
    if (!r.isComplete())
        return m;
    m.method = head.method;
    m.target = head.target.toByteArray();
    m.path = head.path.toByteArray();
    m.query = head.query.toByteArray();
    m.host = head.host.toByteArray();
    m.framing = head.framing;
    m.contentLength = head.contentLength;
    m.keepAlive = head.keepAlive;
    m.expectContinue = head.expectContinue;
    m.upgrade = head.upgrade;
    for (const HttpField &f : head.fields)
        m.fields.append(f.name.toByteArray() + '\0' + f.value.toByteArray());
    return m;
}

// The messages of `input` read like a connection does, with `step` more bytes available per
// round (or everything after `split` at once when step is 0).
QList<Message> readMessages(QByteArrayView input, qsizetype step, qsizetype split)
{
    QList<Message> messages;
    RequestParser parser(limits());
    RequestHead head;
    ChunkedDecoder chunked(limits());
    qsizetype available = step ? std::min<qsizetype>(step, input.size()) : split;
    qsizetype offset = 0;
    auto more = [&] {
        if (available == input.size())
            return false;
        available = step ? std::min(available + step, input.size()) : input.size();
        return true;
    };
    while (messages.size() < MaxMessages) {
        const QByteArrayView buffer = input.sliced(offset, available - offset);
        const ParseResult r = parser.parse(buffer, head);
        if (r.isIncomplete()) {
            check(r.httpStatus == 0, "incomplete with a status");
            if (more())
                continue;
            messages.append(record(r, head));
            return messages;
        }
        if (r.isError()) {
            check(r.httpStatus >= 400 && r.httpStatus < 600 && r.reason[0], "error without status");
            check(parser.parse(buffer, head).httpStatus == r.httpStatus, "errors are not final");
            messages.append(record(r, head));
            return messages;
        }
        checkHead(head, buffer, r.consumed);
        // reset() must forget everything: a fresh parser on the same bytes agrees.
        RequestHead fresh;
        const ParseResult f = parseRequestHead(buffer, fresh, limits());
        check(f.isComplete() && f.consumed == r.consumed && record(f, fresh) == record(r, head),
              "a fresh parser disagrees with the reset one");
        Message m = record(r, head);
        qsizetype bodyLength = 0;
        if (head.framing == BodyFraming::ContentLength) {
            while (available - offset - r.consumed < head.contentLength && more()) {
            }
            if (available - offset - r.consumed < head.contentLength) {
                m.status = ParseStatus::Incomplete; // the body never came
                messages.append(m);
                return messages;
            }
            bodyLength = head.contentLength;
            m.body = input.sliced(offset + r.consumed, bodyLength).toByteArray();
        } else if (head.framing == BodyFraming::Chunked) {
            chunked.reset();
            QByteArray body;
            while (true) {
                const qsizetype from = offset + r.consumed + bodyLength;
                const ParseResult c = chunked.feed(input.sliced(from, available - from), body);
                if (c.isError()) {
                    m.status = ParseStatus::Error;
                    m.httpStatus = c.httpStatus;
                    messages.append(m);
                    return messages;
                }
                check(c.consumed <= available - from, "chunked consumed too much");
                bodyLength += c.consumed;
                if (c.isComplete())
                    break;
                if (!more()) {
                    m.status = ParseStatus::Incomplete;
                    messages.append(m);
                    return messages;
                }
            }
            check(body.size() == chunked.decodedSize() && body.size() <= limits().maxBody,
                  "chunked body size");
            m.body = body;
        }
        m.length = r.consumed + bodyLength;
        check(offset + m.length <= input.size(), "message longer than the input");
        messages.append(m);
        offset += m.length;
        parser.reset();
        if (!head.keepAlive)
            return messages; // a connection stops reading here
    }
    return messages;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    const qsizetype split = qsizetype(data[0]) * input.size() / 255;
    const QList<Message> whole = readMessages(input, 0, input.size());
    // Byte by byte sees every split point; long inputs go in small steps to stay fast.
    const qsizetype step = input.size() <= 2048 ? 1 : input.size() / 512 + 1;
    check(readMessages(input, step, 0) == whole, "fed in steps: other messages");
    check(readMessages(input, 0, split) == whole, "split in two: other messages");
    return 0;
}

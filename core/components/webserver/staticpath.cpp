#include "components/webserver/staticpath.h"

#include <QVarLengthArray>

namespace infralab::webserver {

static int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

StaticPath normaliseStaticPath(QByteArrayView rawPath)
{
    if (rawPath.isEmpty() || rawPath.front() != '/')
        return {400, {}};

    // Decode once into a list of segments; '/' only ever comes from the raw bytes. Built in
    // stack buffers (one allocation for the result): this runs for every request.
    QVarLengthArray<char, 256> out;
    out.append('/');
    QVarLengthArray<char, 128> segment;
    bool notFound = false;
    const auto segmentIs = [&segment](QByteArrayView text) {
        return QByteArrayView(segment.constData(), segment.size()) == text;
    };

    // Appends one finished segment, resolving "." and ".." (RFC 3986 §5.2.4 steps B–D).
    auto closeSegment = [&](bool last) -> bool {
        if (segment.isEmpty())
            return true; // "//" merged; an empty last segment keeps the trailing '/'
        if (segmentIs(".")) {
            segment.clear();
            return true;
        }
        if (segmentIs("..")) {
            segment.clear();
            if (out.size() == 1)
                return false; // above the root
            // out ends with '/': drop the previous segment, keep its leading '/'
            qsizetype previous = out.size() - 2;
            while (out[previous] != '/')
                --previous;
            out.resize(previous + 1);
            return true;
        }
        out.append(segment.constData(), segment.size());
        if (!last)
            out.append('/');
        segment.clear();
        return true;
    };

    for (qsizetype i = 1; i < rawPath.size(); ++i) {
        char c = rawPath[i];
        if (c == '/') {
            if (!closeSegment(false))
                return {400, {}};
            continue;
        }
        if (c == '%') {
            if (i + 2 >= rawPath.size())
                return {400, {}};
            const int high = hexValue(rawPath[i + 1]);
            const int low = hexValue(rawPath[i + 2]);
            if (high < 0 || low < 0)
                return {400, {}};
            c = char(high * 16 + low);
            i += 2;
            if (c == '/')
                return {400, {}};
        }
        if (c == '\0')
            return {400, {}};
        if (c == '\\')
            notFound = true; // keep scanning: a later invalid escape still answers 400
        segment.append(c);
    }
    if (!closeSegment(true))
        return {400, {}};
    if (notFound)
        return {404, {}};
    return {0, QByteArray(out.constData(), out.size())};
}

} // namespace infralab::webserver

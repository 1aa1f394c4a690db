#include "components/webserver/staticpath.h"

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

    // Decode once into a list of segments; '/' only ever comes from the raw bytes.
    QByteArray out;
    out.reserve(rawPath.size());
    out.append('/');
    QByteArray segment;
    bool notFound = false;

    // Appends one finished segment, resolving "." and ".." (RFC 3986 §5.2.4 steps B–D).
    auto closeSegment = [&](bool last) -> bool {
        if (segment.isEmpty())
            return true; // "//" merged; an empty last segment keeps the trailing '/'
        if (segment == ".") {
            segment.clear();
            return true;
        }
        if (segment == "..") {
            segment.clear();
            if (out.size() == 1)
                return false; // above the root
            // out ends with '/': drop the previous segment, keep its leading '/'
            const qsizetype previous = out.lastIndexOf('/', out.size() - 2);
            out.truncate(previous + 1);
            return true;
        }
        out.append(segment);
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
    return {0, out};
}

} // namespace infralab::webserver

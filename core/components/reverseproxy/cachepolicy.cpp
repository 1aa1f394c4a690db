#include "components/reverseproxy/cachepolicy.h"

#include "http/requestconditions.h"

namespace infralab::reverseproxy {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

bool storableByDefault(int status)
{
    return status == 200 || status == 301 || status == 302;
}

} // namespace

qint64 cacheControlSeconds(QByteArrayView cacheControl, QByteArrayView directive, bool *present)
{
    if (present)
        *present = false;
    qsizetype start = 0;
    while (start <= cacheControl.size()) {
        qsizetype end = cacheControl.indexOf(',', start);
        if (end < 0)
            end = cacheControl.size();
        const QByteArrayView item = trimmed(cacheControl.sliced(start, end - start));
        const qsizetype eq = item.indexOf('=');
        const QByteArrayView name = trimmed(eq < 0 ? item : item.first(eq));
        if (http::equalsIgnoreCase(name, directive)) {
            if (present)
                *present = true;
            if (eq < 0)
                return -1;
            QByteArrayView value = trimmed(item.sliced(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.sliced(1, value.size() - 2); // RFC 9111 §5.2: quoted form too
            bool ok = false;
            const qint64 seconds = value.toLongLong(&ok);
            return ok && seconds >= 0 ? seconds : -1;
        }
        start = end + 1;
    }
    return -1;
}

CacheDecision decideCaching(int status, const QList<http::HttpField> &fields, qint64 nowEpochS,
                            qint64 defaultTtlS)
{
    CacheDecision d;
    if (status < 200 || status == 206 || status == 304)
        return d; // partial and not-modified answers describe a request, not the resource
    QByteArray cacheControl;
    QByteArrayView expires;
    QByteArrayView date;
    bool hasExpires = false;
    for (const http::HttpField &f : fields) {
        if (http::equalsIgnoreCase(f.name, "set-cookie")) {
            return d;
        } else if (http::equalsIgnoreCase(f.name, "cache-control")) {
            if (!cacheControl.isEmpty())
                cacheControl.append(',');
            cacheControl.append(f.value);
        } else if (http::equalsIgnoreCase(f.name, "expires")) {
            expires = f.value;
            hasExpires = true;
        } else if (http::equalsIgnoreCase(f.name, "date")) {
            date = f.value;
        } else if (http::equalsIgnoreCase(f.name, "age")) {
            d.initialAgeS = qMax<qint64>(0, f.value.toLongLong());
        } else if (http::equalsIgnoreCase(f.name, "vary")) {
            // RFC 9110 §12.5.5: a list of field names, or "*" (never matches a later request).
            for (QByteArrayView name : QByteArrayView(f.value).toByteArray().split(',')) {
                name = trimmed(name);
                if (name == "*")
                    return d;
                if (!name.isEmpty())
                    d.varyNames.append(name.toByteArray().toLower());
            }
        }
    }
    bool flag = false;
    cacheControlSeconds(cacheControl, "no-store", &flag);
    if (flag)
        return d;
    cacheControlSeconds(cacheControl, "private", &flag);
    if (flag)
        return d;
    cacheControlSeconds(cacheControl, "no-cache", &d.revalidate);

    qint64 lifetimeS = -1;
    const qint64 sMaxAge = cacheControlSeconds(cacheControl, "s-maxage");
    const qint64 maxAge = cacheControlSeconds(cacheControl, "max-age");
    if (sMaxAge >= 0) {
        lifetimeS = sMaxAge;
    } else if (maxAge >= 0) {
        lifetimeS = maxAge;
    } else if (hasExpires) {
        // RFC 9111 §5.3: an invalid Expires (such as "0") means already expired.
        const auto expiresAt = http::parseHttpDate(expires);
        const auto dateAt = http::parseHttpDate(date);
        lifetimeS = expiresAt ? qMax<qint64>(0, *expiresAt - (dateAt ? *dateAt : nowEpochS)) : 0;
    } else if (storableByDefault(status)) {
        lifetimeS = defaultTtlS;
    }
    if (d.revalidate) {
        d.store = true; // kept, but every request goes upstream again (no conditional revalidation)
        d.ttlMs = 0;
        return d;
    }
    d.ttlMs = (lifetimeS - d.initialAgeS) * 1000;
    d.store = d.ttlMs > 0;
    return d;
}

} // namespace infralab::reverseproxy

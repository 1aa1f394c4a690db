#include "upstream/proxyfields.h"

namespace infralab::upstream {

namespace {
using http::equalsIgnoreCase;
} // namespace

ProxyField classifyProxyField(QByteArrayView name)
{
    using enum ProxyField;
    switch (name.size()) {
    case 2: return equalsIgnoreCase(name, "te") ? HopByHop : Other;
    case 3: return equalsIgnoreCase(name, "via") ? Via : Other;
    case 4:
        if (equalsIgnoreCase(name, "host"))
            return Host;
        return equalsIgnoreCase(name, "date") ? Date : Other;
    case 5: return equalsIgnoreCase(name, "range") ? Conditional : Other;
    case 6:
        if (equalsIgnoreCase(name, "expect"))
            return Expect;
        return equalsIgnoreCase(name, "server") ? Server : Other;
    case 7:
        return equalsIgnoreCase(name, "trailer") || equalsIgnoreCase(name, "upgrade") ? HopByHop
                                                                                      : Other;
    case 8:
        return equalsIgnoreCase(name, "if-match") || equalsIgnoreCase(name, "if-range")
                   ? Conditional
                   : Other;
    case 9: return equalsIgnoreCase(name, "x-real-ip") ? XRealIp : Other;
    case 10:
        return equalsIgnoreCase(name, "connection") || equalsIgnoreCase(name, "keep-alive")
                   ? HopByHop
                   : Other;
    case 13: return equalsIgnoreCase(name, "if-none-match") ? Conditional : Other;
    case 14: return equalsIgnoreCase(name, "content-length") ? ContentLength : Other;
    case 15: return equalsIgnoreCase(name, "x-forwarded-for") ? XForwardedFor : Other;
    case 16:
        if (equalsIgnoreCase(name, "proxy-connection"))
            return HopByHop;
        return equalsIgnoreCase(name, "x-forwarded-host") ? XForwardedHost : Other;
    case 17:
        if (equalsIgnoreCase(name, "transfer-encoding"))
            return HopByHop;
        if (equalsIgnoreCase(name, "x-forwarded-proto"))
            return XForwardedProto;
        return equalsIgnoreCase(name, "if-modified-since") ? Conditional : Other;
    case 18: return equalsIgnoreCase(name, "proxy-authenticate") ? HopByHop : Other;
    case 19:
        if (equalsIgnoreCase(name, "proxy-authorization"))
            return HopByHop;
        return equalsIgnoreCase(name, "if-unmodified-since") ? Conditional : Other;
    default: return Other;
    }
}

ConnectionOptions::ConnectionOptions(const QList<http::HttpField> &fields)
{
    for (const http::HttpField &f : fields) {
        if (f.name.size() == 10 && equalsIgnoreCase(f.name, "connection"))
            m_values.append(f.value);
    }
}

bool ConnectionOptions::names(QByteArrayView field) const
{
    for (const QByteArrayView value : m_values) {
        if (http::listContainsToken(value, field))
            return true;
    }
    return false;
}

} // namespace infralab::upstream

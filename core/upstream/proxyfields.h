#pragma once

#include "http/httptypes.h"

#include <QList>
#include <QVarLengthArray>

namespace infralab::upstream {

// The field names a forwarding proxy treats itself rather than passing on (RFC 9110 §7.6),
// recognised by one switch on the length and one comparison, not a list search per field:
// the forwarder looks at every field of every request and response it relays.
enum class ProxyField : quint8 {
    Other,
    HopByHop, // Connection, Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade, Proxy-*
    Host,
    ContentLength,
    Expect,
    Via,
    XForwardedFor,
    XForwardedProto,
    XForwardedHost,
    XRealIp,
    Conditional, // If-Match, If-None-Match, If-(Un)Modified-Since, If-Range, Range
    Date,
    Server,
};

ProxyField classifyProxyField(QByteArrayView name);

// The options a message's Connection fields name, which are hop-by-hop too (RFC 9110 §7.6.1);
// collected once per message.
class ConnectionOptions
{
public:
    explicit ConnectionOptions(const QList<http::HttpField> &fields);
    bool names(QByteArrayView field) const;
    // Hop-by-hop by its name or because Connection names it.
    bool isHopByHop(ProxyField kind, QByteArrayView name) const
    {
        return kind == ProxyField::HopByHop || (!m_values.isEmpty() && names(name));
    }

private:
    QVarLengthArray<QByteArrayView, 2> m_values; // of every Connection field
};

} // namespace infralab::upstream

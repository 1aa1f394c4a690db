#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace infralab::webserver {

// The outcome of turning a request's raw path into a safe file-system path under the root.
struct StaticPath
{
    int status = 0;  // 0 = usable; else the status to answer (400 or 404)
    QByteArray path; // decoded and normalised, starts with '/', keeps a trailing '/'
};

// Percent-decodes `rawPath` (the request's path, without the query) exactly once and removes
// dot segments (RFC 3986 §5.2.4), the steps robustness.md §6 asks for before touching the
// file system. Pure: no file-system access, so a table of raw paths tests it.
//  - an invalid escape (`%zz`, `%4`) → 400 (RFC 3986 §2.1; nginx does the same)
//  - NUL, raw or `%00` → 400
//  - an encoded slash `%2F` → 400: stricter than nginx (which decodes it); a file name
//    cannot hold '/', so such a request never names a real file and may be an attack
//  - a backslash, raw or `%5C` → 404 (nginx on Unix: no such file)
//  - `..` climbing above the root, also written `%2e%2e` or `.%2e` → 400 (nginx)
//  - repeated slashes are merged (nginx merge_slashes on)
// `%252e` decodes to the literal name `%2e`: decoding happens once.
StaticPath normaliseStaticPath(QByteArrayView rawPath);

} // namespace infralab::webserver

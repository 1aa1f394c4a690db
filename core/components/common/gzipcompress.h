#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace infralab::components {

// Compresses `data` into one gzip member (RFC 1952) with zlib; `level` 1 is nginx's default
// gzip_comp_level. An empty result means zlib failed (the caller then sends the identity form).
QByteArray gzipCompress(QByteArrayView data, int level = 1);

} // namespace infralab::components

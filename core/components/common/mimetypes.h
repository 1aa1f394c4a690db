#pragma once

#include <QByteArrayView>

namespace infralab::components {

// The nginx MIME table (conf/mime.types, component-specs.md §1.1), shared by every component
// that serves files. No charset is appended, as nginx does without `charset utf-8;`.

// The Content-Type for a path by its extension (case-insensitive); application/octet-stream
// when the extension is unknown (the stock nginx.conf default_type).
QByteArrayView mimeTypeForPath(QByteArrayView path);

// Whether responses of this type are worth gzip: text/*, JavaScript, JSON, SVG and XML.
bool isCompressibleMimeType(QByteArrayView mimeType);

} // namespace infralab::components

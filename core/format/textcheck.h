#pragma once

#include <QByteArray>
#include <QString>

namespace infralab {

// Byte-level checks a topology file passes before it reaches the JSON parser: encodings other
// than UTF-8 (BOMs, and UTF-16/32 without BOM), binary data, invalid UTF-8, and the
// translation of a byte offset into the `line L, column C` users see.
namespace textcheck {

// "UTF-16" / "UTF-32" with the reason, or empty when the bytes may be UTF-8.
QString foreignEncoding(const QByteArray &bytes);
// A message for binary data (zero bytes) or the first invalid UTF-8 sequence, or empty when
// the text is fine.
QString textProblem(const QByteArray &bytes);
// `line L, column C` of a byte offset; columns count characters, not bytes.
QString position(const QByteArray &bytes, qsizetype offset);
// `50.0 MB` (MiB, one decimal).
QString megabytes(qint64 size);

} // namespace textcheck

} // namespace infralab

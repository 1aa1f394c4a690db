#include "format/textcheck.h"

#include <algorithm>

namespace infralab::textcheck {

namespace {

uchar byteAt(const QByteArray &bytes, qsizetype i)
{
    return i < bytes.size() ? uchar(bytes.at(i)) : 0;
}

bool isContinuation(uchar b)
{
    return (b & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid (overlong forms,
// surrogates and code points above U+10FFFF included; RFC 3629 section 4).
qsizetype sequenceLength(const QByteArray &bytes, qsizetype i)
{
    const uchar b0 = byteAt(bytes, i);
    if (b0 < 0x80)
        return 1;
    const uchar b1 = byteAt(bytes, i + 1);
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return isContinuation(b1) ? 2 : 0;
    const uchar b2 = byteAt(bytes, i + 2);
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        const uchar low = b0 == 0xE0 ? 0xA0 : 0x80;
        const uchar high = b0 == 0xED ? 0x9F : 0xBF;
        return b1 >= low && b1 <= high && isContinuation(b2) ? 3 : 0;
    }
    const uchar b3 = byteAt(bytes, i + 3);
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const uchar low = b0 == 0xF0 ? 0x90 : 0x80;
        const uchar high = b0 == 0xF4 ? 0x8F : 0xBF;
        return b1 >= low && b1 <= high && isContinuation(b2) && isContinuation(b3) ? 4 : 0;
    }
    return 0;
}

} // namespace

QString foreignEncoding(const QByteArray &bytes)
{
    const QString utf16 = QStringLiteral("UTF-16");
    const QString utf32 = QStringLiteral("UTF-32");
    if (bytes.startsWith(QByteArrayLiteral("\xFF\xFE\x00\x00"))
        || bytes.startsWith(QByteArrayLiteral("\x00\x00\xFE\xFF")))
        return utf32;
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return utf16;
    // Without a byte order mark: JSON text starts with an ASCII character, which UTF-16 and
    // UTF-32 pad with zero bytes (RFC 4627 section 3 used the same trick).
    if (bytes.size() >= 4) {
        const bool z0 = bytes.at(0) == 0, z1 = bytes.at(1) == 0, z2 = bytes.at(2) == 0,
                   z3 = bytes.at(3) == 0;
        if ((z0 && z1 && z2 && !z3) || (!z0 && z1 && z2 && z3))
            return utf32;
        if ((z0 && !z1 && z2 && !z3) || (!z0 && z1 && !z2 && z3))
            return utf16;
    }
    return {};
}

QString textProblem(const QByteArray &bytes)
{
    // Text never holds a zero byte; binary formats (images, archives) nearly always do.
    if (bytes.contains('\0'))
        return QStringLiteral("file holds binary data (zero bytes); topology files are UTF-8 "
                              "JSON text");
    for (qsizetype i = 0; i < bytes.size();) {
        const qsizetype length = sequenceLength(bytes, i);
        if (length == 0) {
            const QString hex = QString::number(uchar(bytes.at(i)), 16)
                                    .toUpper()
                                    .rightJustified(2, QLatin1Char('0'));
            return position(bytes, i) + QStringLiteral(": invalid UTF-8 (byte 0x") + hex
                   + QStringLiteral("); topology files must be UTF-8, not Latin-1 or another "
                                    "legacy encoding");
        }
        i += length;
    }
    return {};
}

QString position(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    int line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const uchar b = uchar(bytes.at(i));
        if (b == '\n') {
            ++line;
            column = 1;
        } else if (!isContinuation(b)) {
            ++column;
        }
    }
    return QStringLiteral("line ") + QString::number(line) + QStringLiteral(", column ")
           + QString::number(column);
}

QString megabytes(qint64 size)
{
    return QString::number(double(size) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

} // namespace infralab::textcheck

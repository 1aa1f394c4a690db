#include "components/common/gzipcompress.h"

#include <zlib.h>

namespace infralab::components {

QByteArray gzipCompress(QByteArrayView data, int level)
{
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for the gzip header and trailer instead of zlib's own.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype produced = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(produced);
    return out;
}

} // namespace infralab::components

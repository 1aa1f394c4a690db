#include "components/common/mimetypes.h"

#include "http/httptypes.h"

namespace infralab::components {

namespace {

struct MimeEntry
{
    const char *extension;
    const char *type;
};

constexpr MimeEntry mimeTable[] = {
    {"html", "text/html"},
    {"htm", "text/html"},
    {"shtml", "text/html"},
    {"css", "text/css"},
    {"xml", "text/xml"},
    {"txt", "text/plain"},
    {"js", "application/javascript"},
    {"json", "application/json"},
    {"gif", "image/gif"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"png", "image/png"},
    {"svg", "image/svg+xml"},
    {"svgz", "image/svg+xml"},
    {"webp", "image/webp"},
    {"ico", "image/x-icon"},
    {"woff", "font/woff"},
    {"pdf", "application/pdf"},
    {"zip", "application/zip"},
    {"bin", "application/octet-stream"},
    {"exe", "application/octet-stream"},
    {"dll", "application/octet-stream"},
    {"deb", "application/octet-stream"},
    {"dmg", "application/octet-stream"},
    {"iso", "application/octet-stream"},
    {"img", "application/octet-stream"},
    {"mp4", "video/mp4"},
    {"mp3", "audio/mpeg"},
};

constexpr QByteArrayView defaultType = "application/octet-stream";

} // namespace

QByteArrayView mimeTypeForPath(QByteArrayView path)
{
    const qsizetype slash = path.lastIndexOf('/');
    const qsizetype dot = path.lastIndexOf('.');
    if (dot < 0 || dot < slash)
        return defaultType;
    const QByteArrayView extension = path.sliced(dot + 1);
    for (const MimeEntry &entry : mimeTable) {
        if (http::equalsIgnoreCase(extension, entry.extension))
            return QByteArrayView(entry.type);
    }
    return defaultType;
}

bool isCompressibleMimeType(QByteArrayView mimeType)
{
    return mimeType.startsWith("text/") || mimeType == "application/javascript"
           || mimeType == "application/json" || mimeType == "image/svg+xml"
           || mimeType.endsWith("+xml") || mimeType == "application/xml";
}

} // namespace infralab::components

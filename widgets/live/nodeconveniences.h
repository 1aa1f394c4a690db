#pragma once

#include <QString>

namespace infralab {

namespace live {
class LabSession;
}

// What a running node offers a user's own tools: its URL, a curl command line for it, and
// opening it in the browser. Shared by the context menu and the node detail dock.
namespace nodeconveniences {

// The node's base URL while it runs and listens ("http://127.0.0.1:8080"), else empty.
QString url(const live::LabSession &session, const QString &nodeId);
// `curl -i 'http://127.0.0.1:8080/'` — quoted for a POSIX shell.
QString curlCommand(const QString &url);
void copyToClipboard(const QString &text);
bool openInBrowser(const QString &url);

} // namespace nodeconveniences
} // namespace infralab
